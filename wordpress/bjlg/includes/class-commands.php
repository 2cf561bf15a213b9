<?php
/**
 * The commands `backup`, `list`, `status`, `schedule` and `verify`, written once for both front ends:
 * `bin/bjlg --wp=DIR COMMAND` (cli/WordPressCommand.php loads WordPress, then calls run()) and
 * WP-CLI (`wp bjlg COMMAND`, registered by wp-cli.php). They depend only on a Console.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Where a command writes.
 */
interface Console {

	/**
	 * A line of informational output (what was done, in words): not shown with --quiet.
	 *
	 * @param string $text The line, without its line feed.
	 */
	public function info( string $text ): void;

	/**
	 * A command's result as a document in --format json or yaml (always shown).
	 *
	 * @param array<string, mixed> $data   The result.
	 * @param string               $format json or yaml.
	 */
	public function document( array $data, string $format ): void;

	/**
	 * A warning or error line, on stderr.
	 *
	 * @param string $text The line.
	 */
	public function error( string $text ): void;

	/**
	 * Rows in --format (table, json, csv, yaml).
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format The format.
	 */
	public function items( array $rows, array $fields, string $format ): void;

	/**
	 * The progress display of long commands (a bar on a terminal), or null.
	 *
	 * @return callable|null Receives every progress record.
	 */
	public function progress(): ?callable;

	/**
	 * The long command ended: the display clears its bar.
	 */
	public function progress_done(): void;
}

/**
 * A Console on the process's stdout and stderr (bin/bjlg).
 */
final class Stdio_Console implements Console {

	/** bin/bjlg's ProgressDisplay (callable, with finish()), or null. @var object|null */
	private $display;

	/** --quiet. @var bool */
	private $quiet;

	/**
	 * A console with $display for the progress of long commands.
	 *
	 * @param object|null $display A callable object with finish() (cli/ProgressDisplay.php).
	 * @param bool        $quiet   --quiet: no informational lines.
	 */
	public function __construct( ?object $display = null, bool $quiet = false ) {
		$this->display = $display;
		$this->quiet   = $quiet;
	}

	/**
	 * {@inheritDoc}
	 */
	public function progress(): ?callable {
		return is_callable( $this->display ) ? $this->display : null;
	}

