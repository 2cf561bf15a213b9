<?php
/**
 * Verification of a finished archive by the extension's verifier (Bjlg\Verify\Verifier: one
 * streaming pass, no plaintext on disk, docs/verification.md), recorded in the history as a
 * `backup_verified` row with the verifier's summary. REST, the `verify` command and the end of
 * each backup (setting `verify_after_backup`) call it.
 *
 * It takes no job lock: it only reads an archive the writer has already renamed into place.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Thrown when no archive of the site has the name given (or the name is not an archive name).
 */
final class Archive_Not_Found_Exception extends \RuntimeException {
}

/**
 * Verifies archives.
 */
final class Verify_Job {

	/** The history's action_type. */
	const ACTION = 'backup_verified';

	/** The option holding the plugin's settings; `verify_after_backup` (default true) is one. */
	const SETTINGS_OPTION = 'bjlg_settings';

	/** The verifier's status -> the history's status. */
	const HISTORY_STATUS = array(
		'passed'       => 'success',
		'failed'       => 'failure',
		'inconclusive' => 'warning',
	);

	/**
	 * Verifies the site's archive named $name as job $job_id (a new job record when null) and
	 * records the outcome; the verification restarts from the first byte when an interrupted
	 * job is resumed (class-job-runner.php says why it cannot be split).
	 *
	 * @param string        $name    An archive name (Backup_Store::is_archive_name), not a path.
	 * @param string        $source  Who asked: rest, cli, wp-cli.
	 * @param int|null      $job_id  A queued (or interrupted) job record of type verify.
	 * @param callable|null $display Sees every progress record (the command line's bar).
	 * @return array<string, mixed> summarize()'s summary plus history_id and job_id.
	 * @throws Archive_Not_Found_Exception No such archive in the backups folder.
	 * @throws \Bjlg\Verify\VerifyException The verification could not run or was cancelled (recorded).
	 */
	public static function run( string $name, string $source, ?int $job_id = null, ?callable $display = null ): array {
		if ( null === $job_id && null === Backup_Store::resolve( $name ) ) {
			throw new Archive_Not_Found_Exception( 'no archive of this site has that name (see the list of backups)' ); // No job record for it.
		}
		return Job_Runner::execute(
			$job_id ?? Jobs::create( 'verify', $name, $source ),
			$display,
			static fn( Job_Progress $progress ): array => self::check( $name, $source, $progress )
		);
	}

	/**
	 * The verification itself, with $progress as the verifier's progress callable, recorded in
	 * the history (a `cancelled` row when the callable stopped it).
	 *
	 * @param string       $name     An archive name, not a path.
	 * @param string       $source   Who asked.
	 * @param Job_Progress $progress The job's progress callable.
	 * @return array<string, mixed> summarize()'s summary plus history_id.
	 * @throws Archive_Not_Found_Exception No such archive in the backups folder.
	 * @throws \Bjlg\Verify\VerifyException The verification could not run or was cancelled (recorded).
	 */
	public static function check( string $name, string $source, Job_Progress $progress ): array {
		$path = Backup_Store::resolve( $name );
		if ( null === $path ) {
			throw new Archive_Not_Found_Exception( 'no archive of this site has that name (see the list of backups)' );
		}
		$recorded = self::recorded_checksum( $name );
		try {
			$report = \Bjlg\Verify\Verifier::verify(
				$path,
				array(
					'threads'  => (int) apply_filters( 'bjlg_verify_threads', 0 ),
					'progress' => $progress,
				) + Backup_Store::key_option( $name )
			);
		} catch ( \Bjlg\Verify\CancelledException $e ) {
			History::log(
				self::ACTION,
				'cancelled',
				sprintf( 'Verification of %s cancelled.', $name ),
				array(
					'source'       => $source,
					'backup'       => array( 'filename' => $name ),
					'verification' => array(
						'archive'     => $name,
						'status'      => 'cancelled',
						'finished_at' => gmdate( 'c' ),
					),
				)
			);
			throw $e;
		} catch ( \Bjlg\Verify\VerifyException $e ) {
			History::log(
				self::ACTION,
				'warning',
				sprintf( 'Verification of %s could not run: %s', $name, str_replace( $path, $name, $e->getMessage() ) ),
				array(
					'source'       => $source,
					'backup'       => array( 'filename' => $name ),
					'verification' => array(
						'archive'     => $name,
						'status'      => 'error',
						'finished_at' => gmdate( 'c' ),
					),
					'error'        => array(
						'class' => get_class( $e ),
						'code'  => $e->error_code ?? null,
					),
				)
			);
			throw $e;
		}
		$summary               = self::summarize( $report, $recorded );
		$summary['history_id'] = History::log(
			self::ACTION,
			self::HISTORY_STATUS[ $summary['status'] ] ?? 'warning',
			self::details( $summary ),
			array(
				'source'       => $source,
				'backup'       => array( 'filename' => $name ),
				'verification' => $summary,
			)
		);
		do_action( 'bjlg_backup_verified', $name, $summary );
		return $summary;
	}

