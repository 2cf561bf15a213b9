<?php
/**
 * The backup schedules: a list of entries in the plugin's option shape (`bjlg_schedule_settings`
 * = {version: 2, schedules: [entry]}, design plugin-scheduling §1.9), each a preset recurrence
 * (every_five_minutes, every_fifteen_minutes, hourly, twice_daily, daily, weekly, monthly, with
 * its time, day, day of month) or a `custom` cron expression (Bjlg\Cron\Expression, in the
 * site's time zone), or `disabled`. Presets are turned into cron expressions too, so every entry
 * is run the same way: by WP-Cron as one single event at its next run (args: the entry's id),
 * re-armed after each tick (a recurring WP-Cron event has a fixed interval: it drifts with DST
 * and month lengths, §4.5). The first entry, `bjlg_schedule_default`, is the one PUT /schedule
 * and `schedule set` edit. A stored single entry of the version-1 shape (no `schedules` list) is
 * read as that first entry and written back in the list shape.
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

	/** The recurrences of an entry (design §1.9). */
	const RECURRENCES = array( 'disabled', 'every_five_minutes', 'every_fifteen_minutes', 'hourly', 'twice_daily', 'daily', 'weekly', 'monthly', 'custom' );

	/** Day names of `weekly`, Sunday = 0 as cron counts. */
	const DAYS = array( 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday' );

	/** At most this many entries per site. */
	const MAX_ENTRIES = 20;

	/** Seconds a backup is expected to last when the history has none (the overlap check). */
	const DEFAULT_DURATION = 600;

	/**
	 * A new entry's values (disabled until given a recurrence). Pure.
	 *
	 * @param string $id The entry's id.
	 * @return array<string, mixed>
	 */
	public static function blank_entry( string $id ): array {
		return array(
			'id'           => $id,
			'label'        => 'Full backup',
			'recurrence'   => 'disabled',
			'custom_cron'  => '',
			'time'         => '23:59',
			'day'          => 'sunday',
			'day_of_month' => 1,
			'components'   => array( 'db', 'plugins', 'themes', 'uploads' ),
			'encrypt'      => false,
			'incremental'  => false,
		);
	}

	/**
	 * The backup an entry makes: incremental or full (the stored `incremental` flag). Pure.
	 *
	 * @param array<string, mixed> $entry An entry.
	 */
	public static function type_of( array $entry ): string {
		return empty( $entry['incremental'] ) ? 'full' : 'incremental';
	}

	/**
	 * The stored collection as a list of entries: a version-1 single entry becomes the first
	 * entry, entries without an id or with a duplicate id are dropped (§1.9), missing keys get
	 * blank_entry()'s values. Pure.
	 *
	 * @param mixed $value The option's value.
	 * @return list<array<string, mixed>>
	 */
	public static function normalize_collection( $value ): array {
		if ( ! is_array( $value ) ) {
			return array();
		}
		if ( ! isset( $value['schedules'] ) && isset( $value['recurrence'] ) ) {
			$value = array( 'schedules' => array( array( 'id' => self::DEFAULT_ID ) + $value ) );
		}
		$entries = array();
		$seen    = array();
		foreach ( (array) ( $value['schedules'] ?? array() ) as $entry ) {
			if ( ! is_array( $entry ) || ! is_string( $entry['id'] ?? null ) || '' === $entry['id'] || isset( $seen[ $entry['id'] ] ) ) {
				continue;
			}
			$seen[ $entry['id'] ] = true;
			$entries[]            = $entry + self::blank_entry( $entry['id'] );
		}
		return $entries;
	}

	/**
	 * Every entry of the site, the first one first.
	 *
	 * @return list<array<string, mixed>>
	 */
	public static function entries(): array {
		return self::normalize_collection( get_option( self::OPTION, array() ) );
	}

	/**
	 * Entry $id (the default one is never absent: disabled until saved), or null.
	 *
	 * @param string $id The entry's id.
	 * @return array<string, mixed>|null
	 */
	public static function find( string $id ): ?array {
		foreach ( self::entries() as $entry ) {
			if ( $entry['id'] === $id ) {
				return $entry;
			}
		}
		return self::DEFAULT_ID === $id ? self::blank_entry( self::DEFAULT_ID ) : null;
	}

	/**
	 * The default entry (absent until a schedule is saved: disabled).
	 *
	 * @return array<string, mixed>
	 */
	public static function entry(): array {
		return (array) self::find( self::DEFAULT_ID );
	}

	/** The named presets of §1.8 (a `custom` entry with `macro`). */
	const MACROS = array(
		'hourly_guard'     => '0 * * * *',
		'pre_deploy'       => '*/10 * * * *',
		'weekend_snapshot' => '0 5 * * sat,sun',
		'nightly_full'     => '30 2 * * *',
		'weekly_media'     => '0 4 * * sun',
	);

	/** The keys an entry takes from REST and the commands. */
	const INPUT_KEYS = array( 'name', 'recurrence', 'cron', 'macro', 'time', 'day', 'day_of_month', 'enabled', 'type' );

	/**
	 * $entry changed by $input (name, recurrence, cron, macro, time, day, day_of_month, enabled,
	 * type), each value checked; the recurrence's values are checked by cron_of() when saved.
	 * `cron` alone makes the entry `custom`; `macro` sets its expression; `enabled: false`
	 * pauses it keeping the recurrence, `true` resumes it (daily when it had none). Pure.
	 *
	 * @param array<string, mixed> $entry The entry (blank_entry() for a new one).
	 * @param array<string, mixed> $input The changes.
	 * @return array<string, mixed>
	 * @throws \InvalidArgumentException A key or a value refused (the message names it).
	 */
	public static function apply_input( array $entry, array $input ): array {
		foreach ( array_keys( $input ) as $key ) {
			if ( ! in_array( $key, self::INPUT_KEYS, true ) ) {
				throw new \InvalidArgumentException( "unknown key '$key' (" . implode( ', ', self::INPUT_KEYS ) . ')' );
			}
		}
		if ( isset( $input['type'] ) ) {
			if ( ! in_array( $input['type'], array( 'full', 'incremental' ), true ) ) { // Backup_Job::TYPES.
				throw new \InvalidArgumentException( "type must be 'full' or 'incremental', not '" . ( is_scalar( $input['type'] ) ? $input['type'] : gettype( $input['type'] ) ) . "'" );
			}
			// Stored as the old plugin's entries hold it.
			$entry['incremental'] = 'incremental' === $input['type'];
		}
		if ( isset( $input['name'] ) ) {
			$name = trim( (string) $input['name'] );
			if ( '' === $name || strlen( $name ) > 100 ) {
				throw new \InvalidArgumentException( 'name must be 1 to 100 characters' );
			}
			$entry['label'] = $name;
		}
		if ( isset( $input['macro'] ) ) {
			if ( ! isset( self::MACROS[ $input['macro'] ] ) ) {
				throw new \InvalidArgumentException( "macro must be one of " . implode( ', ', array_keys( self::MACROS ) ) . ", not '{$input['macro']}'" );
			}
			$entry['recurrence']  = 'custom';
			$entry['custom_cron'] = self::MACROS[ $input['macro'] ];
			$entry['macro']       = $input['macro'];
		}
		if ( isset( $input['cron'] ) ) {
			$entry['recurrence']  = 'custom';
			$entry['custom_cron'] = trim( (string) $input['cron'] );
			unset( $entry['macro'] );
			if ( '' === $entry['custom_cron'] ) {
				throw new \InvalidArgumentException( 'cron must be a cron expression, e.g. "0 3 * * *"' );
			}
		}
		if ( isset( $input['recurrence'] ) ) {
			if ( ! in_array( $input['recurrence'], self::RECURRENCES, true ) ) {
				throw new \InvalidArgumentException( "recurrence must be one of " . implode( ', ', self::RECURRENCES ) . ", not '{$input['recurrence']}'" );
			}
			if ( 'custom' === $input['recurrence'] && '' === trim( (string) $entry['custom_cron'] ) ) {
				throw new \InvalidArgumentException( 'a custom recurrence needs cron' );
			}
			$entry['recurrence'] = $input['recurrence'];
			if ( 'custom' !== $entry['recurrence'] ) {
				unset( $entry['macro'] );
			}
		}
		foreach ( array( 'time', 'day', 'day_of_month' ) as $key ) {
			if ( isset( $input[ $key ] ) ) {
				$entry[ $key ] = 'day_of_month' === $key && is_numeric( $input[ $key ] ) ? (int) $input[ $key ] : ( 'day' === $key ? strtolower( (string) $input[ $key ] ) : (string) $input[ $key ] );
			}
		}
		if ( array_key_exists( 'enabled', $input ) ) {
			$on = filter_var( $input['enabled'], FILTER_VALIDATE_BOOLEAN, FILTER_NULL_ON_FAILURE );
			if ( null === $on ) {
				throw new \InvalidArgumentException( 'enabled must be true or false' );
			}
			if ( ! $on && 'disabled' !== $entry['recurrence'] ) {
				$entry['previous_recurrence'] = $entry['recurrence'];
				$entry['recurrence']          = 'disabled';
			} elseif ( $on && 'disabled' === $entry['recurrence'] ) {
				$previous            = (string) ( $entry['previous_recurrence'] ?? '' );
				$entry['recurrence'] = in_array( $previous, self::RECURRENCES, true ) && 'disabled' !== $previous ? $previous : ( '' !== $entry['custom_cron'] ? 'custom' : 'daily' );
			}
		}
		self::cron_of( $entry ); // The preset's values.
		return $entry;
	}

	/**
	 * A new entry's id (`bjlg_schedule_<uuid>`, §1.9).
	 */
	public static function new_id(): string {
		return 'bjlg_schedule_' . wp_generate_uuid4();
	}

	/**
	 * An entry as REST and the commands show it: id, name, recurrence, cron, type, enabled, its
	 * preset's values, its next runs in the site's zone, its WP-Cron event and its tick state.
	 *
	 * @param array<string, mixed> $entry The entry.
	 * @return array<string, mixed>
	 */
	public static function describe( array $entry ): array {
		$cron  = self::cron_of_or_empty( $entry );
		$state = self::state( $entry['id'] );
		$runs  = array();
		$said  = null;
		if ( '' !== $cron ) {
			$expression = Expression::parse( $cron );
			$said       = array(
				'en' => $expression->describe( 'en' ),
				'fr' => $expression->describe( 'fr' ),
			);
			if ( ! $expression->neverFires() ) {
				foreach ( $expression->nextRuns( 5, null, wp_timezone() ) as $run ) {
					$runs[] = $run->format( DATE_ATOM );
				}
			}
		}
		$event = wp_next_scheduled( self::HOOK, array( $entry['id'] ) );
		return array(
			'id'           => $entry['id'],
			'name'         => (string) $entry['label'],
			'recurrence'   => $entry['recurrence'],
			'cron'         => '' !== $cron ? $cron : (string) $entry['custom_cron'],
			'macro'        => $entry['macro'] ?? null,
			'description'  => $said,
			'type'         => self::type_of( $entry ),
			'enabled'      => '' !== $cron,
			'time'         => $entry['time'],
			'day'          => $entry['day'],
			'day_of_month' => (int) $entry['day_of_month'],
			'timezone'     => wp_timezone_string(),
			'next_runs'    => $runs,
			'next_event'   => false === $event ? null : $event,
			'last_checked' => $state['last_checked'] ?? null,
			'last_run'     => $state['last_run'] ?? null,
			'missed_total' => (int) ( $state['missed_total'] ?? 0 ),
			'last_missed'  => $state['last_missed'] ?? null,
		);
	}

	/**
	 * The cron expression an entry runs on (its preset written as one), or '' for a disabled
	 * entry. Pure.
	 *
	 * @param array<string, mixed> $entry The entry.
	 * @throws \InvalidArgumentException A time, day or day of month the preset cannot use.
	 */
	public static function cron_of( array $entry ): string {
		$recurrence = (string) ( $entry['recurrence'] ?? 'disabled' );
		if ( 'disabled' === $recurrence ) {
			return '';
		}
		if ( 'custom' === $recurrence ) {
			return trim( (string) ( $entry['custom_cron'] ?? '' ) );
		}
		$time = (string) ( $entry['time'] ?? '23:59' );
		if ( 1 !== preg_match( '/^([0-1]?\d|2[0-3]):([0-5]\d)$/', $time, $m ) ) {
			throw new \InvalidArgumentException( "time must be H:MM or HH:MM (00:00 to 23:59), not '$time'" );
		}
		$hour   = (int) $m[1];
		$minute = (int) $m[2];
		switch ( $recurrence ) {
			case 'every_five_minutes':
				return '*/5 * * * *';
			case 'every_fifteen_minutes':
				return '*/15 * * * *';
			case 'hourly':
				return '0 * * * *';
			case 'twice_daily':
				return sprintf( '%d %d,%d * * *', $minute, $hour % 12, $hour % 12 + 12 );
			case 'daily':
				return sprintf( '%d %d * * *', $minute, $hour );
			case 'weekly':
				$day = array_search( strtolower( (string) ( $entry['day'] ?? 'sunday' ) ), self::DAYS, true );
				if ( false === $day ) {
					throw new \InvalidArgumentException( "day must be one of " . implode( ', ', self::DAYS ) . ", not '{$entry['day']}'" );
				}
				return sprintf( '%d %d * * %d', $minute, $hour, $day );
			case 'monthly':
				$dom = $entry['day_of_month'] ?? 1;
				if ( ! is_numeric( $dom ) || (int) $dom != $dom || $dom < 1 || $dom > 31 || 29 === (int) $dom || 30 === (int) $dom ) { // phpcs:ignore Universal.Operators.StrictComparisons
					throw new \InvalidArgumentException( "day_of_month must be 1 to 28, or 31 for the last day of every month (29 and 30 are missing from some months), not '$dom'" );
				}
				return sprintf( '%d %d %s * *', $minute, $hour, 31 === (int) $dom ? 'L' : (string) (int) $dom );
		}
		throw new \InvalidArgumentException( "recurrence must be one of " . implode( ', ', self::RECURRENCES ) . ", not '$recurrence'" );
	}

	/**
	 * The tick state of entry $id: last_checked, last_run, missed_total, last_missed. The default
	 * entry's is the option's top level (its shape before several entries), the others' under
	 * `entries`.
	 *
	 * @param string $id The entry's id.
	 * @return array<string, mixed>
	 */
	public static function state( string $id = self::DEFAULT_ID ): array {
		$state = get_option( self::STATE_OPTION, array() );
		$state = is_array( $state ) ? $state : array();
		if ( self::DEFAULT_ID === $id ) {
			unset( $state['entries'] );
			return $state;
		}
		return is_array( $state['entries'][ $id ] ?? null ) ? $state['entries'][ $id ] : array();
	}

	/**
	 * Stores the tick state of entry $id (null removes it).
	 *
	 * @param string                    $id    The entry's id.
	 * @param array<string, mixed>|null $state The state.
	 */
	private static function save_state( string $id, ?array $state ): void {
		$all = get_option( self::STATE_OPTION, array() );
		$all = is_array( $all ) ? $all : array();
		if ( self::DEFAULT_ID === $id ) {
			$all = ( $state ?? array() ) + array( 'entries' => $all['entries'] ?? array() );
		} elseif ( null === $state ) {
			unset( $all['entries'][ $id ] );
		} else {
			$all['entries'][ $id ] = $state;
		}
		if ( array() === ( $all['entries'] ?? null ) ) {
			unset( $all['entries'] );
		}
		update_option( self::STATE_OPTION, $all, false );
	}

	/**
	 * Saves $cron as the default entry's expression and arms WP-Cron. Guardrails of severity
	 * `error` (too frequent, never fires) refuse the expression; the others come back as
	 * warnings, `overlap` with the other entries included.
	 *
	 * @param string $cron A cron expression.
	 * @return array{entry: array<string, mixed>, warnings: list<array<string, mixed>>, next_run: ?int}
	 * @throws \InvalidArgumentException An invalid or refused expression (the message says why).
	 */
	public static function save( string $cron ): array {
		$entry                = self::entry();
		$entry['recurrence']  = 'custom';
		$entry['custom_cron'] = $cron;
		return self::put( $entry );
	}

	/**
	 * Checks an entry (its recurrence, its expression's guardrails, the overlap with the other
	 * entries), stores it in the list (replacing the entry of the same id, or appended) and arms
	 * its event.
	 *
	 * @param array<string, mixed> $entry The entry, whole.
	 * @return array{entry: array<string, mixed>, warnings: list<array<string, mixed>>, next_run: ?int}
	 * @throws \InvalidArgumentException A refused entry (the message says why).
	 */
	public static function put( array $entry ): array {
		$cron     = self::cron_of( $entry );
		$warnings = array();
		if ( '' !== $cron ) {
			try {
				$expression = Expression::parse( $cron );
			} catch ( \Bjlg\Cron\SyntaxError $e ) {
				throw new \InvalidArgumentException( 'invalid cron expression: ' . $e->getMessage(), 0, $e );
			}
			$report = $expression->check(
				array(
					'timezone'  => wp_timezone(),
					'duration'  => self::expected_duration(),
					'schedules' => self::others( (string) $entry['id'] ),
				)
			);
			foreach ( $report['warnings'] as $warning ) {
				if ( 'error' === $warning['severity'] ) {
					throw new \InvalidArgumentException( $warning['code'] . ': ' . $warning['message'] );
				}
				$warnings[] = $warning;
			}
			if ( 'custom' === $entry['recurrence'] ) {
				$entry['custom_cron'] = (string) $expression;
			}
		}
		$was = self::find( (string) $entry['id'] );
		self::store( $entry );
		// Runs due before the entry existed (or was enabled, or changed) are not missed.
		if ( null === $was || self::cron_of_or_empty( $was ) !== $cron ) {
			$state                 = self::state( $entry['id'] );
			$state['last_checked'] = time();
			self::save_state( $entry['id'], $state );
		}
		return array(
			'entry'    => $entry,
			'warnings' => $warnings,
			'next_run' => self::arm( $entry['id'] ),
		);
	}

	/**
	 * The enabled entries other than $id as the overlap check takes them (name, expression,
	 * expected duration): what put() checks an entry against, and the assistant's preview.
	 *
	 * @param string $id The entry left out ('' leaves none out).
	 * @return list<array{name: string, expression: string, duration: int}>
	 */
	public static function others( string $id ): array {
		$others = array();
		foreach ( self::entries() as $other ) {
			$other_cron = $other['id'] === $id ? '' : self::cron_of_or_empty( $other );
			if ( '' !== $other_cron ) {
				$others[] = array(
					'name'       => (string) $other['label'] . ' (' . $other['id'] . ')',
					'expression' => $other_cron,
					'duration'   => self::expected_duration(),
				);
			}
		}
		return $others;
	}

	/**
	 * Removes entry $id, its event and its state; false when there is no such entry.
	 *
	 * @param string $id The entry's id.
	 */
	public static function delete( string $id ): bool {
		$entries = self::entries();
		$kept    = array_values( array_filter( $entries, static fn( $e ) => $e['id'] !== $id ) );
		if ( count( $kept ) === count( $entries ) ) {
			return false;
		}
		self::write( $kept );
		wp_clear_scheduled_hook( self::HOOK, array( $id ) );
		self::save_state( $id, null );
		return true;
	}

	/**
	 * The cron of an entry, or '' when it is disabled or its preset values are wrong (a stored
	 * entry that does not run: nothing to arm).
	 *
	 * @param array<string, mixed> $entry The entry.
	 */
	private static function cron_of_or_empty( array $entry ): string {
		try {
			return self::cron_of( $entry );
		} catch ( \InvalidArgumentException $e ) {
			return '';
		}
	}

	/**
	 * How long a backup is expected to last: the median of the last ten successful ones, or
	 * DEFAULT_DURATION (the overlap check's durations).
	 */
	public static function expected_duration(): int {
		static $duration = null;
		if ( null === $duration ) {
			$seconds = array();
			foreach ( History::recent( 10, 'backup_created', 'success' ) as $row ) {
				$value = $row['metadata']['metrics']['duration']['seconds'] ?? null;
				if ( is_numeric( $value ) ) {
					$seconds[] = (float) $value;
				}
			}
			sort( $seconds );
			$duration = array() === $seconds ? self::DEFAULT_DURATION : max( 1, (int) ceil( $seconds[ intdiv( count( $seconds ), 2 ) ] ) );
		}
		return $duration;
	}

	/**
	 * Pauses entry $id (its recurrence is kept as previous_recurrence, the plugin's way).
	 *
	 * @param string $id The entry's id.
	 */
	public static function disable( string $id = self::DEFAULT_ID ): void {
		$entry = self::find( $id );
		if ( null === $entry ) {
			return;
		}
		if ( 'disabled' !== $entry['recurrence'] ) {
			$entry['previous_recurrence'] = $entry['recurrence'];
		}
		$entry['recurrence'] = 'disabled';
		self::store( $entry );
		wp_clear_scheduled_hook( self::HOOK, array( $id ) );
	}

	/**
	 * Whether entry $id runs.
	 *
	 * @param string $id The entry's id.
	 */
	public static function enabled( string $id = self::DEFAULT_ID ): bool {
		$entry = self::find( $id );
		return null !== $entry && '' !== self::cron_of_or_empty( $entry );
	}

	/**
	 * (Re)schedules entry $id's single WP-Cron event at its next run; returns its time, or null
	 * when disabled or never firing. The event carries the entry id: clearing uses the same args
	 * (WordPress matches events by their arguments, design §4.5).
	 *
	 * @param string $id The entry's id.
	 */
	public static function arm( string $id = self::DEFAULT_ID ): ?int {
		wp_clear_scheduled_hook( self::HOOK, array( $id ) );
		$entry = self::find( $id );
		$cron  = null === $entry ? '' : self::cron_of_or_empty( $entry );
		if ( '' === $cron ) {
			return null;
		}
		$next = Missed_Runs::next_run( $cron, wp_timezone(), time() );
		if ( null !== $next ) {
			wp_schedule_single_event( $next, self::HOOK, array( $id ) );
		}
		return $next;
	}

	/**
	 * Arms every enabled entry (activation).
	 */
	public static function arm_all(): void {
		foreach ( self::entries() as $entry ) {
			self::arm( $entry['id'] );
		}
	}

	/**
	 * Re-arms lost events (an enabled entry with nothing in WP-Cron).
	 */
	public static function ensure_armed(): void {
		foreach ( self::entries() as $entry ) {
			if ( self::enabled( $entry['id'] ) && false === wp_next_scheduled( self::HOOK, array( $entry['id'] ) ) ) {
				self::arm( $entry['id'] );
			}
		}
	}

	/**
	 * Ticks every entry (`schedule run`, a system cron): the outcomes by entry id, and in total
	 * (the latest due run, the missed runs added up, the last backup, the first error); then
	 * the retention of history rows and job records, as each WP-Cron tick.
	 *
	 * @return array{due: ?int, missed: int, backup: ?array<string, mixed>, error: ?string, entries: array<string, array<string, mixed>>}
	 */
	public static function tick_all(): array {
		$all = array(
			'due'     => null,
			'missed'  => 0,
			'backup'  => null,
			'error'   => null,
			'entries' => array(),
		);
		foreach ( self::entries() as $entry ) {
			$outcome                        = self::tick( $entry['id'] );
			$all['entries'][ $entry['id'] ] = $outcome;
			$all['due']                     = null === $outcome['due'] ? $all['due'] : max( (int) $all['due'], $outcome['due'] );
			$all['missed']                 += $outcome['missed'];
			$all['backup']                  = $outcome['backup'] ?? $all['backup'];
			$all['error']                   = $all['error'] ?? $outcome['error'];
		}
		Records_Retention::run_from_cron(); // What each WP-Cron tick does too.
		return $all;
	}

	/**
	 * The WP-Cron callback of entry $id (also `schedule run`): records its missed runs, runs the
	 * due one, re-arms it. An event of an entry that no longer exists or is disabled does
	 * nothing (never another entry's backup, §4.5).
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
		if ( ! self::enabled( $id ) ) {
			return $outcome;
		}
		$cron  = self::cron_of( (array) self::find( $id ) );
		$now   = time();
		$state = self::state( $id );
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
			self::log_missed( $id, $cron, $runs, $now );
		}
		self::save_state( $id, $state );
		$outcome['due']    = $runs['due'];
		$outcome['missed'] = $runs['missed'];
		if ( null !== $runs['due'] ) {
			$outcome = self::run_due( $id, $cron, $runs['due'], $outcome );
		}
		self::arm( $id );
		return $outcome;
	}

	/**
	 * Runs the due backup; a busy site is a missed run too.
	 *
	 * @param string               $id      The entry's id.
	 * @param string               $cron    The expression.
	 * @param int                  $due     The run's time.
	 * @param array<string, mixed> $outcome The tick's outcome so far.
	 * @return array<string, mixed>
	 */
	private static function run_due( string $id, string $cron, int $due, array $outcome ): array {
		History::log(
			'scheduled_backup',
			'info',
			sprintf( 'Scheduled backup of %s (%s) started.', gmdate( 'c', $due ), $cron ),
			array(
				'schedule_id' => $id,
				'cron'        => $cron,
				'due_at'      => $due,
				'started_at'  => time(),
			)
		);
		try {
			$outcome['backup'] = Backup_Job::run( 'schedule', null, null, self::type_of( self::find( $id ) ?? array() ) );
			$state             = self::state( $id );
			$state['last_run'] = $due;
			self::save_state( $id, $state );
		} catch ( Job_Busy_Exception $e ) {
			$outcome['error'] = $e->getMessage();
			self::log_missed(
				$id,
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
	 * One history row for a span of missed runs of entry $id.
	 *
	 * @param string               $id   The entry's id.
	 * @param string               $cron The expression.
	 * @param array<string, mixed> $runs missed, first_missed, last_missed, capped (and reason).
	 * @param int                  $now  Detection time.
	 */
	private static function log_missed( string $id, string $cron, array $runs, int $now ): void {
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
				'schedule_id'  => $id,
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
	 * Writes the entry into the collection in its place (a new one: appended; the default entry
	 * is always first), keeping the other entries.
	 *
	 * @param array<string, mixed> $entry The entry.
	 */
	private static function store( array $entry ): void {
		$entries = self::entries();
		$found   = false;
		foreach ( $entries as $i => $other ) {
			if ( $other['id'] === $entry['id'] ) {
				$entries[ $i ] = $entry;
				$found         = true;
			}
		}
		if ( ! $found ) {
			if ( self::DEFAULT_ID === $entry['id'] ) {
				array_unshift( $entries, $entry );
			} else {
				$entries[] = $entry;
			}
		}
		self::write( $entries );
	}

	/**
	 * Writes the collection in the version-2 shape.
	 *
	 * @param list<array<string, mixed>> $entries The entries.
	 */
	private static function write( array $entries ): void {
		update_option(
			self::OPTION,
			array(
				'version'   => 2,
				'schedules' => array_values( $entries ),
			)
		);
	}
}