	/**
	 * {@inheritDoc}
	 */
	public function progress_done(): void {
		if ( null !== $this->display && method_exists( $this->display, 'finish' ) ) {
			$this->display->finish();
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function info( string $text ): void {
		if ( ! $this->quiet ) {
			fwrite( STDOUT, $text . "\n" );
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string, mixed> $data   The result.
	 * @param string               $format json or yaml.
	 */
	public function document( array $data, string $format ): void {
		fwrite( STDOUT, Formatter::document( $data, $format ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function error( string $text ): void {
		fwrite( STDERR, $text . "\n" );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format The format.
	 */
	public function items( array $rows, array $fields, string $format ): void {
		fwrite( STDOUT, Formatter::format( $rows, $fields, $format ) );
	}
}

/**
 * Thrown for a wrong command line (exit status 2).
 */
final class Usage_Exception extends \InvalidArgumentException {
}

/**
 * The commands.
 */
final class Commands {

	const NAMES = array( 'backup', 'list', 'status', 'schedule', 'verify', 'restore-test', 'restore', 'encryption', 'delete', 'job', 'cancel', 'quota', 'forecast', 'purge', 'notify', 'jobs', 'policy', 'key' );

	/** The --format values of the commands that print one result. */
	const DOCUMENT_FORMATS = array( 'text', 'json', 'yaml' );

	/** The commands printing one document with --format=json|yaml, where --fields picks its keys (Fields_Console). */
	const DOCUMENT_COMMANDS = array( 'backup', 'status', 'schedule', 'verify', 'restore-test', 'restore', 'encryption', 'job', 'cancel', 'policy' );

	/** The fields of `list` (--fields). */
	const LIST_FIELDS = array( 'name', 'bytes', 'modified', 'verified', 'encrypted', 'path' );

	const USAGE = <<<'TXT'
		Commands (on the WordPress site of --wp=DIR, or as `wp bjlg ...`):
		  backup                 a full backup now (database + wp-content), recorded in the history
		  list                   the site's archives, newest first
		  status                 versions, running job, last backup, schedule, missed runs
		  schedule show          the schedule and its next runs
		  schedule list          every schedule entry (GET /schedules): recurrence, cron, next run, missed runs
		  schedule set EXPR      back up on cron expression EXPR (the site's time zone)
		  schedule disable       stop the scheduled backups (the expression is kept)
		  schedule run           what WP-Cron does at a run, for every entry: record missed runs, run the due one
		  verify NAME            verify the archive NAME (as `list` shows it), recorded in the history
		  restore-test NAME      restore NAME into a sandbox, import its dump into a throwaway MariaDB,
		                         compare, measure RTO and RPO, remove everything; in the history
		  restore ARCHIVE --yes  replace the site's tables and uploads with those of ARCHIVE (a name as
		                         `list` shows it, or the path of an archive of another site); all or nothing
		  encryption status      whether new backups are encrypted, the site key's source and fingerprint
		  encryption enable      encrypt new backups with the site key (created, mode 0600, if none)
		  encryption disable     write new backups unencrypted (the key is kept for the old ones)
		  delete NAME --yes      delete the archive NAME for good (refused without --yes)
		  job ID                 a job's state, step and progress (a backup, verify or restore-test)
		  cancel ID              stop job ID (a queued one at once, a running one at its next report)
		  jobs                   the site's jobs, newest first (--state=S,... --type=T,... --limit=N)
		  quota                  measure every destination now (recorded), print the usage
		  forecast               per destination: days to the threshold and the date's interval
		  purge [--yes]          what the retention policy deletes (a dry run); --yes applies it
		  notify [due]           send what is due on the open incidents (reminders, escalations)
		  notify test [CHANNEL]  one test message to every channel, or to CHANNEL
		Options: --format=table|json|csv|yaml (list, jobs, quota, forecast, purge, notify, with
		--fields=a,b,...), --format=text|json|yaml
		(the others; with json or yaml, --fields=key,key.sub,... keeps those keys of the document);
		--quiet: no informational lines (the exit status says what happened)
		TXT;

	/** Where output goes. @var Console */
	private $console;

	/**
	 * Commands writing to $console.
	 *
	 * @param Console $console The output.
	 */
	public function __construct( Console $console ) {
		$this->console = $console;
	}

	/**
	 * Runs one command; returns the exit status (0 done, 1 failed; verify: 3 inconclusive, as
	 * `bjlg verify`).
	 *
	 * @param string                $command One of NAMES.
	 * @param list<string>          $args    Positional arguments after the command.
	 * @param array<string, string> $options --name=value options.
	 * @throws Usage_Exception A wrong command line.
	 */
	public function run( string $command, array $args, array $options ): int {
		if ( isset( $options['fields'] ) && in_array( $command, self::DOCUMENT_COMMANDS, true ) ) {
			if ( 'text' === self::format( $options, self::DOCUMENT_FORMATS ) ) {
				throw new Usage_Exception( "--fields picks keys of $command's document: add --format=json or --format=yaml" );
			}
			$fields = Fields_Console::parse( (string) $options['fields'] );
			unset( $options['fields'] );
			return ( new self( new Fields_Console( $this->console, $fields ) ) )->run( $command, $args, $options );
		}
		switch ( $command ) {
			case 'backup':
				return $this->backup( self::format( $options, self::DOCUMENT_FORMATS ), isset( $options['incremental'] ) && false !== $options['incremental'] ? 'incremental' : 'full' );
			case 'list':
				return $this->list_backups( self::format( $options, Formatter::FORMATS ), self::fields( $options, self::LIST_FIELDS ) );
			case 'status':
				return $this->status( self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'schedule':
				return $this->schedule( $args, self::format( $options, self::DOCUMENT_FORMATS ), $options );
			case 'verify':
				return $this->verify( $args, self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'restore-test':
				return $this->restore_test( $args, self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'restore':
				return $this->restore( $args, isset( $options['yes'] ) && false !== $options['yes'], self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'encryption':
				return $this->encryption( $args, self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'job':
			case 'cancel':
				return $this->job( $command, $args, self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'delete':
				return $this->delete( $args, isset( $options['yes'] ) && false !== $options['yes'] );
			case 'policy':
				return ( new Policy_Command( $this->console ) )->run( $args, $options, self::format( $options, self::DOCUMENT_FORMATS ) );
			case 'key':
				return $this->key( $args, isset( $options['yes'] ) && false !== $options['yes'], self::format( $options, self::DOCUMENT_FORMATS ) );
		}
		if ( in_array( $command, Ops_Commands::NAMES, true ) ) {
			return ( new Ops_Commands( $this->console ) )->run( $command, $args, $options );
		}
		throw new Usage_Exception( "unknown command '$command' (" . implode( ', ', self::NAMES ) . ')' );
	}

	/**
	 * `backup`.
	 *
	 * @param string $format text or json.
	 */
	private function backup( string $format, string $type = 'full' ): int {
		try {
			$result = Backup_Job::run( defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli', null, $this->console->progress(), $type );
		} catch ( Job_Busy_Exception $e ) {
			$this->console->progress_done();
			$this->console->error( 'bjlg: ' . $e->getMessage() );
			return 1;
		} catch ( \Throwable $e ) {
			$this->console->progress_done();
			$this->console->error( 'bjlg: backup ' . ( $e instanceof \Bjlg\CancelledException ? 'cancelled' : 'failed: ' . $e->getMessage() ) );
			return 1;
		}
		$this->console->progress_done();
		if ( 'text' !== $format ) {
			$this->console->document( $result, $format );
			return 0;
		}
		$this->console->info(
			sprintf(
				'%s: %s, %d files, %d tables (%d rows), %.1f s',
				$result['path'],
				size_format( $result['bytes'], 1 ),
				$result['files'],
				$result['database']['tables'],
				$result['database']['rows'],
				$result['duration']
			)
		);
		return 0;
	}

	/**
	 * `verify NAME`: 0 passed, 1 failed (or no such archive, or the verifier could not run), 3
	 * inconclusive.
	 *
	 * @param list<string> $args   The archive's name.
	 * @param string       $format text or json.
	 * @throws Usage_Exception No name, or not an archive name.
	 */
	private function verify( array $args, string $format ): int {
		$name = $args[0] ?? '';
		if ( ! Backup_Store::is_archive_name( $name ) ) {
			throw new Usage_Exception( "verify needs an archive's name as `list` shows it (backup-full-YYYYmmdd-HHMMSS-ID.zip), not '$name'" );
		}
		try {
			$summary = Verify_Job::run( $name, defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli', null, $this->console->progress() );
		} catch ( \Throwable $e ) {
			$this->console->progress_done();
			$this->console->error( 'bjlg: verify: ' . ( $e instanceof \Bjlg\CancelledException ? 'cancelled' : $e->getMessage() ) );
			return 1;
		}
		$this->console->progress_done();
		if ( 'text' !== $format ) {
			$this->console->document( $summary, $format );
		} else {
			$this->console->info( Verify_Job::details( $summary ) );
			foreach ( $summary['problems'] as $problem ) {
				$this->console->info( "  {$problem['name']} {$problem['status']}: {$problem['message']}" );
			}
		}
		$exit = array(
			'passed'       => 0,
			'failed'       => 1,
			'inconclusive' => 3,
		);
		return $exit[ $summary['status'] ] ?? 1;
	}

	/**
	 * `restore-test NAME`: 0 passed, 1 failed (or no such archive, or it could not run), 3
	 * inconclusive (as `bjlg restore-test`).
	 *
	 * @param list<string> $args   The archive's name.
	 * @param string       $format text or json.
	 * @throws Usage_Exception No name, or not an archive name.
	 */
	private function restore_test( array $args, string $format ): int {
		$name = $args[0] ?? '';
		if ( ! Backup_Store::is_archive_name( $name ) ) {
			throw new Usage_Exception( "restore-test needs an archive's name as `list` shows it (backup-full-YYYYmmdd-HHMMSS-ID.zip), not '$name'" );
		}
		try {
			$summary = Restore_Test_Job::run( $name, defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli', null, $this->console->progress() );
		} catch ( \Throwable $e ) {
			$this->console->progress_done();
			$this->console->error( 'bjlg: restore-test: ' . ( $e instanceof \Bjlg\CancelledException ? 'cancelled' : ( $e->error_code ?? '' ) . ' ' . $e->getMessage() ) );
			return 1;
		}
		$this->console->progress_done();
		if ( 'text' !== $format ) {
			$this->console->document( $summary, $format );
		} else {
			$this->console->info( sprintf( 'Restore test of %s %s: %s.', $name, $summary['status'], $summary['message'] ) );
			foreach ( $summary['checks'] as $check ) {
				$this->console->info( "  {$check['name']} {$check['status']}: {$check['message']}" );
			}
			if ( null !== $summary['rto_seconds'] ) {
				$this->console->info( sprintf( 'RTO %.1f s (target %d min: %s), RPO %s', $summary['rto_seconds'], intdiv( (int) $summary['rto']['target_seconds'], 60 ), $summary['rto']['state'], null === $summary['rpo_seconds'] ? '?' : human_time_diff( 0, (int) $summary['rpo_seconds'] ) ) );
			}
		}
		$exit = array(
			'passed'       => 0,
			'failed'       => 1,
			'inconclusive' => 3,
		);
		return $exit[ $summary['status'] ] ?? 1;
	}

	/**
	 * `restore ARCHIVE --yes`: 0 restored, 1 failed (the site is as it was). ARCHIVE is an
	 * archive name of the site, or a path (the command line runs as the server's owner: an archive
	 * copied from another site, restored into a fresh WordPress).
	 *
	 * @param list<string> $args   The archive.
	 * @param bool         $yes    --yes.
	 * @param string       $format text, json or yaml.
	 * @throws Usage_Exception No archive, or no --yes.
	 */
	private function restore( array $args, bool $yes, string $format ): int {
		$archive = $args[0] ?? '';
		if ( '' === $archive ) {
			throw new Usage_Exception( 'restore needs an archive: its name as `list` shows it, or the path of an archive file' );
		}
		if ( ! $yes ) {
			throw new Usage_Exception( "restore replaces this site's tables and uploads with those of $archive: add --yes to confirm" );
		}
		$path = Backup_Store::is_archive_name( $archive ) ? Backup_Store::resolve( $archive ) : null;
		if ( null === $path && str_contains( $archive, '/' ) && is_file( $archive ) ) {
			$path = (string) realpath( $archive );
		}
		if ( null === $path ) {
			$this->console->error( "bjlg: restore: no archive of this site is named $archive, and it is not an archive file" );
			return 1;
		}
		try {
			$result = Restore_Job::run( basename( $path ), $path, defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli', $this->console->progress() );
		} catch ( \Throwable $e ) {
			$this->console->progress_done();
			$this->console->error( 'bjlg: restore: ' . ( $e instanceof \Bjlg\CancelledException ? 'cancelled' : $e->getMessage() ) . ( $e instanceof Job_Busy_Exception ? '' : ' (the site is as it was)' ) );
			return 1;
		}
		$this->console->progress_done();
		if ( 'text' !== $format ) {
			$this->console->document( $result, $format );
			return 0;
		}
		$this->console->info( sprintf( 'Restored %s into site %d: %d tables (%d rows), %d files, %.1f s', $result['archive'], $result['blog_id'], count( $result['tables'] ), $result['rows'], $result['files'], $result['duration'] ) );
		if ( $result['url_from'] !== $result['url_to'] ) {
			$this->console->info( "  address kept: {$result['url_to']} (the archive's was {$result['url_from']})" );
		}
		foreach ( $result['missing_plugins'] as $plugin ) {
			$this->console->info( "  not installed here: the archive's site had plugin $plugin active" );
		}
		return 0;
	}

	/**
	 * `encryption status|enable|disable`. Shows the key's fingerprint, never the key.
	 *
	 * @param list<string> $args   The subcommand.
	 * @param string       $format text or json.
	 * @throws Usage_Exception A wrong subcommand.
	 */
	private function encryption( array $args, string $format ): int {
		$sub = $args[0] ?? 'status';
		if ( ! in_array( $sub, array( 'status', 'enable', 'disable' ), true ) ) {
			throw new Usage_Exception( "unknown encryption subcommand '$sub' (status, enable, disable)" );
		}
		if ( 'status' !== $sub ) {
			try {
				Site_Key::set_enabled( 'enable' === $sub );
			} catch ( \Throwable $e ) {
				$this->console->error( 'bjlg: encryption: ' . $e->getMessage() );
				return 1;
			}
		}
		$state = Site_Key::describe();
		if ( 'text' !== $format ) {
			$this->console->document( $state, $format );
			return 0;
		}
		$this->print_encryption( $state );
		return 0;
	}

	/**
	 * The encryption state in words.
	 *
	 * @param array<string, mixed> $state Site_Key::describe().
	 */
	private function print_encryption( array $state ): void {
		$key = 'none' === $state['source'] ? 'no site key yet' : "site key {$state['fingerprint']} ({$state['source']}" . ( null !== $state['file_mode'] ? ", mode {$state['file_mode']}" : '' ) . ')';
		$this->console->info( 'encryption: ' . ( $state['enabled'] ? 'on' : 'off' ) . ", $key" );
	}

	/**
	 * `list`.
	 *
	 * @param string $format table, json or csv.
	 */
	private function list_backups( string $format, array $fields ): int {
		$rows     = array();
		$verified = Verify_Job::last_by_archive();
		foreach ( Backup_Store::archives() as $archive ) {
			$rows[] = array(
				'name'      => $archive['name'],
				'bytes'     => $archive['bytes'],
				'modified'  => gmdate( 'Y-m-d H:i:s', $archive['modified'] ),
				'verified'  => $verified[ $archive['name'] ]['status'] ?? '',
				'encrypted' => Backup_Store::is_encrypted_name( $archive['name'] ),
				'path'      => $archive['path'],
			);
		}
		$this->console->items( $rows, $fields, $format );
		return 0;
	}

	/**
	 * `job ID` and `cancel ID`: 0 shown (or cancel asked), 1 no such job of this site, or (cancel)
	 * a job that has already ended.
	 *
	 * @param string       $command job or cancel.
	 * @param list<string> $args    The job's id.
	 * @param string       $format  text, json or yaml.
	 * @throws Usage_Exception No id.
	 */
	private function job( string $command, array $args, string $format ): int {
		$id = $args[0] ?? '';
		if ( 1 !== preg_match( '/^[1-9][0-9]*$/', $id ) ) {
			throw new Usage_Exception( "$command needs a job's id (a number, as POST /jobs answers it), not '$id'" );
		}
		$job = Jobs::get( (int) $id );
		if ( null === $job ) {
			$this->console->error( "bjlg: $command: no job of this site has the id $id" );
			return 1;
		}
		if ( 'cancel' === $command ) {
			if ( in_array( $job['state'], Jobs::FINISHED, true ) ) {
				$this->console->error( "bjlg: cancel: job $id has already ended ({$job['state']})" );
				return 1;
			}
			$job = (array) Jobs::request_cancel( (int) $id );
		}
		if ( 'text' !== $format ) {
			$this->console->document( $job, $format );
			return 0;
		}
		$this->console->info(
			rtrim(
				sprintf(
					'job %d %s %s%s: step %s, %s %s/%s %s%s',
				$job['id'],
				$job['type'],
				$job['state'],
				$job['cancel_requested'] && ! in_array( $job['state'], Jobs::FINISHED, true ) ? ' (cancel asked)' : '',
				$job['step'],
				$job['phase'] ?? '-',
				$job['done'],
				$job['total'],
				$job['unit'] ?? '',
				null === $job['percent'] ? '' : " ({$job['percent']} %)"
				)
			)
		);
		return 0;
	}

	/**
	 * `delete NAME --yes`: removes the site's archive NAME (a history row says who). Without
	 * --yes nothing is deleted: a usage error says how to confirm.
	 *
	 * @param list<string> $args The archive's name.
	 * @param bool         $yes  --yes.
	 * @throws Usage_Exception No name, not an archive name, or no --yes.
	 */
	private function delete( array $args, bool $yes ): int {
		$name = $args[0] ?? '';
		if ( ! Backup_Store::is_archive_name( $name ) ) {
			throw new Usage_Exception( "delete needs an archive's name as `list` shows it (backup-full-YYYYmmdd-HHMMSS-ID.zip), not '$name'" );
		}
		if ( ! $yes ) {
			throw new Usage_Exception( "delete removes $name for good: add --yes to confirm" );
		}
		$outcome = Incremental::delete_archive( $name, defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli' );
		if ( ! $outcome['deleted'] ) {
			$this->console->error( 'bjlg: delete: ' . $outcome['error'] );
			return 1;
		}
		$this->console->info( "deleted $name" );
		return 0;
	}

	/**
	 * `key rotate [--yes]`: without --yes, what the rotation would do (exit 2); with it, the
	 * rotation (Key_Rotation): 0 completed, 1 incomplete (resume by running it again) or refused.
	 *
	 * @param list<string> $args   rotate.
	 * @param bool         $yes    --yes.
	 * @param string       $format text, json or yaml.
	 * @throws Usage_Exception Another subcommand, or no --yes.
	 */
	private function key( array $args, bool $yes, string $format ): int {
		if ( array( 'rotate' ) !== $args ) {
			throw new Usage_Exception( 'key needs a subcommand: rotate [--yes]' );
		}
		try {
			if ( ! $yes ) {
				$plan = Key_Rotation::plan();
				throw new Usage_Exception(
					sprintf(
						'key rotate re-encrypts %d archives with a new key%s, then removes key %s: keep a copy of the new key; add --yes to rotate',
						count( $plan['archives'] ),
						$plan['resumed'] ? ' (resuming the rotation to ' . $plan['next_fingerprint'] . ')' : '',
						(string) $plan['fingerprint']
					)
				);
			}
			$result = Key_Rotation::rotate( 'text' === $format ? array( $this->console, 'info' ) : null );
		} catch ( Job_Busy_Exception $e ) {
			$this->console->error( 'bjlg: key rotate: ' . $e->getMessage() );
			return 1;
		} catch ( \RuntimeException $e ) {
			$this->console->error( 'bjlg: key rotate: ' . $e->getMessage() );
			return 1;
		}
		if ( 'text' !== $format ) {
			$this->console->document( $result, $format );
		} else {
			$this->console->info( $result['completed'] ? 'site key rotated: ' . $result['old_fingerprint'] . ' -> ' . $result['fingerprint'] . ', the old key removed' : 'rotation incomplete: the old key is kept; run key rotate --yes again' );
		}
		return $result['completed'] ? 0 : 1;
	}

	/**
	 * `status`.
	 *
	 * @param string $format text or json.
	 */
	private function status( string $format ): int {
		$status = Status::collect();
		if ( 'text' !== $format ) {
			$this->console->document( $status, $format );
			return 0;
		}
		$this->console->info( sprintf( 'bjlg plugin %s, extension %s, schema %d', $status['plugin_version'], $status['extension_version'], $status['db_version'] ) );
		$this->console->info( 'running: ' . ( $status['running'] ? $status['running']['job'] . ' since ' . gmdate( 'c', (int) $status['running']['acquired_at'] ) : 'nothing' ) );
		$last = $status['last_backup'];
		$this->console->info( 'last backup: ' . ( $last ? "{$last['timestamp']} {$last['status']} {$last['archive']}" : 'none' ) );
		$this->console->info( sprintf( 'archives: %d (%s) in %s', $status['backups']['count'], size_format( $status['backups']['bytes'], 1 ), $status['backups']['directory'] ) );
		$this->print_schedule( $status['schedule'] );
		$this->print_encryption( $status['encryption'] );
		return 0;
	}

	/**
	 * `schedule show|set|disable|run`.
	 *
	 * @param list<string> $args   The subcommand and its argument.
	 * @param string       $format text or json.
	 * @throws Usage_Exception A wrong subcommand.
	 */
	private function schedule( array $args, string $format, array $options = array() ): int {
		$sub = $args[0] ?? 'show';
		if ( in_array( $sub, array( 'add', 'edit', 'delete' ), true ) ) {
			return ( new Schedule_Commands( $this->console ) )->run( $sub, array_slice( $args, 1 ), $options, $format );
		}
		switch ( $sub ) {
			case 'show':
				break;
			case 'list':
				$entries = array();
				foreach ( Schedule::entries() as $entry ) {
					$entries[] = Schedule::describe( $entry );
				}
				if ( 'text' !== $format ) {
					$this->console->document( array( 'schedules' => $entries ), $format );
					return 0;
				}
				foreach ( $entries as $e ) {
					$this->console->info( sprintf( '%s %s: %s (%s)%s, missed %d', $e['id'], $e['name'], $e['enabled'] ? $e['cron'] : 'disabled', $e['recurrence'], array() === $e['next_runs'] ? '' : ', next ' . $e['next_runs'][0], $e['missed_total'] ) );
				}
				return 0;
			case 'set':
				if ( ! isset( $args[1] ) || '' === trim( $args[1] ) ) {
					throw new Usage_Exception( 'schedule set needs a cron expression, e.g. schedule set "0 3 * * *"' );
				}
				try {
					$saved = Schedule::save( $args[1] );
				} catch ( \InvalidArgumentException $e ) {
					$this->console->error( 'bjlg: ' . $e->getMessage() );
					return 1;
				}
				foreach ( $saved['warnings'] as $warning ) {
					$this->console->error( "warning {$warning['code']}: {$warning['message']}" );
				}
				break;
			case 'disable':
				Schedule::disable();
				break;
			case 'run':
				$outcome = Schedule::tick_all();
				if ( 'text' !== $format ) {
					$this->console->document( $outcome, $format );
					return null === $outcome['error'] ? 0 : 1;
				}
				$this->console->info( null === $outcome['due'] ? 'nothing due' : 'due run ' . gmdate( 'c', $outcome['due'] ) . ( $outcome['backup'] ? ': ' . $outcome['backup']['archive'] : '' ) );
				if ( $outcome['missed'] > 0 ) {
					$this->console->info( "missed runs recorded: {$outcome['missed']}" );
				}
				if ( null !== $outcome['error'] ) {
					$this->console->error( 'bjlg: ' . $outcome['error'] );
					return 1;
				}
				return 0;
			default:
				throw new Usage_Exception( "unknown schedule subcommand '$sub' (show, list, set, disable, run, add, edit, delete)" );
		}
		$schedule = Status::schedule();
		if ( 'text' !== $format ) {
			$this->console->document( $schedule, $format );
			return 0;
		}
		$this->print_schedule( $schedule );
		return 0;
	}

	/**
	 * The schedule in words.
	 *
	 * @param array<string, mixed> $schedule Status::schedule().
	 */
	private function print_schedule( array $schedule ): void {
		if ( ! $schedule['enabled'] ) {
			$this->console->info( 'schedule: disabled' . ( '' !== $schedule['cron'] ? " (was {$schedule['cron']})" : '' ) );
		} else {
			$this->console->info( "schedule: {$schedule['cron']} ({$schedule['timezone']})" . ( $schedule['overdue'] ? ' OVERDUE: WP-Cron is not running' : '' ) );
			$this->console->info( 'next runs: ' . implode( ', ', $schedule['next_runs'] ) );
		}
		$this->console->info( 'missed runs: ' . $schedule['missed_total'] );
	}

	/**
	 * The fields --fields=a,b names, in that order, or all of $valid without it. WP-CLI's
	 * convention; a name outside $valid is a usage error listing them.
	 *
	 * @param array<string, mixed> $options The options.
	 * @param list<string>         $valid   The command's fields.
	 * @return list<string>
	 * @throws Usage_Exception An unknown field, or none.
	 */
	public static function fields( array $options, array $valid ): array {
		if ( ! isset( $options['fields'] ) ) {
			return $valid;
		}
		$fields = array_map( 'trim', explode( ',', (string) $options['fields'] ) );
		foreach ( $fields as $field ) {
			if ( ! in_array( $field, $valid, true ) ) {
				throw new Usage_Exception( ( '' === $field ? '--fields needs field names' : "unknown field '$field'" ) . '; the fields are: ' . implode( ', ', $valid ) );
			}
		}
		return array_values( array_unique( $fields ) );
	}

	/**
	 * The --format value among $allowed (the first is the default).
	 *
	 * @param array<string, string> $options The options.
	 * @param list<string>          $allowed Formats.
	 * @throws Usage_Exception Another value.
	 */
	public static function format( array $options, array $allowed ): string {
		$format = $options['format'] ?? $allowed[0];
		if ( 'table' === $format && ! in_array( 'table', $allowed, true ) ) {
			$format = 'text';
		}
		if ( 'text' === $format && in_array( 'table', $allowed, true ) ) {
			$format = 'table';
		}
		if ( ! in_array( $format, $allowed, true ) ) {
			throw new Usage_Exception( '--format must be one of ' . implode( ', ', $allowed ) . ", not '$format'" );
		}
		return $format;
	}
}
