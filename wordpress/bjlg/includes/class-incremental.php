<?php
/**
 * Incremental backups: which backup an incremental is based on, and the chain of archives an
 * incremental needs to be restored (its full backup, then its earlier incrementals, oldest
 * first). Both come from the history: an incremental's `backup_created` row records its `base`
 * ({filename, history_id}) and its `chain` (the archives before it, oldest first, ending with
 * its base); a full backup's chain is empty.
 *
 * The base is the latest good backup of the site: the newest successful `backup_created` row
 * (full or incremental) whose archive, and every archive of whose chain, is still on disk, and
 * whose last verification did not fail. `Bjlg\Archive\Writer`'s `since` reads its index.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Thrown when an incremental cannot be made: no base, or a site that encrypts its backups.
 * Nothing was started (no job, no history row).
 */
final class Incremental_Unavailable_Exception extends \RuntimeException {
}

/**
 * Bases and chains of incrementals.
 */
final class Incremental {

	/** How many backup rows are searched for a base. */
	const SEARCH_ROWS = 500;

	/**
	 * The base of a new incremental of the current site, or null when there is none.
	 *
	 * @return array{filename: string, history_id: int, type: string, chain: list<string>}|null
	 */
	public static function base(): ?array {
		return self::choose_base(
			History::recent( self::SEARCH_ROWS, 'backup_created', 'success' ),
			static fn( string $name ): bool => null !== Backup_Store::resolve( $name ),
			Verify_Job::last_by_archive()
		);
	}

	/**
	 * Why an incremental cannot be made now, or null.
	 *
	 * @param bool $encrypts Whether the site encrypts its backups.
	 * @param array{filename: string}|null $base base().
	 */
	public static function refusal( bool $encrypts, ?array $base ): ?string {
		if ( $encrypts ) {
			// The writer's `since` cannot read an encrypted archive's index (docs/archive.md).
			return 'incremental backups of a site that encrypts its backups are not available yet: make a full backup';
		}
		if ( null === $base ) {
			return 'no earlier good backup of this site to base an incremental on: make a full backup first';
		}
		if ( Backup_Store::is_encrypted_name( $base['filename'] ) ) {
			return sprintf( 'the latest good backup, %s, is encrypted: an incremental cannot be based on it; make a full backup', $base['filename'] );
		}
		return null;
	}

	/**
	 * The base among successful backup rows, newest first. Pure.
	 *
	 * @param list<array<string, mixed>>          $rows     backup_created success rows, newest first.
	 * @param callable(string): bool              $exists   Whether an archive is on disk.
	 * @param array<string, array<string, mixed>> $verified The last verification per archive ({status}).
	 * @return array{filename: string, history_id: int, type: string, chain: list<string>}|null
	 */
	public static function choose_base( array $rows, callable $exists, array $verified ): ?array {
		foreach ( $rows as $row ) {
			$name = $row['metadata']['backup']['filename'] ?? null;
			if ( ! is_string( $name ) || ! $exists( $name ) ) {
				continue;
			}
			if ( 'failed' === ( $verified[ $name ]['status'] ?? null ) ) {
				continue;
			}
			$chain = array_values( array_map( 'strval', (array) ( $row['metadata']['chain'] ?? array() ) ) );
			if ( count( array_filter( $chain, $exists ) ) !== count( $chain ) ) {
				continue; // An archive it needs is gone: it cannot be restored, so not built upon.
			}
			return array(
				'filename'   => $name,
				'history_id' => (int) $row['id'],
				'type'       => (string) ( $row['metadata']['type'] ?? 'full' ),
				'chain'      => $chain,
			);
		}
		return null;
	}

	/**
	 * The chain of a new incremental on $base: the base's chain then the base. Pure.
	 *
	 * @param array{filename: string, chain: list<string>} $base A base().
	 * @return list<string>
	 */
	public static function chain_on( array $base ): array {
		return array_merge( $base['chain'], array( $base['filename'] ) );
	}

	/**
	 * The archives archive $name needs before it to be restored, oldest first (empty for a full
	 * backup, or an archive the history does not know).
	 *
	 * @param string $name An archive name.
	 * @return list<string>
	 */
	public static function chain_of( string $name ): array {
		foreach ( History::recent( self::SEARCH_ROWS, 'backup_created', 'success' ) as $row ) {
			if ( ( $row['metadata']['backup']['filename'] ?? null ) === $name ) {
				return array_values( array_map( 'strval', (array) ( $row['metadata']['chain'] ?? array() ) ) );
			}
		}
		return array();
	}

	/**
	 * The archives on disk that need $name to be restored (their chain holds it). Pure over
	 * $rows and $exists.
	 *
	 * @param string                     $name   An archive name.
	 * @param list<array<string, mixed>> $rows   backup_created success rows.
	 * @param callable(string): bool     $exists Whether an archive is on disk.
	 * @return list<string>
	 */
	public static function dependents_in( string $name, array $rows, callable $exists ): array {
		$out = array();
		foreach ( $rows as $row ) {
			$own = $row['metadata']['backup']['filename'] ?? null;
			if ( is_string( $own ) && in_array( $name, (array) ( $row['metadata']['chain'] ?? array() ), true ) && $exists( $own ) ) {
				$out[] = $own;
			}
		}
		return $out;
	}

	/**
	 * Deletes archive $name of the current site (the `delete` command, the old DELETE
	 * /backups/{id}): refused while an incremental on disk needs it; a backup_deleted row.
	 *
	 * @param string $name   An archive name (checked by the caller).
	 * @param string $source Who asked.
	 * @return array{deleted: bool, error: ?string, reason: ?string, dependents: list<string>} reason: not_found, needed, unlink.
	 */
	public static function delete_archive( string $name, string $source ): array {
		$path = Backup_Store::resolve( $name );
		if ( null === $path ) {
			return array(
				'deleted'    => false,
				'error'      => "no archive of this site is named $name",
				'reason'     => 'not_found',
				'dependents' => array(),
			);
		}
		$dependents = self::dependents( $name );
		if ( array() !== $dependents ) {
			return array(
				'deleted'    => false,
				'error'      => "$name is kept: the incrementals " . implode( ', ', $dependents ) . ' need it to be restored (delete them first)',
				'reason'     => 'needed',
				'dependents' => $dependents,
			);
		}
		if ( ! unlink( $path ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			return array(
				'deleted'    => false,
				'error'      => "$name could not be removed",
				'reason'     => 'unlink',
				'dependents' => array(),
			);
		}
		History::log( 'backup_deleted', 'info', sprintf( 'Archive %s deleted.', $name ), array( 'source' => $source, 'backup' => array( 'filename' => $name ) ) );
		return array(
			'deleted'    => true,
			'error'      => null,
			'reason'     => null,
			'dependents' => array(),
		);
	}

	/**
	 * The archives of the current site that need $name.
	 *
	 * @param string $name An archive name.
	 * @return list<string>
	 */
	public static function dependents( string $name ): array {
		return self::dependents_in(
			$name,
			History::recent( self::SEARCH_ROWS, 'backup_created', 'success' ),
			static fn( string $n ): bool => null !== Backup_Store::resolve( $n )
		);
	}
}
