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
	 * A line of output.
	 *
	 * @param string $text The line, without its line feed.
	 */
	public function line( string $text ): void;

	/**
	 * A warning or error line, on stderr.
	 *
	 * @param string $text The line.
	 */
	public function error( string $text ): void;

	/**
	 * Rows in --format (table, json, csv).
	 *
	 * @param list<array<string, mixed>> $rows   The items.
	 * @param list<string>               $fields The columns.
	 * @param string                     $format The format.
	 */
	public function items( array $rows, array $fields, string $format ): void;
}

/**
 * A Console on the process's stdout and stderr (bin/bjlg).
 */
final class Stdio_Console implements Console {

	/**
	 * {@inheritDoc}
	 *
	 * @param string $text The line.
	 */
	public function line( string $text ): void {
		fwrite( STDOUT, $text . "\n" );
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

	const NAMES = array( 'backup', 'list', 'status', 'schedule', 'verify' );

	const USAGE = <<<'TXT'
		Commands (on the WordPress site of --wp=DIR, or as `wp bjlg ...`):
		  backup                 a full backup now (database + wp-content), recorded in the history
		  list                   the site's archives, newest first
		  status                 versions, running job, last backup, schedule, missed runs
		  schedule show          the schedule and its next runs
		  schedule set EXPR      back up on cron expression EXPR (the site's time zone)
		  schedule disable       stop the scheduled backups (the expression is kept)
		  schedule run           what WP-Cron does at a run: record missed runs, run the due one
		  verify NAME            verify the archive NAME (as `list` shows it), recorded in the history
		Options: --format=table|json|csv (list), --format=text|json (the others)
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
		switch ( $command ) {
			case 'backup':
				return $this->backup( self::format( $options, array( 'text', 'json' ) ) );
			case 'list':
				return $this->list_backups( self::format( $options, Formatter::FORMATS ) );
			case 'status':
				return $this->status( self::format( $options, array( 'text', 'json' ) ) );
			case 'schedule':
				return $this->schedule( $args, self::format( $options, array( 'text', 'json' ) ) );
			case 'verify':
				return $this->verify( $args, self::format( $options, array( 'text', 'json' ) ) );
		}
		throw new Usage_Exception( "unknown command '$command' (" . implode( ', ', self::NAMES ) . ')' );
	}

	/**
	 * `backup`.
	 *
	 * @param string $format text or json.
	 */
	private function backup( string $format ): int {
		try {
			$result = Backup_Job::run( defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli' );
		} catch ( Job_Busy_Exception $e ) {
			$this->console->error( 'bjlg: ' . $e->getMessage() );
			return 1;
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: backup failed: ' . $e->getMessage() );
			return 1;
		}
		if ( 'json' === $format ) {
			$this->console->line( (string) wp_json_encode( $result, JSON_UNESCAPED_SLASHES ) );
			return 0;
		}
		$this->console->line(
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
			$summary = Verify_Job::run( $name, defined( 'WP_CLI' ) && WP_CLI ? 'wp-cli' : 'cli' );
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: verify: ' . $e->getMessage() );
			return 1;
		}
		if ( 'json' === $format ) {
			$this->console->line( (string) wp_json_encode( $summary, JSON_UNESCAPED_SLASHES ) );
		} else {
			$this->console->line( Verify_Job::details( $summary ) );
			foreach ( $summary['problems'] as $problem ) {
				$this->console->line( "  {$problem['name']} {$problem['status']}: {$problem['message']}" );
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
	 * `list`.
	 *
	 * @param string $format table, json or csv.
	 */
	private function list_backups( string $format ): int {
		$rows     = array();
		$verified = Verify_Job::last_by_archive();
		foreach ( Backup_Store::archives() as $archive ) {
			$rows[] = array(
				'name'     => $archive['name'],
				'bytes'    => $archive['bytes'],
				'modified' => gmdate( 'Y-m-d H:i:s', $archive['modified'] ),
				'verified' => $verified[ $archive['name'] ]['status'] ?? '',
				'path'     => $archive['path'],
			);
		}
		$this->console->items( $rows, array( 'name', 'bytes', 'modified', 'verified', 'path' ), $format );
		return 0;
	}

	/**
	 * `status`.
	 *
	 * @param string $format text or json.
	 */
	private function status( string $format ): int {
		$status = Status::collect();
		if ( 'json' === $format ) {
			$this->console->line( (string) wp_json_encode( $status, JSON_UNESCAPED_SLASHES ) );
			return 0;
		}
		$this->console->line( sprintf( 'bjlg plugin %s, extension %s, schema %d', $status['plugin_version'], $status['extension_version'], $status['db_version'] ) );
		$this->console->line( 'running: ' . ( $status['running'] ? $status['running']['job'] . ' since ' . gmdate( 'c', (int) $status['running']['acquired_at'] ) : 'nothing' ) );
		$last = $status['last_backup'];
		$this->console->line( 'last backup: ' . ( $last ? "{$last['timestamp']} {$last['status']} {$last['archive']}" : 'none' ) );
		$this->console->line( sprintf( 'archives: %d (%s) in %s', $status['backups']['count'], size_format( $status['backups']['bytes'], 1 ), $status['backups']['directory'] ) );
		$this->print_schedule( $status['schedule'] );
		return 0;
	}

	/**
	 * `schedule show|set|disable|run`.
	 *
	 * @param list<string> $args   The subcommand and its argument.
	 * @param string       $format text or json.
	 * @throws Usage_Exception A wrong subcommand.
	 */
	private function schedule( array $args, string $format ): int {
		$sub = $args[0] ?? 'show';
		switch ( $sub ) {
			case 'show':
				break;
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
				$outcome = Schedule::tick();
				if ( 'json' === $format ) {
					$this->console->line( (string) wp_json_encode( $outcome, JSON_UNESCAPED_SLASHES ) );
					return null === $outcome['error'] ? 0 : 1;
				}
				$this->console->line( null === $outcome['due'] ? 'nothing due' : 'due run ' . gmdate( 'c', $outcome['due'] ) . ( $outcome['backup'] ? ': ' . $outcome['backup']['archive'] : '' ) );
				if ( $outcome['missed'] > 0 ) {
					$this->console->line( "missed runs recorded: {$outcome['missed']}" );
				}
				if ( null !== $outcome['error'] ) {
					$this->console->error( 'bjlg: ' . $outcome['error'] );
					return 1;
				}
				return 0;
			default:
				throw new Usage_Exception( "unknown schedule subcommand '$sub' (show, set, disable, run)" );
		}
		$schedule = Status::schedule();
		if ( 'json' === $format ) {
			$this->console->line( (string) wp_json_encode( $schedule, JSON_UNESCAPED_SLASHES ) );
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
			$this->console->line( 'schedule: disabled' . ( '' !== $schedule['cron'] ? " (was {$schedule['cron']})" : '' ) );
		} else {
			$this->console->line( "schedule: {$schedule['cron']} ({$schedule['timezone']})" . ( $schedule['overdue'] ? ' OVERDUE: WP-Cron is not running' : '' ) );
			$this->console->line( 'next runs: ' . implode( ', ', $schedule['next_runs'] ) );
		}
		$this->console->line( 'missed runs: ' . $schedule['missed_total'] );
	}

	/**
	 * The --format value among $allowed (the first is the default).
	 *
	 * @param array<string, string> $options The options.
	 * @param list<string>          $allowed Formats.
	 * @throws Usage_Exception Another value.
	 */
	private static function format( array $options, array $allowed ): string {
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
