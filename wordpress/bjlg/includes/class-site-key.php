<?php
/**
 * The site's encryption key (a Bjlg\Crypto\Key, 32 bytes), used when the setting `encrypt` is
 * on: the writer encrypts each new archive with it (`.zip.enc`, the extension's streaming AEAD
 * format), the verifier and the restore test open them with it.
 *
 * Where it lives, first found: the constant BJLG_ENCRYPTION_KEY (wp-config.php, the plugin's
 * name, base64), else the key file: by default `site-key.php` in the site's backups folder
 * (filter `bjlg_key_file` moves it, better outside the web root), mode 0600, whose first line
 * is `<?php exit; ?>` so that a server that runs it shows nothing. The backups folder is left
 * out of every backup, so an archive never carries the key that opens it: keep a copy of the key
 * elsewhere (the fingerprint, shown by `status`, tells which key an archive needs).
 *
 * The key never leaves this class but as a Key object (whose bytes never show in var_dump,
 * messages or traces): REST answers, the history and the logs see its fingerprint only.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The site key.
 */
final class Site_Key {

	/** The guard line of the key file. */
	const GUARD = "<?php exit; ?>\n";

	/**
	 * The key file's path.
	 */
	public static function path(): string {
		return (string) apply_filters( 'bjlg_key_file', Backup_Store::directory() . '/site-key.php' );
	}

	/**
	 * The key, or null when the site has none yet.
	 *
	 * @throws \Throwable A key that is not 32 bytes of base64 (Key::fromString; the message names no key).
	 */
	public static function get(): ?\Bjlg\Crypto\Key {
		if ( defined( 'BJLG_ENCRYPTION_KEY' ) && '' !== (string) BJLG_ENCRYPTION_KEY ) {
			return \Bjlg\Crypto\Key::fromString( (string) BJLG_ENCRYPTION_KEY );
		}
		$path = self::path();
		if ( ! is_file( $path ) ) {
			return null;
		}
		return \Bjlg\Crypto\Key::fromString( self::decode( (string) file_get_contents( $path ) ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}

	/**
	 * The key, generated and written (0600, created exclusively: two processes never write two
	 * keys) when there is none.
	 *
	 * @throws \RuntimeException The key file cannot be written.
	 */
	public static function ensure(): \Bjlg\Crypto\Key {
		$key = self::get();
		if ( null !== $key ) {
			return $key;
		}
		$key  = \Bjlg\Crypto\Key::generate();
		$path = self::path();
		$old  = umask( 0077 );
		$file = @fopen( $path, 'x' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors, WordPress.WP.AlternativeFunctions
		umask( $old );
		if ( false === $file ) {
			$again = self::get(); // Another process wrote it first.
			if ( null !== $again ) {
				return $again;
			}
			throw new \RuntimeException( 'cannot create the site key file (see the filter bjlg_key_file)' );
		}
		chmod( $path, 0600 );
		fwrite( $file, self::GUARD . $key->toString() . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		fflush( $file );
		fclose( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return $key;
	}

	/**
	 * The base64 key of a key file's content (the guard line removed). Pure.
	 *
	 * @param string $content The file's content.
	 */
	public static function decode( string $content ): string {
		if ( str_starts_with( $content, self::GUARD ) ) {
			$content = substr( $content, strlen( self::GUARD ) );
		}
		return trim( $content );
	}

	/**
	 * Whether new backups are encrypted (option bjlg_settings.encrypt, default off).
	 */
	public static function enabled(): bool {
		$settings = get_option( Verify_Job::SETTINGS_OPTION, array() );
		return is_array( $settings ) && ! empty( $settings['encrypt'] );
	}

	/**
	 * Turns encryption of new backups on (creating the key when there is none) or off.
	 *
	 * @param bool $on On or off.
	 */
	public static function set_enabled( bool $on ): void {
		if ( $on ) {
			self::ensure();
		}
		$settings            = get_option( Verify_Job::SETTINGS_OPTION, array() );
		$settings            = is_array( $settings ) ? $settings : array();
		$settings['encrypt'] = $on;
		update_option( Verify_Job::SETTINGS_OPTION, $settings );
	}

	/**
	 * What /status and `status` show: enabled, source (constant, file, none), the key's
	 * fingerprint and the file's mode. Never the key.
	 *
	 * @return array{enabled: bool, source: string, fingerprint: ?string, file_mode: ?string}
	 */
	public static function describe(): array {
		$constant = defined( 'BJLG_ENCRYPTION_KEY' ) && '' !== (string) BJLG_ENCRYPTION_KEY;
		$path     = self::path();
		try {
			$key = self::get();
		} catch ( \Throwable $e ) {
			$key = null;
		}
		return array(
			'enabled'     => self::enabled(),
			'source'      => $constant ? 'constant' : ( is_file( $path ) ? 'file' : 'none' ),
			'fingerprint' => null === $key ? null : $key->fingerprint(),
			'file_mode'   => ! $constant && is_file( $path ) ? sprintf( '%04o', fileperms( $path ) & 0777 ) : null,
		);
	}
}
