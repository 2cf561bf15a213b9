<?php
/**
 * The restore test of an archive of the site: `Bjlg\Verify\RestoreTest::run()` restores it into
 * a private sandbox (mkdtemp under $TMPDIR), compares the files, imports database.sql into a
 * throwaway MariaDB (setting `restore_test_database`, on by default; without the server's
 * programs that check is inconclusive), measures RTO and RPO and removes everything
 * (docs/verification.md). Recorded as a `restore_test` history row whose metadata holds the
 * summary that GET /backups/{name}/restore-test answers. A job like the others: progress in its
 * record, cancelled at its next progress report; an interrupted one restarts from the start (the
 * sandbox a killed process left is removed by the next restore test: its owner.pid is dead).
 *
 * It takes no job lock: it reads an archive the writer renamed into place and writes only in
 * its own sandbox.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Runs restore tests.
 */
final class Restore_Test_Job {

	/** The history's action_type. */
	const ACTION = 'restore_test';

	/**
	 * Runs the restore test of the site's archive $name as job $job_id (a new job when null).
	 *
	 * @param string        $name          An archive name (Backup_Store::is_archive_name), not a path.
	 * @param string        $source        Who asked: rest, cli, wp-cli.
	 * @param int|null      $job_id        A queued (or interrupted) job record of type restore-test.
	 * @param callable|null $display       Sees every progress record (the command line's bar).
	 * @param bool|null     $with_database Import the dump into a throwaway MariaDB (null: the setting).
	 * @return array<string, mixed> summarize()'s summary plus history_id and job_id.
	 * @throws Archive_Not_Found_Exception No such archive in the backups folder.
	 * @throws \Bjlg\Verify\VerifyException The test could not run, or was cancelled (recorded).
	 */
	public static function run( string $name, string $source, ?int $job_id = null, ?callable $display = null, ?bool $with_database = null ): array {
		if ( null === $job_id && null === Backup_Store::resolve( $name ) ) {
			throw new Archive_Not_Found_Exception( 'no archive of this site has that name (see the list of backups)' ); // No job record for it.
		}
		$job_id        = $job_id ?? Jobs::create( 'restore-test', $name, $source );
		$with_database = $with_database ?? self::with_database();
		return Job_Runner::execute(
			$job_id,
			$display,
			static fn( Job_Progress $progress ): array => self::test( $name, $source, $progress, $with_database, $job_id )
		);
	}

	/**
	 * Whether restore tests import the dump (option bjlg_settings.restore_test_database, default on).
	 */
	public static function with_database(): bool {
		$settings = get_option( Verify_Job::SETTINGS_OPTION, array() );
		return (bool) ( is_array( $settings ) ? ( $settings['restore_test_database'] ?? true ) : true );
	}

	/**
	 * The last restore test of archive $name, from the history: the summary plus history_id, or null.
	 *
	 * @param string $name The archive's name.
	 * @return array<string, mixed>|null
	 */
	public static function last( string $name ): ?array {
		foreach ( History::recent( 500, self::ACTION ) as $row ) {
			if ( ( $row['metadata']['backup']['filename'] ?? null ) === $name && isset( $row['metadata']['restore_test'] ) ) {
				return $row['metadata']['restore_test'] + array( 'history_id' => $row['id'] );
			}
		}
		return null;
	}

	/**
	 * Each archive's last restore test, from the history: name => status (passed, failed,
	 * inconclusive, or error when it could not run), tested_at, rto_seconds, rto (against the
	 * target, when the test recorded it), history_id. What GET
	 * /backups shows beside each archive (the whole report: GET /backups/{name}/restore-test).
	 *
	 * @return array<string, array{status: string, tested_at: ?string, rto_seconds: ?float, history_id: int}>
	 */
	public static function last_by_archive(): array {
		$by_name = array();
		foreach ( History::recent( 500, self::ACTION ) as $row ) {
			$name = $row['metadata']['backup']['filename'] ?? null;
			if ( null === $name || isset( $by_name[ $name ] ) || 'cancelled' === $row['status'] ) {
				continue;
			}
			$summary          = $row['metadata']['restore_test'] ?? null;
			$by_name[ $name ] = array(
				'status'      => $summary['status'] ?? 'error',
				'tested_at'   => ( $summary['finished_at'] ?? '' ) ?: null,
				'rto_seconds' => $summary['rto_seconds'] ?? null,
				'rto'         => $summary['rto'] ?? null,
				'history_id'  => (int) $row['id'],
			);
		}
		return $by_name;
	}

