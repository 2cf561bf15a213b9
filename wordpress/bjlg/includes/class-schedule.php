<?php
/**
 * The backup schedule: a cron expression (Bjlg\Cron\Expression, in the site's time zone) stored
 * in the plugin's option shape (`bjlg_schedule_settings` = {version: 2, schedules: [entry]},
 * design plugin-scheduling §1.9, recurrence `custom`), run by WP-Cron as one single event at the
 * next run, re-armed after each tick (a recurring WP-Cron event cannot follow a cron expression).
 *
 * Each tick compares the runs due since the previous tick with what it can do: it runs the
 * latest once and records the earlier ones as missed (`schedule_missed`, status warning), so
 * a site without traffic, a disabled WP-Cron or a busy site shows in the history, never
 * silently skipped.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Cron\Expression;

/**
 * Reads, saves and runs the schedule.
 */
final class Schedule {

	const OPTION       = 'bjlg_schedule_settings';
	const STATE_OPTION = 'bjlg_schedule_state';
	const HOOK         = 'bjlg_scheduled_backup';
	const DEFAULT_ID   = 'bjlg_schedule_default';

	/**
	 * The default entry (absent until a schedule is saved: disabled).
	 *
	 * @return array<string, mixed>
	 */
	public static function entry(): array {
		$settings = get_option( self::OPTION, array() );
		foreach ( (array) ( $settings['schedules'] ?? array() ) as $entry ) {
			if ( is_array( $entry ) && ( $entry['id'] ?? '' ) === self::DEFAULT_ID ) {
				return $entry;
			}
		}
		return array(
			'id'          => self::DEFAULT_ID,
			'label'       => 'Full backup',
			'recurrence'  => 'disabled',
			'custom_cron' => '',
			'components'  => array( 'db', 'plugins', 'themes', 'uploads' ),
			'encrypt'     => false,
			'incremental' => false,
		);
	}

	/**
	 * The tick state: last_checked, last_run, missed_total, last_missed.
	 *
	 * @return array<string, mixed>
	 */
	public static function state(): array {
		$state = get_option( self::STATE_OPTION, array() );
		return is_array( $state ) ? $state : array();
	}

	/**
	 * Saves $cron as the schedule and arms WP-Cron. Guardrails of severity `error` (too frequent,
	 * never fires) refuse the expression; the others come back as warnings.
	 *
	 * @param string $cron A cron expression.
	 * @return array{entry: array<string, mixed>, warnings: list<array<string, mixed>>, next_run: ?int}
	 * @throws \InvalidArgumentException An invalid or refused expression (the message says why).
	 */
	public static function save( string $cron ): array {
		try {
			$expression = Expression::parse( $cron );
		} catch ( \Bjlg\Cron\SyntaxError $e ) {
			throw new \InvalidArgumentException( 'invalid cron expression: ' . $e->getMessage(), 0, $e );
		}
		$report   = $expression->check( array( 'timezone' => wp_timezone() ) );
		$warnings = array();
		foreach ( $report['warnings'] as $warning ) {
			if ( 'error' === $warning['severity'] ) {
				throw new \InvalidArgumentException( $warning['code'] . ': ' . $warning['message'] );
			}
			$warnings[] = $warning;
		}
		$entry                = self::entry();
		$entry['recurrence']  = 'custom';
		$entry['custom_cron'] = (string) $expression;
		self::store( $entry );
		// Runs due before the schedule existed are not missed.
		$state                 = self::state();
		$state['last_checked'] = time();
		update_option( self::STATE_OPTION, $state, false );
		return array(
			'entry'    => $entry,
			'warnings' => $warnings,
			'next_run' => self::arm(),
		);
	}

	/**
	 * Names the schedule and says whether its backups are incremental (the policy import).
	 *
	 * @param string $label       The entry's label.
	 * @param bool   $incremental Incremental backups.
	 */
	public static function describe( string $label, bool $incremental ): void {
		$entry                = self::entry();
		$entry['label']       = $label;
		$entry['incremental'] = $incremental;
		self::store( $entry );
	}

	/**
	 * Pauses the schedule (the expression is kept; the plugin's previous_recurrence).
	 */
	public static function disable(): void {
		$entry = self::entry();
		if ( 'disabled' !== $entry['recurrence'] ) {
			$entry['previous_recurrence'] = $entry['recurrence'];
		}
		$entry['recurrence'] = 'disabled';
		self::store( $entry );
		wp_clear_scheduled_hook( self::HOOK, array( self::DEFAULT_ID ) );
	}

	/**
	 * Whether the schedule runs.
	 */
	public static function enabled(): bool {
		$entry = self::entry();
		return 'custom' === $entry['recurrence'] && '' !== (string) $entry['custom_cron'];
	}

	/**
	 * (Re)schedules the single WP-Cron event at the next run; returns its time, or null when
	 * disabled or never firing. The event carries the entry id: clearing uses the same args
	 * (WordPress matches events by their arguments, design §4.5).
	 */
	public static function arm(): ?int {
		wp_clear_scheduled_hook( self::HOOK, array( self::DEFAULT_ID ) );
		if ( ! self::enabled() ) {
			return null;
		}
		$next = Missed_Runs::next_run( self::entry()['custom_cron'], wp_timezone(), time() );
		if ( null !== $next ) {
			wp_schedule_single_event( $next, self::HOOK, array( self::DEFAULT_ID ) );
		}
		return $next;
	}

