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
 * Refreshes the job lock from the writer's progress reports, at most every 30 s; a lost lock
 * cancels the archive (another process took the site over).
 */
final class Lock_Heartbeat {

	/** The lock. @var Job_Lock */
	private $lock;

	/** Unix time of the last refresh. @var int */
	private $last;

	/**
	 * A heartbeat for $lock.
	 *
	 * @param Job_Lock $lock A held lock.
	 */
	public function __construct( Job_Lock $lock ) {
		$this->lock = $lock;
		$this->last = time();
	}

	/**
	 * The writer's progress callable.
	 *
	 * @param array<string, mixed> $progress The progress record (unused).
	 */
	public function __invoke( array $progress ): bool {
		if ( time() - $this->last < 30 ) {
			return true;
		}
		$this->last = time();
		return $this->lock->refresh();
	}
}

/**
 * Runs full backups.
 */
final class Backup_Job {

	/** WP-Cron hook of a backup started in the background (the plugin's name). */
	const ASYNC_HOOK = 'bjlg_run_backup_task';

	/**
	 * Makes a full backup now.
	 *
	 * @param string $source Who asked: rest, cli, wp-cli, schedule, background.
	 * @return array<string, mixed> task_id, status, archive, path, bytes, sha256, entries, files,
	 *                              skipped, database{tables, rows}, duration, history_id,
	 *                              verification{status, message, history_id} (null when off).
	 * @throws Job_Busy_Exception Another job runs on this site.
	 * @throws \Throwable The failure, after it was recorded in the history (no archive is left).
	 */
	public static function run( string $source ): array {
		$lock = new Job_Lock( 'backup' );
		if ( ! $lock->acquire() ) {
			throw new Job_Busy_Exception( Job_Lock::holder() );
		}
		if ( function_exists( 'set_time_limit' ) ) {
			@set_time_limit( 0 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		ignore_user_abort( true );
		$task_id = wp_generate_uuid4();
		$started = time();
		$clock   = microtime( true );
		try {
			$result = self::write_archive( $lock, $task_id );
		} catch ( \Throwable $e ) {
			History::log(
				'backup_created',
				'failure',
				sprintf( 'Backup failed: %s', $e->getMessage() ),
				array(
					'task_id' => $task_id,
					'source'  => $source,
					'error'   => array(
						'class'   => get_class( $e ),
						'message' => $e->getMessage(),
					),
				)
			);
			do_action( 'bjlg_backup_failed', $e, $task_id );
			throw $e;
		} finally {
			$lock->release();
		}
		$result['status']   = 'success';
		$result['duration'] = round( microtime( true ) - $clock, 3 );
		$metadata           = self::metadata( $result, $source, $started );
		$result['history_id'] = History::log(
			'backup_created',
			'success',
			sprintf( 'Backup %s: %d files, %d tables.', $result['archive'], $result['files'], $result['database']['tables'] ),
			$metadata
		);
		do_action( 'bjlg_backup_complete', $result['path'], $metadata );
		$result['verification'] = Verify_Job::after_backup() ? self::verify( $result['archive'], $source ) : null;
		return $result;
	}

	/**
	 * The verification at the end of a backup (setting verify_after_backup): its outcome, or
	 * why it could not run. The backup itself stays a success either way; the history has both.
	 *
	 * @param string $archive The new archive's name.
	 * @param string $source  Who asked for the backup.
	 * @return array{status: string, message: string, history_id: ?int}
	 */
	private static function verify( string $archive, string $source ): array {
		try {
			$summary = Verify_Job::run( $archive, $source . '-after-backup' );
		} catch ( \Throwable $e ) {
			return array(
				'status'     => 'error',
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
	 * @param Job_Lock $lock    The held lock, refreshed while writing.
	 * @param string   $task_id The run's id.
	 * @return array<string, mixed>
	 */
	private static function write_archive( Job_Lock $lock, string $task_id ): array {
		global $wpdb;
		$dir    = Backup_Store::directory();
		$path   = $dir . '/' . Backup_Store::archive_name( time(), strtolower( wp_generate_password( 6, false ) ) );
		$writer = new \Bjlg\Archive\Writer(
			$path,
			array(
				'threads'  => (int) apply_filters( 'bjlg_backup_threads', 0 ),
				'exclude'  => array( $dir . '/*' ),
				'manifest' => self::manifest( $task_id ),
				'progress' => new Lock_Heartbeat( $lock ),
			)
		);
		try {
			$database = $writer->addDatabase(
				self::connection(),
				'database.sql',
				array(
					'prefix' => $wpdb->base_prefix,
					'site'   => home_url(),
				)
			);
			$writer->addDirectory( WP_CONTENT_DIR, 'wp-content' );
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
			'contains'       => array( 'db', 'plugins', 'themes', 'uploads' ),
			'created_at'     => gmdate( 'c' ),
			'site_url'       => site_url(),
			'site_name'      => get_bloginfo( 'name' ),
			'db_prefix'      => $wpdb->base_prefix,
			'theme_active'   => $theme->get( 'Name' ),
			'plugins_active' => array_values( (array) get_option( 'active_plugins', array() ) ),
			'multisite'      => is_multisite(),
			'blog_id'        => get_current_blog_id(),
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
			'backup'   => $backup,
			'database' => $result['database'],
			'metrics'  => array(
				'version'    => 1,
				'backup'     => $backup,
				'components' => array( 'db', 'plugins', 'themes', 'uploads' ),
				'incremental' => false,
				'encrypted'  => false,
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
