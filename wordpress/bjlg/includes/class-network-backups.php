<?php
/**
 * The network action "back up every site": `POST /bjlg/v1/network/backups` (a super admin,
 * `manage_network_options`), registered only on multisite. One backup job per site (a per-site
 * archive: class-site-scope.php), run in turn, one site after the other:
 *
 * - `mode: "background"` (default): the jobs are queued (each in its site, so `GET /jobs/{id}`
 *   on that site follows it and `POST /jobs/{id}/cancel` stops it) and one WP-Cron event on the
 *   main site, `bjlg_network_backup`, runs them in turn; 202 with `jobs[{blog_id, job_id}]`;
 * - `mode: "now"`: run in the request, in turn; 200 with `sites[{blog_id, status (success,
 *   failed, busy, cancelled), archive, job_id, error}]` and `failed` (their count).
 *
 * A site whose backup fails or is busy does not stop the others: its job and history say why.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Backs up every site of the network.
 */
final class Network_Backups {

	/** The WP-Cron hook running the queued jobs in turn. */
	const HOOK = 'bjlg_network_backup';

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		if ( ! is_multisite() ) {
			return;
		}
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/network/backups',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'start' ),
				'permission_callback' => array( Rest_Network::class, 'can_manage_network' ),
				'args'                => array(
					'mode' => array(
						'type'    => 'string',
						'enum'    => array( 'background', 'now' ),
						'default' => 'background',
					),
				),
			)
		);
	}

	/**
	 * The sites to back up (not archived, not deleted), by id.
	 *
	 * @return list<int>
	 */
	public static function sites(): array {
		return array_map(
			'intval',
			get_sites(
				array(
					'number'   => Rest_Network::MAX_SITES,
					'archived' => 0,
					'deleted'  => 0,
					'fields'   => 'ids',
				)
			)
		);
	}

	/**
	 * POST /network/backups.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function start( \WP_REST_Request $request ): \WP_REST_Response {
		$pairs = array();
		foreach ( self::sites() as $blog_id ) {
			switch_to_blog( $blog_id );
			try {
				$pairs[] = array(
					'blog_id' => $blog_id,
					'job_id'  => Jobs::create( 'backup', null, 'network' ),
				);
			} finally {
				restore_current_blog();
			}
		}
		if ( 'now' === $request['mode'] ) {
			$sites = self::run( $pairs );
			return new \WP_REST_Response(
				array(
					'sites'  => $sites,
					'failed' => count( array_filter( $sites, static fn( array $s ): bool => 'success' !== $s['status'] ) ),
				),
				200
			);
		}
		switch_to_blog( get_main_site_id() );
		try {
			wp_schedule_single_event( time(), self::HOOK, array( $pairs ) );
			spawn_cron();
		} finally {
			restore_current_blog();
		}
		return new \WP_REST_Response( array( 'jobs' => $pairs ), 202 );
	}

	/**
	 * Runs the queued jobs in turn (also the WP-Cron callback); each site's result.
	 *
	 * @param list<array{blog_id: int, job_id: int}> $pairs The jobs, by site.
	 * @return list<array{blog_id: int, job_id: int, status: string, archive: ?string, error: ?string}>
	 */
	public static function run( array $pairs ): array {
		$results = array();
		foreach ( $pairs as $pair ) {
			$blog_id = (int) $pair['blog_id'];
			$job_id  = (int) $pair['job_id'];
			$result  = array(
				'blog_id' => $blog_id,
				'job_id'  => $job_id,
				'status'  => 'success',
				'archive' => null,
				'error'   => null,
			);
			switch_to_blog( $blog_id );
			try {
				$result['archive'] = Backup_Job::run( 'network', $job_id )['archive'];
			} catch ( Job_Busy_Exception $e ) {
				$result['status'] = 'busy';
				$result['error']  = $e->getMessage();
			} catch ( \Bjlg\CancelledException $e ) {
				$result['status'] = 'cancelled';
			} catch ( \Throwable $e ) {
				$result['status'] = 'failed';
				$result['error']  = get_class( $e ); // The message is in the site's history.
			} finally {
				restore_current_blog();
			}
			$results[] = $result;
		}
		return $results;
	}
}
