<?php
/**
 * REST routes of the settings screen under `bjlg/v1`: GET and PUT /settings/destinations,
 * /settings/retention, /settings/notifications, /settings/targets (the RPO/RTO targets) and /settings/tasks
 * (quota sampling and due notifications on a schedule). Every route needs `manage_options`
 * (Rest_Controller::can_manage). A PUT replaces the whole setting through its Settings setter,
 * which has the extension check it: 200 with what is now stored, or 400 with the extension's
 * reason and the field it named (`data`: reason, item, name, key, option). Secrets are shown
 * masked; a masked value sent back keeps the stored secret.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the settings routes.
 */
final class Rest_Settings {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$routes = array(
			'/settings/destinations'  => array( 'destinations', 'put_destinations' ),
			'/settings/retention'     => array( 'retention', 'put_retention' ),
			'/settings/notifications' => array( 'notifications', 'put_notifications' ),
			'/settings/targets'       => array( 'targets', 'put_targets' ),
			'/settings/tasks'         => array( 'tasks', 'put_tasks' ),
		);
		foreach ( $routes as $route => list( $get, $put ) ) {
			register_rest_route(
				Rest_Controller::NAMESPACE_V1,
				$route,
				array(
					array(
						'methods'             => \WP_REST_Server::READABLE,
						'callback'            => array( self::class, $get ),
						'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
					),
					array(
						'methods'             => 'PUT',
						'callback'            => array( self::class, $put ),
						'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
					),
				)
			);
		}
	}

	/**
	 * GET /settings/destinations: {destinations: [...]}, credentials masked.
	 */
	public static function destinations(): \WP_REST_Response {
		return new \WP_REST_Response( array( 'destinations' => Settings::destinations() ), 200 );
	}

	/**
	 * PUT /settings/destinations {destinations: [...]}: replaces the list.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function put_destinations( \WP_REST_Request $request ) {
		$body = self::body( $request, 'destinations' );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$stored = Settings::set_destinations( $body );
		return is_wp_error( $stored ) ? $stored : new \WP_REST_Response( array( 'destinations' => $stored ), 200 );
	}

	/**
	 * GET /settings/retention: {policy: {...}}.
	 */
	public static function retention(): \WP_REST_Response {
		return new \WP_REST_Response( array( 'policy' => (object) Settings::retention_policy() ), 200 );
	}

	/**
	 * PUT /settings/retention {policy: {...}}: replaces the policy ({} keeps everything).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function put_retention( \WP_REST_Request $request ) {
		$body = self::body( $request, 'policy' );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$stored = Settings::set_retention_policy( $body );
		return is_wp_error( $stored ) ? $stored : new \WP_REST_Response( array( 'policy' => (object) $stored ), 200 );
	}

	/**
	 * GET /settings/notifications: {channels, policy, allow_private_network}, secrets masked.
	 */
	public static function notifications(): \WP_REST_Response {
		return new \WP_REST_Response( self::shown_notify( Settings::notify_settings() ), 200 );
	}

	/**
	 * PUT /settings/notifications {channels, policy, allow_private_network}: replaces them.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function put_notifications( \WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) ) {
			return self::not_json();
		}
		$stored = Settings::set_notify_settings( $body );
		return is_wp_error( $stored ) ? $stored : new \WP_REST_Response( self::shown_notify( $stored ), 200 );
	}

	/**
	 * GET /settings/targets: {rpo_hours, rto_minutes, source{rpo_hours, rto_minutes}}, the
	 * site's one RPO/RTO setting (Targets).
	 */
	public static function targets(): \WP_REST_Response {
		return new \WP_REST_Response( Targets::get(), 200 );
	}

	/**
	 * PUT /settings/targets {rpo_hours, rto_minutes}: replaces both (a key absent or null is
	 * not set: its default applies); 400 bjlg_targets_refused with Policy's reason and data.key.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function put_targets( \WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ( array() !== $body && array_values( $body ) === $body ) ) {
			return self::not_json();
		}
		$stored = Targets::set( $body );
		return is_wp_error( $stored ) ? $stored : new \WP_REST_Response( $stored, 200 );
	}

	/**
	 * GET /settings/tasks: quota sampling and due notifications on their WP-Cron schedule
	 * (Ops_Schedule::describe()).
	 */
	public static function tasks(): \WP_REST_Response {
		return new \WP_REST_Response( Ops_Schedule::describe(), 200 );
	}

	/**
	 * PUT /settings/tasks {quota_sampling_minutes, notify_due_minutes} (0 off, 5..10080):
	 * stores them and re-arms the events; 400 bjlg_tasks_refused with the reason and data.key.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function put_tasks( \WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ( array() !== $body && array_values( $body ) === $body ) ) {
			return self::not_json();
		}
		$stored = Ops_Schedule::set( $body );
		return is_wp_error( $stored ) ? $stored : new \WP_REST_Response( $stored, 200 );
	}

	/**
	 * The notification settings as JSON shows them: maps stay objects when empty.
	 *
	 * @param array<string, mixed> $settings Settings::notify_settings().
	 * @return array<string, mixed>
	 */
	private static function shown_notify( array $settings ): array {
		return array(
			'channels'              => (object) $settings['channels'],
			'policy'                => (object) $settings['policy'],
			'allow_private_network' => $settings['allow_private_network'],
		);
	}

	/**
	 * The array under $key of the JSON body.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @param string           $key     destinations or policy.
	 * @return array<mixed>|\WP_Error
	 */
	private static function body( \WP_REST_Request $request, string $key ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ! is_array( $body[ $key ] ?? null ) ) {
			return self::not_json( $key );
		}
		return $body[ $key ];
	}

	/**
	 * 400 bjlg_settings_body: not a JSON object (with $key).
	 *
	 * @param string $key The key the body needs, if any.
	 */
	private static function not_json( string $key = '' ): \WP_Error {
		$message = '' === $key
			? __( 'The body must be a JSON object.', 'bjlg' )
			/* translators: %s: a key of the JSON body. */
			: sprintf( __( 'The body must be a JSON object with a "%s" key.', 'bjlg' ), $key );
		return new \WP_Error( 'bjlg_settings_body', $message, array( 'status' => 400 ) );
	}
}
