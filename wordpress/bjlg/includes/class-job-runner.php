<?php
/**
 * Runs job records (class-jobs.php) and resumes those a dead process left behind.
 *
 * A job is a sequence of steps, each one operation of the extension: a backup is `archive`
 * (Writer) then `verify` (Verifier, when verify_after_backup is on); a verification is `verify`.
 * The step is saved in the row before it starts, so a process that dies (a PHP time limit, a
 * kill) leaves the job `interrupted` at that step, and the next WP-Cron tick (the hook
 * `bjlg_run_job`, or Schedule::tick for a process killed outright) resumes it there:
 *
 * - `restore-test` restarts from the start too: its sandbox, its throwaway MariaDB and the
 *   restore's progress belong to the process that died (the next restore test removes the
 *   sandbox it left, whose owner.pid is dead).
 * - `verify` restarts the verification from the archive's first byte. The verifier is one
 *   streaming pass whose state (the archive's SHA-256, the zip stream parser between entries
 *   and inside one, the SQL tokenizer of database.sql, one record per entry compared with the
 *   index at the end) lives in the extension's core and has no checkpoint: no PHP process can
 *   continue another's pass, so the verification of one archive cannot be split into steps.
 * - `archive` cannot be resumed at all: the zip stream, its deflate and encryption states and
 *   the temporary file belong to the process that writes; the extension offers no way to
 *   reopen a partial archive. The job fails, saying so (the next backup starts afresh).
 * - A backup interrupted during its `verify` step keeps its archive: only the verification runs
 *   again.
 *
 * An interrupted job is resumed at most Jobs::MAX_ATTEMPTS times in all, then it fails.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Watches a running job in its process: when PHP ends while the job is still running (a fatal
 * error such as "Maximum execution time exceeded"), its shutdown function marks it interrupted,
 * gives the lock back and queues its resumption on WP-Cron.
 */
final class Job_Guard {

	/** The job. @var int */
	private $id;

	/** The lock to give back. @var Job_Lock|null */
	private $lock;

	/** Whether the job is still running in this process. @var bool */
	private $active = true;

	/**
	 * Starts watching job $id.
	 *
	 * @param int           $id   The job, just moved to running.
	 * @param Job_Lock|null $lock Its lock.
	 */
	public function __construct( int $id, ?Job_Lock $lock ) {
		$this->id   = $id;
		$this->lock = $lock;
		register_shutdown_function( array( $this, 'shutdown' ) );
	}

	/**
	 * The job ended in this process (done, failed, cancelled): nothing to do at shutdown.
	 */
	public function release(): void {
		$this->active = false;
	}

	/**
	 * The shutdown function.
	 */
	public function shutdown(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->active = false;
		$error        = error_get_last();
		$reason       = null !== $error ? (string) $error['message'] : 'the process ended while the job ran';
		if ( Jobs::transition( $this->id, array( 'running' ), 'interrupted', array( 'error' => substr( $reason, 0, 500 ) ) ) ) {
			wp_schedule_single_event( time(), Job_Runner::HOOK, array( $this->id ) );
		}
		if ( null !== $this->lock ) {
			$this->lock->release();
		}
	}
}

/**
 * Starts, runs and resumes jobs.
 */
final class Job_Runner {

	/** The WP-Cron hook that runs a queued job or resumes an interrupted one (args: its id). */
	const HOOK = 'bjlg_run_job';

	/**
	 * Queues a job to run from WP-Cron; returns its record.
	 *
	 * @param string      $type   backup or verify.
	 * @param string|null $target The archive (verify).
	 * @param string      $source Who asked.
	 * @return array<string, mixed>
	 */
	public static function queue( string $type, ?string $target, string $source ): array {
		$id = Jobs::create( $type, $target, $source );
		wp_schedule_single_event( time(), self::HOOK, array( $id ) );
		spawn_cron();
		return (array) Jobs::get( $id );
	}

	/**
	 * Moves job $id to running for one more attempt (from queued or interrupted); false when
	 * another process took it, or it was cancelled meanwhile.
	 *
	 * @param int $id The job.
	 */
	public static function start( int $id ): bool {
		$job = Jobs::get( $id );
		if ( null === $job ) {
			return false;
		}
		$fields = array( 'attempts' => $job['attempts'] + 1 );
		if ( null === $job['started_at'] ) {
			$fields['started_at'] = gmdate( 'Y-m-d H:i:s' );
		}
		return Jobs::transition( $id, array( 'queued', 'interrupted' ), 'running', $fields );
	}

