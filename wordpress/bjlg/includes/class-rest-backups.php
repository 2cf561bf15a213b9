<?php
/**
 * `POST /bjlg/v1/backups`: a backup of a given type, full (everything) or incremental (what
 * changed since the latest good backup, Incremental::base()). Mode now runs it in the request
 * (201 with the result, as POST /jobs answers a backup, plus type, base and chain); mode
 * background queues the job for WP-Cron (202 with the job record, GET /jobs/{id}). Needs
 * `manage_options`, as every bjlg/v1 route.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers POST /backups.
 */
final class Rest_Backups {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/backups',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'create' ),
				'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
				'args'                => array(
					'type' => array(
						'type'    => 'string',
						'enum'    => Backup_Job::TYPES,
						'default' => 'full',
					),
					'mode' => array(
						'type'    => 'string',
						'enum'    => array( 'now', 'background' ),
						'default' => 'now',
					),
				),
			)
		);
	}

	/**
	 * POST /backups: 201 with the result (mode now) or 202 with the queued job (background);
	 * 409 bjlg_incremental_unavailable (no base, or a site that encrypts: the reason), 409
	 * bjlg_job_running, 409 bjlg_job_cancelled, 500 bjlg_backup_failed.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function create( \WP_REST_Request $request ) {
		$type = (string) $request['type'];
		if ( 'incremental' === $type ) {
			$refusal = Incremental::refusal( Site_Key::enabled(), Incremental::base() );
			if ( null !== $refusal ) {
				return self::unavailable( $refusal );
			}
		}
		if ( 'background' === $request['mode'] ) {
			$holder = Job_Lock::holder();
			if ( null !== $holder ) {
				return new \WP_Error( 'bjlg_job_running', __( 'Another job is running on this site.', 'bjlg' ), array( 'status' => 409, 'running' => $holder ) );
			}
			$job = Job_Runner::queue( 'backup', 'incremental' === $type ? 'incremental' : null, 'rest-background' );
			return new \WP_REST_Response( $job + array( 'job' => 'backup' ), 202 );
		}
		try {
			$result = Backup_Job::run( 'rest', null, null, $type );
		} catch ( Incremental_Unavailable_Exception $e ) {
			return self::unavailable( $e->getMessage() );
		} catch ( Job_Busy_Exception $e ) {
			return new \WP_Error( 'bjlg_job_running', __( 'Another job is running on this site.', 'bjlg' ), array( 'status' => 409, 'running' => $e->holder ) );
		} catch ( \Bjlg\CancelledException $e ) {
			return new \WP_Error( 'bjlg_job_cancelled', __( 'The job was cancelled.', 'bjlg' ), array( 'status' => 409 ) );
		} catch ( \Throwable $e ) {
			return new \WP_Error( 'bjlg_backup_failed', $e->getMessage(), array( 'status' => 500 ) );
		}
		unset( $result['path'] );
		$result['job'] = 'backup';
		return new \WP_REST_Response( $result, 201 );
	}

	/**
	 * 409 with the reason an incremental cannot be made.
	 *
	 * @param string $reason Why.
	 */
	private static function unavailable( string $reason ): \WP_Error {
		return new \WP_Error( 'bjlg_incremental_unavailable', $reason, array( 'status' => 409 ) );
	}
}
