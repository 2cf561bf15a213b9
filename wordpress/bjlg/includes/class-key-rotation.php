<?php
/**
 * Rotating the site key (`bin/bjlg --wp key rotate --yes`): a new key, every encrypted archive
 * of the site re-encrypted with it, the history rows of those archives updated with the new
 * fingerprint, then the old key removed.
 *
 * Nothing is lost, and an interrupted rotation resumes:
 * 1. The new key is written beside the key file (`site-key.next.php`, 0600, created
 *    exclusively) and kept there until the end: a second run finds it and carries on with it.
 * 2. Each `.zip.enc` still under the old key (its header's key fingerprint says which) is
 *    decrypted into a private folder (0700) in the backups folder, encrypted with the new key to
 *    a temporary name beside the archive, that copy authenticated (`Cipher::verifyFile`), and
 *    renamed over the archive; the plaintext is removed at once. An archive already under the
 *    new key is skipped; one under neither key is reported and left as it is.
 * 3. Once every archive is under the new key, the new key file is renamed over the key file:
 *    the old key is gone. Until then the old key stays, and the verifier and the restore tests
 *    open each archive with the key its header names (Site_Key::for_archive()).
 *
 * The job lock is held throughout (no backup writes with the old key meanwhile). A key given by
 * the constant BJLG_ENCRYPTION_KEY cannot be rotated here (wp-config.php holds it).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Crypto\Cipher;

/**
 * Rotates the site key.
 */
final class Key_Rotation {

	/**
	 * The new key's file during a rotation.
	 */
	public static function next_path(): string {
		$path = Site_Key::path();
		return ( str_ends_with( $path, '.php' ) ? substr( $path, 0, -4 ) : $path ) . '.next.php';
	}

