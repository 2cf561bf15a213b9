<?php
/**
 * The operations commands `quota`, `forecast`, `purge`, `notify` and `jobs`, for both front ends
 * (`bin/bjlg --wp=DIR` and `wp bjlg`, through Commands::run). Each calls the class the REST
 * routes call (Storage, Incidents, Jobs): one entry point per operation for REST, the commands
 * and the scheduler.
 *
 * Conventions (docs/wordpress.md "Commands"): rows in --format=table|json|csv|yaml with
 * --fields; --quiet silences the informational lines only; exit status 0 done, 1 failed (a
 * destination not measured, a message not sent, a purge with failures), 2 a usage error.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * quota, forecast, purge, notify, jobs.
 */
final class Ops_Commands {

	const NAMES = array( 'quota', 'forecast', 'purge', 'notify', 'jobs' );

	/** The fields of `quota`. */
	const QUOTA_FIELDS = array( 'name', 'type', 'used_bytes', 'quota_bytes', 'free_bytes', 'errors', 'collected_at' );

	/** The fields of `forecast`. */
	const FORECAST_FIELDS = array( 'destination', 'risk_level', 'current_ratio', 'days_to_threshold', 'threshold_at', 'threshold_at_low', 'threshold_at_high', 'growth_bytes_per_day', 'samples', 'error' );

	/** The fields of `purge`. */
	const PURGE_FIELDS = array( 'destination', 'archive', 'bytes', 'action', 'reason' );

	/** The fields of `notify`. */
	const NOTIFY_FIELDS = array( 'incident', 'kind', 'channel', 'type', 'status', 'http_code', 'error_code', 'error' );

	/** The fields of `jobs`. */
	const JOBS_FIELDS = array( 'id', 'type', 'state', 'step', 'percent', 'target', 'source', 'attempts', 'created_at', 'finished_at', 'error' );

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
	 * Runs one of NAMES; returns the exit status.
	 *
	 * @param string                $command One of NAMES.
	 * @param list<string>          $args    Positional arguments.
	 * @param array<string, mixed>  $options --name=value options.
	 * @throws Usage_Exception A wrong command line.
	 */
	public function run( string $command, array $args, array $options ): int {
		$format = Commands::format( $options, Formatter::FORMATS );
		switch ( $command ) {
			case 'quota':
				return $this->quota( $format, Commands::fields( $options, self::QUOTA_FIELDS ) );
			case 'forecast':
				return $this->forecast( $format, Commands::fields( $options, self::FORECAST_FIELDS ) );
			case 'purge':
				return $this->purge( $format, Commands::fields( $options, self::PURGE_FIELDS ), isset( $options['yes'] ) && false !== $options['yes'] );
			case 'notify':
				return $this->notify( $args, $format, Commands::fields( $options, self::NOTIFY_FIELDS ) );
			case 'jobs':
				return $this->jobs( $options, $format, Commands::fields( $options, self::JOBS_FIELDS ) );
		}
		throw new Usage_Exception( "unknown command '$command'" );
	}

	/**
	 * An informational line, shown under a table only: json, csv and yaml stay parseable.
	 *
	 * @param string $format The format.
	 * @param string $text   The line.
	 */
	private function note( string $format, string $text ): void {
		if ( 'table' === $format ) {
			$this->console->info( $text );
		}
	}

	/**
	 * `quota`: samples every destination now (recorded in the usage history, as POST
	 * /storage/samples), prints the usage; 1 when a destination could not be measured.
	 *
	 * @param string       $format The format.
	 * @param list<string> $fields The columns.
	 */
	private function quota( string $format, array $fields ): int {
		if ( array() === Storage::destinations() ) {
			$this->console->error( 'bjlg: quota: this site has no destination (option bjlg_destinations)' );
			return 1;
		}
		try {
			$measured = Storage::measure( time() );
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: quota: the destinations could not be measured: ' . ( $e->error_code ?? get_class( $e ) ) );
			return 1;
		}
		$rows   = array();
		$failed = 0;
		foreach ( $measured['samples'] as $sample ) {
			$failed += array() === $sample['errors'] ? 0 : 1;
			$rows[]  = array(
				'errors'       => implode( '; ', array_map( 'strval', (array) $sample['errors'] ) ),
				'collected_at' => gmdate( 'c', (int) $sample['collected_at'] ),
			) + $sample;
		}
		$this->console->items( $rows, $fields, $format );
		foreach ( $measured['incidents'] as $incident ) {
			$this->note( $format, "incident {$incident['id']} ({$incident['status']}): {$incident['title']}" );
		}
		if ( $failed > 0 ) {
			$this->console->error( "bjlg: quota: $failed destination(s) could not be measured" );
			return 1;
		}
		return 0;
	}

