<?php
/**
 * REST routes under `bjlg/v1`: GET /status, POST /jobs (start a backup or a verification), GET
 * /jobs/{id} (its progress), POST /jobs/{id}/cancel, GET /backups, POST /backups/{name}/verify,
 * GET /schedule/preview, PUT /schedule. Every route needs `manage_options` on the site
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
		$name_arg   = array(
			'type'              => 'string',
			'required'          => true,
			'description'       => 'An archive name, as GET /backups lists it.',
			'validate_callback' => array( self::class, 'validate_archive_name' ),
		);
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
					'type'    => array(
						'type'    => 'string',
						'enum'    => Jobs::TYPES,
						'default' => 'backup',
					),
					'archive' => array(
						'type'              => 'string',
						'description'       => 'verify: the archive, as GET /backups lists it.',
						'validate_callback' => array( self::class, 'validate_archive_name' ),
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
			'/jobs/(?P<id>\\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'job' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/jobs/(?P<id>\\d+)/cancel',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'cancel_job' ),
				'permission_callback' => $permission,
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
			'/backups/(?P<name>[^/]+)/restore-test',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'restore_test' ),
					'permission_callback' => $permission,
					'args'                => array(
						'name'          => $name_arg,
						'mode'          => array(
							'type'    => 'string',
							'enum'    => array( 'now', 'background' ),
							'default' => 'now',
						),
						'with_database' => array(
							'type'        => 'boolean',
							'description' => 'Import database.sql into a throwaway MariaDB (default: the setting restore_test_database, on).',
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'restore_test_report' ),
					'permission_callback' => $permission,
					'args'                => array( 'name' => $name_arg ),
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
					'others'     => array(
						'type'        => 'boolean',
						'default'     => false,
						'description' => 'Check the overlap with the site\'s other enabled schedule entries.',
					),
					'exclude'    => array(
						'type'        => 'string',
						'default'     => '',
						'pattern'     => '^[A-Za-z0-9_-]{0,80}$',
						'description' => 'The entry being edited, left out of the others.',
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
		return new \WP_Error( 'bjlg_invalid_archive_name', 'not an archive name: expected backup-TYPE-YYYYmmdd-HHMMSS-ID.zip (or incremental-full-...), as GET /backups lists', array( 'status' => 400 ) );
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
	 * POST /jobs: a backup (type backup) or the verification of `archive` (type verify). Mode
	 * now: 201 with the result (a verification: its summary) and `job_id`. Mode background: 202
	 * with the job record, run by WP-Cron (follow it with GET /jobs/{id}). 409 when another
	 * backup runs, 400 for a verify without archive, 404 for an unknown archive, 500 when the
	 * job failed (the history row says why).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function start_job( \WP_REST_Request $request ) {
		$type    = (string) $request['type'];
		$archive = null === $request['archive'] ? null : (string) $request['archive'];
		if ( 'backup' !== $type && null === $archive ) {
			return new \WP_Error( 'rest_missing_callback_param', "a $type job needs an archive, as GET /backups lists it", array( 'status' => 400 ) );
		}
		if ( 'backup' !== $type && null === Backup_Store::resolve( $archive ) ) {
			return self::not_found();
		}
		if ( 'background' === $request['mode'] ) {
			$holder = Job_Lock::holder();
			if ( 'backup' === $type && null !== $holder ) {
				return self::busy( $holder );
			}
			$job = Job_Runner::queue( $type, 'backup' !== $type ? $archive : null, 'rest-background' );
			return new \WP_REST_Response( $job + array( 'job' => $type ), 202 );
		}
		if ( 'verify' === $type ) {
			return self::verify_archive( (string) $archive, 201 );
		}
		if ( 'restore-test' === $type ) {
			return self::run_restore_test( (string) $archive, null, 201 );
		}
		try {
			$result = Backup_Job::run( 'rest' );
		} catch ( Job_Busy_Exception $e ) {
			return self::busy( $e->holder );
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
	 * GET /jobs/{id}: the job record of this site (state, step, phase, done, total, percent,
	 * times, result or error), readable while it runs; 404 for another site's or none.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function job( \WP_REST_Request $request ) {
		$job = Jobs::get( (int) $request['id'] );
		if ( null === $job ) {
			return new \WP_Error( 'bjlg_job_not_found', __( 'No job of this site has that id.', 'bjlg' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( $job, 200 );
	}

	/**
	 * POST /jobs/{id}/cancel: 202 with the record (a queued job is cancelled at once, a running
	 * one stops at its next progress report: follow it with GET /jobs/{id}); 409
	 * bjlg_job_finished for a job that already ended; 404 for none.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function cancel_job( \WP_REST_Request $request ) {
		$before = Jobs::get( (int) $request['id'] );
		if ( null === $before ) {
			return new \WP_Error( 'bjlg_job_not_found', __( 'No job of this site has that id.', 'bjlg' ), array( 'status' => 404 ) );
		}
		if ( in_array( $before['state'], Jobs::FINISHED, true ) ) {
			return new \WP_Error( 'bjlg_job_finished', __( 'The job has already ended.', 'bjlg' ), array( 'status' => 409, 'job' => $before ) );
		}
		return new \WP_REST_Response( Jobs::request_cancel( (int) $request['id'] ), 202 );
	}

	/**
	 * GET /backups: the archives, newest first, with their history row when there is one, their
	 * last verification and their last restore test (status, when, RTO).
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
		$tested   = Restore_Test_Job::last_by_archive();
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
				'restore_test' => $tested[ $archive['name'] ] ?? null,
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
		return self::verify_archive( (string) $request['name'], 200 );
	}

	/**
	 * Verifies $name in this request: $code with the summary, 404, 409 when cancelled, 500.
	 *
	 * @param string $name An archive name.
	 * @param int    $code The status of a verification that ran.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function verify_archive( string $name, int $code ) {
		return self::run_now( static fn() => Verify_Job::run( $name, 'rest' ), $name, $code, 'bjlg_verify_error', 'verification' );
	}

	/**
	 * Runs a restore test in this request: $code with the summary, 404, 409, 422, 500.
	 *
	 * @param string    $name          An archive name.
	 * @param bool|null $with_database Import the dump (null: the setting).
	 * @param int       $code          The status of a test that ran.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function run_restore_test( string $name, ?bool $with_database, int $code ) {
		return self::run_now( static fn() => Restore_Test_Job::run( $name, 'rest', null, null, $with_database ), $name, $code, 'bjlg_restore_test_error', 'restore test' );
	}

	/**
	 * A verification or restore test of $name run in this request: $code with its summary; 404
	 * for no such archive, 409 when cancelled, 422 for a key that does not open it, 500 (with
	 * $error_code, naming the archive and the failure's code, never a path) when it could not run.
	 *
	 * @param callable(): array<string, mixed> $job        The job.
	 * @param string                           $name       The archive's name.
	 * @param int                              $code       The status of a job that ran.
	 * @param string                           $error_code The WP_Error code when it could not run.
	 * @param string                           $what       What ran, in words.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function run_now( callable $job, string $name, int $code, string $error_code, string $what ) {
		try {
			$summary = $job();
		} catch ( Archive_Not_Found_Exception $e ) {
			return self::not_found();
		} catch ( \Bjlg\CancelledException $e ) {
			return new \WP_Error( 'bjlg_job_cancelled', __( 'The job was cancelled.', 'bjlg' ), array( 'status' => 409 ) );
		} catch ( \Bjlg\WrongKeyException $e ) {
			return self::wrong_key();
		} catch ( \Throwable $e ) {
			return new \WP_Error(
				$error_code,
				sprintf( 'the %s of %s could not run (%s)', $what, $name, $e->error_code ?? get_class( $e ) ),
				array( 'status' => 500 )
			);
		}
		return new \WP_REST_Response( $summary, $code );
	}

	/**
	 * POST /backups/{name}/restore-test: mode now, 200 with the summary (status passed, failed
	 * or inconclusive; checks; rto_seconds, rpo_seconds; history_id, job_id); mode background,
	 * 202 with the job record (GET /jobs/{id}). 404 for an unknown archive, 409 when cancelled,
	 * 500 when the test could not run.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function restore_test( \WP_REST_Request $request ) {
		$name = (string) $request['name'];
		if ( null === Backup_Store::resolve( $name ) ) {
			return self::not_found();
		}
		$with_database = null === $request['with_database'] ? null : (bool) $request['with_database'];
		if ( 'background' === $request['mode'] ) {
			if ( null !== $with_database ) {
				return new \WP_Error( 'rest_invalid_param', 'with_database applies to mode now; in the background the setting restore_test_database decides', array( 'status' => 400 ) );
			}
			return new \WP_REST_Response( Job_Runner::queue( 'restore-test', $name, 'rest-background' ) + array( 'job' => 'restore-test' ), 202 );
		}
		return self::run_restore_test( $name, $with_database, 200 );
	}

	/**
	 * GET /backups/{name}/restore-test: the last restore test of the archive (the summary and
	 * its history_id); 404 bjlg_restore_test_not_found when it was never tested.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function restore_test_report( \WP_REST_Request $request ) {
		$name = (string) $request['name'];
		if ( null === Backup_Store::resolve( $name ) ) {
			return self::not_found();
		}
		$last = Restore_Test_Job::last( $name );
		if ( null === $last ) {
			return new \WP_Error( 'bjlg_restore_test_not_found', __( 'This archive has not been restore-tested yet.', 'bjlg' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( $last, 200 );
	}

	/**
	 * 422 for an encrypted archive the site key does not open (the key is not named).
	 */
	private static function wrong_key(): \WP_Error {
		return new \WP_Error( 'bjlg_wrong_key', __( "The site's encryption key does not open this archive.", 'bjlg' ), array( 'status' => 422 ) );
	}

	/**
	 * 404 for an archive name no archive of the site has.
	 */
	private static function not_found(): \WP_Error {
		return new \WP_Error( 'bjlg_backup_not_found', __( 'No archive of this site has that name.', 'bjlg' ), array( 'status' => 404 ) );
	}

	/**
	 * GET /schedule/preview: 200 with the description, the next runs in the site's zone and the
	 * guardrail warnings (with `others`, the `overlap` with the site's other enabled entries but
	 * `exclude`, the one being edited); 400 for an expression the parser refuses or that never fires, with the
	 * reason (count out of 1..50 is refused by the route's arguments, 400 too).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function schedule_preview( \WP_REST_Request $request ) {
		try {
			$others  = $request['others'] ? Schedule::others( (string) $request['exclude'] ) : array();
			$preview = Schedule_Preview::build( (string) $request['expression'], (int) $request['count'], wp_timezone(), new \DateTimeImmutable(), $others, Schedule::expected_duration() );
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
