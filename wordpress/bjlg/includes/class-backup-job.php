<?php
/**
 * The full backup: the site's database and wp-content in one archive, written by the extension
 * (Bjlg\Archive\Writer: a temporary name renamed only when the archive is complete and verified;
 * Writer::addDatabase: the dump streamed into it, no .sql on disk), under the site's job lock,
 * recorded in the history. The one entry point that the schedule, REST and the commands call.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Thrown when another job holds the site's lock.
 */
final class Job_Busy_Exception extends \RuntimeException {

	/** The holder's lock record. @var array<string, mixed>|null */
	public $holder;

	/**
	 * An exception naming the holder.
	 *
	 * @param array<string, mixed>|null $holder Job_Lock::holder().
	 */
	public function __construct( ?array $holder ) {
		$this->holder = $holder;
		parent::__construct( sprintf( 'another job (%s) is running on this site', $holder['job'] ?? 'unknown' ) );
	}
}

/**
 * Runs full backups.
 */
final class Backup_Job {

	/** WP-Cron hook of a backup started in the background (the plugin's name). */
	const ASYNC_HOOK = 'bjlg_run_backup_task';

	/** The backup types: everything, or what changed since the latest good backup. */
	const TYPES = array( 'full', 'incremental' );

	/**
	 * Makes a full backup now, as job $job_id (a new job record when null): its progress and
	 * step in the record, cancelled at its next progress report once a cancel is asked.
	 *
	 * @param string        $source  Who asked: rest, cli, wp-cli, schedule, background.
	 * @param int|null      $job_id  A queued (or interrupted) job record of type backup.
	 * @param callable|null $display Sees every progress record (the command line's bar).
	 * @param string        $type    full, or incremental (based on Incremental::base(): only
	 *                               what changed since it; refused when there is no base or the
	 *                               site encrypts its backups).
	 * @return array<string, mixed> job_id, task_id, status, type, base, archive, path, bytes, sha256, entries,
	 *                              files, skipped, database{tables, rows}, duration, history_id,
	 *                              verification{status, message, history_id} (null when off).
	 * @throws Incremental_Unavailable_Exception An incremental cannot be made (nothing started).
	 * @throws Job_Busy_Exception Another job runs on this site.
	 * @throws \Bjlg\CancelledException Cancelled (recorded: history row and job "cancelled").
	 * @throws \Throwable The failure, after it was recorded in the history (no archive is left).
	 */
	public static function run( string $source, ?int $job_id = null, ?callable $display = null, string $type = 'full' ): array {
		if ( ! in_array( $type, self::TYPES, true ) ) {
			throw new \InvalidArgumentException( "unknown backup type '$type' (" . implode( ', ', self::TYPES ) . ')' );
		}
		if ( 'incremental' === $type ) {
			$refusal = Incremental::refusal( Site_Key::enabled(), Incremental::base() );
			if ( null !== $refusal ) {
				if ( null !== $job_id && Job_Runner::start( $job_id ) ) {
					Job_Runner::finish( $job_id, 'failed', null, $refusal ); // A queued job ends, saying why.
				}
				throw new Incremental_Unavailable_Exception( $refusal );
			}
		}
		$job_id = $job_id ?? Jobs::create( 'backup', 'incremental' === $type ? 'incremental' : null, $source );
		if ( ! Job_Runner::start( $job_id ) ) {
			throw new \RuntimeException( sprintf( 'job %d is not waiting to run (cancelled, or taken by another process)', $job_id ) );
		}
		$lock = new Job_Lock( 'backup' );
		if ( ! $lock->acquire() ) {
			$holder = Job_Lock::holder();
			Job_Runner::finish( $job_id, 'failed', null, 'another job is running on this site' );
			throw new Job_Busy_Exception( $holder );
		}
		$guard = new Job_Guard( $job_id, $lock );
		if ( function_exists( 'set_time_limit' ) ) {
			@set_time_limit( 0 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		ignore_user_abort( true );
		$task_id = wp_generate_uuid4();
		$started = time();
		$clock   = microtime( true );
		try {
			$result = self::write_archive( new Job_Progress( $job_id, $lock, $display ), $task_id, $type );
		} catch ( \Throwable $e ) {
			$cancelled = $e instanceof \Bjlg\CancelledException;
			History::log(
				'backup_created',
				$cancelled ? 'cancelled' : 'failure',
				$cancelled ? sprintf( 'Backup cancelled (job %d); no archive was kept.', $job_id ) : sprintf( 'Backup failed: %s', $e->getMessage() ),
				array(
					'task_id' => $task_id,
					'job_id'  => $job_id,
					'source'  => $source,
					'error'   => array(
						'class'   => get_class( $e ),
						'message' => $e->getMessage(),
					),
				)
			);
			Job_Runner::finish( $job_id, $cancelled ? 'cancelled' : 'failed', null, $cancelled ? 'cancelled' : $e->getMessage() );
			$guard->release();
			if ( ! $cancelled ) {
				do_action( 'bjlg_backup_failed', $e, $task_id );
			}
			throw $e;
		} finally {
			$lock->release();
		}
		$result['job_id']     = $job_id;
		$result['status']     = 'success';
		$result['duration']   = round( microtime( true ) - $clock, 3 );
		$metadata             = self::metadata( $result, $source, $started );
		$metadata['job_id']   = $job_id;
		$result['history_id'] = History::log(
			'backup_created',
			'success',
			null === $result['base']
				? sprintf( 'Backup %s: %d files, %d tables.', $result['archive'], $result['files'], $result['database']['tables'] )
				: sprintf( 'Incremental backup %s on %s: %d changed files, %d unchanged, %d deleted, %d tables.', $result['archive'], $result['base']['filename'], $result['files'], $result['unchanged'], $result['deleted'], $result['database']['tables'] ),
			$metadata
		);
		do_action( 'bjlg_backup_complete', $result['path'], $metadata );
		$public = $result;
		unset( $public['path'] );
		if ( ! Verify_Job::after_backup() ) {
			$result['verification'] = null;
			$public['verification'] = null;
			Job_Runner::finish( $job_id, 'done', $public );
			$guard->release();
			return $result;
		}
		// The archive is complete: from here an interruption resumes at the verification.
		Jobs::update(
			$job_id,
			array(
				'step'   => 'verify',
				'result' => $public,
			)
		);
		$result['verification'] = self::verify( $result['archive'], $source, new Job_Progress( $job_id, null, $display ) );
		$public['verification'] = $result['verification'];
		Job_Runner::finish( $job_id, 'cancelled' === $result['verification']['status'] ? 'cancelled' : 'done', $public );
		$guard->release();
		return $result;
	}

	/**
	 * Resumes an interrupted backup job at its verification step (the archive is complete).
	 *
	 * @param array<string, mixed> $job The job record (step verify, result with the archive).
	 */
	public static function resume_verification( array $job ): void {
		if ( ! Job_Runner::start( $job['id'] ) ) {
			return;
		}
		$guard  = new Job_Guard( $job['id'], null );
		$result = (array) $job['result'];
		$result['verification'] = self::verify( (string) $result['archive'], $job['source'], new Job_Progress( $job['id'] ) );
		Job_Runner::finish( $job['id'], 'cancelled' === $result['verification']['status'] ? 'cancelled' : 'done', $result );
		$guard->release();
	}

	/**
	 * The verification at the end of a backup (setting verify_after_backup): its outcome, or
	 * why it could not run. The backup itself stays a success either way; the history has both.
	 *
	 * @param string       $archive  The new archive's name.
	 * @param string       $source   Who asked for the backup.
	 * @param Job_Progress $progress The backup job's progress.
	 * @return array{status: string, message: string, history_id: ?int}
	 */
	private static function verify( string $archive, string $source, Job_Progress $progress ): array {
		try {
			$summary = Verify_Job::check( $archive, $source . '-after-backup', $progress );
		} catch ( \Throwable $e ) {
			return array(
				'status'     => $e instanceof \Bjlg\CancelledException ? 'cancelled' : 'error',
				'message'    => 'the verification could not run (' . get_class( $e ) . ')',
				'history_id' => null,
			);
		}
		return array(
			'status'     => $summary['status'],
			'message'    => $summary['message'],
			'history_id' => $summary['history_id'],
		);
	}

	/**
	 * The archive itself; the writer abandons it on any failure.
	 *
	 * @param Job_Progress $progress The job's progress (refreshes the lock, cancels).
	 * @param string       $task_id  The run's id.
	 * @param string       $type     full or incremental.
	 * @return array<string, mixed>
	 * @throws \RuntimeException An incremental whose base went away since run() checked.
	 */
	private static function write_archive( Job_Progress $progress, string $task_id, string $type ): array {
		global $wpdb;
		$dir     = Backup_Store::directory();
		$encrypt = Site_Key::enabled();
		$base    = null;
		if ( 'incremental' === $type ) {
			// Chosen again under the lock (run() refused early without one).
			$base    = Incremental::base();
			$refusal = Incremental::refusal( $encrypt, $base );
			if ( null !== $refusal ) {
				throw new \RuntimeException( $refusal );
			}
		}
		$path     = $dir . '/' . Backup_Store::archive_name( time(), strtolower( wp_generate_password( 6, false ) ), $encrypt, $type );
		$manifest = self::manifest( $task_id );
		$manifest['type'] = $type;
		$options  = array(
			'threads'  => (int) apply_filters( 'bjlg_backup_threads', 0 ),
			// The backups folder (with the key file), and the key file wherever a filter put it.
			'exclude'  => array( $dir . '/*', Site_Key::path() ),
			'manifest' => $manifest,
			'progress' => $progress,
		);
		if ( null !== $base ) {
			$options['since'] = (string) Backup_Store::resolve( $base['filename'] );
		}
		if ( $encrypt ) {
			$options['encrypt'] = Site_Key::ensure();
		}
		$scope  = self::scope();
		if ( null !== $scope['exclude'] ) {
			$options['exclude'][] = $scope['exclude'];
		}
		$writer = new \Bjlg\Archive\Writer( $path, $options );
		try {
			$database = $writer->addDatabase( self::connection(), 'database.sql', $scope['database'] );
			if ( is_dir( $scope['directory'] ) ) {
				$writer->addDirectory( $scope['directory'], $scope['entry'] );
			}
			$summary = $writer->close();
		} catch ( \Throwable $e ) {
			try {
				$writer->abort();
			} catch ( \Error $closed ) {
				// Already abandoned by the writer itself.
				unset( $closed );
			}
			throw $e;
		}
		return array(
			'task_id'  => $task_id,
			'type'     => $type,
			'base'     => null === $base ? null : array(
				'filename'   => $base['filename'],
				'history_id' => $base['history_id'],
			),
			'chain'    => null === $base ? array() : Incremental::chain_on( $base ),
			'unchanged' => is_array( $summary['unchanged'] ?? null ) ? count( $summary['unchanged'] ) : (int) ( $summary['unchanged'] ?? 0 ),
			'deleted'  => is_array( $summary['deleted'] ?? null ) ? count( $summary['deleted'] ) : (int) ( $summary['deleted'] ?? 0 ),
			'encrypted' => null !== ( $summary['encryption'] ?? null ),
			'key_fingerprint' => $summary['encryption']['key_fingerprint'] ?? null,
			'archive'  => basename( $summary['path'] ),
			'path'     => $summary['path'],
			'bytes'    => (int) $summary['bytes_out'],
			'sha256'   => $summary['sha256'],
			'entries'  => (int) $summary['entries'],
			'files'    => (int) $summary['files'],
			'skipped'  => count( $summary['skipped'] ),
			'database' => array(
				'tables' => count( $database['tables'] ),
				'rows'   => (int) $database['rows'],
			),
		);
	}

	/**
	 * What a backup of the current site holds (class-site-scope.php): a single site, every
	 * table under the prefix and wp-content; a network's site, its own tables (the list) and
	 * its uploads folder (the main site's without `sites/`, the other sites' folders).
	 *
	 * @return array{database: array<string, mixed>, directory: string, entry: string, exclude: ?string}
	 */
	private static function scope(): array {
		global $wpdb;
		if ( ! is_multisite() ) {
			return array(
				'database'  => array(
					'prefix' => $wpdb->base_prefix,
					'site'   => home_url(),
				),
				'directory' => WP_CONTENT_DIR,
				'entry'     => 'wp-content',
				'exclude'   => null,
			);
		}
		$blog_id = get_current_blog_id();
		$tables  = Site_Scope::backup_tables( (array) $wpdb->get_col( 'SHOW TABLES' ), $wpdb->base_prefix, $blog_id, true );
		$uploads = wp_upload_dir( null, false );
		$dir     = untrailingslashit( $uploads['basedir'] );
		return array(
			'database'  => array(
				'tables' => $tables,
				'site'   => home_url(),
			),
			'directory' => $dir,
			'entry'     => Site_Scope::uploads_entry( $blog_id, true ),
			'exclude'   => $blog_id > 1 ? null : $dir . '/sites',
		);
	}

	/**
	 * The site's database connection for Bjlg\Database.
	 *
	 * @return array<string, mixed>
	 */
	public static function connection(): array {
		global $wpdb;
		return Db_Connection::from_wordpress(
			DB_NAME,
			DB_USER,
			DB_PASSWORD,
			$wpdb->parse_db_host( DB_HOST ),
			defined( 'DB_CHARSET' ) ? DB_CHARSET : ''
		);
	}

	/**
	 * The plugin's manifest keys (design plugin-formats §2; the writer adds file_count, checksum).
	 *
	 * @param string $task_id The run's id.
	 * @return array<string, mixed>
	 */
	private static function manifest( string $task_id ): array {
		global $wpdb;
		$theme = wp_get_theme();
		return array(
			'version'        => BJLG_PLUGIN_VERSION,
			'wp_version'     => get_bloginfo( 'version' ),
			'php_version'    => PHP_VERSION,
			'type'           => 'full',
			'contains'       => is_multisite() ? array( 'db', 'uploads' ) : array( 'db', 'plugins', 'themes', 'uploads' ),
			'created_at'     => gmdate( 'c' ),
			'site_url'       => site_url(),
			'site_name'      => get_bloginfo( 'name' ),
			'db_prefix'      => $wpdb->base_prefix,
			'theme_active'   => $theme->get( 'Name' ),
			'plugins_active' => array_values( (array) get_option( 'active_plugins', array() ) ),
			'multisite'      => is_multisite(),
			'blog_id'        => get_current_blog_id(),
			// What the archive holds (class-site-scope.php): "site" on a network (the site's
			// tables and uploads), "install" on a single site (every table and wp-content).
			'scope'          => is_multisite() ? 'site' : 'install',
			'table_prefix'   => Site_Scope::table_prefix( $wpdb->base_prefix, get_current_blog_id(), is_multisite() ),
			'uploads'        => Site_Scope::uploads_entry( get_current_blog_id(), is_multisite() ),
			'task_id'        => $task_id,
		);
	}

	/**
	 * The history metadata of a successful run, in the plugin's shape (design §B2 metrics).
	 *
	 * @param array<string, mixed> $result  The run's result.
	 * @param string               $source  Who asked.
	 * @param int                  $started Unix time of the start.
	 * @return array<string, mixed>
	 */
	private static function metadata( array $result, string $source, int $started ): array {
		$backup = array(
			'filename' => $result['archive'],
			'path'     => $result['path'],
		);
		return array(
			'task_id'  => $result['task_id'],
			'source'   => $source,
			'type'     => $result['type'],
			'base'     => $result['base'],
			'chain'    => $result['chain'],
			'backup'   => $backup,
			'database' => $result['database'],
			'metrics'  => array(
				'version'    => 1,
				'backup'     => $backup,
				'components' => is_multisite() ? array( 'db', 'uploads' ) : array( 'db', 'plugins', 'themes', 'uploads' ),
				'incremental' => 'incremental' === $result['type'],
				'encrypted'  => $result['encrypted'],
				'key_fingerprint' => $result['key_fingerprint'],
				'size'       => array(
					'bytes' => $result['bytes'],
					'human' => size_format( $result['bytes'], 1 ),
				),
				'duration'   => array(
					'seconds' => $result['duration'],
					'human'   => human_time_diff( 0, (int) ceil( $result['duration'] ) ),
				),
				'timestamps' => array(
					'started_at'   => $started,
					'completed_at' => time(),
				),
				'entries'    => $result['entries'],
				'files'      => $result['files'],
				'skipped'    => $result['skipped'],
				'checksum'   => array(
					'value'     => $result['sha256'],
					'algorithm' => 'sha256',
				),
			),
		);
	}
}