	/**
	 * Whether backups are verified when they are written (option bjlg_settings, default on).
	 */
	public static function after_backup(): bool {
		$settings = get_option( self::SETTINGS_OPTION, array() );
		return (bool) ( is_array( $settings ) ? ( $settings['verify_after_backup'] ?? true ) : true );
	}

	/**
	 * The verifier's report reduced to what the history and the admin show. Pure. A SHA-256
	 * recorded when the archive was written that differs from the one read now fails the
	 * verification: the archive changed since (even if it is self-consistent).
	 *
	 * @param array<string, mixed> $report   Verifier::verify()'s report.
	 * @param string|null          $recorded The SHA-256 of the backup_created row, if any.
	 * @return array{archive: string, status: string, verifier_status: string, message: string, wrong_key: bool, checks: int, problems: list<array{name: string, status: string, message: string, reason: ?string}>, not_checked: list<string>, sha256: ?string, checksum_matches_history: ?bool, entries: int, bytes: int, started_at: string, finished_at: string, duration: ?float}
	 */
	public static function summarize( array $report, ?string $recorded ): array {
		$problems = array();
		foreach ( $report['checks'] as $check ) {
			if ( 'passed' !== $check['status'] && 'skipped' !== $check['status'] ) {
				$problems[] = array(
					'name'    => $check['name'],
					'status'  => $check['status'],
					'message' => $check['message'],
					'reason'  => $check['evidence']['reason'] ?? null,
				);
			}
		}
		$wrong_key = in_array( 'wrong_key', array_column( $problems, 'reason' ), true );
		$status    = $report['status'];
		$sha256 = $report['sha256'] ?? null;
		$match  = null;
		if ( null !== $recorded && null !== $sha256 ) {
			$match = hash_equals( $recorded, $sha256 );
			if ( ! $match ) {
				$status     = 'failed';
				$problems[] = array(
					'name'    => 'recorded_checksum',
					'status'  => 'failed',
					'message' => 'the SHA-256 of the archive differs from the one recorded when it was written: it changed since',
					'reason'  => null,
				);
			}
		}
		$message = $problems ? $problems[0]['name'] . ': ' . $problems[0]['message'] : sprintf( 'all %d checks passed', count( $report['checks'] ) );
		return array(
			'archive'                  => $report['archive']['name'],
			'status'                   => $status,
			'verifier_status'          => $report['status'],
			'message'                  => $message,
			'wrong_key'                => $wrong_key,
			'checks'                   => count( $report['checks'] ),
			'problems'                 => $problems,
			'not_checked'              => array_values( array_map( static fn( $c ) => is_array( $c ) ? (string) ( $c['name'] ?? '' ) : (string) $c, $report['not_checked'] ?? array() ) ),
			'sha256'                   => $sha256,
			'checksum_matches_history' => $match,
			'entries'                  => (int) ( $report['entries']['total'] ?? 0 ),
			'bytes'                    => (int) ( $report['bytes']['archive'] ?? 0 ),
			'started_at'               => $report['started_at'],
			'finished_at'              => $report['finished_at'],
			'duration'                 => isset( $report['durations']['total'] ) ? round( (float) $report['durations']['total'], 3 ) : null,
		);
	}

	/**
	 * The history row's sentence. Pure.
	 *
	 * @param array<string, mixed> $summary summarize()'s summary.
	 */
	public static function details( array $summary ): string {
		return sprintf( 'Verification of %s %s: %s.', $summary['archive'], $summary['status'], $summary['message'] );
	}

	/**
	 * The last verification of each archive, from the history: name => {status, verified_at,
	 * history_id}, verified_at in UTC, ISO 8601.
	 *
	 * @return array<string, array{status: string, verified_at: ?string, history_id: int}>
	 */
	public static function last_by_archive(): array {
		$by_name = array();
		foreach ( History::recent( 500, self::ACTION ) as $row ) {
			$name = $row['metadata']['backup']['filename'] ?? null;
			if ( null !== $name && ! isset( $by_name[ $name ] ) ) {
				$by_name[ $name ] = array(
					'status'      => $row['metadata']['verification']['status'] ?? 'error',
					'verified_at' => $row['metadata']['verification']['finished_at'] ?? null,
					'history_id'  => $row['id'],
				);
			}
		}
		return $by_name;
	}

	/**
	 * The SHA-256 recorded when the archive was written, if the history has it.
	 *
	 * @param string $name The archive's name.
	 */
	private static function recorded_checksum( string $name ): ?string {
		foreach ( History::recent( 500, 'backup_created', 'success' ) as $row ) {
			if ( ( $row['metadata']['backup']['filename'] ?? null ) === $name ) {
				return $row['metadata']['metrics']['checksum']['value'] ?? null;
			}
		}
		return null;
	}
}
