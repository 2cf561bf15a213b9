<?php
/**
 * Retention of the plugin's own records: history rows older than `history_retention_days`
 * (default 365) and finished job records older than `job_retention_days` (default 90), settings
 * of the option `bjlg_settings`; 0 keeps them for ever. Applied by every scheduler tick (the
 * schedule's WP-Cron events and `schedule run`) and by a daily WP-Cron event of its own
 * (`bjlg_housekeeping`), so a site without a schedule is pruned too. A history row that names an
 * archive still in the backups folder is kept whatever its age: the archive's creation, last
 * verification and restore test stay readable (GET /backups shows them). Running, queued and
 * interrupted jobs are never removed.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Prunes history rows and job records.
 */
final class Records_Retention {

	const HOOK = 'bjlg_housekeeping';

	/** The defaults, in days. */
	const DEFAULTS = array(
		'history_retention_days' => 365,
		'job_retention_days'     => 90,
	);

	/** Rows read per batch. */
	const BATCH = 500;

	/**
	 * The retention settings from `bjlg_settings` (missing or invalid values: the defaults;
	 * negative: 0, keep for ever). Pure.
	 *
	 * @param mixed $settings The option's value.
	 * @return array{history_retention_days: int, job_retention_days: int}
	 */
	public static function settings( $settings ): array {
		$settings = is_array( $settings ) ? $settings : array();
		$out      = array();
		foreach ( self::DEFAULTS as $key => $default ) {
			$value       = $settings[ $key ] ?? null;
			$out[ $key ] = is_numeric( $value ) ? max( 0, (int) $value ) : $default;
		}
		return $out;
	}

	/**
	 * Which of $rows may go: none that names an archive in $archives. Pure.
	 *
	 * @param list<array{id: int|string, metadata: ?string}> $rows     Old history rows (metadata as stored, JSON).
	 * @param list<string>                                    $archives The archives' names.
	 * @return list<int> The ids to delete.
	 */
	public static function deletable_history( array $rows, array $archives ): array {
		$live = array_flip( $archives );
		$ids  = array();
		foreach ( $rows as $row ) {
			$meta = null === $row['metadata'] ? null : json_decode( (string) $row['metadata'], true );
			$name = is_array( $meta ) ? ( $meta['backup']['filename'] ?? null ) : null;
			if ( is_string( $name ) && isset( $live[ $name ] ) ) {
				continue;
			}
			$ids[] = (int) $row['id'];
		}
		return $ids;
	}

	/**
	 * Applies the settings to the current site now.
	 *
	 * @param int|null $now Unix seconds (the clock by default).
	 * @return array{history_deleted: int, jobs_deleted: int, history_retention_days: int, job_retention_days: int}
	 */
	public static function apply( ?int $now = null ): array {
		global $wpdb;
		$now      = $now ?? time();
		$settings = self::settings( get_option( Verify_Job::SETTINGS_OPTION, array() ) );
		$result   = $settings + array(
			'history_deleted' => 0,
			'jobs_deleted'    => 0,
		);
		if ( $settings['job_retention_days'] > 0 ) {
			$before                 = gmdate( 'Y-m-d H:i:s', $now - $settings['job_retention_days'] * DAY_IN_SECONDS );
			$result['jobs_deleted'] = (int) $wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Jobs::table() . " WHERE blog_id = %d AND state IN ('done','failed','cancelled') AND COALESCE(finished_at, updated_at) < %s", get_current_blog_id(), $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		}
		if ( $settings['history_retention_days'] > 0 ) {
			// The history's timestamps are site-local (current_time('mysql')).
			$before   = gmdate( 'Y-m-d H:i:s', $now + (int) round( (float) get_option( 'gmt_offset', 0 ) * HOUR_IN_SECONDS ) - $settings['history_retention_days'] * DAY_IN_SECONDS );
			$archives = array_column( Backup_Store::archives(), 'name' );
			$after_id = 0;
			do {
				$rows     = $wpdb->get_results( $wpdb->prepare( 'SELECT id, metadata FROM ' . History::table() . ' WHERE blog_id = %d AND timestamp < %s AND id > %d ORDER BY id LIMIT %d', get_current_blog_id(), $before, $after_id, self::BATCH ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
				$rows     = is_array( $rows ) ? $rows : array();
				$ids      = self::deletable_history( $rows, $archives );
				$after_id = array() === $rows ? $after_id : (int) end( $rows )['id'];
				if ( array() !== $ids ) {
					$result['history_deleted'] += (int) $wpdb->query( 'DELETE FROM ' . History::table() . ' WHERE id IN (' . implode( ',', array_map( 'intval', $ids ) ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL
				}
			} while ( count( $rows ) === self::BATCH );
		}
		return $result;
	}

	/**
	 * The WP-Cron callback (the daily event and each schedule tick). Never throws.
	 */
	public static function run_from_cron(): void {
		try {
			self::apply();
		} catch ( \Throwable $e ) {
			error_log( 'bjlg: the retention of history rows and jobs could not run: ' . get_class( $e ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		}
	}

	/**
	 * Arms the daily event when it is missing (init).
	 */
	public static function ensure_armed(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::HOOK );
		}
	}
}
