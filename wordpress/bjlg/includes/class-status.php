<?php
/**
 * What `status` answers (REST, commands): versions, the running job, the last backup, the
 * schedule with its next runs and missed runs, the archives on disk.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Builds the status.
 */
final class Status {

	/** A WP-Cron event this late is overdue: WP-Cron is not running. */
	const OVERDUE_AFTER = 600;

	/**
	 * The status of the current site.
	 *
	 * @return array<string, mixed>
	 */
	public static function collect(): array {
		$archives = Backup_Store::archives();
		$last     = History::recent( 1, 'backup_created' );
		return array(
			'plugin_version'    => BJLG_PLUGIN_VERSION,
			'extension_version' => phpversion( 'bjlg' ),
			'db_version'        => Migrations::installed(),
			'blog_id'           => get_current_blog_id(),
			'running'           => Job_Lock::holder(),
			'last_backup'       => $last ? self::history_summary( $last[0] ) : null,
			'schedule'          => self::schedule(),
			'encryption'        => Site_Key::describe(),
			'targets'           => Targets::get(),
			'tasks'             => Ops_Schedule::describe(),
			'backups'           => array(
				'directory' => Backup_Store::directory(),
				'count'     => count( $archives ),
				'bytes'     => array_sum( array_column( $archives, 'bytes' ) ),
				'latest'    => $archives ? $archives[0]['name'] : null,
			),
		);
	}

	/**
	 * The schedule part.
	 *
	 * @return array<string, mixed>
	 */
	public static function schedule(): array {
		$entry   = Schedule::entry();
		$state   = Schedule::state();
		$event   = wp_next_scheduled( Schedule::HOOK, array( Schedule::DEFAULT_ID ) );
		$preview = array();
		if ( Schedule::enabled() ) {
			$expression = \Bjlg\Cron\Expression::parse( Schedule::cron_of( $entry ) );
			if ( ! $expression->neverFires() ) {
				foreach ( $expression->nextRuns( 5, null, wp_timezone() ) as $run ) {
					$preview[] = $run->format( DATE_ATOM );
				}
			}
		}
		return array(
			'enabled'      => Schedule::enabled(),
			'cron'         => Schedule::enabled() ? Schedule::cron_of( $entry ) : (string) $entry['custom_cron'],
			'timezone'     => wp_timezone_string(),
			'next_event'   => false === $event ? null : $event,
			'overdue'      => false !== $event && $event < time() - self::OVERDUE_AFTER,
			'next_runs'    => $preview,
			'last_checked' => $state['last_checked'] ?? null,
			'last_run'     => $state['last_run'] ?? null,
			'missed_total' => (int) ( $state['missed_total'] ?? 0 ),
			'last_missed'  => $state['last_missed'] ?? null,
		);
	}

	/**
	 * A history row reduced to what a status shows.
	 *
	 * @param array<string, mixed> $row A History::recent() row.
	 * @return array<string, mixed>
	 */
	public static function history_summary( array $row ): array {
		$meta = is_array( $row['metadata'] ) ? $row['metadata'] : array();
		return array(
			'history_id' => $row['id'],
			'timestamp'  => $row['timestamp'],
			'status'     => $row['status'],
			'details'    => $row['details'],
			'archive'    => $meta['backup']['filename'] ?? null,
			'bytes'      => $meta['metrics']['size']['bytes'] ?? null,
			'source'     => $meta['source'] ?? null,
		);
	}
}
