<?php
/**
 * REST routes of the storage screen under `bjlg/v1`: GET /destinations, POST /storage/samples
 * (measure every destination now), GET /storage (usage history, forecasts, recommendations),
 * POST /storage/purge-plan (a dry run of the retention policy) and POST /storage/purge (apply
 * that plan). Every route needs `manage_options` (Rest_Controller::can_manage). Answers carry
 * no credential and no server path (Storage::public_destination).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the storage routes.
 */
final class Rest_Storage {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		$routes     = array(
			'/destinations'       => array( \WP_REST_Server::READABLE, 'destinations', array() ),
			'/storage'            => array( \WP_REST_Server::READABLE, 'capacity', array() ),
			'/storage/samples'    => array( \WP_REST_Server::CREATABLE, 'sample', array() ),
			'/storage/purge-plan' => array( \WP_REST_Server::CREATABLE, 'purge_plan', array() ),
			'/storage/purge'      => array(
				\WP_REST_Server::CREATABLE,
				'purge',
				array(
					'plan_id' => array(
						'type'        => 'string',
						'required'    => true,
						'pattern'     => '^[0-9a-f]{16}$',
						'description' => 'The plan_id POST /storage/purge-plan answered.',
					),
				),
			),
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
	 * GET /destinations: the site's destinations, without their credentials.
	 */
	public static function destinations(): \WP_REST_Response {
		return new \WP_REST_Response(
			array( 'destinations' => array_map( array( Storage::class, 'public_destination' ), Storage::destinations() ) ),
			200
		);
	}

	/**
	 * POST /storage/samples: measures every destination now and records the samples, then opens
	 * an incident for each destination whose forecast is critical or warning (one stays open
	 * until resolved: the next samples do not open another); 201 with the samples and the
	 * incidents, 400 bjlg_no_destinations when the site has none, 500 bjlg_sample_failed.
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function sample() {
		if ( array() === Storage::destinations() ) {
			return self::no_destinations();
		}
		try {
			$samples = Storage::sample_now();
		} catch ( \Throwable $e ) {
			return self::failure( 'bjlg_sample_failed', __( 'The destinations could not be measured or the usage history could not be written.', 'bjlg' ), $e );
		}
		try {
			$incidents = Storage::open_risk_incidents( time() );
		} catch ( \Throwable $e ) {
			return self::failure( 'bjlg_forecast_failed', __( 'The usage history could not be read or forecast.', 'bjlg' ), $e );
		}
		return new \WP_REST_Response(
			array(
				'samples'   => $samples,
				'incidents' => $incidents,
			),
			201
		);
	}

	/**
	 * GET /storage: each destination's samples and forecast, the recommendations.
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function capacity() {
		try {
			$capacity = Storage::capacity( time() );
		} catch ( \Throwable $e ) {
			return self::failure( 'bjlg_forecast_failed', __( 'The usage history could not be read or forecast.', 'bjlg' ), $e );
		}
		return new \WP_REST_Response( $capacity, 200 );
	}

	/**
	 * POST /storage/purge-plan: what the site's retention policy deletes on each destination
	 * (nothing is deleted); 200 with the plan and its plan_id.
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function purge_plan() {
		if ( array() === Storage::destinations() ) {
			return self::no_destinations();
		}
		try {
			$plan = Storage::plan_purge( time(), self::lang() );
		} catch ( \ValueError $e ) {
			return new \WP_Error( 'bjlg_policy_invalid', __( 'The retention policy is refused.', 'bjlg' ) . ' ' . $e->getMessage(), array( 'status' => 400 ) );
		} catch ( \Throwable $e ) {
			return self::failure( 'bjlg_purge_plan_failed', __( 'The purge could not be planned.', 'bjlg' ), $e );
		}
		return new \WP_REST_Response( $plan, 200 );
	}

	/**
	 * POST /storage/purge {plan_id}: deletes what that plan says; 200 with the result, 404
	 * bjlg_purge_plan_not_found for another id (plans are replaced by the next dry run), 409
	 * bjlg_purge_plan_stale for a plan too old to apply.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function purge( \WP_REST_Request $request ) {
		try {
			$result = Storage::apply_purge( (string) $request['plan_id'], time() );
		} catch ( \ValueError $e ) {
			return new \WP_Error( 'bjlg_purge_plan_stale', __( 'This purge plan can no longer be applied: make a new one.', 'bjlg' ) . ' ' . $e->getMessage(), array( 'status' => 409 ) );
		} catch ( \Throwable $e ) {
			return self::failure( 'bjlg_purge_failed', __( 'The purge could not run.', 'bjlg' ), $e );
		}
		if ( null === $result ) {
			return new \WP_Error( 'bjlg_purge_plan_not_found', __( 'No purge plan has this id: make a new one.', 'bjlg' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( $result, 200 );
	}

	/**
	 * The user's language for the extension's words: fr or en.
	 */
	private static function lang(): string {
		return 0 === strpos( get_user_locale(), 'fr' ) ? 'fr' : 'en';
	}

	/**
	 * 400 bjlg_no_destinations.
	 */
	private static function no_destinations(): \WP_Error {
		return new \WP_Error( 'bjlg_no_destinations', __( 'This site has no destination.', 'bjlg' ), array( 'status' => 400 ) );
	}

	/**
	 * 500 with the extension's error code, never its message (it may name a server path).
	 *
	 * @param string     $code    The error code.
	 * @param string     $message What failed.
	 * @param \Throwable $e       Why.
	 */
	private static function failure( string $code, string $message, \Throwable $e ): \WP_Error {
		return new \WP_Error(
			$code,
			$message,
			array(
				'status' => 500,
				'cause'  => $e->error_code ?? get_class( $e ),
			)
		);
	}
}
