<?php
/**
 * `POST /bjlg/v1/backups/{name}/restore`: restores one of the site's archives into the site
 * (class-restore-job.php), with `confirm: true`. Who may: whoever manages the site's backups
 * (`manage_options` on that site): on a network a site's archives hold only that site's tables
 * and uploads, so its administrator restores no other site's data. The archive is named, never a
 * path: only the site's own archives can be restored.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * The restore route.
 */
final class Rest_Restore {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/backups/(?P<name>[^/]+)/restore',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'restore' ),
				'permission_callback' => array( Rest_Controller::class, 'can_manage' ),
				'args'                => array(
					'name'    => array(
						'type'              => 'string',
						'required'          => true,
						'validate_callback' => array( Rest_Controller::class, 'validate_archive_name' ),
					),
					'confirm' => array(
						'type'        => 'boolean',
						'default'     => false,
						'description' => 'Must be true: the site\'s tables and uploads are replaced by the archive\'s.',
					),
				),
			)
		);
	}

	/**
	 * 200 with the restore's result; 400 bjlg_confirm_required, 404 bjlg_backup_not_found, 409
	 * bjlg_job_running, 422 bjlg_restore_refused, 422 bjlg_wrong_key, 500 bjlg_restore_failed
	 * (the site is as it was; the message names no server path).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function restore( \WP_REST_Request $request ) {
		$name = (string) $request['name'];
		$path = Backup_Store::resolve( $name );
		if ( null === $path ) {
			return new \WP_Error( 'bjlg_backup_not_found', __( 'No archive of this site has that name.', 'bjlg' ), array( 'status' => 404 ) );
		}
		if ( true !== $request['confirm'] ) {
			return new \WP_Error( 'bjlg_confirm_required', __( "A restore replaces the site's tables and uploads with the archive's: send confirm: true.", 'bjlg' ), array( 'status' => 400 ) );
		}
		try {
			return new \WP_REST_Response( Restore_Job::run( $name, $path, 'rest' ), 200 );
		} catch ( Job_Busy_Exception $e ) {
			return new \WP_Error( 'bjlg_job_running', $e->getMessage(), array( 'status' => 409, 'running' => $e->holder ) );
		} catch ( Restore_Refused_Exception $e ) {
			return new \WP_Error( 'bjlg_restore_refused', $e->getMessage(), array( 'status' => 422 ) );
		} catch ( \Bjlg\Archive\WrongKeyException $e ) {
			return new \WP_Error( 'bjlg_wrong_key', __( "The site's encryption key does not open this archive.", 'bjlg' ), array( 'status' => 422 ) );
		} catch ( \Throwable $e ) {
			return new \WP_Error(
				'bjlg_restore_failed',
				sprintf( /* translators: %s: the exception's class */ __( 'The restore failed (%s); the site is as it was. The history has the reason.', 'bjlg' ), get_class( $e ) ),
				array( 'status' => 500 )
			);
		}
	}
}
