<?php
/**
 * REST routes of the incidents' action plans under `bjlg/v1`: POST /incidents/{id}/actions (an
 * item: title, owner, due date), POST /incidents/{id}/actions/{action} (its status: done…, a
 * note), GET /incidents/owners (who may own an item: the site's users with manage_options).
 * Stored in the incident's state (Incident::addAction / updateAction, option `bjlg_incidents`),
 * so the plan is in the incident's timeline, its notices and its report. Every route needs
 * `manage_options` (Rest_Controller::can_manage). GET /incidents shows each item with
 * `overdue` (open or in progress past its due time), `due_date` (in the site's zone) and
 * `owner_name` (Incident_Actions::annotate).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The action plans' rules and routes.
 */
final class Incident_Actions {

	/** The statuses an item may have (Incident::updateAction). */
	const STATUSES = array( 'open', 'in_progress', 'done', 'cancelled' );

	/** Statuses of an item still to be done: past its due time, it is overdue. */
	const PENDING = array( 'open', 'in_progress' );

	/** At most this many owners listed. */
	const MAX_OWNERS = 200;

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/incidents/owners',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'owners_route' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/incidents/(?P<id>[^/]+)/actions',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'add' ),
				'permission_callback' => $permission,
				'args'                => array(
					'title'    => array(
						'type'      => 'string',
						'required'  => true,
						'minLength' => 1,
						'maxLength' => 200,
					),
					'owner'    => array(
						'type'        => 'string',
						'default'     => '',
						'description' => 'A login, as GET /incidents/owners lists them; empty for nobody.',
					),
					'due_date' => array(
						'type'        => 'string',
						'pattern'     => '^\d{4}-\d{2}-\d{2}$',
						'description' => 'YYYY-MM-DD: due at the end of that day in the site\'s time zone.',
					),
				),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/incidents/(?P<id>[^/]+)/actions/(?P<action>a\d+)',
			array(
				'methods'             => \WP_REST_Server::EDITABLE,
				'callback'            => array( self::class, 'update' ),
				'permission_callback' => $permission,
				'args'                => array(
					'status' => array(
						'type'     => 'string',
						'enum'     => self::STATUSES,
						'required' => true,
					),
					'note'   => array(
						'type'      => 'string',
						'maxLength' => 2000,
						'default'   => '',
					),
				),
			)
		);
	}

	/**
	 * An item's due time from a date: the end of that day (23:59:59) in $zone, or null for a
	 * date that does not exist (2026-02-30). Pure.
	 *
	 * @param string        $date YYYY-MM-DD.
	 * @param \DateTimeZone $zone The site's zone.
	 */
	public static function due_at( string $date, \DateTimeZone $zone ): ?int {
		$day = \DateTimeImmutable::createFromFormat( '!Y-m-d', $date, $zone );
		if ( false === $day || $day->format( 'Y-m-d' ) !== $date ) {
			return null;
		}
		return $day->setTime( 23, 59, 59 )->getTimestamp();
	}

	/**
	 * The items as answers show them: each with `overdue` (still open or in progress at $now
	 * past its due time), `due_date` (the due day in $zone, or null) and `owner_name` (from
	 * $names: login => display name; the login itself for a user who is gone). Pure.
	 *
	 * @param list<array<string, mixed>> $actions The incident's `actions`.
	 * @param int                        $now     Unix seconds.
	 * @param \DateTimeZone              $zone    The site's zone.
	 * @param array<string, string>      $names   Owners' display names by login.
	 * @return list<array<string, mixed>>
	 */
	public static function annotate( array $actions, int $now, \DateTimeZone $zone, array $names ): array {
		$shown = array();
		foreach ( $actions as $action ) {
			$due      = $action['due_at'] ?? null;
			$owner    = (string) ( $action['owner'] ?? '' );
			$shown[]  = $action + array(
				'overdue'    => null !== $due && in_array( $action['status'] ?? '', self::PENDING, true ) && (int) $due < $now,
				'due_date'   => null === $due ? null : ( new \DateTimeImmutable( '@' . (int) $due ) )->setTimezone( $zone )->format( 'Y-m-d' ),
				'owner_name' => '' === $owner ? null : ( $names[ $owner ] ?? $owner ),
			);
		}
		return $shown;
	}

	/**
	 * The users who may own an item: the site's users with manage_options, login => name.
	 *
	 * @return array<string, string>
	 */
	public static function owners(): array {
		$owners = array();
		foreach ( get_users(
			array(
				'capability' => Admin_Page::CAPABILITY,
				'number'     => self::MAX_OWNERS,
				'orderby'    => 'display_name',
				'fields'     => array( 'user_login', 'display_name' ),
			)
		) as $user ) {
			$owners[ (string) $user->user_login ] = (string) $user->display_name;
		}
		return $owners;
	}

	/**
	 * The incidents of Incidents::all() with their items annotated for now.
	 *
	 * @param list<array<string, mixed>> $incidents Incidents::all().
	 * @return list<array<string, mixed>>
	 */
	public static function annotate_all( array $incidents ): array {
		$names = self::owners();
		$zone  = wp_timezone();
		$now   = time();
		foreach ( $incidents as &$incident ) {
			$incident['actions'] = self::annotate( $incident['actions'] ?? array(), $now, $zone, $names );
		}
		return $incidents;
	}

	/**
	 * GET /incidents/owners: `owners`, each {login, name}.
	 */
	public static function owners_route(): \WP_REST_Response {
		$owners = array();
		foreach ( self::owners() as $login => $name ) {
			$owners[] = array(
				'login' => $login,
				'name'  => $name,
			);
		}
		return new \WP_REST_Response( array( 'owners' => $owners ), 200 );
	}

	/**
	 * POST /incidents/{id}/actions {title, owner, due_date}: 201 with the incident (its items
	 * annotated) and the new item's `action_id`; 404 bjlg_incident_not_found; 400
	 * bjlg_owner_unknown for an owner who is not one of GET /incidents/owners, 400
	 * bjlg_invalid_due_date for a date that does not exist, 400 rest_invalid_param for a blank
	 * title or a malformed date.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function add( \WP_REST_Request $request ) {
		$title = trim( (string) $request['title'] );
		if ( '' === $title ) {
			return new \WP_Error( 'rest_invalid_param', __( 'An action needs a title.', 'bjlg' ), array( 'status' => 400 ) );
		}
		$owner = (string) $request['owner'];
		if ( '' !== $owner && ! isset( self::owners()[ $owner ] ) ) {
			return new \WP_Error( 'bjlg_owner_unknown', __( 'The owner must be a user of this site who manages backups.', 'bjlg' ), array( 'status' => 400 ) );
		}
		$due_at = null;
		if ( null !== $request['due_date'] ) {
			$due_at = self::due_at( (string) $request['due_date'], wp_timezone() );
			if ( null === $due_at ) {
				return new \WP_Error( 'bjlg_invalid_due_date', __( 'The due date is not a date of the calendar.', 'bjlg' ), array( 'status' => 400 ) );
			}
		}
		try {
			$added = Incidents::add_action( (string) $request['id'], $title, $owner, $due_at, time() );
		} catch ( \Throwable $e ) {
			return new \WP_Error( 'rest_invalid_param', $e->getMessage(), array( 'status' => 400 ) );
		}
		if ( null === $added ) {
			return self::incident_not_found();
		}
		$added['incident']['actions'] = self::annotate( $added['incident']['actions'] ?? array(), time(), wp_timezone(), self::owners() );
		return new \WP_REST_Response( $added, 201 );
	}

	/**
	 * POST (or PUT, PATCH) /incidents/{id}/actions/{action} {status, note}: 200 with the
	 * incident; 404 bjlg_incident_not_found or bjlg_action_not_found.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update( \WP_REST_Request $request ) {
		$id        = (string) $request['id'];
		$action_id = (string) $request['action'];
		$incident  = null;
		foreach ( Incidents::all() as $candidate ) {
			if ( $candidate['id'] === $id ) {
				$incident = $candidate;
			}
		}
		if ( null === $incident ) {
			return self::incident_not_found();
		}
		if ( ! in_array( $action_id, array_column( $incident['actions'] ?? array(), 'id' ), true ) ) {
			return new \WP_Error( 'bjlg_action_not_found', __( 'This incident has no action with that id.', 'bjlg' ), array( 'status' => 404 ) );
		}
		$changes = array( 'status' => (string) $request['status'] );
		$note    = trim( (string) $request['note'] );
		if ( '' !== $note ) {
			$changes['note'] = $note;
		}
		try {
			$updated = Incidents::update_action( $id, $action_id, $changes, wp_get_current_user()->user_login, time() );
		} catch ( \Throwable $e ) {
			return new \WP_Error( 'rest_invalid_param', $e->getMessage(), array( 'status' => 400 ) );
		}
		$updated['actions'] = self::annotate( $updated['actions'] ?? array(), time(), wp_timezone(), self::owners() );
		return new \WP_REST_Response( $updated, 200 );
	}

	/**
	 * 404 for an incident id the site does not have.
	 */
	private static function incident_not_found(): \WP_Error {
		return new \WP_Error( 'bjlg_incident_not_found', __( 'No incident of this site has that id.', 'bjlg' ), array( 'status' => 404 ) );
	}
}
