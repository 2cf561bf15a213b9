<?php
/**
 * The operations that run on a schedule of their own, each from its own WP-Cron event:
 *
 * - `quota_sampling` (event `bjlg_quota_sampling`): Storage::measure(), what POST
 *   /storage/samples, the storage screen's Measure now and `quota` run: every destination
 *   sampled into the usage history, an incident opened for a destination at risk. Setting
 *   `bjlg_settings.quota_sampling_minutes`, default 1440 (daily: the forecasts need a sample a
 *   day, and each sample lists every destination, remote ones included); nothing is measured on
 *   a site without destinations.
 * - `notify_due` (event `bjlg_notify_due`): Incidents::send_due(), what `notify due` runs:
 *   reminders, escalations and deferred notices of the open incidents. Setting
 *   `bjlg_settings.notify_due_minutes`, default 15 (a reminder or an escalation should not wait
 *   longer; a run without open incidents sends nothing).
 *
 * 0 turns a task off (its event is cleared); otherwise 5 to 10080 minutes (a week).
 *
 * Each event is a single event re-armed after its run at the next multiple of the interval
 * after the run that was due (state `bjlg_ops_state`: `{task: {next_due, last_run, last_result,
 * missed_total, last_missed}}`). Missed runs are not skipped silently: when WP-Cron fires late
 * (no page view, WP-Cron off, the plugin deactivated), the task runs once and the runs due
 * before it are counted in one `ops_missed` history row (warning: task, missed, first_missed,
 * last_missed) and in the state's `missed_total`. Armed on `init` when missing (as
 * Records_Retention arms its daily event), at the due time kept in the state, or now when that
 * has passed; cleared on deactivation and uninstall.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Runs quota sampling and due notifications from WP-Cron.
 */
final class Ops_Schedule {

	const STATE_OPTION = 'bjlg_ops_state';

	/** Task => [WP-Cron hook, bjlg_settings key, default interval in minutes]. */
	const TASKS = array(
		'quota_sampling' => array( 'bjlg_quota_sampling', 'quota_sampling_minutes', 1440 ),
		'notify_due'     => array( 'bjlg_notify_due', 'notify_due_minutes', 15 ),
	);

	/** Interval bounds, in minutes (0: off). */
	const MIN_MINUTES = 5;
	const MAX_MINUTES = 10080;

	/**
	 * The WP-Cron hooks (deactivation and uninstall clear them).
	 *
	 * @return list<string>
	 */
	public static function hooks(): array {
		return array_values( array_column( self::TASKS, 0 ) );
	}

	/**
	 * The intervals in effect, in minutes (0: off), from the bjlg_settings option: a missing or
	 * malformed value is the default. Pure.
	 *
	 * @param mixed $settings The bjlg_settings option.
	 * @return array<string, int> task => minutes.
	 */
	public static function intervals( $settings ): array {
		$settings = is_array( $settings ) ? $settings : array();
		$out      = array();
		foreach ( self::TASKS as $task => list( , $key, $default ) ) {
			$value        = $settings[ $key ] ?? null;
			$out[ $task ] = is_int( $value ) && ( 0 === $value || ( $value >= self::MIN_MINUTES && $value <= self::MAX_MINUTES ) ) ? $value : $default;
		}
		return $out;
	}

