<?php
/**
 * The site's incidents (Bjlg\Notify\Incident): opened by the plugin when something needs a
 * human (a destination whose usage reaches its threshold soon), notified on the site's channels
 * (option `bjlg_notify_settings`: `channels` name => channel as Bjlg\Notify\Dispatcher sends
 * to, optional `policy` as Incident::open takes it, `allow_private_network`), acknowledged and
 * resolved with a note. The states live in the option `bjlg_incidents` (id => toArray()); they
 * hold the policy, hence credentials: only `public_view()` of one ever leaves this class.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Notify\Dispatcher;
use Bjlg\Notify\Incident;

/**
 * Opens, lists, acknowledges and resolves incidents; tests the channels.
 */
final class Incidents {

	const OPTION          = 'bjlg_incidents';
	const SETTINGS_OPTION = 'bjlg_notify_settings';

	/** The keys of a state an answer may show (not `policy`, `pending`, `escalation`). */
	const PUBLIC_KEYS = array( 'id', 'event', 'title', 'severity', 'lines', 'context', 'created_at', 'acknowledged_at', 'acknowledged_by', 'resolved_at', 'resolution_status', 'resolution_summary', 'steps', 'actions', 'channels_used' );

	/**
	 * The notification settings.
	 *
	 * @return array{channels: array<string, array<string, mixed>>, policy: array<string, mixed>, allow_private_network: bool}
	 */
	public static function settings(): array {
		$value = get_option( self::SETTINGS_OPTION, array() );
		$value = is_array( $value ) ? $value : array();
		return array(
			'channels'              => is_array( $value['channels'] ?? null ) ? $value['channels'] : array(),
			'policy'                => is_array( $value['policy'] ?? null ) ? $value['policy'] : array(),
			'allow_private_network' => ! empty( $value['allow_private_network'] ),
		);
	}

	/**
	 * What an answer may say of an incident: its receipt and timeline, its status. Pure.
	 *
	 * @param array<string, mixed> $state Incident::toArray().
	 * @param string               $status pending, acknowledged or resolved.
	 * @return array<string, mixed>
	 */
	public static function public_view( array $state, string $status ): array {
		return array( 'status' => $status ) + array_intersect_key( $state, array_flip( self::PUBLIC_KEYS ) );
	}

	/**
	 * Every incident, open ones first, then newest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	public static function all(): array {
		$shown = array();
		foreach ( self::states() as $state ) {
			$incident = Incident::fromArray( $state );
			$shown[]  = self::public_view( $incident->toArray(), $incident->status() );
		}
		usort(
			$shown,
			static function ( array $a, array $b ): int {
				return array( 'resolved' === $a['status'], -$a['created_at'] ) <=> array( 'resolved' === $b['status'], -$b['created_at'] );
			}
		);
		return $shown;
	}

	/**
	 * Opens an incident unless one of the same event and title is still open, and sends its
	 * first notices.
	 *
	 * @param array<string, mixed> $event event, title, severity (info|warning|critical), lines, context.
	 * @param int                  $now   Unix seconds.
	 * @return array<string, mixed> The incident, as all() shows it.
	 */
	public static function open( array $event, int $now ): array {
		foreach ( self::states() as $state ) {
			if ( null === $state['resolved_at'] && $state['event'] === $event['event'] && $state['title'] === $event['title'] ) {
				return self::public_view( $state, Incident::fromArray( $state )->status() );
			}
		}
		$settings = self::settings();
		// The messages and the timeline's own steps in the site's language (the extension's
		// default is the plugin's French).
		$policy = $settings['policy'] + array(
			'channels' => $settings['channels'],
			'notify'   => array_keys( $settings['channels'] ),
			'locale'   => 0 === strpos( get_locale(), 'fr' ) ? 'fr' : 'en',
		);
		$incident = Incident::open( $event, $policy, $now );
		self::send( array_column( $incident->due( $now ), 'message' ) );
		self::store( $incident );
		History::log( 'incident_opened', 'warning', $event['title'], array( 'incident_id' => $incident->id() ) );
		return self::public_view( $incident->toArray(), $incident->status() );
	}

	/**
	 * The ids of the incidents of $event not yet resolved (pending or acknowledged).
	 *
	 * @param string $event The event.
	 * @return list<string>
	 */
	public static function open_ids( string $event ): array {
		$ids = array();
		foreach ( self::states() as $id => $state ) {
			if ( null === $state['resolved_at'] && $state['event'] === $event ) {
				$ids[] = (string) $id;
			}
		}
		return $ids;
	}

	/**
	 * Acknowledges an incident (escalation and reminders stop).
	 *
	 * @param string $id    The incident's id.
	 * @param string $actor Who.
	 * @param string $note  Why, or what is being done.
	 * @param int    $now   Unix seconds.
	 * @return array<string, mixed>|null The incident; null when there is none with that id.
	 * @throws \Bjlg\Exception|\LogicException An incident already resolved.
	 */
	public static function acknowledge( string $id, string $actor, string $note, int $now ): ?array {
		$incident = self::find( $id );
		if ( null === $incident ) {
			return null;
		}
		$incident->acknowledge( $actor, $note, $now );
		self::store( $incident );
		return self::public_view( $incident->toArray(), $incident->status() );
	}

