<?php
/**
 * The wiring: which WordPress hook calls which class. Nothing else happens here.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Hooks the plugin into WordPress.
 */
final class Plugin {

	/**
	 * Registers the hooks (once, when bjlg.php is loaded).
	 */
	public static function boot(): void {
		add_action( 'plugins_loaded', array( self::class, 'migrate_if_needed' ) );
		add_action( 'init', array( Schedule::class, 'ensure_armed' ) );
		add_action( 'rest_api_init', array( Rest_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Storage::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Incidents::class, 'register' ) );
		add_action( 'rest_api_init', array( Incident_Actions::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Network::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Jobs::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Schedules::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Settings::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Legacy::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Backups::class, 'register' ) );
		Job_Incidents::register();
		Event_Triggers::register();
		add_action( 'init', array( Records_Retention::class, 'ensure_armed' ) );
		add_action( Records_Retention::HOOK, array( Records_Retention::class, 'run_from_cron' ) );
		add_action( 'init', array( Ops_Schedule::class, 'ensure_armed' ) ); // Quota sampling, due notifications.
		add_action( 'bjlg_quota_sampling', array( Ops_Schedule::class, 'run_quota_sampling' ) );
		add_action( 'bjlg_notify_due', array( Ops_Schedule::class, 'run_notify_due' ) );
		add_action( Schedule::HOOK, array( Records_Retention::class, 'run_from_cron' ), 20, 0 );
		add_action( 'rest_api_init', array( Rest_Restore::class, 'register' ) );
		add_action( 'rest_api_init', array( Network_Backups::class, 'register' ) );
		add_action( Network_Backups::HOOK, array( Network_Backups::class, 'run' ) );
		Site_Keys::boot();
		add_action( 'rest_api_init', array( Rest_Proofs::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Policy::class, 'register' ) );
		add_action( 'admin_menu', array( Admin_Page::class, 'register' ) );
		add_action( 'network_admin_menu', array( Admin_Page::class, 'register_network' ) );
		add_action( 'admin_enqueue_scripts', array( Admin_Page::class, 'enqueue' ) );
		add_action( Schedule::HOOK, array( Schedule::class, 'tick' ) );
		add_action( Backup_Job::ASYNC_HOOK, array( self::class, 'run_background_backup' ) );
		add_action( Job_Runner::HOOK, array( Job_Runner::class, 'run_from_cron' ) );
		add_action( Schedule::HOOK, array( Job_Runner::class, 'recover_stale' ), 5, 0 );
	}

	/**
	 * Activation: the schema, then the schedule's WP-Cron event (kept across deactivations).
	 */
	public static function activate(): void {
		Migrations::run();
		Network_Migration::maybe_run();
		Schedule::arm_all();
	}

	/**
	 * Deactivation: no event may fire into a plugin that is not loaded; data stays.
	 */
	public static function deactivate(): void {
		wp_unschedule_hook( Schedule::HOOK ); // Every entry's event.
		wp_unschedule_hook( Backup_Job::ASYNC_HOOK );
		wp_unschedule_hook( Job_Runner::HOOK );
		wp_unschedule_hook( Records_Retention::HOOK );
		wp_unschedule_hook( Event_Triggers::HOOK );
		wp_unschedule_hook( Network_Backups::HOOK );
		foreach ( Ops_Schedule::hooks() as $hook ) {
			wp_unschedule_hook( $hook );
		}
	}

	/**
	 * Files updated without reactivation: run the migrations the code needs.
	 */
	public static function migrate_if_needed(): void {
		if ( Migrations::installed() < Migrations::CURRENT ) {
			Migrations::run();
		}
		Network_Migration::maybe_run(); // A single site that became a network: its archives to site-1/.
	}

	/**
	 * The WP-Cron callback of POST /jobs with mode=background. A busy site is recorded, the
	 * failure of the backup already is.
	 *
	 * @param string $source Who queued it.
	 */
	public static function run_background_backup( string $source = 'background' ): void {
		try {
			Backup_Job::run( $source . '-background' );
		} catch ( Job_Busy_Exception $e ) {
			History::log( 'backup_created', 'warning', 'Background backup not started: ' . $e->getMessage(), array( 'source' => $source ) );
		} catch ( \Throwable $e ) {
			unset( $e ); // Recorded in the history by Backup_Job.
		}
	}
}
