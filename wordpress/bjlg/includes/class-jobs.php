<?php
/**
 * The job records: one row per backup or verification in `{base_prefix}bjlg_jobs` (one table
 * for the network, the site in `blog_id`), with its state, its step, the progress the
 * extension reports (phase, done, total) and a cancel flag. REST (`GET /jobs/{id}`, `POST
 * /jobs/{id}/cancel`), the commands and the runner read and write it; Job_Progress is the
 * extension's progress callable that keeps it current while the job runs.
 *
 * States: queued -> running -> done | failed | cancelled; running -> interrupted (the process
 * died: a PHP time limit, a kill) -> running again (resumed by the next WP-Cron tick) or failed.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Reads and writes job rows.
 */
final class Jobs {

	/** The job types POST /jobs starts (a restore, type "restore", has its own route and command). */
	const TYPES = array( 'backup', 'verify', 'restore-test' );

	/** Every state of a job. */
	const STATES = array( 'queued', 'running', 'interrupted', 'done', 'failed', 'cancelled' );

	/** States in which nothing runs any more. */
	const FINISHED = array( 'done', 'failed', 'cancelled' );

	/** Attempts before an interrupted job is given up. */
	const MAX_ATTEMPTS = 3;

	/**
	 * The table's name.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->base_prefix . 'bjlg_jobs';
	}

	/**
	 * A new queued job of the current site; returns its id.
	 *
	 * @param string      $type   backup or verify.
	 * @param string|null $target The archive name (verify).
	 * @param string      $source Who asked: rest, cli, wp-cli, schedule.
	 */
	public static function create( string $type, ?string $target, string $source ): int {
		global $wpdb;
		$now = gmdate( 'Y-m-d H:i:s' );
		$wpdb->insert(
			self::table(),
			array(
				'blog_id'    => get_current_blog_id(),
				'type'       => $type,
				'target'     => $target,
				'source'     => $source,
				'state'      => 'queued',
				'step'       => 'backup' === $type ? 'archive' : $type,
				'created_at' => $now,
				'updated_at' => $now,
			),
			array( '%d', '%s', '%s', '%s', '%s', '%s', '%s', '%s' )
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * The job $id of the current site, decoded, or null.
	 *
	 * @param int $id The job's id.
	 * @return array<string, mixed>|null
	 */
	public static function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . self::table() . ' WHERE id = %d AND blog_id = %d', $id, get_current_blog_id() ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * The latest jobs of the current site, newest first.
	 *
	 * @param int $limit At most this many (1..100).
	 * @return list<array<string, mixed>>
	 */
	public static function recent( int $limit = 20 ): array {
		global $wpdb;
		$limit = max( 1, min( 100, $limit ) );
		$rows  = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . self::table() . " WHERE blog_id = %d ORDER BY id DESC LIMIT $limit", get_current_blog_id() ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return array_map( array( self::class, 'decode' ), $rows );
	}

	/**
	 * The jobs of the current site matching $filters, newest first: `state` and `type` (a value
	 * or a list of values, checked against STATES and TYPES), `limit` (1..100, default 20). One
	 * query behind GET /jobs and the `jobs` command.
	 *
	 * @param array<string, mixed> $filters state, type, limit.
	 * @return list<array<string, mixed>>
	 * @throws \InvalidArgumentException A state or type that is none of the known ones.
	 */
	public static function search( array $filters ): array {
		global $wpdb;
		$where = array( 'blog_id = %d' );
		$args  = array( get_current_blog_id() );
		foreach ( array( 'state' => self::STATES, 'type' => self::TYPES ) as $column => $known ) {
			$values = self::filter_values( $filters[ $column ] ?? null, $known, $column );
			if ( array() !== $values ) {
				$where[] = "$column IN (" . implode( ',', array_fill( 0, count( $values ), '%s' ) ) . ')';
				$args    = array_merge( $args, $values );
			}
		}
		$limit = max( 1, min( 100, (int) ( $filters['limit'] ?? 20 ) ) );
		$rows  = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . self::table() . ' WHERE ' . implode( ' AND ', $where ) . " ORDER BY id DESC LIMIT $limit", $args ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return array_map( array( self::class, 'decode' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * A filter's values (a comma-separated string or a list), each one of $known. Pure.
	 *
	 * @param mixed        $value  The filter, or null.
	 * @param list<string> $known  The allowed values.
	 * @param string       $column The filter's name, for the message.
	 * @return list<string>
	 * @throws \InvalidArgumentException A value outside $known.
	 */
	public static function filter_values( $value, array $known, string $column ): array {
		if ( null === $value || '' === $value || array() === $value ) {
			return array();
		}
		$values = is_array( $value ) ? array_map( 'strval', $value ) : array_map( 'trim', explode( ',', (string) $value ) );
		foreach ( $values as $v ) {
			if ( ! in_array( $v, $known, true ) ) {
				throw new \InvalidArgumentException( "unknown $column '$v' (" . implode( ', ', $known ) . ')' );
			}
		}
		return array_values( array_unique( $values ) );
	}

	/**
	 * Sets columns of job $id (updated_at too); `result` is stored as JSON.
	 *
	 * @param int                  $id     The job.
	 * @param array<string, mixed> $fields Columns and values.
	 */
	public static function update( int $id, array $fields ): void {
		global $wpdb;
		if ( array_key_exists( 'result', $fields ) ) {
			$fields['result'] = null === $fields['result'] ? null : wp_json_encode( $fields['result'], JSON_UNESCAPED_SLASHES );
		}
		$fields['updated_at'] = gmdate( 'Y-m-d H:i:s' );
		$wpdb->update( self::table(), $fields, array( 'id' => $id ) );
	}

	/**
	 * Moves job $id from one of $from to $to; false when it was in none of them (another process
	 * got there first). The only transition that must be atomic: starting and resuming.
	 *
	 * @param int                  $id     The job.
	 * @param list<string>         $from   The states it may be in.
	 * @param string               $to     The new state.
	 * @param array<string, mixed> $fields Other columns to set.
	 */
	public static function transition( int $id, array $from, string $to, array $fields = array() ): bool {
		global $wpdb;
		$set = array( 'state = %s', 'updated_at = %s' );
		$arg = array( $to, gmdate( 'Y-m-d H:i:s' ) );
		foreach ( $fields as $column => $value ) {
			$set[] = "$column = " . ( is_int( $value ) ? '%d' : '%s' );
			$arg[] = $value;
		}
		$in  = implode( ',', array_fill( 0, count( $from ), '%s' ) );
		$sql = 'UPDATE ' . self::table() . ' SET ' . implode( ', ', $set ) . " WHERE id = %d AND state IN ($in)";
		$wpdb->query( $wpdb->prepare( $sql, array_merge( $arg, array( $id ), $from ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		return 1 === (int) $wpdb->rows_affected;
	}

	/**
	 * Asks job $id to stop. A queued job is cancelled at once; a running one at its next
	 * progress report (the operation then throws its CancelledException). Returns the job, or
	 * null when there is no such job; a finished job is returned unchanged.
	 *
	 * @param int $id The job.
	 * @return array<string, mixed>|null
	 */
	public static function request_cancel( int $id ): ?array {
		$job = self::get( $id );
		if ( null === $job || in_array( $job['state'], self::FINISHED, true ) ) {
			return $job;
		}
		global $wpdb;
		$wpdb->update( self::table(), array( 'cancel_requested' => 1 ), array( 'id' => $id ) );
		if ( self::transition( $id, array( 'queued', 'interrupted' ), 'cancelled', array( 'finished_at' => gmdate( 'Y-m-d H:i:s' ) ) ) ) {
			History::log( self::history_action( $job['type'] ), 'cancelled', sprintf( 'Job %d (%s) cancelled before it ran.', $id, $job['type'] ), array( 'job_id' => $id, 'source' => $job['source'] ) );
		}
		return self::get( $id );
	}

	/**
	 * The history's action_type of a job type. Pure.
	 *
	 * @param string $type backup, verify or restore-test.
	 */
	public static function history_action( string $type ): string {
		$actions = array(
			'backup'       => 'backup_created',
			'verify'       => 'backup_verified',
			'restore-test' => 'restore_test',
			'restore'      => 'backup_restored',
		);
		return $actions[ $type ] ?? $type;
	}

	/**
	 * Whether someone asked job $id to stop, read past every cache.
	 *
	 * @param int $id The job.
	 */
	public static function cancel_requested( int $id ): bool {
		global $wpdb;
		return '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT cancel_requested FROM ' . self::table() . ' WHERE id = %d', $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL
	}

	/**
	 * Running jobs of the current site whose last report is older than $seconds: their process
	 * died without the shutdown handler (killed outright).
	 *
	 * @param int $seconds Age of the last report.
	 * @return list<int>
	 */
	public static function stale( int $seconds ): array {
		global $wpdb;
		$before = gmdate( 'Y-m-d H:i:s', time() - $seconds );
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM ' . self::table() . " WHERE blog_id = %d AND state = 'running' AND updated_at < %s", get_current_blog_id(), $before ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL
	}

	/**
	 * A row as REST and the commands show it: numbers as numbers, times in ISO 8601 (UTC),
	 * the result decoded, the fraction done. Pure.
	 *
	 * @param array<string, mixed> $row The row.
	 * @return array<string, mixed>
	 */
	public static function decode( array $row ): array {
		$time  = static fn( $t ) => ( null === $t || '' === $t ) ? null : gmdate( 'c', (int) strtotime( $t . ' UTC' ) );
		$done  = (int) ( $row['done'] ?? 0 );
		$total = (int) ( $row['total'] ?? 0 );
		return array(
			'id'               => (int) $row['id'],
			'blog_id'          => (int) $row['blog_id'],
			'type'             => $row['type'],
			'target'           => $row['target'],
			'source'           => $row['source'],
			'state'            => $row['state'],
			'step'             => $row['step'],
			'phase'            => $row['phase'],
			'phase_index'      => (int) ( $row['phase_index'] ?? 0 ),
			'phases'           => (int) ( $row['phases'] ?? 0 ),
			'done'             => $done,
			'total'            => $total,
			'unit'             => $row['unit'],
			'percent'          => $total > 0 ? round( 100 * min( 1, $done / $total ), 1 ) : null,
			'cancel_requested' => (bool) (int) ( $row['cancel_requested'] ?? 0 ),
			'attempts'         => (int) ( $row['attempts'] ?? 0 ),
			'created_at'       => $time( $row['created_at'] ?? null ),
			'started_at'       => $time( $row['started_at'] ?? null ),
			'updated_at'       => $time( $row['updated_at'] ?? null ),
			'finished_at'      => $time( $row['finished_at'] ?? null ),
			'result'           => isset( $row['result'] ) ? json_decode( (string) $row['result'], true ) : null,
			'error'            => $row['error'] ?? null,
		);
	}
}

/**
 * The extension's progress callable for a job: writes the record to the job's row (at most
 * once a second, and at the end of each phase), refreshes the job lock (at most every 30 s),
 * fires `bjlg_job_progress($id, $record)` (after the write), and returns false once a cancel
 * was asked (read with each write): the operation then stops
 * and throws its CancelledException. The first report always writes and reads, so a cancel
 * asked before the start stops the operation at once. A display (the command line's bar) sees
 * every record.
 */
final class Job_Progress {

	/** Seconds between two writes of the row. */
	const WRITE_EVERY = 1.0;

	/** Seconds between two lock refreshes. */
	const LOCK_EVERY = 30;

	/** The job. @var int */
	private $id;

	/** The held lock, if the job takes one. @var Job_Lock|null */
	private $lock;

	/** The command line's display. @var callable|null */
	private $display;

	/** microtime of the last write (0: none yet). @var float */
	private $last_write = 0.0;

	/** time() of the last lock refresh. @var int */
	private $last_lock;

	/** Whether a cancel was read. @var bool */
	private $cancelled = false;

	/**
	 * A callable for job $id.
	 *
	 * @param int           $id      The job.
	 * @param Job_Lock|null $lock    Its lock, refreshed while it runs.
	 * @param callable|null $display Shown every record (a progress bar).
	 */
	public function __construct( int $id, ?Job_Lock $lock = null, ?callable $display = null ) {
		$this->id        = $id;
		$this->lock      = $lock;
		$this->display   = $display;
		$this->last_lock = time();
	}

	/**
	 * Whether a record is due to be written: the first one, the end of a phase, or WRITE_EVERY
	 * seconds after the last write. Pure.
	 *
	 * @param array<string, mixed> $progress   The record.
	 * @param float                $now        microtime.
	 * @param float                $last_write microtime of the last write, 0 for none.
	 */
	public static function due( array $progress, float $now, float $last_write ): bool {
		$total = (int) ( $progress['total'] ?? 0 );
		return 0.0 === $last_write || ( $total > 0 && (int) ( $progress['done'] ?? 0 ) >= $total ) || $now - $last_write >= self::WRITE_EVERY;
	}

	/**
	 * The operation's progress callable.
	 *
	 * @param array<string, mixed> $progress The record (phase, done, total, unit, current, phase_index, phases).
	 */
	public function __invoke( array $progress ): bool {
		if ( null !== $this->display ) {
			( $this->display )( $progress );
		}
		$now = microtime( true );
		if ( self::due( $progress, $now, $this->last_write ) ) {
			$this->last_write = $now;
			Jobs::update(
				$this->id,
				array(
					'phase'       => substr( (string) ( $progress['phase'] ?? '' ), 0, 40 ),
					'phase_index' => (int) ( $progress['phase_index'] ?? 0 ),
					'phases'      => count( (array) ( $progress['phases'] ?? array() ) ),
					'done'        => (int) ( $progress['done'] ?? 0 ),
					'total'       => (int) ( $progress['total'] ?? 0 ),
					'unit'        => substr( (string) ( $progress['unit'] ?? '' ), 0, 10 ),
				)
			);
			$this->cancelled = $this->cancelled || Jobs::cancel_requested( $this->id );
		}
		do_action( 'bjlg_job_progress', $this->id, $progress );
		if ( null !== $this->lock && time() - $this->last_lock >= self::LOCK_EVERY ) {
			$this->last_lock = time();
			if ( ! $this->lock->refresh() ) {
				return false; // Another process took the site over.
			}
		}
		return ! $this->cancelled;
	}
}