	/**
	 * Resolves an incident with a summary and sends the resolution broadcast.
	 *
	 * @param string $id      The incident's id.
	 * @param string $actor   Who.
	 * @param string $summary What was done.
	 * @param int    $now     Unix seconds.
	 * @return array<string, mixed>|null The incident with `deliveries` (the broadcast's results);
	 *                                   null when there is none with that id.
	 * @throws \Bjlg\Exception|\LogicException An incident already resolved.
	 */
	public static function resolve( string $id, string $actor, string $summary, int $now ): ?array {
		$incident = self::find( $id );
		if ( null === $incident ) {
			return null;
		}
		$broadcast = $incident->resolve( $actor, $summary, array(), $now );
		self::store( $incident );
		$shown               = self::public_view( $incident->toArray(), $incident->status() );
		$shown['deliveries'] = self::send( array_column( $broadcast, 'message' ) );
		return $shown;
	}

	/**
	 * Adds an item to an incident's action plan (Incident::addAction; the timeline gets a step).
	 *
	 * @param string   $id     The incident's id.
	 * @param string   $title  What is to be done.
	 * @param string   $owner  Who does it (a user's login), or ''.
	 * @param int|null $due_at When it is due (Unix seconds), or null.
	 * @param int      $now    Unix seconds.
	 * @return array{incident: array<string, mixed>, action_id: string}|null Null when there is no such incident.
	 * @throws \Bjlg\Exception|\InvalidArgumentException A refused item (empty title).
	 */
	public static function add_action( string $id, string $title, string $owner, ?int $due_at, int $now ): ?array {
		$incident = self::find( $id );
		if ( null === $incident ) {
			return null;
		}
		$action_id = $incident->addAction( $title, $owner, $due_at, 'open', $now );
		self::store( $incident );
		return array(
			'incident'  => self::public_view( $incident->toArray(), $incident->status() ),
			'action_id' => $action_id,
		);
	}

	/**
	 * Changes an item of an incident's action plan (Incident::updateAction: status, note, owner,
	 * due_at, title; the timeline gets a step).
	 *
	 * @param string               $id        The incident's id.
	 * @param string               $action_id The item's id (a1, a2…).
	 * @param array<string, mixed> $changes   What changes.
	 * @param string               $actor     Who.
	 * @param int                  $now       Unix seconds.
	 * @return array<string, mixed>|null The incident; null when there is no such incident.
	 * @throws \Bjlg\Exception|\InvalidArgumentException No such item, or a refused change.
	 */
	public static function update_action( string $id, string $action_id, array $changes, string $actor, int $now ): ?array {
		$incident = self::find( $id );
		if ( null === $incident ) {
			return null;
		}
		$incident->updateAction( $action_id, $changes, $actor, $now );
		self::store( $incident );
		return self::public_view( $incident->toArray(), $incident->status() );
	}

	/**
	 * Sends what is due now on every open incident (reminders, escalations, deferred notices:
	 * Incident::due) and stores their states. What `notify due` and the scheduler tick run.
	 *
	 * @param int $now Unix seconds.
	 * @return list<array<string, mixed>> Per delivery: incident, kind, channel, and the
	 *                                    Dispatcher's result (status, http_code, error...).
	 */
	public static function send_due( int $now ): array {
		$sent = array();
		foreach ( self::states() as $state ) {
			if ( null !== $state['resolved_at'] ) {
				continue;
			}
			$incident = Incident::fromArray( $state );
			$due      = $incident->due( $now );
			if ( array() === $due ) {
				continue;
			}
			$results = self::send( array_column( $due, 'message' ) );
			self::store( $incident );
			foreach ( $due as $i => $delivery ) {
				$sent[] = array(
					'incident' => $incident->id(),
					'kind'     => $delivery['kind'],
					'channel'  => $delivery['channel'],
				) + ( $results[ $i ] ?? array() );
			}
		}
		return $sent;
	}

	/**
	 * Sends one test message to every channel (or only to the channel named $only).
	 *
	 * @param string|null $only A channel's name, or null for all.
	 * @return list<array<string, mixed>> Per channel: channel, type, status, http_code,
	 *                                    error_code, error, latency_ms (never a credential).
	 */
	public static function test_channels( ?string $only = null ): array {
		$messages = array();
		foreach ( self::settings()['channels'] as $name => $channel ) {
			if ( null !== $only && (string) $name !== $only ) {
				continue;
			}
			$messages[] = array(
				'channel'  => array( 'name' => (string) $name ) + $channel,
				'event'    => 'test',
				'title'    => __( 'Backup JLG: test notification', 'bjlg' ),
				'lines'    => array( __( 'This channel receives the site’s backup notifications.', 'bjlg' ) ),
				'severity' => 'info',
				'context'  => array( 'site_url' => home_url() ),
			);
		}
		return self::send( $messages );
	}

	/**
	 * Sends messages with the site's transport options.
	 *
	 * @param list<array<string, mixed>> $messages Ready for Dispatcher::send().
	 * @return list<array<string, mixed>>
	 */
	private static function send( array $messages ): array {
		if ( array() === $messages ) {
			return array();
		}
		return Dispatcher::send( $messages, array( 'allow_private_network' => self::settings()['allow_private_network'] ) );
	}

	/**
	 * The stored states, keyed by id.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function states(): array {
		$value = get_option( self::OPTION, array() );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * An incident by id.
	 *
	 * @param string $id The id.
	 */
	private static function find( string $id ): ?Incident {
		$states = self::states();
		return isset( $states[ $id ] ) ? Incident::fromArray( $states[ $id ] ) : null;
	}

	/**
	 * Stores an incident's state (not autoloaded: it holds the channels' credentials).
	 *
	 * @param Incident $incident The incident.
	 */
	private static function store( Incident $incident ): void {
		$states                    = self::states();
		$states[ $incident->id() ] = $incident->toArray();
		update_option( self::OPTION, $states, false );
	}
}
