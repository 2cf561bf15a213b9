<?php
/**
 * REST routes of the restore proofs under `bjlg/v1`: GET /backups/{name}/verification (the last
 * verification report of an archive, as POST /backups/{name}/verify answered it) and GET /rpo
 * (the age of the last good backup against the target, class-rpo.php). Every route needs
 * `manage_options` (Rest_Controller::can_manage). Answers name archives, never server paths.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the proof routes.
 */
final class Rest_Proofs {

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			// Any segment, so that a wrong name gets 400 from its validation rather than 404.
			'/backups/(?P<name>[^/]+)/verification',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'verification' ),
				'permission_callback' => $permission,
				'args'                => array(
					'name' => array(
						'type'              => 'string',
						'required'          => true,
						'description'       => 'An archive name, as GET /backups lists it.',
						'validate_callback' => array( Rest_Controller::class, 'validate_archive_name' ),
					),
				),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/rpo',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'rpo' ),
				'permission_callback' => $permission,
			)
		);
	}

	/**
	 * GET /backups/{name}/verification: 200 with the last verification that ran to its end
	 * (passed, failed or inconclusive: the summary with history_id); 404 bjlg_backup_not_found
	 * for no such archive, 404 bjlg_verification_not_found when it was never verified.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function verification( \WP_REST_Request $request ) {
		$name = (string) $request['name'];
		if ( null === Backup_Store::resolve( $name ) ) {
			return new \WP_Error( 'bjlg_backup_not_found', __( 'No archive of this site has that name.', 'bjlg' ), array( 'status' => 404 ) );
		}
		$report = self::last_report( History::recent( 500, Verify_Job::ACTION ), $name );
		if ( null === $report ) {
			return new \WP_Error( 'bjlg_verification_not_found', __( 'This archive has not been verified yet.', 'bjlg' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( $report, 200 );
	}

	/**
	 * The newest verification report of $name among history rows (newest first): a summary
	 * with its checks counted (not a row of a verification cancelled or that could not run),
	 * plus its history_id; null when there is none. Pure.
	 *
	 * @param list<array<string, mixed>> $rows History::recent() rows of backup_verified.
	 * @param string                     $name The archive.
	 * @return array<string, mixed>|null
	 */
	public static function last_report( array $rows, string $name ): ?array {
		foreach ( $rows as $row ) {
			$summary = $row['metadata']['verification'] ?? null;
			if ( ( $row['metadata']['backup']['filename'] ?? null ) === $name && is_array( $summary ) && isset( $summary['checks'], $summary['problems'] ) ) {
				return $summary + array( 'history_id' => (int) $row['id'] );
			}
		}
		return null;
	}

	/**
	 * GET /rpo: Rpo::collect().
	 */
	public static function rpo(): \WP_REST_Response {
		return new \WP_REST_Response( Rpo::collect(), 200 );
	}
}
