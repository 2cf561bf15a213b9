<?php
/**
 * Rows of a command's output as WP-CLI prints them (--format=table|json|csv|yaml), for the
 * commands run through `bin/bjlg --wp`, where WP-CLI's own formatter is absent (yaml: bin/bjlg's
 * renderer, loaded there). Pure: no WordPress call.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Formats lists of rows.
 */
final class Formatter {

	const FORMATS = array( 'table', 'json', 'csv', 'yaml' );

	/**
	 * One result as a document: json, or yaml (bin/bjlg's renderer, cli/Formatter.php: strings
	 * quoted, one renderer for every bjlg command).
	 *
	 * @param array<string, mixed> $data   The result.
	 * @param string               $format json or yaml.
	 */
	public static function document( array $data, string $format ): string {
		if ( 'yaml' === $format ) {
			return \Bjlg\Cli\Formatter::yaml( $data );
		}
		return json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	}

	/**
	 * The rows in $format, keeping only $fields, in that order.
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format table, json, csv or yaml.
	 * @return string The text, ending with a line feed (empty for a table with no rows).
	 * @throws \InvalidArgumentException An unknown format.
	 */
	public static function format( array $rows, array $fields, string $format ): string {
		if ( 'json' === $format || 'yaml' === $format ) {
			// Values keep their types (numbers stay numbers), as WP-CLI's format_items does.
			$items = array();
			foreach ( $rows as $row ) {
				$item = array();
				foreach ( $fields as $field ) {
					$item[ $field ] = $row[ $field ] ?? null;
				}
				$items[] = $item;
			}
			return 'yaml' === $format ? \Bjlg\Cli\Formatter::yaml( $items ) : json_encode( $items, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
		}
		$cells = array();
		foreach ( $rows as $row ) {
			$line = array();
			foreach ( $fields as $field ) {
				$line[ $field ] = self::scalar( $row[ $field ] ?? null );
			}
			$cells[] = $line;
		}
		switch ( $format ) {
			case 'csv':
				return self::csv( $cells, $fields );
			case 'table':
				return self::table( $cells, $fields );
		}
		throw new \InvalidArgumentException( "unknown format '$format' (table, json or csv)" );
	}

	/**
	 * A cell's text: arrays as JSON, booleans as true/false, null as empty.
	 *
	 * @param mixed $value A cell.
	 */
	private static function scalar( $value ): string {
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		if ( is_array( $value ) ) {
			return (string) json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		}
		return (string) $value;
	}

	/**
	 * RFC 4180 CSV with a header line.
	 *
	 * @param list<array<string, string>> $cells  The rows.
	 * @param list<string>                $fields The header.
	 */
	private static function csv( array $cells, array $fields ): string {
		$out = fopen( 'php://temp', 'w+' );
		fputcsv( $out, $fields, ',', '"', '' );
		foreach ( $cells as $line ) {
			fputcsv( $out, array_values( $line ), ',', '"', '' );
		}
		rewind( $out );
		$text = (string) stream_get_contents( $out );
		fclose( $out );
		return $text;
	}

	/**
	 * WP-CLI's ASCII table: +---+ borders, a header, one line per row.
	 *
	 * @param list<array<string, string>> $cells  The rows.
	 * @param list<string>                $fields The header.
	 */
	private static function table( array $cells, array $fields ): string {
		$widths = array();
		foreach ( $fields as $field ) {
			$widths[ $field ] = mb_strwidth( $field );
			foreach ( $cells as $line ) {
				$widths[ $field ] = max( $widths[ $field ], mb_strwidth( $line[ $field ] ) );
			}
		}
		$rule = '+';
		foreach ( $fields as $field ) {
			$rule .= str_repeat( '-', $widths[ $field ] + 2 ) . '+';
		}
		$render = static function ( array $line ) use ( $fields, $widths ): string {
			$text = '|';
			foreach ( $fields as $field ) {
				$value = $line[ $field ];
				$text .= ' ' . $value . str_repeat( ' ', $widths[ $field ] - mb_strwidth( $value ) ) . ' |';
			}
			return $text;
		};
		$text = $rule . "\n" . $render( array_combine( $fields, $fields ) ) . "\n" . $rule . "\n";
		foreach ( $cells as $line ) {
			$text .= $render( $line ) . "\n";
		}
		return $text . $rule . "\n";
	}
}
