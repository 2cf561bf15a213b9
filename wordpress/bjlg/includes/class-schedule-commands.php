<?php
/**
 * `schedule add | edit ID | delete ID`: the schedule entries from the command line, with the
 * logic of the REST routes /schedules (Schedule::apply_input() then Schedule::put(), the same
 * checks, refusals and warnings). Options: --name, --recurrence, --cron, --macro, --time, --day,
 * --day-of-month, --enabled (true or false), --type (full or incremental).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The schedule entry commands.
 */
final class Schedule_Commands {

	/** Command-line option => entry key. */
	const OPTIONS = array(
		'name'         => 'name',
		'recurrence'   => 'recurrence',
		'cron'         => 'cron',
		'macro'        => 'macro',
		'time'         => 'time',
		'day'          => 'day',
		'day-of-month' => 'day_of_month',
		'enabled'      => 'enabled',
		'type'         => 'type',
	);

	/** Where the output goes. @var Console */
	private $console;

	/**
	 * Commands printing to $console.
	 *
	 * @param Console $console The output.
	 */
	public function __construct( Console $console ) {
		$this->console = $console;
	}

	/**
	 * The entry keys given as options. Pure.
	 *
	 * @param array<string, mixed> $options --name=value options.
	 * @return array<string, mixed>
	 */
	public static function input( array $options ): array {
		$input = array();
		foreach ( self::OPTIONS as $option => $key ) {
			if ( array_key_exists( $option, $options ) ) {
				$input[ $key ] = 'day_of_month' === $key && is_numeric( $options[ $option ] ) ? (int) $options[ $option ] : $options[ $option ];
			}
		}
		return $input;
	}

	/**
	 * Runs `schedule add`, `schedule edit ID` or `schedule delete ID`: 0 done, 1 refused (the
	 * reason on stderr), 2 a usage error.
	 *
	 * @param string               $sub     add, edit or delete.
	 * @param list<string>         $args    The arguments after the subcommand.
	 * @param array<string, mixed> $options The options.
	 * @param string               $format  text, json or yaml.
	 * @throws Usage_Exception A wrong command line.
	 */
	public function run( string $sub, array $args, array $options, string $format ): int {
		$input = self::input( $options );
		if ( 'add' === $sub ) {
			if ( array() !== $args ) {
				throw new Usage_Exception( 'schedule add takes no argument: the entry is given by --recurrence, --cron or --macro (and --name, --time, --day, --day-of-month, --enabled, --type)' );
			}
			if ( ! isset( $input['recurrence'] ) && ! isset( $input['cron'] ) && ! isset( $input['macro'] ) ) {
				throw new Usage_Exception( 'schedule add needs --recurrence, --cron or --macro' );
			}
			if ( count( Schedule::entries() ) >= Schedule::MAX_ENTRIES ) {
				$this->console->error( sprintf( 'bjlg: a site has at most %d schedule entries', Schedule::MAX_ENTRIES ) );
				return 1;
			}
			return $this->save( Schedule::blank_entry( Schedule::new_id() ), $input, $format );
		}
		$id = $args[0] ?? '';
		if ( 1 !== count( $args ) || ! preg_match( '/^[A-Za-z0-9_-]{1,80}$/', $id ) ) {
			throw new Usage_Exception( "schedule $sub needs one entry id, as schedule list shows it" );
		}
		if ( 'delete' === $sub ) {
			if ( array() !== $input ) {
				throw new Usage_Exception( 'schedule delete takes no option but --format' );
			}
			if ( ! Schedule::delete( $id ) ) {
				$this->console->error( "bjlg: no schedule entry of this site has the id $id" );
				return 1;
			}
			$this->console->info( "deleted schedule entry $id" );
			return 0;
		}
		if ( array() === $input ) {
			throw new Usage_Exception( 'schedule edit needs at least one change (--name, --recurrence, --cron, --macro, --time, --day, --day-of-month, --enabled, --type)' );
		}
		$entry = Schedule::find( $id );
		if ( null === $entry ) {
			$this->console->error( "bjlg: no schedule entry of this site has the id $id" );
			return 1;
		}
		return $this->save( $entry, $input, $format );
	}

	/**
	 * Applies and saves, as PUT /schedules/{id} does; prints the entry and the warnings.
	 *
	 * @param array<string, mixed> $entry  The entry.
	 * @param array<string, mixed> $input  The changes.
	 * @param string               $format text, json or yaml.
	 */
	private function save( array $entry, array $input, string $format ): int {
		try {
			$saved = Schedule::put( Schedule::apply_input( $entry, $input ) );
		} catch ( \InvalidArgumentException $e ) {
			$this->console->error( 'bjlg: ' . $e->getMessage() );
			return 1;
		}
		$described = Schedule::describe( $saved['entry'] );
		if ( 'text' !== $format ) {
			$this->console->document(
				array(
					'schedule' => $described,
					'warnings' => $saved['warnings'],
				),
				$format
			);
			return 0;
		}
		foreach ( $saved['warnings'] as $warning ) {
			$this->console->error( "warning {$warning['code']}: {$warning['message']}" );
		}
		$this->console->info( sprintf( '%s %s: %s (%s, %s)%s', $described['id'], $described['name'], $described['enabled'] ? $described['cron'] : 'disabled', $described['recurrence'], $described['type'], array() === $described['next_runs'] ? '' : ', next ' . $described['next_runs'][0] ) );
		return 0;
	}
}
