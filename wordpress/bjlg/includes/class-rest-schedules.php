<?php
/**
 * REST routes of the schedule entries under `bjlg/v1`: GET /schedules (every entry, the default
 * one first), POST /schedules (a new entry), GET, PUT/PATCH and DELETE /schedules/{id}. An entry
 * is `{name, recurrence, cron, macro, time, day, day_of_month, enabled, type}` in, as
 * Schedule::apply_input() takes it; Schedule::describe() out, with the warnings of its save
 * (`overlap` with the other entries among them). PUT /schedule still edits the default entry
 * (the admin's schedule assistant). Every route needs `manage_options`.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the schedule entries' routes.
 */
final class Rest_Schedules {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/schedules',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'list_entries' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'create' ),
					'permission_callback' => $permission,
				),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/schedules/(?P<id>[A-Za-z0-9_-]{1,80})',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'show' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( self::class, 'update' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( self::class, 'delete' ),
					'permission_callback' => $permission,
				),
			)
		);
	}

	/**
	 * GET /schedules: 200 {schedules, timezone}, the default entry first (disabled until saved).
	 */
	public static function list_entries(): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'schedules' => array_map( array( Schedule::class, 'describe' ), self::listing() ),
				'timezone'  => wp_timezone_string(),
			),
			200
		);
	}

	/**
	 * POST /schedules: 201 {schedule, warnings}; 400 bjlg_schedule_invalid naming the key,
	 * bjlg_cron_refused for an `error` guardrail; 409 bjlg_schedules_full beyond MAX_ENTRIES.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function create( \WP_REST_Request $request ) {
		if ( count( Schedule::entries() ) >= Schedule::MAX_ENTRIES ) {
			return new \WP_Error( 'bjlg_schedules_full', sprintf( 'A site has at most %d schedule entries.', Schedule::MAX_ENTRIES ), array( 'status' => 409 ) );
		}
		$input = self::input( $request );
		if ( ! isset( $input['recurrence'] ) && ! isset( $input['cron'] ) && ! isset( $input['macro'] ) ) {
			return new \WP_Error( 'bjlg_schedule_invalid', 'A new entry needs recurrence, cron or macro.', array( 'status' => 400 ) );
		}
		return self::save( Schedule::blank_entry( Schedule::new_id() ), $input, 201 );
	}

	/**
	 * GET /schedules/{id}: 200 with the entry; 404 bjlg_schedule_not_found.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function show( \WP_REST_Request $request ) {
		$entry = Schedule::find( (string) $request['id'] );
		return null === $entry ? self::not_found() : new \WP_REST_Response( Schedule::describe( $entry ), 200 );
	}

	/**
	 * PUT or PATCH /schedules/{id}: the keys given change, the others stay; 200 {schedule,
	 * warnings}; 400 and 404 as above.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update( \WP_REST_Request $request ) {
		$entry = Schedule::find( (string) $request['id'] );
		return null === $entry ? self::not_found() : self::save( $entry, self::input( $request ), 200 );
	}

	/**
	 * DELETE /schedules/{id}: 200 {deleted: id} (its WP-Cron event and state removed); 404.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function delete( \WP_REST_Request $request ) {
		$id = (string) $request['id'];
		return Schedule::delete( $id ) ? new \WP_REST_Response( array( 'deleted' => $id ), 200 ) : self::not_found();
	}

	/**
	 * The entries, the default one first even before it is saved.
	 *
	 * @return list<array<string, mixed>>
	 */
	private static function listing(): array {
		$entries = Schedule::entries();
		if ( ! in_array( Schedule::DEFAULT_ID, array_column( $entries, 'id' ), true ) ) {
			array_unshift( $entries, Schedule::entry() );
		}
		return $entries;
	}

	/**
	 * The entry's keys in the request's body (JSON or form), nothing else of the request.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	private static function input( \WP_REST_Request $request ): array {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || array() === $body ) {
			$body = $request->get_body_params();
		}
		return is_array( $body ) ? $body : array();
	}

	/**
	 * Applies $input to $entry and saves it.
	 *
	 * @param array<string, mixed> $entry  The entry.
	 * @param array<string, mixed> $input  The changes.
	 * @param int                  $status 200 or 201.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function save( array $entry, array $input, int $status ) {
		try {
			$entry = Schedule::apply_input( $entry, $input );
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'bjlg_schedule_invalid', $e->getMessage(), array( 'status' => 400 ) );
		}
		try {
			$saved = Schedule::put( $entry );
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error(
				'bjlg_cron_refused',
				$e->getMessage(),
				array(
					'status' => 400,
					'reason' => $e->getMessage(),
				)
			);
		}
		return new \WP_REST_Response(
			array(
				'schedule' => Schedule::describe( $saved['entry'] ),
				'warnings' => $saved['warnings'],
			),
			$status
		);
	}

	/**
	 * 404 bjlg_schedule_not_found.
	 */
	private static function not_found(): \WP_Error {
		return new \WP_Error( 'bjlg_schedule_not_found', __( 'This site has no schedule entry with this id.', 'bjlg' ), array( 'status' => 404 ) );
	}
}
