<?php
/**
 * `--fields` for the commands that print one document (`status`, `job ID`, `schedule show`,
 * `backup`, `verify`, `restore-test`, `encryption`, ...) with `--format=json|yaml`: a Console
 * that keeps only the named keys of the document, in the order given. A field is a top-level
 * key (`schedule`) or a path into a map (`schedule.next_event`, `encryption.fingerprint`); the
 * kept keys keep their nesting. A name the document does not have is a usage error (exit 2)
 * listing the keys there are at that level, and nothing is printed. The rows commands (`list`,
 * `jobs`, `quota`, ...) have their own column lists (Commands::fields).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Wraps a Console; documents pass through pick().
 */
final class Fields_Console implements Console {

	/** The console written to. @var Console */
	private $inner;

	/** The fields. @var list<string> */
	private $fields;

	/**
	 * @param Console      $inner  The console written to.
	 * @param list<string> $fields The fields (see pick()).
	 */
	public function __construct( Console $inner, array $fields ) {
		$this->inner  = $inner;
		$this->fields = $fields;
	}

	/**
	 * The --fields list of $value: names separated by commas, none empty.
	 *
	 * @param string $value The option's value.
	 * @return list<string>
	 * @throws Usage_Exception An empty list or name.
	 */
	public static function parse( string $value ): array {
		$fields = array_map( 'trim', explode( ',', $value ) );
		foreach ( $fields as $field ) {
			if ( '' === $field || in_array( '', explode( '.', $field ), true ) ) {
				throw new Usage_Exception( '--fields needs field names (a key of the document, or a path such as schedule.next_event)' );
			}
		}
		return array_values( array_unique( $fields ) );
	}

	/**
	 * The keys of $document named by $fields, in that order, nested as they are. Pure.
	 *
	 * @param array<string, mixed> $document The document.
	 * @param list<string>         $fields   Keys or dotted paths.
	 * @return array<string, mixed>
	 * @throws Usage_Exception A field the document does not have.
	 */
	public static function pick( array $document, array $fields ): array {
		$out = array();
		foreach ( $fields as $field ) {
			$path  = explode( '.', $field );
			$node  = $document;
			$where = array();
			foreach ( $path as $key ) {
				if ( ! is_array( $node ) || ! array_key_exists( $key, $node ) ) {
					$known = is_array( $node ) ? array_map( 'strval', array_keys( $node ) ) : array();
					$at    = array() === $where ? '' : ' in ' . implode( '.', $where );
					$why   = array() === $known ? '; ' . implode( '.', $where ) . ' is not a map' : "; the fields$at are: " . implode( ', ', $known );
					throw new Usage_Exception( "unknown field '$field'" . $why );
				}
				$node    = $node[ $key ];
				$where[] = $key;
			}
			$ref = &$out;
			foreach ( array_slice( $path, 0, -1 ) as $key ) {
				if ( ! isset( $ref[ $key ] ) || ! is_array( $ref[ $key ] ) ) {
					$ref[ $key ] = array();
				}
				$ref = &$ref[ $key ];
			}
			$ref[ end( $path ) ] = $node;
			unset( $ref );
		}
		return $out;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string, mixed> $data   The result.
	 * @param string               $format json or yaml.
	 */
	public function document( array $data, string $format ): void {
		$this->inner->document( self::pick( $data, $this->fields ), $format );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function info( string $text ): void {
		$this->inner->info( $text );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function error( string $text ): void {
		$this->inner->error( $text );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format The format.
	 */
	public function items( array $rows, array $fields, string $format ): void {
		$this->inner->items( $rows, $fields, $format );
	}

	/**
	 * {@inheritDoc}
	 */
	public function progress(): ?callable {
		return $this->inner->progress();
	}

	/**
	 * {@inheritDoc}
	 */
	public function progress_done(): void {
		$this->inner->progress_done();
	}
}