	/**
	 * Runs job $id (queued or interrupted) that takes no lock (a verification, a restore test):
	 * $work gets the job's progress callable and returns the job's result, stored with the
	 * state done; a throw is stored as cancelled or failed (the class only: messages may name
	 * server paths) and rethrown.
	 *
	 * @param int                                     $id      The job.
	 * @param callable|null                           $display Sees every progress record.
	 * @param callable(Job_Progress): array<string, mixed> $work The operation.
	 * @return array<string, mixed> $work's result plus job_id.
	 * @throws \Throwable $work's failure, after it was stored.
	 */
	public static function execute( int $id, ?callable $display, callable $work ): array {
		if ( ! self::start( $id ) ) {
			throw new \RuntimeException( sprintf( 'job %d is not waiting to run (cancelled, or taken by another process)', $id ) );
		}
		$guard = new Job_Guard( $id, null );
		if ( function_exists( 'set_time_limit' ) ) {
			@set_time_limit( 0 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		try {
			$result = $work( new Job_Progress( $id, null, $display ) );
		} catch ( \Throwable $e ) {
			$cancelled = $e instanceof \Bjlg\CancelledException;
			self::finish( $id, $cancelled ? 'cancelled' : 'failed', null, $cancelled ? 'cancelled' : ( $e instanceof Archive_Not_Found_Exception ? $e->getMessage() : get_class( $e ) ) );
			$guard->release();
			throw $e;
		}
		$result['job_id'] = $id;
		self::finish( $id, 'done', $result );
		$guard->release();
		return $result;
	}

	/**
	 * The end of a job: its state, result or error.
	 *
	 * @param int                       $id     The job.
	 * @param string                    $state  done, failed or cancelled.
	 * @param array<string, mixed>|null $result What it produced.
	 * @param string|null               $error  Why it failed.
	 */
	public static function finish( int $id, string $state, ?array $result = null, ?string $error = null ): void {
		$fields = array(
			'state'       => $state,
			'finished_at' => gmdate( 'Y-m-d H:i:s' ),
			'error'       => $error,
		);
		if ( null !== $result ) {
			$fields['result'] = $result;
		}
		Jobs::update( $id, $fields );
	}

	/**
	 * The WP-Cron callback: finds jobs whose process was killed outright, then runs job $id
	 * (queued) or resumes it (interrupted). Failures are in the job's row and the history.
	 *
	 * @param int $id The job.
	 */
	public static function run_from_cron( int $id ): void {
		self::recover_stale();
		try {
			self::resume( $id );
		} catch ( \Throwable $e ) {
			unset( $e ); // Recorded in the job's row and the history by the job classes.
		}
	}

	/**
	 * Runs job $id from where it is: a queued job from its start, an interrupted one at its
	 * step (the class comment says what each step allows). Returns the job's record after it.
	 *
	 * @param int $id The job.
	 * @return array<string, mixed>|null
	 * @throws \Throwable The job's failure (recorded).
	 */
	public static function resume( int $id ): ?array {
		$job = Jobs::get( $id );
		if ( null === $job || ! in_array( $job['state'], array( 'queued', 'interrupted' ), true ) ) {
			return $job;
		}
		if ( 'interrupted' === $job['state'] && $job['attempts'] >= Jobs::MAX_ATTEMPTS ) {
			$error = sprintf( 'interrupted %d times (last: %s); not resumed again', $job['attempts'], $job['error'] ?? 'unknown' );
			if ( Jobs::transition( $id, array( 'interrupted' ), 'failed', array( 'error' => $error, 'finished_at' => gmdate( 'Y-m-d H:i:s' ) ) ) ) {
				self::log_interrupted( $job, $error );
			}
			return Jobs::get( $id );
		}
		if ( 'backup' === $job['type'] && 'archive' === $job['step'] && 'interrupted' === $job['state'] ) {
			$error = 'interrupted while writing the archive (' . ( $job['error'] ?? 'unknown' ) . '): a partial archive cannot be continued by another process; the next backup starts afresh';
			if ( Jobs::transition( $id, array( 'interrupted' ), 'failed', array( 'error' => substr( $error, 0, 500 ), 'finished_at' => gmdate( 'Y-m-d H:i:s' ) ) ) ) {
				self::log_interrupted( $job, $error );
			}
			return Jobs::get( $id );
		}
		if ( 'restore' === $job['type'] ) {
			// A restore runs in the process that asked for it (its archive path is not in the record):
			// never resumed; its temporary tables and folder are left for the next one to overwrite.
			if ( Jobs::transition( $id, array( 'queued', 'interrupted' ), 'failed', array( 'error' => 'a restore is not resumed: run it again', 'finished_at' => gmdate( 'Y-m-d H:i:s' ) ) ) ) {
				self::log_interrupted( $job, 'a restore is not resumed: run it again' );
			}
			return Jobs::get( $id );
		}
		if ( 'backup' === $job['type'] && 'verify' === $job['step'] ) {
			Backup_Job::resume_verification( $job );
		} elseif ( 'backup' === $job['type'] ) {
			Backup_Job::run( $job['source'], $id, null, 'incremental' === $job['target'] ? 'incremental' : 'full' );
		} elseif ( 'restore-test' === $job['type'] ) {
			Restore_Test_Job::run( (string) $job['target'], $job['source'], $id );
		} else {
			Verify_Job::run( (string) $job['target'], $job['source'], $id );
		}
		return Jobs::get( $id );
	}

	/**
	 * Running jobs whose last report is older than the lock's life: their process was killed
	 * without its shutdown function. Marked interrupted and queued for resumption.
	 *
	 * @return list<int> Their ids.
	 */
	public static function recover_stale(): array {
		$found = array();
		foreach ( Jobs::stale( Job_Lock::TTL ) as $id ) {
			if ( Jobs::transition( $id, array( 'running' ), 'interrupted', array( 'error' => 'no progress for ' . Job_Lock::TTL . ' s: the process died' ) ) ) {
				wp_schedule_single_event( time(), self::HOOK, array( $id ) );
				$found[] = $id;
			}
		}
		return $found;
	}

	/**
	 * The history row of a job given up after interruptions.
	 *
	 * @param array<string, mixed> $job   The job.
	 * @param string               $error Why.
	 */
	private static function log_interrupted( array $job, string $error ): void {
		History::log(
			Jobs::history_action( $job['type'] ),
			'failure',
			sprintf( 'Job %d (%s) failed: %s', $job['id'], $job['type'], $error ),
			array(
				'job_id' => $job['id'],
				'source' => $job['source'],
				// A backup job's target is its type (incremental) or null, never an archive.
				'backup' => array( 'filename' => 'backup' === $job['type'] ? ( $job['result']['archive'] ?? null ) : ( $job['target'] ?? null ) ),
				'error'  => array(
					'class'   => 'interrupted',
					'message' => $error,
				),
			)
		);
	}
}