	/**
	 * Checks new intervals ({quota_sampling_minutes, notify_due_minutes}, either may be left
	 * out): integers, 0 or 5..10080. Pure.
	 *
	 * @param array<string, mixed> $input What was sent.
	 * @return array<string, int>|\WP_Error The bjlg_settings keys to store, or 400 bjlg_tasks_refused naming the key.
	 */
	public static function check( array $input ) {
		$keys = array_column( self::TASKS, 1 );
		$out  = array();
		foreach ( $input as $key => $value ) {
			if ( ! in_array( $key, $keys, true ) ) {
				$reason = sprintf( 'unknown key "%s" (known: %s)', $key, implode( ', ', $keys ) );
			} elseif ( ! is_int( $value ) || ( 0 !== $value && ( $value < self::MIN_MINUTES || $value > self::MAX_MINUTES ) ) ) {
				$reason = sprintf( 'key "%s" must be 0 (off) or an integer between %d and %d minutes, %s given', $key, self::MIN_MINUTES, self::MAX_MINUTES, is_scalar( $value ) ? var_export( $value, true ) : gettype( $value ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export
			} else {
				$out[ $key ] = $value;
				continue;
			}
			return new \WP_Error(
				'bjlg_tasks_refused',
				$reason,
				array(
					'status' => 400,
					'reason' => $reason,
					'key'    => (string) $key,
				)
			);
		}
		return $out;
	}

	/**
	 * The runs due between the run that was due at $due and $now, with $interval seconds
	 * between runs: how many were due, how many are missed (all but the latest, which runs
	 * now), the first and last missed, and when the next is due (after $now). Pure.
	 *
	 * @param int $due      When the run was due (Unix seconds).
	 * @param int $now      Now.
	 * @param int $interval Seconds between runs (> 0).
	 * @return array{due: int, missed: int, first_missed: ?int, last_missed: ?int, next: int}
	 */
	public static function due_runs( int $due, int $now, int $interval ): array {
		$due    = min( $due, $now );
		$count  = intdiv( $now - $due, $interval ) + 1;
		$missed = $count - 1;
		return array(
			'due'          => $due + $missed * $interval,
			'missed'       => $missed,
			'first_missed' => $missed > 0 ? $due : null,
			'last_missed'  => $missed > 0 ? $due + ( $missed - 1 ) * $interval : null,
			'next'         => $due + $count * $interval,
		);
	}

	/**
	 * The state of every task.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function state(): array {
		$state = get_option( self::STATE_OPTION, array() );
		return is_array( $state ) ? $state : array();
	}

	/**
	 * Saves one task's state.
	 *
	 * @param string               $task  The task.
	 * @param array<string, mixed> $value Its state.
	 */
	private static function save_state( string $task, array $value ): void {
		$state          = self::state();
		$state[ $task ] = $value;
		update_option( self::STATE_OPTION, $state, false );
	}

	/**
	 * What GET /settings/tasks and GET /status show: per task its interval, event, state.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function describe(): array {
		$intervals = self::intervals( get_option( Verify_Job::SETTINGS_OPTION, array() ) );
		$state     = self::state();
		$out       = array();
		foreach ( self::TASKS as $task => list( $hook, $key ) ) {
			$event        = wp_next_scheduled( $hook );
			$mine         = $state[ $task ] ?? array();
			$out[ $task ] = array(
				'setting'      => $key,
				'minutes'      => $intervals[ $task ],
				'enabled'      => $intervals[ $task ] > 0,
				'next_event'   => false === $event ? null : $event,
				'last_run'     => $mine['last_run'] ?? null,
				'last_result'  => $mine['last_result'] ?? null,
				'missed_total' => (int) ( $mine['missed_total'] ?? 0 ),
				'last_missed'  => $mine['last_missed'] ?? null,
			);
		}
		return $out;
	}

	/**
	 * Stores new intervals (bjlg_settings keys) and re-arms the tasks whose interval changed.
	 *
	 * @param array<string, mixed> $input {quota_sampling_minutes, notify_due_minutes}.
	 * @return array<string, array<string, mixed>>|\WP_Error describe(), or why not.
	 */
	public static function set( array $input ) {
		$checked = self::check( $input );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$settings = get_option( Verify_Job::SETTINGS_OPTION, array() );
		$settings = is_array( $settings ) ? $settings : array();
		$before   = self::intervals( $settings );
		update_option( Verify_Job::SETTINGS_OPTION, array_merge( $settings, $checked ) );
		$after = self::intervals( get_option( Verify_Job::SETTINGS_OPTION, array() ) );
		$now   = time();
		foreach ( self::TASKS as $task => list( $hook ) ) {
			if ( $before[ $task ] === $after[ $task ] ) {
				continue;
			}
			// A new interval counts from the last run (or from now): the next run is due one
			// new interval after it, never in the past.
			wp_unschedule_hook( $hook );
			$mine = self::state()[ $task ] ?? array();
			$last = isset( $mine['last_run'] ) ? strtotime( (string) $mine['last_run'] ) : false;
			if ( $after[ $task ] > 0 ) {
				$mine['next_due'] = max( $now, ( false === $last ? $now : $last ) + $after[ $task ] * MINUTE_IN_SECONDS );
			} else {
				unset( $mine['next_due'] );
			}
			self::save_state( $task, $mine );
		}
		self::ensure_armed();
		return self::describe();
	}

	/**
	 * The init callback: arms each task that is on and has no event (at its due time, or now
	 * when that has passed: the run then counts what was missed); clears the event of a task
	 * that is off.
	 */
	public static function ensure_armed(): void {
		$intervals = self::intervals( get_option( Verify_Job::SETTINGS_OPTION, array() ) );
		$state     = self::state();
		$now       = time();
		foreach ( self::TASKS as $task => list( $hook ) ) {
			$event = wp_next_scheduled( $hook );
			if ( 0 === $intervals[ $task ] ) {
				if ( false !== $event ) {
					wp_unschedule_hook( $hook );
				}
				continue;
			}
			if ( false !== $event ) {
				continue;
			}
			$next_due = $state[ $task ]['next_due'] ?? null;
			if ( null === $next_due ) {
				$next_due = $now + $intervals[ $task ] * MINUTE_IN_SECONDS;
				self::save_state( $task, array( 'next_due' => $next_due ) + ( $state[ $task ] ?? array() ) );
			}
			wp_schedule_single_event( max( $now, (int) $next_due ), $hook );
		}
	}

	/**
	 * The quota sampling event.
	 */
	public static function run_quota_sampling(): void {
		self::run( 'quota_sampling' );
	}

	/**
	 * The due notifications event.
	 */
	public static function run_notify_due(): void {
		self::run( 'notify_due' );
	}

	/**
	 * Runs $task once now: counts the runs missed since the one that was due, runs, stores the
	 * outcome, arms the next event. A failure is recorded (state and error_log) and the next
	 * event armed all the same.
	 *
	 * @param string $task quota_sampling or notify_due.
	 * @return array<string, mixed> The task's new state.
	 */
	public static function run( string $task ): array {
		list( $hook ) = self::TASKS[ $task ];
		$minutes      = self::intervals( get_option( Verify_Job::SETTINGS_OPTION, array() ) )[ $task ];
		$state        = self::state()[ $task ] ?? array();
		$now          = time();
		if ( 0 === $minutes ) {
			wp_unschedule_hook( $hook );
			return $state;
		}
		$runs = self::due_runs( (int) ( $state['next_due'] ?? $now ), $now, $minutes * MINUTE_IN_SECONDS );
		if ( $runs['missed'] > 0 ) {
			$missed = array(
				'task'         => $task,
				'missed'       => $runs['missed'],
				'first_missed' => gmdate( 'c', (int) $runs['first_missed'] ),
				'last_missed'  => gmdate( 'c', (int) $runs['last_missed'] ),
				'detected_at'  => gmdate( 'c', $now ),
			);
			History::log( 'ops_missed', 'warning', sprintf( '%d run(s) of %s missed (WP-Cron did not run them in time); running it now.', $runs['missed'], $task ), $missed );
			$state['missed_total'] = (int) ( $state['missed_total'] ?? 0 ) + $runs['missed'];
			$state['last_missed']  = $missed;
		}
		try {
			$result = 'quota_sampling' === $task ? self::sample( $now ) : self::notify( $now );
		} catch ( \Throwable $e ) {
			$result = array(
				'status' => 'error',
				'error'  => get_class( $e ),
			);
			error_log( 'bjlg: ' . $task . ' could not run: ' . get_class( $e ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		}
		$state['last_run']    = gmdate( 'c', $now );
		$state['last_result'] = $result;
		$state['next_due']    = $runs['next'];
		self::save_state( $task, $state );
		if ( false === wp_next_scheduled( $hook ) ) {
			wp_schedule_single_event( $runs['next'], $hook );
		}
		return $state;
	}

	/**
	 * Samples every destination (none: nothing measured).
	 *
	 * @param int $now Unix seconds.
	 * @return array<string, mixed>
	 */
	private static function sample( int $now ): array {
		if ( array() === Storage::destinations() ) {
			return array( 'status' => 'no_destination' );
		}
		$measured = Storage::measure( $now );
		$errors   = 0;
		foreach ( $measured['samples'] as $sample ) {
			$errors += array() === ( $sample['errors'] ?? array() ) ? 0 : 1;
		}
		return array(
			'status'       => 0 === $errors ? 'ok' : 'partial',
			'destinations' => count( $measured['samples'] ),
			'errors'       => $errors,
			'incidents'    => count( $measured['incidents'] ),
		);
	}

	/**
	 * Sends what is due on the open incidents.
	 *
	 * @param int $now Unix seconds.
	 * @return array<string, mixed>
	 */
	private static function notify( int $now ): array {
		$sent   = Incidents::send_due( $now );
		$failed = count( array_filter( $sent, static fn( array $d ): bool => 'sent' !== ( $d['status'] ?? null ) ) );
		return array(
			'status' => 0 === $failed ? 'ok' : 'partial',
			'sent'   => count( $sent ) - $failed,
			'failed' => $failed,
		);
	}
}
