<?php
/**
 * Per-site API keys: WordPress application passwords bound to one site. A site's administrator
 * creates one for that site (`POST /bjlg/v1/keys`); it authenticates on that site only: on any
 * other site of the network the authentication fails (401 `bjlg_key_other_site`), whatever
 * capabilities its user has there. An application password created elsewhere (WordPress's own
 * screens) stays unbound, as WordPress makes it.
 *
 * The binding is the user meta `bjlg_key_site_<uuid>` (user meta, like the application
 * passwords, is one for the network) holding the site's id; it is checked in WordPress's
 * `wp_authenticate_application_password_errors`, so REST and XML-RPC alike refuse the key.
 * The password is in the answer of its creation only (as WordPress's own route gives it):
 * never listed, logged nor stored in clear (WordPress keeps its hash).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Site-bound application passwords.
 */
final class Site_Keys {

	/** The user meta key prefix of a binding. */
	const META = 'bjlg_key_site_';

	/**
	 * Hooks: the check at authentication, the routes.
	 */
	public static function boot(): void {
		add_action( 'wp_authenticate_application_password_errors', array( self::class, 'check' ), 10, 3 );
		add_filter( 'rest_authentication_errors', array( self::class, 'rest_error' ), 95 );
		add_action( 'rest_api_init', array( self::class, 'register' ) );
	}

	/** The refusal of this request's key, for rest_error(). @var \WP_Error|null */
	private static $refused = null;

	/**
	 * REST's answer to a key refused here: 401 bjlg_key_other_site. WordPress reports an
	 * application password's failure only when the user was determined before its own filter
	 * (priority 90); otherwise the request would merely be anonymous. The user is determined
	 * here (REST_REQUEST is defined by then), as rest_cookie_check_errors does after it.
	 *
	 * @param mixed $result The errors so far (null, true or a WP_Error).
	 * @return mixed
	 */
	public static function rest_error( $result ) {
		if ( ! empty( $result ) ) {
			return $result;
		}
		is_user_logged_in();
		return self::$refused ?? $result;
	}

	/**
	 * The site a key is bound to: null when not bound. Pure.
	 *
	 * @param mixed $meta The user meta's value.
	 */
	public static function bound_site( $meta ): ?int {
		return ( is_numeric( $meta ) && (int) $meta > 0 ) ? (int) $meta : null;
	}

	/**
	 * Whether a key bound to $bound may authenticate on site $blog_id. Pure.
	 *
	 * @param int|null $bound   bound_site().
	 * @param int      $blog_id The site of the request.
	 */
	public static function allows( ?int $bound, int $blog_id ): bool {
		return null === $bound || $bound === $blog_id;
	}

	/**
	 * The authentication check: a key bound to another site fails.
	 *
	 * @param \WP_Error            $error The errors so far.
	 * @param \WP_User             $user  The key's user.
	 * @param array<string, mixed> $item  The application password (uuid, name, ...).
	 */
	public static function check( \WP_Error $error, $user, array $item ): void {
		$bound = self::bound_site( get_user_meta( (int) $user->ID, self::META . $item['uuid'], true ) );
		if ( ! self::allows( $bound, get_current_blog_id() ) ) {
			$message = __( 'This API key belongs to another site of the network.', 'bjlg' );
			$error->add( 'bjlg_key_other_site', $message, array( 'status' => 401 ) );
			self::$refused = new \WP_Error( 'bjlg_key_other_site', $message, array( 'status' => 401 ) );
		}
	}

	/**
	 * The routes: POST /keys, GET /keys, DELETE /keys/{uuid} (manage_options on the site).
	 */
	public static function register(): void {
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/keys',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'create' ),
					'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
					'args'                => array(
						'name' => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => 100,
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'index' ),
					'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
				),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/keys/(?P<uuid>[0-9a-f-]{36})',
			array(
				'methods'             => \WP_REST_Server::DELETABLE,
				'callback'            => array( self::class, 'delete' ),
				'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
			)
		);
	}

	/**
	 * POST /keys: a key of the current user bound to this site; 201 with its password (this
	 * once), 400 bjlg_keys_unavailable when the site allows no application passwords.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function create( \WP_REST_Request $request ) {
		$user = wp_get_current_user();
		if ( ! wp_is_application_passwords_available_for_user( $user ) ) {
			return new \WP_Error( 'bjlg_keys_unavailable', __( 'Application passwords are not available for this user on this site.', 'bjlg' ), array( 'status' => 400 ) );
		}
		$blog_id = get_current_blog_id();
		$created = \WP_Application_Passwords::create_new_application_password(
			$user->ID,
			array( 'name' => sprintf( 'bjlg site %d: %s', $blog_id, (string) $request['name'] ) )
		);
		if ( is_wp_error( $created ) ) {
			return new \WP_Error( 'bjlg_key_not_created', $created->get_error_message(), array( 'status' => 400 ) );
		}
		[ $password, $item ] = $created;
		update_user_meta( $user->ID, self::META . $item['uuid'], $blog_id );
		return new \WP_REST_Response( self::describe( $item, $blog_id ) + array( 'password' => \WP_Application_Passwords::chunk_password( $password ) ), 201 );
	}

	/**
	 * GET /keys: the current user's keys bound to this site (never a password).
	 */
	public static function index(): \WP_REST_Response {
		$user    = get_current_user_id();
		$blog_id = get_current_blog_id();
		$keys    = array();
		foreach ( \WP_Application_Passwords::get_user_application_passwords( $user ) as $item ) {
			if ( self::bound_site( get_user_meta( $user, self::META . $item['uuid'], true ) ) === $blog_id ) {
				$keys[] = self::describe( $item, $blog_id );
			}
		}
		return new \WP_REST_Response( array( 'keys' => $keys ), 200 );
	}

	/**
	 * DELETE /keys/{uuid}: revokes one of the current user's keys of this site; 404
	 * bjlg_key_not_found otherwise.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function delete( \WP_REST_Request $request ) {
		$user = get_current_user_id();
		$uuid = (string) $request['uuid'];
		if ( self::bound_site( get_user_meta( $user, self::META . $uuid, true ) ) !== get_current_blog_id()
			|| null === \WP_Application_Passwords::get_user_application_password( $user, $uuid ) ) {
			return new \WP_Error( 'bjlg_key_not_found', __( 'You have no API key of this site with that id.', 'bjlg' ), array( 'status' => 404 ) );
		}
		\WP_Application_Passwords::delete_application_password( $user, $uuid );
		delete_user_meta( $user, self::META . $uuid );
		return new \WP_REST_Response( array( 'deleted' => $uuid ), 200 );
	}

	/**
	 * A key as the routes show it.
	 *
	 * @param array<string, mixed> $item    The application password.
	 * @param int                  $blog_id Its site.
	 * @return array<string, mixed>
	 */
	private static function describe( array $item, int $blog_id ): array {
		return array(
			'uuid'      => $item['uuid'],
			'name'      => $item['name'],
			'blog_id'   => $blog_id,
			'created'   => gmdate( 'c', (int) $item['created'] ),
			'last_used' => empty( $item['last_used'] ) ? null : gmdate( 'c', (int) $item['last_used'] ),
		);
	}
}
