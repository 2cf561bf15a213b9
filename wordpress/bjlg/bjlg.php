<?php
/**
 * Plugin Name:       bjlg
 * Description:       Backups of this site (files and database) by the bjlg PHP extension: a cron schedule run by WP-Cron, a history, a REST API (bjlg/v1) and commands.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * License:           GPL-2.0-or-later
 * Text Domain:       bjlg
 * Domain Path:       /languages
 *
 * The bootstrap: without the bjlg extension the plugin only says how to install it (an admin
 * notice) and registers nothing else; with it, it loads its classes and wires the hooks.
 *
 * @package Bjlg\WordPress
 */

defined( 'ABSPATH' ) || exit;

define( 'BJLG_PLUGIN_FILE', __FILE__ );
define( 'BJLG_PLUGIN_VERSION', '0.1.0' );

add_action( 'init', 'bjlg_load_textdomain' );

if ( ! extension_loaded( 'bjlg' ) ) {
	add_action( 'admin_notices', 'bjlg_missing_extension_notice' );
	add_action( 'network_admin_notices', 'bjlg_missing_extension_notice' );
	return;
}

/**
 * The PHP strings' translations (languages/bjlg-LOCALE.mo); the admin screens' strings come
 * from the JSON files beside them, through wp_set_script_translations(). Before the extension
 * check: the notice saying it is missing is translated too.
 */
function bjlg_load_textdomain() {
	load_plugin_textdomain( 'bjlg', false, dirname( plugin_basename( BJLG_PLUGIN_FILE ) ) . '/languages' );
}

/**
 * The notice shown in the admin when PHP runs without the bjlg extension.
 */
function bjlg_missing_extension_notice() {
	if ( ! current_user_can( 'activate_plugins' ) ) {
		return;
	}
	echo '<div class="notice notice-error"><p>';
	echo esc_html__( 'bjlg needs the bjlg PHP extension, which this PHP does not load: build it (make build in the bjlg repository), install it with make install (or add extension=/path/to/bjlg.so to php.ini), then restart PHP. Until then the plugin does nothing.', 'bjlg' );
	echo '</p></div>';
}

require_once __DIR__ . '/includes/class-formatter.php';
require_once __DIR__ . '/includes/class-db-connection.php';
require_once __DIR__ . '/includes/class-missed-runs.php';
require_once __DIR__ . '/includes/class-migrations.php';
require_once __DIR__ . '/includes/class-history.php';
require_once __DIR__ . '/includes/class-job-lock.php';
require_once __DIR__ . '/includes/class-jobs.php';
require_once __DIR__ . '/includes/class-job-runner.php';
require_once __DIR__ . '/includes/class-backup-store.php';
require_once __DIR__ . '/includes/class-site-scope.php';
require_once __DIR__ . '/includes/class-network-migration.php';
require_once __DIR__ . '/includes/class-site-key.php';
require_once __DIR__ . '/includes/class-key-rotation.php';
require_once __DIR__ . '/includes/class-incremental.php';
require_once __DIR__ . '/includes/class-backup-job.php';
require_once __DIR__ . '/includes/class-verify-job.php';
require_once __DIR__ . '/includes/class-restore-test-job.php';
require_once __DIR__ . '/includes/class-restore-job.php';
require_once __DIR__ . '/includes/class-schedule.php';
require_once __DIR__ . '/includes/class-schedule-preview.php';
require_once __DIR__ . '/includes/class-status.php';
require_once __DIR__ . '/includes/class-rest-controller.php';
require_once __DIR__ . '/includes/class-storage.php';
require_once __DIR__ . '/includes/class-rest-storage.php';
require_once __DIR__ . '/includes/class-incidents.php';
require_once __DIR__ . '/includes/class-rest-incidents.php';
require_once __DIR__ . '/includes/class-rest-incident-actions.php';
require_once __DIR__ . '/includes/class-settings.php';
require_once __DIR__ . '/includes/class-rest-settings.php';
require_once __DIR__ . '/includes/class-rest-network.php';
require_once __DIR__ . '/includes/class-network-backups.php';
require_once __DIR__ . '/includes/class-site-keys.php';
require_once __DIR__ . '/includes/class-rest-restore.php';
require_once __DIR__ . '/includes/class-targets.php';
require_once __DIR__ . '/includes/class-rpo.php';
require_once __DIR__ . '/includes/class-rest-proofs.php';
require_once __DIR__ . '/includes/class-site-policy.php';
require_once __DIR__ . '/includes/class-rest-policy.php';
require_once __DIR__ . '/includes/class-policy-command.php';
require_once __DIR__ . '/includes/class-admin-page.php';
require_once __DIR__ . '/includes/class-commands.php';
require_once __DIR__ . '/includes/class-fields-console.php';
require_once __DIR__ . '/includes/class-ops-commands.php';
require_once __DIR__ . '/includes/class-schedule-commands.php';
require_once __DIR__ . '/includes/class-rest-jobs.php';
require_once __DIR__ . '/includes/class-rest-schedules.php';
require_once __DIR__ . '/includes/class-rest-legacy.php';
require_once __DIR__ . '/includes/class-rest-backups.php';
require_once __DIR__ . '/includes/class-job-incidents.php';
require_once __DIR__ . '/includes/class-records-retention.php';
require_once __DIR__ . '/includes/class-ops-schedule.php';
require_once __DIR__ . '/includes/class-event-triggers.php';
require_once __DIR__ . '/includes/class-uninstaller.php';
require_once __DIR__ . '/includes/class-plugin.php';

register_activation_hook( __FILE__, array( Bjlg\WordPress\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( Bjlg\WordPress\Plugin::class, 'deactivate' ) );
// uninstall.php beside this file removes what the plugin created.

Bjlg\WordPress\Plugin::boot();

if ( defined( 'WP_CLI' ) && WP_CLI ) {
	require_once __DIR__ . '/wp-cli.php';
}
