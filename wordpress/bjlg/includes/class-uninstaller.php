<?php
/**
 * Removes what the plugin created: its options on every site, its WP-Cron events, the network
 * option of the schema version and the history table. The archives in uploads/bjlg-backups/ are
 * the owner's backups and stay (docs/wordpress.md says how to remove them).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The uninstall.
 */
final class Uninstaller {

	const SITE_OPTIONS = array( Schedule::OPTION, Schedule::STATE_OPTION, Job_Lock::OPTION, Verify_Job::SETTINGS_OPTION, Storage::DESTINATIONS_OPTION, Storage::POLICY_OPTION, Storage::PLAN_OPTION, Incidents::OPTION, Incidents::SETTINGS_OPTION, Event_Triggers::OPTION, Event_Triggers::STATE_OPTION, Site_Policy::TARGETS_OPTION, Ops_Schedule::STATE_OPTION );

	/**
	 * Everything, on every site of the network.
	 */
	public static function uninstall(): void {
		if ( is_multisite() ) {
			foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $blog_id ) {
				switch_to_blog( (int) $blog_id );
				self::clean_site();
				restore_current_blog();
			}
		} else {
			self::clean_site();
		}
		Migrations::drop();
		delete_site_option( 'bjlg_archives_moved' ); // Network_Migration::OPTION (that class needs the extension's plugin loaded).
		global $wpdb;
		// Site_Keys's bindings (the application passwords themselves are WordPress's, and stay).
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'bjlg_key_site_' ) . '%' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * The current site's options and events.
	 */
	private static function clean_site(): void {
		foreach ( self::SITE_OPTIONS as $option ) {
			delete_option( $option );
		}
		wp_unschedule_hook( Schedule::HOOK );
		wp_unschedule_hook( Backup_Job::ASYNC_HOOK );
		wp_unschedule_hook( Job_Runner::HOOK );
		wp_unschedule_hook( Records_Retention::HOOK );
		wp_unschedule_hook( Event_Triggers::HOOK );
		wp_unschedule_hook( 'bjlg_network_backup' ); // Network_Backups::HOOK (not loaded by uninstall.php).
		foreach ( Ops_Schedule::hooks() as $hook ) {
			wp_unschedule_hook( $hook );
		}
	}
}
