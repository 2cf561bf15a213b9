<?php
/**
 * GET /bjlg/v1/jobs: the site's jobs, newest first, filtered by `state` and `type` (one value or
 * several, comma-separated) and `limit` (1..100, default 20). The same query as the `jobs`
 * command (Jobs::search). Registered beside POST /jobs (WordPress keeps both handlers of the
 * route); needs `manage_options`.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The list of jobs.
 */
final class Rest_Jobs {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/jobs',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'list_jobs' ),
				'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
				'args'                => array(
					'state' => array(
						'type'        => 'string',
						'description' => 'Only jobs in these states, comma-separated: ' . implode( ', ', Jobs::STATES ) . '.',
					),
					'type'  => array(
						'type'        => 'string',
						'description' => 'Only jobs of these types, comma-separated: ' . implode( ', ', Jobs::TYPES ) . '.',
					),
					'limit' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 100,
						'default' => 20,
					),
				),
			)
		);
	}

	/**
	 * GET /jobs: 200 {jobs, count}; 400 rest_invalid_param naming an unknown state or type.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function list_jobs( \WP_REST_Request $request ) {
		try {
			$jobs = Jobs::search(
				array(
					'state' => $request['state'],
					'type'  => $request['type'],
					'limit' => $request['limit'],
				)
			);
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'rest_invalid_param', $e->getMessage(), array( 'status' => 400 ) );
		}
		return new \WP_REST_Response(
			array(
				'jobs'  => $jobs,
				'count' => count( $jobs ),
			),
			200
		);
	}
}
