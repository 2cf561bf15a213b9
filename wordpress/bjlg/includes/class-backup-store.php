<?php
/**
 * Where the site's archives live: `wp-content/uploads/bjlg-backups/` (per site on multisite:
 * `.../bjlg-backups/site-<id>/`), guarded against the web by an .htaccess, a web.config and an
 * empty index.php, and left out of file backups by the writer's default excludes.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The backups folder and its archives.
 */
final class Backup_Store {

	/**
	 * The folder (created and guarded on first use).
	 *
	 * @throws \RuntimeException When it cannot be created.
	 */
	public static function directory(): string {
		$uploads = wp_upload_dir( null, false );
		$base    = trailingslashit( $uploads['basedir'] ) . 'bjlg-backups';
		if ( is_multisite() ) {
			$base .= '/site-' . get_current_blog_id();
		}
		$base = (string) apply_filters( 'bjlg_backup_directory', $base );
		if ( ! is_dir( $base ) && ! wp_mkdir_p( $base ) ) {
			throw new \RuntimeException( "cannot create the backups folder $base" );
		}
		$guards = array(
			'.htaccess'  => "Require all denied\nDeny from all\n",
			'web.config' => "<configuration><system.webServer><authorization><deny users=\"*\" /></authorization></system.webServer></configuration>\n",
			'index.php'  => "<?php // Silence is golden.\n",
		);
		foreach ( $guards as $name => $content ) {
			if ( ! file_exists( "$base/$name" ) ) {
				file_put_contents( "$base/$name", $content ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		return $base;
	}

	/**
	 * A new archive name: backup-full-<UTC date>-<time>-<random>.zip (.zip.enc encrypted), or
	 * incremental-full-... for an incremental. Pure.
	 *
	 * @param int    $time      Unix time.
	 * @param string $random    A few characters that keep two names of one second apart.
	 * @param bool   $encrypted Whether the archive is encrypted.
	 * @param string $type      full or incremental.
	 */
	public static function archive_name( int $time, string $random, bool $encrypted = false, string $type = 'full' ): string {
		// An incremental is named as the old plugin named its incrementals (`incremental-` then its
		// components, here all: `full`), so that Bjlg\Remote\Purge sees the chains (docs/purge.md).
		return ( 'incremental' === $type ? 'incremental-full-' : 'backup-' . $type . '-' ) . gmdate( 'Ymd-His', $time ) . '-' . $random . ( $encrypted ? '.zip.enc' : '.zip' );
	}

	/**
	 * Whether an archive name is an encrypted archive's. Pure.
	 *
	 * @param string $name An archive name.
	 */
	public static function is_encrypted_name( string $name ): bool {
		return str_ends_with( $name, '.enc' );
	}

	/**
	 * The verifier's and the restore test's key option for archive $name: the site key for an
	 * encrypted archive (none when the site has no key: the check is then inconclusive).
	 *
	 * @param string $name An archive name.
	 * @return array{key?: \Bjlg\Crypto\Key}
	 */
	public static function key_option( string $name ): array {
		if ( ! self::is_encrypted_name( $name ) ) {
			return array();
		}
		$key  = Site_Key::get();
		$next = Key_Rotation::next_key();
		if ( null !== $next ) {
			// A rotation in progress: the archives already re-encrypted open with the new key.
			$path = self::resolve( $name );
			if ( null !== $path && Key_Rotation::fingerprint_of( $path ) === $next->fingerprint() ) {
				$key = $next;
			}
		}
		return null === $key ? array() : array( 'key' => $key );
	}

	/**
	 * Whether a file name is one of our archive names (also the plugin's encrypted `.zip.enc`). Pure.
	 *
	 * @param string $name A base name.
	 */
	public static function is_archive_name( string $name ): bool {
		return 1 === preg_match( '/^(backup-[a-z]+|incremental-full)-[0-9]{8}-[0-9]{6}-[A-Za-z0-9]+\.zip(\.enc)?$/', $name );
	}

	/**
	 * The path of the archive named $name in $dir, or null when there is none: $name must be one
	 * of our archive names (so no separator, no `..`), and the file, symlinks resolved, must be a
	 * regular file directly inside $dir. Reads the disk, touches nothing.
	 *
	 * @param string $dir  The backups folder.
	 * @param string $name A name as the user gave it.
	 */
	public static function resolve_in( string $dir, string $name ): ?string {
		if ( ! self::is_archive_name( $name ) ) {
			return null;
		}
		$real_dir  = realpath( $dir );
		$real_path = realpath( "$dir/$name" );
		if ( false === $real_dir || false === $real_path || dirname( $real_path ) !== $real_dir || ! is_file( $real_path ) ) {
			return null;
		}
		return $real_path;
	}

	/**
	 * The path of the site's archive named $name, or null (see resolve_in()).
	 *
	 * @param string $name A name as the user gave it.
	 */
	public static function resolve( string $name ): ?string {
		return self::resolve_in( self::directory(), $name );
	}

	/**
	 * The archives, newest first: name, path, bytes, modified (Unix time).
	 *
	 * @return list<array{name: string, path: string, bytes: int, modified: int}>
	 */
	public static function archives(): array {
		$dir   = self::directory();
		$items = array();
		foreach ( (array) scandir( $dir ) as $name ) {
			$path = "$dir/$name";
			if ( ! is_string( $name ) || ! self::is_archive_name( $name ) || ! is_file( $path ) ) {
				continue;
			}
			$items[] = array(
				'name'     => $name,
				'path'     => $path,
				'bytes'    => (int) filesize( $path ),
				'modified' => (int) filemtime( $path ),
			);
		}
		usort(
			$items,
			static function ( array $a, array $b ): int {
				return array( $b['modified'], $b['name'] ) <=> array( $a['modified'], $a['name'] );
			}
		);
		return $items;
	}
}