	/**
	 * The new key of a rotation in progress, or null.
	 */
	public static function next_key(): ?\Bjlg\Crypto\Key {
		$path = self::next_path();
		if ( ! is_file( $path ) ) {
			return null;
		}
		return \Bjlg\Crypto\Key::fromString( Site_Key::decode( (string) file_get_contents( $path ) ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}

	/**
	 * What a rotation would do: the current key's fingerprint, the new one's when a rotation is
	 * in progress, and the encrypted archives with the fingerprint each header names.
	 *
	 * @return array{fingerprint: ?string, next_fingerprint: ?string, resumed: bool, archives: list<array{name: string, fingerprint: ?string}>}
	 * @throws \RuntimeException A key from the constant, or no key.
	 */
	public static function plan(): array {
		self::check_rotatable();
		$current = Site_Key::get();
		$next    = self::next_key();
		$items   = array();
		foreach ( Backup_Store::archives() as $archive ) {
			if ( Backup_Store::is_encrypted_name( $archive['name'] ) ) {
				$items[] = array(
					'name'        => $archive['name'],
					'fingerprint' => self::fingerprint_of( $archive['path'] ),
				);
			}
		}
		return array(
			'fingerprint'      => null === $current ? null : $current->fingerprint(),
			'next_fingerprint' => null === $next ? null : $next->fingerprint(),
			'resumed'          => null !== $next,
			'archives'         => $items,
		);
	}

	/**
	 * Rotates (or resumes a rotation): returns {old_fingerprint, fingerprint, archives:
	 * [{name, action (reencrypted, already, unknown_key, failed), error}], history_rows,
	 * completed}. `completed` is false when an archive could not be re-encrypted: the old key is
	 * then kept and the next run resumes.
	 *
	 * @param callable(string): void|null $say Sees one line per archive.
	 * @return array<string, mixed>
	 * @throws Job_Busy_Exception Another job runs on this site.
	 * @throws \RuntimeException A key from the constant, no key, the new key not writable.
	 */
	public static function rotate( ?callable $say = null ): array {
		self::check_rotatable();
		$lock = new Job_Lock( 'key-rotation' );
		if ( ! $lock->acquire() ) {
			throw new Job_Busy_Exception( Job_Lock::holder() );
		}
		try {
			$old  = Site_Key::get();
			$next = self::next_key() ?? self::write_next();
			$out  = array(
				'old_fingerprint' => $old->fingerprint(),
				'fingerprint'     => $next->fingerprint(),
				'archives'        => array(),
				'history_rows'    => 0,
				'completed'       => false,
			);
			$failed = 0;
			foreach ( Backup_Store::archives() as $archive ) {
				if ( ! Backup_Store::is_encrypted_name( $archive['name'] ) ) {
					continue;
				}
				$lock->refresh();
				$item = self::rotate_archive( $archive['name'], $archive['path'], $old, $next );
				if ( 'failed' === $item['action'] || 'unknown_key' === $item['action'] ) {
					++$failed;
				}
				if ( 'reencrypted' === $item['action'] || 'already' === $item['action'] ) {
					// The file's bytes changed: its recorded SHA-256 (which verification compares) too.
					$out['history_rows'] += self::update_history( $archive['name'], $next->fingerprint(), (string) hash_file( 'sha256', $archive['path'] ) );
				}
				$out['archives'][] = $item;
				if ( null !== $say ) {
					$say( $item['name'] . ': ' . $item['action'] . ( null === $item['error'] ? '' : ' (' . $item['error'] . ')' ) );
				}
			}
			if ( 0 === $failed ) {
				// Every archive opens with the new key: it replaces the old one, atomically.
				if ( ! rename( self::next_path(), Site_Key::path() ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
					throw new \RuntimeException( 'cannot replace the key file with the new key (the new key is kept beside it; run the rotation again)' );
				}
				$out['completed'] = true;
			}
			History::log(
				'key_rotated',
				$out['completed'] ? 'success' : 'warning',
				$out['completed']
					? sprintf( 'Site key rotated: %d archives re-encrypted, the old key removed.', count( array_filter( $out['archives'], static fn( $a ) => 'reencrypted' === $a['action'] ) ) )
					: sprintf( 'Site key rotation incomplete: %d archives could not be re-encrypted; the old key is kept until they are.', $failed ),
				array(
					'old_fingerprint' => $out['old_fingerprint'],
					'fingerprint'     => $out['fingerprint'],
					'archives'        => $out['archives'],
				)
			);
			return $out;
		} finally {
			$lock->release();
		}
	}

	/**
	 * One archive: skipped when already under the new key, else decrypted, re-encrypted to a
	 * temporary name, authenticated, renamed over. Never leaves a plaintext or a partial file.
	 *
	 * @param string            $name The archive's name.
	 * @param string            $path Its path.
	 * @param \Bjlg\Crypto\Key $old  The current key.
	 * @param \Bjlg\Crypto\Key $next The new key.
	 * @return array{name: string, action: string, error: ?string}
	 */
	private static function rotate_archive( string $name, string $path, \Bjlg\Crypto\Key $old, \Bjlg\Crypto\Key $next ): array {
		$fingerprint = self::fingerprint_of( $path );
		$action      = self::action_for( $fingerprint, $old->fingerprint(), $next->fingerprint() );
		if ( 'reencrypt' !== $action ) {
			return array(
				'name'   => $name,
				'action' => $action,
				'error'  => null,
			);
		}
		$dir     = dirname( $path );
		$private = $dir . '/.bjlg-rotate-' . strtolower( wp_generate_password( 8, false ) );
		$temp    = $dir . '/.' . $name . '.rotating';
		$old_mask = umask( 0077 );
		$made     = mkdir( $private, 0700 ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		umask( $old_mask );
		if ( ! $made ) {
			return array(
				'name'   => $name,
				'action' => 'failed',
				'error'  => 'cannot create a private folder in the backups folder',
			);
		}
		$plain = $private . '/plain.zip';
		try {
			Cipher::decryptFile( $path, $plain, $old );
			Cipher::encryptFile( $plain, $temp, $next );
			@unlink( $plain ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
			Cipher::verifyFile( $temp, $next );
			if ( ! rename( $temp, $path ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
				throw new \RuntimeException( 'cannot rename the re-encrypted copy over the archive' );
			}
			return array(
				'name'   => $name,
				'action' => 'reencrypted',
				'error'  => null,
			);
		} catch ( \Throwable $e ) {
			return array(
				'name'   => $name,
				'action' => 'failed',
				'error'  => $e instanceof \Bjlg\Exception ? get_class( $e ) : $e->getMessage(),
			);
		} finally {
			foreach ( array( $plain, $temp ) as $file ) {
				if ( is_file( $file ) ) {
					@unlink( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
				}
			}
			@rmdir( $private ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
		}
	}

	/**
	 * What to do with an archive whose header names $fingerprint. Pure.
	 *
	 * @param string|null $fingerprint The header's key fingerprint (null: a BJLGENC1 or unreadable header).
	 * @param string      $old         The current key's.
	 * @param string      $next        The new key's.
	 * @return string reencrypt, already or unknown_key.
	 */
	public static function action_for( ?string $fingerprint, string $old, string $next ): string {
		if ( $fingerprint === $next ) {
			return 'already';
		}
		return $fingerprint === $old ? 'reencrypt' : 'unknown_key';
	}

	/**
	 * The key fingerprint an encrypted archive's header names, or null.
	 *
	 * @param string $path The archive.
	 */
	public static function fingerprint_of( string $path ): ?string {
		try {
			$info = Cipher::inspect( $path );
		} catch ( \Throwable $e ) {
			return null;
		}
		return isset( $info['key_fingerprint'] ) ? (string) $info['key_fingerprint'] : null;
	}

	/**
	 * Sets metrics.key_fingerprint and metrics.checksum.value in the site's backup_created rows
	 * of archive $name; returns how many rows changed.
	 *
	 * @param string $name        The archive.
	 * @param string $fingerprint The new key's.
	 * @param string $sha256      The re-encrypted file's SHA-256.
	 */
	private static function update_history( string $name, string $fingerprint, string $sha256 ): int {
		global $wpdb;
		$changed = 0;
		foreach ( History::recent( 500, 'backup_created', 'success' ) as $row ) {
			if ( ( $row['metadata']['backup']['filename'] ?? null ) !== $name ) {
				continue;
			}
			$meta = $row['metadata'];
			if ( ( $meta['metrics']['key_fingerprint'] ?? null ) === $fingerprint && ( $meta['metrics']['checksum']['value'] ?? null ) === $sha256 ) {
				continue;
			}
			$meta['metrics']['key_fingerprint'] = $fingerprint;
			$meta['metrics']['checksum']        = array(
				'value'     => $sha256,
				'algorithm' => 'sha256',
			);
			$changed                            += (int) $wpdb->update( History::table(), array( 'metadata' => wp_json_encode( $meta ) ), array( 'id' => $row['id'] ), array( '%s' ), array( '%d' ) );
		}
		return $changed;
	}

	/**
	 * Writes a new key to the next key file (0600, created exclusively).
	 *
	 * @throws \RuntimeException The file cannot be created.
	 */
	private static function write_next(): \Bjlg\Crypto\Key {
		$key  = \Bjlg\Crypto\Key::generate();
		$path = self::next_path();
		$mask = umask( 0077 );
		$file = @fopen( $path, 'x' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
		umask( $mask );
		if ( false === $file ) {
			throw new \RuntimeException( 'cannot create the new key file beside the site key file' );
		}
		chmod( $path, 0600 );
		fwrite( $file, Site_Key::GUARD . $key->toString() . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		fflush( $file );
		fclose( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return $key;
	}

	/**
	 * Refuses a key from the constant, or no key at all.
	 *
	 * @throws \RuntimeException Why the key cannot be rotated here.
	 */
	private static function check_rotatable(): void {
		if ( defined( 'BJLG_ENCRYPTION_KEY' ) && '' !== (string) BJLG_ENCRYPTION_KEY ) {
			throw new \RuntimeException( 'the site key comes from the constant BJLG_ENCRYPTION_KEY (wp-config.php): rotate it there, then re-encrypt the archives' );
		}
		if ( ! is_file( Site_Key::path() ) ) {
			throw new \RuntimeException( 'this site has no key to rotate (encryption enable creates one)' );
		}
	}
}