	/**
	 * `forecast`: per destination, the days to its threshold and the interval of the date
	 * (Storage::capacity, as GET /storage).
	 *
	 * @param string       $format The format.
	 * @param list<string> $fields The columns.
	 */
	private function forecast( string $format, array $fields ): int {
		try {
			$capacity = Storage::capacity( time() );
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: forecast: the usage history could not be read or forecast: ' . ( $e->error_code ?? get_class( $e ) ) );
			return 1;
		}
		if ( array() === $capacity['destinations'] ) {
			$this->console->error( 'bjlg: forecast: this site has no destination (option bjlg_destinations)' );
			return 1;
		}
		$this->console->items( self::forecast_rows( $capacity ), $fields, $format );
		foreach ( $capacity['recommendations'] as $recommendation ) {
			$message = (array) ( $recommendation['message'] ?? array() );
			$this->note( $format, 'recommendation: ' . ( $message[ 0 === strpos( get_locale(), 'fr' ) ? 'fr' : 'en' ] ?? $recommendation['code'] ) );
		}
		return 0;
	}

	/**
	 * The rows of `forecast` from Storage::capacity()'s answer. Pure.
	 *
	 * @param array<string, mixed> $capacity Storage::capacity().
	 * @return list<array<string, mixed>>
	 */
	public static function forecast_rows( array $capacity ): array {
		$date = static fn( $t ) => null === $t ? null : gmdate( 'Y-m-d', (int) $t );
		$rows = array();
		foreach ( $capacity['destinations'] as $item ) {
			$f      = is_array( $item['forecast'] ) ? $item['forecast'] : array();
			$rows[] = array(
				'destination'          => $item['destination']['name'],
				'risk_level'           => $f['risk_level'] ?? 'unknown',
				'current_ratio'        => isset( $f['current_ratio'] ) ? round( (float) $f['current_ratio'], 4 ) : null,
				'days_to_threshold'    => isset( $f['days_to_threshold'] ) ? round( (float) $f['days_to_threshold'], 1 ) : null,
				'threshold_at'         => $date( $f['threshold_at'] ?? null ),
				'threshold_at_low'     => $date( $f['threshold_at_low'] ?? null ),
				'threshold_at_high'    => $date( $f['threshold_at_high'] ?? null ),
				'growth_bytes_per_day' => isset( $f['growth_bytes_per_day'] ) ? (int) round( (float) $f['growth_bytes_per_day'] ) : null,
				'samples'              => count( $item['samples'] ),
				'error'                => null === $item['listing'] ? '' : (string) ( $item['listing']['code'] ?? 'listing' ),
			);
		}
		return $rows;
	}

	/**
	 * `purge`: the plan of the site's retention policy (a dry run, nothing deleted); with --yes
	 * that plan is applied at once (Storage::plan_purge then apply_purge, as the REST routes).
	 * 1 when a destination could not be listed or an archive not deleted.
	 *
	 * @param string       $format The format.
	 * @param list<string> $fields The columns.
	 * @param bool         $yes    --yes: apply.
	 */
	private function purge( string $format, array $fields, bool $yes ): int {
		if ( array() === Storage::destinations() ) {
			$this->console->error( 'bjlg: purge: this site has no destination (option bjlg_destinations)' );
			return 1;
		}
		try {
			$plan = Storage::plan_purge( time(), 0 === strpos( get_locale(), 'fr' ) ? 'fr' : 'en' );
		} catch ( \ValueError $e ) {
			$this->console->error( 'bjlg: purge: the retention policy (option bjlg_retention_policy) is refused: ' . $e->getMessage() );
			return 1;
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: purge: the purge could not be planned: ' . ( $e->error_code ?? get_class( $e ) ) );
			return 1;
		}
		$rows   = self::purge_rows( $plan );
		$listed = 0;
		foreach ( $plan['destinations'] as $name => $destination ) {
			if ( null !== ( $destination['error'] ?? null ) ) {
				$this->console->error( "bjlg: purge: $name could not be listed: " . ( $destination['error']['code'] ?? 'error' ) );
				++$listed;
			}
		}
		if ( ! $yes ) {
			$this->console->items( $rows, $fields, $format );
			$this->note( $format, sprintf( 'plan %s: %d archive(s) to delete, %s freed; nothing deleted (add --yes to apply)', $plan['plan_id'], (int) $plan['totals']['delete'], size_format( (int) $plan['totals']['bytes_freed'], 1 ) ) );
			return 0 === $listed ? 0 : 1;
		}
		try {
			$result = Storage::apply_purge( $plan['plan_id'], time() );
		} catch ( \Throwable $e ) {
			$this->console->error( 'bjlg: purge: the purge could not run: ' . $e->getMessage() );
			return 1;
		}
		$outcome = array();
		foreach ( (array) ( $result['events'] ?? array() ) as $event ) {
			$key             = ( $event['destination'] ?? '' ) . "\0" . ( $event['archive'] ?? $event['name'] ?? '' );
			$outcome[ $key ] = (string) ( $event['outcome'] ?? $event['status'] ?? '' );
		}
		foreach ( $rows as &$row ) {
			if ( 'delete' === $row['action'] ) {
				$row['action'] = $outcome[ $row['destination'] . "\0" . $row['archive'] ] ?? 'deleted';
			}
		}
		unset( $row );
		$this->console->items( $rows, $fields, $format );
		$this->note( $format, sprintf( 'plan %s applied: %d deleted, %d already gone, %d failed, %s freed', $plan['plan_id'], $result['deleted'], $result['already_gone'], $result['failed'], size_format( (int) $result['bytes_freed'], 1 ) ) );
		return 0 === $result['failed'] && 0 === $listed ? 0 : 1;
	}

