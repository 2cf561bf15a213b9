<?php
/**
 * REST routes of the incidents screen under `bjlg/v1`: GET /incidents, POST
 * /incidents/{id}/acknowledge and /incidents/{id}/resolve (with a note), POST /notify/test (one
 * test message to every channel). Every route needs `manage_options`
 * (Rest_Controller::can_manage). Answers carry no credential: incidents through
 * Incidents::public_view, channels as their name and type only.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the incident routes.
 */
final class Rest_Incidents {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		$note       = array(
			'type'      => 'string',
			'maxLength' => 2000,
		);
		$routes     = array(
			'/incidents'                              => array( \WP_REST_Server::READABLE, 'incidents', array() ),
			'/incidents/(?P<id>[^/]+)/acknowledge'    => array( \WP_REST_Server::CREATABLE, 'acknowledge', array( 'note' => $note + array( 'default' => '' ) ) ),
			'/incidents/(?P<id>[^/]+)/resolve'        => array( \WP_REST_Server::CREATABLE, 'resolve', array( 'note' => $note + array( 'required' => true, 'minLength' => 1 ) ) ),
			'/notify/test'                            => array( \WP_REST_Server::CREATABLE, 'test_channels', array() ),
		);
		foreach ( $routes as $route => list( $methods, $callback, $args ) ) {
			register_rest_route(
				Rest_Controller::NAMESPACE_V1,
				$route,
				array(
					'methods'             => $methods,
					'callback'            => array( self::class, $callback ),
					'permission_callback' => $permission,
					'args'                => $args,
				)
			);
		}
	}

	/**
	 * GET /incidents: every incident (open first) and the channels' names and types.
	 */
	public static function incidents(): \WP_REST_Response {
		$incidents = Incident_Actions::annotate_all( Incidents::all() );
		$channels  = array();
		foreach ( Incidents::settings()['channels'] as $name => $channel ) {
			$channels[] = array(
				'name' => (string) $name,
				'type' => (string) ( $channel['type'] ?? '' ),
			);
		}
		return new \WP_REST_Response(
			array(
				'incidents' => $incidents,
				'open'      => count(
					array_filter(
						$incidents,
						static function ( array $i ): bool {
							return 'resolved' !== $i['status'];
						}
					)
				),
				'channels'  => $channels,
			),
			200
		);
	}

	/**
	 * POST /incidents/{id}/acknowledge {note}: 200 with the incident, 404
	 * bjlg_incident_not_found, 409 bjlg_incident_closed when it is resolved already.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function acknowledge( \WP_REST_Request $request ) {
		return self::act( $request, 'acknowledge' );
	}

	/**
	 * POST /incidents/{id}/resolve {note}: 200 with the incident and the broadcast's deliveries,
	 * 404 bjlg_incident_not_found, 409 bjlg_incident_closed; a missing or empty note is 400.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function resolve( \WP_REST_Request $request ) {
		return self::act( $request, 'resolve' );
	}

	/**
	 * POST /notify/test: one test message to every channel; 200 with each channel's result, 400
	 * bjlg_no_channels when the site has none.
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function test_channels() {
		if ( array() === Incidents::settings()['channels'] ) {
			return new \WP_Error( 'bjlg_no_channels', __( 'This site has no notification channel.', 'bjlg' ), array( 'status' => 400 ) );
		}
		try {
			$results = Incidents::test_channels();
		} catch ( \Throwable $e ) {
			return new \WP_Error(
				'bjlg_channels_invalid',
				__( 'A notification channel is refused: fix the notification settings.', 'bjlg' ),
				array(
					'status' => 500,
					'cause'  => $e->error_code ?? get_class( $e ),
				)
			);
		}
		return new \WP_REST_Response( array( 'results' => $results ), 200 );
	}

	/**
	 * Acknowledges or resolves.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @param string           $action  acknowledge or resolve.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function act( \WP_REST_Request $request, string $action ) {
		$id    = (string) $request['id'];
		$actor = wp_get_current_user()->user_login;
		$note  = trim( (string) $request['note'] );
		$found = false;
		foreach ( Incidents::all() as $incident ) {
			if ( $incident['id'] === $id ) {
				$found = $incident;
			}
		}
		if ( false === $found ) {
			return new \WP_Error( 'bjlg_incident_not_found', __( 'No incident of this site has that id.', 'bjlg' ), array( 'status' => 404 ) );
		}
		if ( 'resolved' === $found['status'] || ( 'acknowledge' === $action && 'acknowledged' === $found['status'] ) ) {
			return new \WP_Error( 'bjlg_incident_closed', __( 'This incident is already acknowledged or resolved.', 'bjlg' ), array( 'status' => 409 ) );
		}
		if ( 'resolve' === $action && '' === $note ) {
			return new \WP_Error( 'bjlg_note_required', __( 'Resolving an incident needs a summary of what was done.', 'bjlg' ), array( 'status' => 400 ) );
		}
		$incident = 'acknowledge' === $action
			? Incidents::acknowledge( $id, $actor, $note, time() )
			: Incidents::resolve( $id, $actor, $note, time() );
		return new \WP_REST_Response( $incident, 200 );
	}
}
