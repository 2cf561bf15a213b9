<?php
/**
 * The admin menu "Backup JLG" and its screens (Overview, Schedule, Backups, Storage, Incidents;
 * on a multisite, Network in the network admin for the super admins). Each screen is a
 * React app from admin/build (built with @wordpress/scripts, docs/admin.md) mounted on one
 * element; this class only registers the pages and enqueues the bundle with the dependencies
 * and version its asset file lists, and the French translations of its strings.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers the admin pages.
 */
final class Admin_Page {

	const CAPABILITY = 'manage_options';
	const HANDLE     = 'bjlg-admin';

	/** Page slug => screen rendered by the bundle. */
	const SCREENS = array(
		'bjlg'          => 'overview',
		'bjlg-schedule' => 'schedule',
		'bjlg-backups'  => 'backups',
		'bjlg-storage'   => 'storage',
		'bjlg-incidents' => 'incidents',
		'bjlg-network'   => 'network',
		'bjlg-settings'  => 'settings',
	);

	/** The network screen's capability (a super admin). */
	const NETWORK_CAPABILITY = 'manage_network_options';

	/**
	 * The hook suffixes of our pages: the bundle is enqueued on them only.
	 *
	 * @var list<string>
	 */
	private static $hooks = array();

	/**
	 * The admin_menu callback.
	 */
	public static function register(): void {
		$render = array( self::class, 'render' );
		self::$hooks[] = add_menu_page( __( 'Backup JLG', 'bjlg' ), __( 'Backup JLG', 'bjlg' ), self::CAPABILITY, 'bjlg', $render, 'dashicons-backup', 80 );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Overview', 'bjlg' ), __( 'Overview', 'bjlg' ), self::CAPABILITY, 'bjlg', $render );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Schedule', 'bjlg' ), __( 'Schedule', 'bjlg' ), self::CAPABILITY, 'bjlg-schedule', $render );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Backups', 'bjlg' ), __( 'Backups', 'bjlg' ), self::CAPABILITY, 'bjlg-backups', $render );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Storage', 'bjlg' ), __( 'Storage', 'bjlg' ), self::CAPABILITY, 'bjlg-storage', $render );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Incidents', 'bjlg' ), __( 'Incidents', 'bjlg' ), self::CAPABILITY, 'bjlg-incidents', $render );
		self::$hooks[] = add_submenu_page( 'bjlg', __( 'Settings', 'bjlg' ), __( 'Settings', 'bjlg' ), self::CAPABILITY, 'bjlg-settings', $render );
	}

	/**
	 * The network_admin_menu callback: on a multisite only, the Network screen (every site's
	 * status, GET /network/status) for the super admins (manage_network_options).
	 */
	public static function register_network(): void {
		if ( ! is_multisite() ) {
			return;
		}
		self::$hooks[] = add_menu_page( __( 'Backup JLG: network', 'bjlg' ), __( 'Backup JLG', 'bjlg' ), self::NETWORK_CAPABILITY, 'bjlg-network', array( self::class, 'render' ), 'dashicons-backup', 80 );
	}

	/**
	 * The admin_enqueue_scripts callback.
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public static function enqueue( string $hook_suffix ): void {
		if ( ! in_array( $hook_suffix, self::$hooks, true ) ) {
			return;
		}
		$asset_file = self::build_dir() . '/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return; // render() says how to build it.
		}
		$asset = require $asset_file;
		$url   = plugins_url( 'admin/build/', BJLG_PLUGIN_FILE );
		wp_enqueue_script( self::HANDLE, $url . 'index.js', $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( self::HANDLE, 'bjlg', dirname( BJLG_PLUGIN_FILE ) . '/languages' );
		// The bundle carries its own @wordpress/components styles: core 6.1's are older.
		wp_enqueue_style( self::HANDLE, $url . 'style-index.css', array(), $asset['version'] );
		wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
	}

	/**
	 * The page: a heading and the element the screen mounts on.
	 */
	public static function render(): void {
		$page   = sanitize_key( wp_unslash( $_GET['page'] ?? 'bjlg' ) ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- which screen to show, no action.
		$screen = self::SCREENS[ $page ] ?? 'overview';
		echo '<div class="wrap">';
		echo '<h1>' . esc_html( get_admin_page_title() ) . '</h1>';
		if ( ! is_readable( self::build_dir() . '/index.asset.php' ) ) {
			echo '<div class="notice notice-error"><p>';
			echo esc_html__( 'The admin screens are not built: run make admin in the bjlg repository (npm ci, then the @wordpress/scripts build into wordpress/bjlg/admin/build).', 'bjlg' );
			echo '</p></div></div>';
			return;
		}
		printf(
			'<div id="bjlg-admin-root" data-screen="%s" data-locale="%s"></div>',
			esc_attr( $screen ),
			esc_attr( get_user_locale() )
		);
		echo '</div>';
	}

	/**
	 * Where the bundle is built.
	 */
	private static function build_dir(): string {
		return dirname( BJLG_PLUGIN_FILE ) . '/admin/build';
	}
}