	/**
	 * The restore test and its history row.
	 *
	 * @param string       $name          The archive's name.
	 * @param string       $source        Who asked.
	 * @param Job_Progress $progress      The job's progress callable.
	 * @param bool         $with_database Import the dump.
	 * @param int          $job_id        The job.
	 * @return array<string, mixed>
	 * @throws Archive_Not_Found_Exception No such archive.
	 * @throws \Bjlg\Verify\VerifyException The test could not run, or was cancelled.
	 */
	private static function test( string $name, string $source, Job_Progress $progress, bool $with_database, int $job_id ): array {
		$path = Backup_Store::resolve( $name );
		if ( null === $path ) {
			throw new Archive_Not_Found_Exception( 'no archive of this site has that name (see the list of backups)' );
		}
		// An incremental is restored over its chain (its full backup, then the incrementals
		// before it); an archive of the chain that is gone leaves files missing: the test fails.
		$chain = array();
		foreach ( Incremental::chain_of( $name ) as $earlier ) {
			$earlier_path = Backup_Store::resolve( $earlier );
			if ( null !== $earlier_path ) {
				$chain[] = $earlier_path;
			}
		}
		$meta = array(
			'source' => $source,
			'job_id' => $job_id,
			'backup' => array( 'filename' => $name ),
		);
		if ( array() !== $chain ) {
			$meta['chain'] = array_map( 'basename', $chain );
		}
		try {
			$report = \Bjlg\Verify\RestoreTest::run(
				$path,
				array(
					'threads'       => (int) apply_filters( 'bjlg_verify_threads', 0 ),
					'with_database' => $with_database,
					'progress'      => $progress,
				) + ( array() === $chain ? array() : array( 'chain' => $chain ) ) + Backup_Store::key_option( $name )
			);
		} catch ( \Bjlg\Verify\VerifyException $e ) {
			$cancelled = $e instanceof \Bjlg\CancelledException;
			History::log(
				self::ACTION,
				$cancelled ? 'cancelled' : 'warning',
				$cancelled ? sprintf( 'Restore test of %s cancelled.', $name ) : sprintf( 'Restore test of %s could not run (%s).', $name, $e->error_code ?? get_class( $e ) ),
				$meta + array(
					'error' => array(
						'class' => get_class( $e ),
						'code'  => $e->error_code ?? null,
					),
				)
			);
			throw $e;
		}
		$summary               = self::summarize( $report, array( $path => $name, Backup_Store::directory() . '/' => '', sys_get_temp_dir() => '$TMPDIR' ) );
		$summary['rto']        = Targets::rto_against( $summary['rto_seconds'], Targets::get() );
		$summary['history_id'] = History::log(
			self::ACTION,
			Verify_Job::HISTORY_STATUS[ $summary['status'] ] ?? 'warning',
			sprintf( 'Restore test of %s %s: %s.', $name, $summary['status'], $summary['message'] ),
			$meta + array( 'restore_test' => $summary )
		);
		do_action( 'bjlg_restore_tested', $name, $summary );
		return $summary;
	}

	/**
	 * The report reduced to what REST, the history and the commands show, with every server
	 * path in a message replaced ($paths: path => what to say instead). Pure.
	 *
	 * @param array<string, mixed> $report RestoreTest::run()'s report.
	 * @param array<string, string> $paths  Paths to hide.
	 * @return array{archive: string, status: string, message: string, with_database: bool, checks: list<array{name: string, status: string, message: string}>, rto_seconds: ?float, rpo_seconds: ?float, durations: array<string, float>, started_at: string, finished_at: string}
	 */
	public static function summarize( array $report, array $paths ): array {
		$hide   = static fn( string $text ): string => strtr( $text, $paths );
		$checks = array();
		$first  = null;
		foreach ( $report['checks'] as $check ) {
			$item     = array(
				'name'    => (string) $check['name'],
				'status'  => (string) $check['status'],
				'message' => $hide( (string) $check['message'] ),
			);
			$checks[] = $item;
			if ( null === $first && 'passed' !== $item['status'] && 'skipped' !== $item['status'] ) {
				$first = $item;
			}
		}
		$names = array_column( $checks, 'name' );
		return array(
			'archive'       => (string) ( $report['archive']['name'] ?? '' ),
			'status'        => (string) $report['status'],
			'message'       => null === $first ? sprintf( 'all %d checks passed', count( $checks ) ) : $first['name'] . ': ' . $first['message'],
			'with_database' => in_array( 'database_import', $names, true ),
			'checks'        => $checks,
			'rto_seconds'   => isset( $report['rto']['seconds'] ) ? round( (float) $report['rto']['seconds'], 3 ) : null,
			'rpo_seconds'   => isset( $report['rpo']['age_seconds'] ) ? (float) $report['rpo']['age_seconds'] : null,
			'durations'     => array_map( static fn( $d ) => round( (float) $d, 3 ), (array) ( $report['durations'] ?? array() ) ),
			'started_at'    => (string) ( $report['started_at'] ?? '' ),
			'finished_at'   => (string) ( $report['finished_at'] ?? '' ),
		);
	}
}
