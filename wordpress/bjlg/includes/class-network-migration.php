<?php
/**
 * When a single site becomes a network, its archives stay in `bjlg-backups/` while the main
 * site now looks in `bjlg-backups/site-1/` (Backup_Store::directory()): this moves them there,
 * with what belongs to them (the site key that opens the encrypted ones, the usage history...).
 * Every regular file at the top of `bjlg-backups/` but its guards moves; a name the site-1
 * folder already has is left where it is and reported. Run once per network, at activation and
 * on plugins_loaded (Plugin::migrate_if_needed), remembered by the network option
 * `bjlg_archives_moved` (a new network has no such option: a single site has no network
 * options). Idempotent.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Moves a former single site's archives to the main site's folder.
 */
final class Network_Migration {

	/** The guards of a backups folder: each folder has its own. */
	const GUARDS = array( '.htaccess', 'web.config', 'index.php' );

	/** The network option saying the move was done. */
	const OPTION = 'bjlg_archives_moved';

	/**
	 * Runs the move once per network (nothing on a single site).
	 */
	public static function maybe_run(): void {
		if ( is_multisite() && ! get_site_option( self::OPTION ) ) {
			$result = self::run();
			update_site_option( self::OPTION, array( 'at' => gmdate( 'c' ) ) + $result );
		}
	}

	/**
	 * On a network: the main site's archives from `bjlg-backups/` to its folder.
	 *
	 * @return array{moved: list<string>, kept: list<string>}
	 */
	public static function run(): array {
		if ( ! is_multisite() ) {
			return array(
				'moved' => array(),
				'kept'  => array(),
			);
		}
		switch_to_blog( get_main_site_id() );
		try {
			$root   = trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'bjlg-backups';
			$target = Backup_Store::directory();
		} finally {
			restore_current_blog();
		}
		// No history row: this runs at plugins_loaded, before a REST request has authenticated
		// its user (asking for the user then would leave that request anonymous). The option
		// maybe_run() saves says what moved.
		return self::move_files( $root, $target );
	}

	/**
	 * Moves the regular files at the top of $from (not its guards) into $to, never over a
	 * file $to has. Nothing when $from is $to or not a folder.
	 *
	 * @param string $from The single site's backups folder.
	 * @param string $to   The main site's.
	 * @return array{moved: list<string>, kept: list<string>} Names moved, and names left (taken in $to, or not movable).
	 */
	public static function move_files( string $from, string $to ): array {
		$moved = array();
		$kept  = array();
		$from  = rtrim( $from, '/' );
		$to    = rtrim( $to, '/' );
		if ( ! is_dir( $from ) || realpath( $from ) === realpath( $to ) ) {
			return array(
				'moved' => $moved,
				'kept'  => $kept,
			);
		}
		foreach ( (array) scandir( $from ) as $name ) {
			$path = "$from/$name";
			if ( in_array( $name, self::GUARDS, true ) || ! is_file( $path ) || is_link( $path ) ) {
				continue;
			}
			if ( file_exists( "$to/$name" ) || ! rename( $path, "$to/$name" ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
				$kept[] = $name;
				continue;
			}
			$moved[] = $name;
		}
		sort( $moved );
		sort( $kept );
		return array(
			'moved' => $moved,
			'kept'  => $kept,
		);
	}
}
