<?php
/**
 * The network routes of a multisite: `GET /bjlg/v1/network/status`, every site's status (as
 * `/status` answers it on that site) in one response, with the network's totals. Registered only
 * on multisite; the permission is `manage_network_options` (a super admin), whatever the site
 * the request was sent to: a site's administrator gets 403.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the network routes.
 */
final class Rest_Network {

	/** At most this many sites in one answer (get_sites()'s `number`). */
	const MAX_SITES = 1000;

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		if ( ! is_multisite() ) {
			return;
		}
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/network/status',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'status' ),
				'permission_callback' => array( self::class, 'can_manage_network' ),
			)
		);
	}

	/**
	 * manage_network_options, 401 when nobody is logged in, 403 otherwise.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_manage_network() {
		if ( current_user_can( 'manage_network_options' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'The network routes need the manage_network_options capability (a super admin).', 'bjlg' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * GET /network/status: `sites` (blog_id, url, name, and that site's status), `totals`.
	 */
	public static function status(): \WP_REST_Response {
		$sites = array();
		foreach ( get_sites(
			array(
				'number'   => self::MAX_SITES,
				'archived' => 0,
				'deleted'  => 0,
			)
		) as $site ) {
			switch_to_blog( (int) $site->blog_id );
			try {
				$sites[] = array(
					'blog_id' => (int) $site->blog_id,
					'url'     => home_url( '/' ),
					'name'    => get_bloginfo( 'name' ),
					'status'  => Status::collect(),
				);
			} finally {
				restore_current_blog();
			}
		}
		return new \WP_REST_Response(
			array(
				'sites'  => $sites,
				'totals' => self::totals( $sites ),
			),
			200
		);
	}

	/**
	 * The network's totals from its sites' statuses. Pure.
	 *
	 * @param list<array{blog_id: int, status: array<string, mixed>}> $sites The sites.
	 * @return array{sites: int, archives: int, bytes: int, running: list<int>, missed_runs: int, scheduled: int, encrypted: int, last_backup_failed: list<int>, never_backed_up: list<int>}
	 */
	public static function totals( array $sites ): array {
		$totals = array(
			'sites'              => count( $sites ),
			'archives'           => 0,
			'bytes'              => 0,
			'running'            => array(),
			'missed_runs'        => 0,
			'scheduled'          => 0,
			'encrypted'          => 0,
			'last_backup_failed' => array(),
			'never_backed_up'    => array(),
		);
		foreach ( $sites as $site ) {
			$status              = $site['status'];
			$totals['archives'] += (int) ( $status['backups']['count'] ?? 0 );
			$totals['bytes']    += (int) ( $status['backups']['bytes'] ?? 0 );
			$totals['missed_runs'] += (int) ( $status['schedule']['missed_total'] ?? 0 );
			$totals['scheduled']   += empty( $status['schedule']['enabled'] ) ? 0 : 1;
			$totals['encrypted']   += empty( $status['encryption']['enabled'] ) ? 0 : 1;
			if ( ! empty( $status['running'] ) ) {
				$totals['running'][] = $site['blog_id'];
			}
			$last = $status['last_backup'] ?? null;
			if ( null === $last ) {
				$totals['never_backed_up'][] = $site['blog_id'];
			} elseif ( 'success' !== $last['status'] ) {
				$totals['last_backup_failed'][] = $site['blog_id'];
			}
		}
		return $totals;
	}
}
