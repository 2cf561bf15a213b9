<?php
/**
 * REST routes under `bjlg/v1`: GET /status, POST /jobs (start a backup), GET /backups, POST
 * /backups/{name}/verify, GET /schedule/preview. Every route needs `manage_options` on the site
 * (`manage_network_options` is for the network routes to come). Authentication is WordPress's:
 * a logged-in cookie with the `wp_rest` nonce (X-WP-Nonce) for the admin, application passwords
 * for remote callers; without either the request is anonymous and refused with 401, a user
 * without the capability with 403.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the routes.
 */
final class Rest_Controller {

	const NAMESPACE_V1 = 'bjlg/v1';

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( self::class, 'can_manage' );
		register_rest_route(
			self::NAMESPACE_V1,
			'/status',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'status' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/jobs',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'start_job' ),
				'permission_callback' => $permission,
				'args'                => array(
					'type' => array(
						'type'    => 'string',
						'enum'    => array( 'backup' ),
						'default' => 'backup',
					),
					'mode' => array(
						'type'        => 'string',
						'enum'        => array( 'now', 'background' ),
						'default'     => 'now',
						'description' => 'now: run in this request and answer with the result; background: run from WP-Cron, answer 202 at once.',
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/backups',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'backups' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			// Any segment, so that a wrong name gets 400 from its validation rather than 404.
			'/backups/(?P<name>[^/]+)/verify',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'verify' ),
				'permission_callback' => $permission,
				'args'                => array(
					'name' => array(
						'type'              => 'string',
						'required'          => true,
						'description'       => 'An archive name, as GET /backups lists it.',
						'validate_callback' => array( self::class, 'validate_archive_name' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/schedule/preview',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'schedule_preview' ),
				'permission_callback' => $permission,
				'args'                => array(
					'expression' => array(
						'type'     => 'string',
						'required' => true,
					),
					'count'      => array(
						'type'    => 'integer',
						'default' => 5,
						'minimum' => 1,
						'maximum' => Schedule_Preview::MAX_COUNT,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/schedule',
			array(
				'methods'             => \WP_REST_Server::EDITABLE,
				'callback'            => array( self::class, 'save_schedule' ),
				'permission_callback' => $permission,
				'args'                => array(
					'expression' => array(
						'type'     => 'string',
						'required' => true,
					),
				),
			)
		);
	}

	/**
	 * The validate_callback of an archive name: one of the plugin's names, so no separator and
	 * no `..` (400 rest_invalid_param otherwise). Pure.
	 *
	 * @param mixed $value The parameter.
	 * @return true|\WP_Error
	 */
	public static function validate_archive_name( $value ) {
		if ( is_string( $value ) && Backup_Store::is_archive_name( $value ) ) {
			return true;
		}
		return new \WP_Error( 'bjlg_invalid_archive_name', 'not an archive name: expected backup-TYPE-YYYYmmdd-HHMMSS-ID.zip, as GET /backups lists', array( 'status' => 400 ) );
	}

	/**
	 * The permission callback: manage_options, 401 when nobody is logged in, 403 otherwise.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_manage() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Managing backups needs the manage_options capability.', 'bjlg' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * GET /status.
	 */
	public static function status(): \WP_REST_Response {
		return new \WP_REST_Response( Status::collect(), 200 );
	}

	/**
	 * POST /jobs: 201 with the backup's result, 202 when started in the background, 409 when
	 * another job runs, 500 when the backup failed (the history row says why).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function start_job( \WP_REST_Request $request ) {
		if ( 'background' === $request['mode'] ) {
			$holder = Job_Lock::holder();
			if ( null !== $holder ) {
				return self::busy( $holder );
			}
			wp_schedule_single_event( time(), Backup_Job::ASYNC_HOOK, array( 'rest' ) );
			spawn_cron();
			return new \WP_REST_Response(
				array(
					'job'    => 'backup',
					'status' => 'queued',
				),
				202
			);
		}
		try {
			$result = Backup_Job::run( 'rest' );
		} catch ( Job_Busy_Exception $e ) {
			return self::busy( $e->holder );
		} catch ( \Throwable $e ) {
			return new \WP_Error( 'bjlg_backup_failed', $e->getMessage(), array( 'status' => 500 ) );
		}
		unset( $result['path'] );
		$result['job'] = 'backup';
		return new \WP_REST_Response( $result, 201 );
	}

	/**
	 * GET /backups: the archives, newest first, with their history row when there is one.
	 */
	public static function backups(): \WP_REST_Response {
		$by_name = array();
		foreach ( History::recent( 500, 'backup_created', 'success' ) as $row ) {
			$name = $row['metadata']['backup']['filename'] ?? null;
			if ( null !== $name && ! isset( $by_name[ $name ] ) ) {
				$by_name[ $name ] = $row;
			}
		}
		$verified = Verify_Job::last_by_archive();
		$items    = array();
		foreach ( Backup_Store::archives() as $archive ) {
			$row     = $by_name[ $archive['name'] ] ?? null;
			$items[] = array(
				'name'         => $archive['name'],
				'bytes'        => $archive['bytes'],
				'modified'     => gmdate( 'c', $archive['modified'] ),
				'sha256'       => $row['metadata']['metrics']['checksum']['value'] ?? null,
				'history_id'   => $row['id'] ?? null,
				'source'       => $row['metadata']['source'] ?? null,
				'verification' => $verified[ $archive['name'] ] ?? null,
			);
		}
		return new \WP_REST_Response(
			array(
				'backups' => $items,
				'total'   => count( $items ),
			),
			200
		);
	}

	/**
	 * POST /backups/{name}/verify: 200 with the verification's summary (its `status` says
	 * passed, failed or inconclusive; the history has the row), 404 for an unknown archive, 500
	 * when the verification could not run. Messages name the archive, never a server path.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function verify( \WP_REST_Request $request ) {
		$name = (string) $request['name'];
		try {
			$summary = Verify_Job::run( $name, 'rest' );
		} catch ( Archive_Not_Found_Exception $e ) {
			return new \WP_Error( 'bjlg_backup_not_found', __( 'No archive of this site has that name.', 'bjlg' ), array( 'status' => 404 ) );
		} catch ( \Throwable $e ) {
			return new \WP_Error(
				'bjlg_verify_error',
				sprintf( 'the verification of %s could not run (%s)', $name, $e->error_code ?? get_class( $e ) ),
				array( 'status' => 500 )
			);
		}
		return new \WP_REST_Response( $summary, 200 );
	}

	/**
	 * GET /schedule/preview: 200 with the description, the next runs in the site's zone and the
	 * guardrail warnings; 400 for an expression the parser refuses or that never fires, with the
	 * reason (count out of 1..50 is refused by the route's arguments, 400 too).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function schedule_preview( \WP_REST_Request $request ) {
		try {
			$preview = Schedule_Preview::build( (string) $request['expression'], (int) $request['count'], wp_timezone(), new \DateTimeImmutable() );
		} catch ( Invalid_Expression_Exception $e ) {
			return self::invalid_expression( $e );
		}
		return new \WP_REST_Response( $preview, 200 );
	}

	/**
	 * PUT /schedule: saves the expression as the site's schedule and arms WP-Cron; 200 with the
	 * schedule (as /status shows it) and the preview with its warnings. Refused with 400 and the
	 * reason, as the preview gives it: bjlg_cron_invalid, bjlg_cron_never_fires, or
	 * bjlg_cron_refused for an `error` guardrail (too_frequent) with its evidence.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function save_schedule( \WP_REST_Request $request ) {
		$expression = (string) $request['expression'];
		try {
			$preview = Schedule_Preview::build( $expression, 5, wp_timezone(), new \DateTimeImmutable() );
		} catch ( Invalid_Expression_Exception $e ) {
			return self::invalid_expression( $e );
		}
		$refusal = Schedule_Preview::refusal( $preview );
		if ( null === $refusal ) {
			try {
				Schedule::save( $expression );
			} catch ( \InvalidArgumentException $e ) {
				// save() checks again at its own instant: a refusal there reads the same.
				$refusal = array(
					'code'     => 'save',
					'message'  => $e->getMessage(),
					'evidence' => array(),
				);
			}
		}
		if ( null !== $refusal ) {
			return new \WP_Error(
				'bjlg_cron_refused',
				$refusal['message'],
				array(
					'status'    => 400,
					'reason'    => $refusal['message'],
					'guardrail' => $refusal['code'],
					'evidence'  => $refusal['evidence'],
				)
			);
		}
		return new \WP_REST_Response(
			array(
				'schedule' => Status::schedule(),
				'preview'  => $preview,
			),
			200
		);
	}

	/**
	 * 400 with the parser's or the never-fires guardrail's reason.
	 *
	 * @param Invalid_Expression_Exception $e The refusal.
	 */
	private static function invalid_expression( Invalid_Expression_Exception $e ): \WP_Error {
		return new \WP_Error( $e->error_code, $e->getMessage(), array( 'status' => 400 ) + $e->details );
	}

	/**
	 * 409 naming the running job.
	 *
	 * @param array<string, mixed>|null $holder The lock record.
	 */
	private static function busy( ?array $holder ): \WP_Error {
		return new \WP_Error(
			'bjlg_job_running',
			__( 'Another job is running on this site.', 'bjlg' ),
			array(
				'status'  => 409,
				'running' => $holder,
			)
		);
	}
}
