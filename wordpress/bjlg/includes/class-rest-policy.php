<?php
/**
 * REST routes of the site's policy under `bjlg/v1` (Site_Policy, docs/policy.md), both needing
 * `manage_options`:
 *  - GET /policy: the policy as YAML (`?format=yaml`, the default, text/yaml) or JSON
 *    (`?format=json`); secrets appear only as references;
 *  - POST /policy: imports a YAML document (the request body, or its `yaml` parameter);
 *    `dry_run=true` only answers what would change. 200 with {changes, applied}; 400
 *    bjlg_policy_invalid with the line and column of what the document got wrong, or
 *    bjlg_policy_refused (a reference that cannot be resolved, a schedule refused). Over REST
 *    only {option: name} references are resolved: the server's environment and files are its
 *    operator's (`bjlg --wp policy import`), not a site administrator's.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Config\Policy;

/**
 * Registers and answers the policy routes.
 */
final class Rest_Policy {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/policy',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'export' ),
					'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
					'args'                => array(
						'format' => array(
							'type'    => 'string',
							'enum'    => array( 'yaml', 'json' ),
							'default' => 'yaml',
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'import' ),
					'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
					'args'                => array(
						'yaml'    => array( 'type' => 'string' ),
						'dry_run' => array(
							'type'    => 'boolean',
							'default' => false,
						),
					),
				),
			)
		);
	}

	/**
	 * GET /policy.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function export( \WP_REST_Request $request ) {
		try {
			$policy = Site_Policy::export();
		} catch ( \Throwable $e ) {
			return new \WP_Error(
				'bjlg_policy_export_failed',
				__( 'The site\'s settings could not be exported as a policy.', 'bjlg' ),
				array(
					'status' => 500,
					'cause'  => $e->error_code ?? get_class( $e ),
				)
			);
		}
		if ( 'json' === $request['format'] ) {
			return new \WP_REST_Response( $policy->toArray(), 200 );
		}
		$yaml = $policy->toYaml();
		add_filter(
			'rest_pre_serve_request',
			static function ( $served, $result ) use ( $yaml ) {
				if ( $served || 200 !== $result->get_status() || $result->get_data() !== $yaml ) {
					return $served;
				}
				if ( ! headers_sent() ) {
					header( 'Content-Type: text/yaml; charset=utf-8' );
				}
				echo $yaml; // phpcs:ignore WordPress.Security.EscapeOutput -- a YAML document, served as text/yaml.
				return true;
			},
			10,
			2
		);
		return new \WP_REST_Response( $yaml, 200 );
	}

	/**
	 * POST /policy.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function import( \WP_REST_Request $request ) {
		$yaml = $request['yaml'];
		if ( ! is_string( $yaml ) ) {
			$yaml = (string) $request->get_body();
		}
		try {
			$policy = Policy::parse( $yaml );
		} catch ( \Bjlg\Config\ConfigException $e ) {
			return new \WP_Error( 'bjlg_policy_invalid', $e->getMessage(), array( 'status' => 400 ) );
		}
		try {
			$result = Site_Policy::import( $policy, (bool) $request['dry_run'], array( 'option' ) );
		} catch ( \InvalidArgumentException | \Bjlg\Cron\SyntaxError $e ) {
			return new \WP_Error( 'bjlg_policy_refused', $e->getMessage(), array( 'status' => 400 ) );
		}
		return new \WP_REST_Response( $result, 200 );
	}
}