	/**
	 * Re-arms a lost event (an enabled schedule with nothing in WP-Cron).
	 */
	public static function ensure_armed(): void {
		if ( self::enabled() && false === wp_next_scheduled( self::HOOK, array( self::DEFAULT_ID ) ) ) {
			self::arm();
		}
	}

	/**
	 * The WP-Cron callback (also `schedule run`): records missed runs, runs the due one, re-arms.
	 *
	 * @param string $id The entry id.
	 * @return array{due: ?int, missed: int, backup: ?array<string, mixed>, error: ?string}
	 */
	public static function tick( string $id = self::DEFAULT_ID ): array {
		$outcome = array(
			'due'    => null,
			'missed' => 0,
			'backup' => null,
			'error'  => null,
		);
		if ( self::DEFAULT_ID !== $id || ! self::enabled() ) {
			return $outcome;
		}
		$cron  = self::entry()['custom_cron'];
		$now   = time();
		$state = self::state();
		$runs  = Missed_Runs::between( $cron, wp_timezone(), (int) ( $state['last_checked'] ?? $now ), $now );
		// Saved before the backup: a second tick during a long backup finds nothing due again.
		$state['last_checked'] = $now;
		if ( $runs['missed'] > 0 ) {
			$state['missed_total'] = (int) ( $state['missed_total'] ?? 0 ) + $runs['missed'];
			$state['last_missed']  = array(
				'count'       => $runs['missed'],
				'first'       => $runs['first_missed'],
				'last'        => $runs['last_missed'],
				'detected_at' => $now,
			);
			self::log_missed( $cron, $runs, $now );
		}
		update_option( self::STATE_OPTION, $state, false );
		$outcome['due']    = $runs['due'];
		$outcome['missed'] = $runs['missed'];
		if ( null !== $runs['due'] ) {
			$outcome = self::run_due( $cron, $runs['due'], $outcome );
		}
		self::arm();
		return $outcome;
	}

	/**
	 * Runs the due backup; a busy site is a missed run too.
	 *
	 * @param string               $cron    The expression.
	 * @param int                  $due     The run's time.
	 * @param array<string, mixed> $outcome The tick's outcome so far.
	 * @return array<string, mixed>
	 */
	private static function run_due( string $cron, int $due, array $outcome ): array {
		History::log(
			'scheduled_backup',
			'info',
			sprintf( 'Scheduled backup of %s (%s) started.', gmdate( 'c', $due ), $cron ),
			array(
				'schedule_id' => self::DEFAULT_ID,
				'cron'        => $cron,
				'due_at'      => $due,
				'started_at'  => time(),
			)
		);
		try {
			$outcome['backup'] = Backup_Job::run( 'schedule' );
			$state             = self::state();
			$state['last_run'] = $due;
			update_option( self::STATE_OPTION, $state, false );
		} catch ( Job_Busy_Exception $e ) {
			$outcome['error'] = $e->getMessage();
			self::log_missed(
				$cron,
				array(
					'missed'       => 1,
					'first_missed' => $due,
					'last_missed'  => $due,
					'capped'       => false,
					'reason'       => 'busy',
				),
				time()
			);
		} catch ( \Throwable $e ) {
			$outcome['error'] = $e->getMessage(); // Recorded by Backup_Job.
		}
		return $outcome;
	}

	/**
	 * One history row for a span of missed runs.
	 *
	 * @param string               $cron The expression.
	 * @param array<string, mixed> $runs missed, first_missed, last_missed, capped (and reason).
	 * @param int                  $now  Detection time.
	 */
	private static function log_missed( string $cron, array $runs, int $now ): void {
		$reason = $runs['reason'] ?? 'not_triggered';
		History::log(
			'schedule_missed',
			'warning',
			sprintf(
				'busy' === $reason ? '%d scheduled run (%s) skipped: another job was running.' : '%d scheduled run(s) missed from %s to %s: WP-Cron did not run them in time.',
				$runs['missed'],
				gmdate( 'c', (int) $runs['first_missed'] ),
				gmdate( 'c', (int) $runs['last_missed'] )
			),
			array(
				'schedule_id'  => self::DEFAULT_ID,
				'cron'         => $cron,
				'missed'       => $runs['missed'],
				'first_missed' => $runs['first_missed'],
				'last_missed'  => $runs['last_missed'],
				'capped'       => $runs['capped'],
				'reason'       => $reason,
				'detected_at'  => $now,
			)
		);
	}

	/**
	 * Writes the entry into the collection, keeping other entries.
	 *
	 * @param array<string, mixed> $entry The default entry.
	 */
	private static function store( array $entry ): void {
		$settings  = get_option( self::OPTION, array() );
		$schedules = array();
		foreach ( (array) ( $settings['schedules'] ?? array() ) as $other ) {
			if ( is_array( $other ) && ( $other['id'] ?? '' ) !== self::DEFAULT_ID ) {
				$schedules[] = $other;
			}
		}
		array_unshift( $schedules, $entry );
		update_option(
			self::OPTION,
			array(
				'version'   => 2,
				'schedules' => $schedules,
			)
		);
	}
}