	/**
	 * The rows of `purge`: one per archive of each destination, deleted or kept, with the
	 * reason in the plan's language. Pure.
	 *
	 * @param array<string, mixed> $plan Purge::plan()'s answer.
	 * @return list<array<string, mixed>>
	 */
	public static function purge_rows( array $plan ): array {
		$rows = array();
		foreach ( $plan['destinations'] as $name => $destination ) {
			foreach ( array( 'delete', 'keep' ) as $action ) {
				foreach ( (array) ( $destination[ $action ] ?? array() ) as $archive ) {
					$rows[] = array(
						'destination' => (string) $name,
						'archive'     => $archive['name'],
						'bytes'       => (int) ( $archive['size'] ?? 0 ),
						'action'      => $action,
						'reason'      => (string) ( $archive['reason'] ?? '' ),
					);
				}
			}
		}
		return $rows;
	}

	/**
	 * `notify due` (the default: sends what is due on the open incidents: reminders,
	 * escalations, deferred notices) or `notify test [CHANNEL]` (one test message to every
	 * channel, or to CHANNEL, as POST /notify/test). 1 when a message was not sent.
	 *
	 * @param list<string> $args   The subcommand and its argument.
	 * @param string       $format The format.
	 * @param list<string> $fields The columns.
	 * @throws Usage_Exception A wrong subcommand.
	 */
	private function notify( array $args, string $format, array $fields ): int {
		$sub = $args[0] ?? 'due';
		if ( 'due' === $sub ) {
			$results = Incidents::send_due( time() );
		} elseif ( 'test' === $sub ) {
			$channels = Incidents::settings()['channels'];
			$only     = $args[1] ?? null;
			if ( array() === $channels ) {
				$this->console->error( 'bjlg: notify: this site has no channel (option bjlg_notify_settings)' );
				return 1;
			}
			if ( null !== $only && ! isset( $channels[ $only ] ) ) {
				throw new Usage_Exception( "no channel is named '$only' (" . implode( ', ', array_map( 'strval', array_keys( $channels ) ) ) . ')' );
			}
			try {
				$results = Incidents::test_channels( $only );
			} catch ( \Throwable $e ) {
				$this->console->error( 'bjlg: notify: the channels are refused: ' . ( $e->error_code ?? get_class( $e ) ) );
				return 1;
			}
			foreach ( $results as &$result ) {
				$result += array(
					'incident' => '',
					'kind'     => 'test',
				);
			}
			unset( $result );
		} else {
			throw new Usage_Exception( "unknown notify subcommand '$sub' (due, test [CHANNEL])" );
		}
		$this->console->items( self::notify_rows( $results ), $fields, $format );
		$failed = count( array_filter( $results, static fn( $r ) => 'sent' !== ( $r['status'] ?? '' ) ) );
		$this->note( $format, sprintf( '%d message(s) sent, %d failed', count( $results ) - $failed, $failed ) );
		return 0 === $failed ? 0 : 1;
	}

	/**
	 * Delivery results as rows (never a credential: the Dispatcher's result keys only). Pure.
	 *
	 * @param list<array<string, mixed>> $results Incidents::send_due() or test_channels().
	 * @return list<array<string, mixed>>
	 */
	public static function notify_rows( array $results ): array {
		$rows = array();
		foreach ( $results as $r ) {
			$row = array();
			foreach ( self::NOTIFY_FIELDS as $field ) {
				$row[ $field ] = $r[ $field ] ?? null;
			}
			$row['channel'] = is_array( $row['channel'] ) ? (string) ( $row['channel']['name'] ?? '' ) : (string) $row['channel'];
			$rows[]         = $row;
		}
		return $rows;
	}

	/**
	 * `jobs`: the site's jobs, newest first (--state=running,queued --type=backup --limit=N),
	 * as GET /jobs.
	 *
	 * @param array<string, mixed> $options The options.
	 * @param string               $format  The format.
	 * @param list<string>         $fields  The columns.
	 * @throws Usage_Exception An unknown state or type, a bad limit.
	 */
	private function jobs( array $options, string $format, array $fields ): int {
		if ( isset( $options['limit'] ) && 1 !== preg_match( '/^([1-9][0-9]?|100)$/', (string) $options['limit'] ) ) {
			throw new Usage_Exception( "--limit must be a number from 1 to 100, not '{$options['limit']}'" );
		}
		try {
			$jobs = Jobs::search(
				array(
					'state' => $options['state'] ?? null,
					'type'  => $options['type'] ?? null,
					'limit' => $options['limit'] ?? 20,
				)
			);
		} catch ( \InvalidArgumentException $e ) {
			throw new Usage_Exception( $e->getMessage() );
		}
		$this->console->items( $jobs, $fields, $format );
		return 0;
	}
}
