<?php
/**
 * Database migrations by version. The installed version is the network-wide option
 * `bjlg_db_version` (a site option: the history table is one table for the whole network);
 * every migration above it runs in order, each through dbDelta, then the version is saved.
 * Activation runs them, and so does every load of the plugin when the code is newer than the
 * database (an update copied over the files, without reactivation).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Runs the schema migrations.
 */
final class Migrations {

	const OPTION = 'bjlg_db_version';

	/** The schema version this code needs. */
	const CURRENT = 3;

	/**
	 * The versions to run to go from $installed to $target, in order. Pure.
	 *
	 * @param int $installed The version in the database (0: none).
	 * @param int $target    The version of the code.
	 * @return list<int>
	 */
	public static function pending( int $installed, int $target = self::CURRENT ): array {
		return $installed >= $target ? array() : range( max( 1, $installed + 1 ), $target );
	}

	/**
	 * The installed schema version.
	 */
	public static function installed(): int {
		return (int) get_site_option( self::OPTION, 0 );
	}

	/**
	 * Runs what is pending; returns the versions run.
	 *
	 * @return list<int>
	 */
	public static function run(): array {
		$done = array();
		foreach ( self::pending( self::installed() ) as $version ) {
			call_user_func( array( self::class, 'to_' . $version ) );
			update_site_option( self::OPTION, $version );
			$done[] = $version;
		}
		return $done;
	}

	/**
	 * Version 1: the history table, with the plugin's columns (design §B1) and a blog_id, in the
	 * network's base prefix.
	 */
	private static function to_1(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = History::table();
		$charset = $wpdb->get_charset_collate();
		// dbDelta's format: two spaces after PRIMARY KEY, one field per line.
		dbDelta(
			"CREATE TABLE $table (
  id mediumint(9) NOT NULL AUTO_INCREMENT,
  blog_id bigint(20) unsigned NOT NULL DEFAULT 0,
  timestamp datetime DEFAULT '0000-00-00 00:00:00' NOT NULL,
  action_type varchar(50) NOT NULL,
  status varchar(20) NOT NULL,
  details text NOT NULL,
  metadata longtext NULL,
  user_id bigint(20) NULL,
  ip_address varchar(45) NULL,
  PRIMARY KEY  (id),
  KEY blog_id (blog_id),
  KEY blog_id_timestamp (blog_id,timestamp),
  KEY action_type (action_type),
  KEY status (status),
  KEY timestamp (timestamp),
  KEY user_id (user_id)
) $charset;"
		);
	}

	/**
	 * Version 2: the job records (class-jobs.php): state, step and progress of each backup and
	 * verification, readable while it runs. Times in UTC.
	 */
	private static function to_2(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = Jobs::table();
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE $table (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  blog_id bigint(20) unsigned NOT NULL DEFAULT 0,
  type varchar(20) NOT NULL,
  target varchar(191) NULL,
  source varchar(40) NOT NULL DEFAULT '',
  state varchar(20) NOT NULL,
  step varchar(20) NOT NULL DEFAULT '',
  phase varchar(40) NULL,
  phase_index int(11) NOT NULL DEFAULT 0,
  phases int(11) NOT NULL DEFAULT 0,
  done bigint(20) unsigned NOT NULL DEFAULT 0,
  total bigint(20) unsigned NOT NULL DEFAULT 0,
  unit varchar(10) NULL,
  cancel_requested tinyint(1) NOT NULL DEFAULT 0,
  attempts int(11) NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  started_at datetime NULL,
  updated_at datetime NOT NULL,
  finished_at datetime NULL,
  result longtext NULL,
  error text NULL,
  PRIMARY KEY  (id),
  KEY blog_id_state (blog_id,state)
) $charset;"
		);
	}

	/**
	 * Version 3: one RPO/RTO setting. On every site (each site of a network), the old
	 * `bjlg_settings.rpo_target_hours` moves into `bjlg_policy_targets.rpo_hours`
	 * (Targets::migrated: the policy's value wins when both are set) and leaves bjlg_settings.
	 */
	private static function to_3(): void {
		$sites = is_multisite() ? get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) : array( get_current_blog_id() );
		foreach ( $sites as $blog_id ) {
			$switched = is_multisite() && (int) $blog_id !== get_current_blog_id();
			if ( $switched ) {
				switch_to_blog( (int) $blog_id );
			}
			$settings = get_option( Verify_Job::SETTINGS_OPTION, null );
			$result   = Targets::migrated( $settings, get_option( Targets::OPTION, null ) );
			if ( $result['settings'] !== $settings ) {
				update_option( Verify_Job::SETTINGS_OPTION, $result['settings'] );
				if ( $result['moved'] ) {
					update_option( Targets::OPTION, $result['targets'], false );
				}
			}
			if ( $switched ) {
				restore_current_blog();
			}
		}
	}

	/**
	 * Removes the tables and the version (uninstall).
	 */
	public static function drop(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . History::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'DROP TABLE IF EXISTS ' . Jobs::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		delete_site_option( self::OPTION );
		delete_option( self::OPTION ); // A copy in the options table, left when a single site became a network.
	}
}
