<?php
/**
 * The old plugin's routes under `backup-jlg/v1` (design plugin-restore-sla-multisite.md §D2),
 * for the remote callers and scripts written against it: the routes our data answers
 * truthfully, with the old response keys, as adapters over the classes the `bjlg/v1` routes use
 * (Status, Backup_Store through Rest_Controller::backups(), History, Jobs and Job_Runner,
 * Schedule_Preview). The permission is the bjlg/v1 one: manage_options on the site (401
 * anonymous, 403 without the capability); the network route needs manage_network_options.
 * The old X-API-Key and JWT authentication is not carried over: remote callers use application
 * passwords. Routes whose data bjlg does not have are not registered (docs/wordpress.md).
 *
 * GET /status, GET and POST /backups, GET and DELETE /backups/{id}, GET /tasks/{id}, GET /history, POST /cron/preview, and on
 * multisite GET /network/history.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Registers and answers the legacy routes.
 */
final class Rest_Legacy {

	const NAMESPACE_LEGACY = 'backup-jlg/v1';

	/** What a full backup of bjlg holds, in the old component names. */
	const FULL_COMPONENTS = array( 'db', 'plugins', 'themes', 'uploads' );

	/** The old cron risk thresholds (design plugin-scheduling.md §2.4). */
	const RISK_THRESHOLDS = array(
		'warning_frequency' => 12,
		'danger_frequency'  => 48,
		'warning_load'      => 3600,
		'danger_load'       => 14400,
	);

	/** How many backup durations the cron impact averages. */
	const DURATION_SAMPLES = 20;

	/**
	 * The rest_api_init callback.
	 */
	public static function register(): void {
		$permission = array( Rest_Controller::class, 'can_manage' );
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/status',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'status' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/backups',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'backups' ),
					'permission_callback' => $permission,
					'args'                => array(
						'page'     => array(
							'type'    => 'integer',
							'default' => 1,
							'minimum' => 1,
						),
						'per_page' => array(
							'type'    => 'integer',
							'default' => 10,
							'minimum' => 1,
							'maximum' => 100,
						),
						'type'     => array(
							'type'    => 'string',
							'default' => 'all',
							'enum'    => array( 'all', 'full', 'incremental', 'database', 'files' ),
						),
						'sort'     => array(
							'type'    => 'string',
							'default' => 'date_desc',
							'enum'    => array( 'date_asc', 'date_desc', 'size_asc', 'size_desc' ),
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'create_backup' ),
					'permission_callback' => $permission,
					'args'                => array(
						'components'  => array(
							'type'    => 'array',
							'items'   => array( 'type' => 'string' ),
							'default' => self::FULL_COMPONENTS,
						),
						'type'        => array(
							'type'    => 'string',
							'default' => 'full',
							'enum'    => array( 'full', 'incremental' ),
						),
						'encrypt'     => array( 'type' => 'boolean' ),
						'description' => array( 'type' => 'string' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/backups/(?P<id>[A-Za-z0-9._-]+)',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'backup' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( self::class, 'delete_backup' ),
					'permission_callback' => $permission,
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/tasks/(?P<id>[a-zA-Z0-9_-]+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'task' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/history',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'history' ),
				'permission_callback' => $permission,
				'args'                => array(
					'limit'  => array(
						'type'    => 'integer',
						'default' => 50,
						'minimum' => 1,
						'maximum' => 500,
					),
					'action' => array( 'type' => 'string' ),
					'status' => array(
						'type' => 'string',
						'enum' => array( 'success', 'failure', 'info' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_LEGACY,
			'/cron/preview',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'cron_preview' ),
				'permission_callback' => $permission,
				'args'                => array(
					'expression' => array(
						'type'     => 'string',
						'required' => true,
					),
					'components' => array(
						'type'  => 'array',
						'items' => array( 'type' => 'string' ),
					),
				),
			)
		);
		if ( is_multisite() ) {
			register_rest_route(
				self::NAMESPACE_LEGACY,
				'/network/history',
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'network_history' ),
					'permission_callback' => array( Rest_Network::class, 'can_manage_network' ),
					'args'                => array(
						'period'  => array(
							'type'    => 'string',
							'default' => 'week',
							'enum'    => array( 'day', 'week', 'month', 'year' ),
						),
						'blog_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'limit'   => array(
							'type'    => 'integer',
							'default' => 50,
							'minimum' => 1,
							'maximum' => 500,
						),
					),
				)
			);
		}
	}

	/**
	 * GET /status: the old keys from Status::collect().
	 */
	public static function status(): \WP_REST_Response {
		$status = Status::collect();
		$dir    = (string) $status['backups']['directory'];
		$free   = is_dir( $dir ) ? @disk_free_space( $dir ) : false; // phpcs:ignore WordPress.PHP.NoSilencedErrors
		$active = Jobs::search(
			array(
				'state' => array( 'queued', 'running', 'interrupted' ),
				'limit' => 100,
			)
		);
		return new \WP_REST_Response(
			self::status_keys( $status, get_bloginfo( 'version' ), false === $free ? null : (int) $free, is_dir( $dir ) && wp_is_writable( $dir ), count( $active ) ),
			200
		);
	}

	/**
	 * The old /status keys from a Status::collect() result. Pure.
	 *
	 * @param array<string, mixed> $status       Status::collect().
	 * @param string               $wp_version   WordPress's version.
	 * @param int|null             $free         Free bytes in the backups folder (null: unknown).
	 * @param bool                 $writable     Whether the folder is writable.
	 * @param int                  $active_tasks Jobs queued, running or interrupted.
	 * @return array<string, mixed>
	 */
	public static function status_keys( array $status, string $wp_version, ?int $free, bool $writable, int $active_tasks ): array {
		return array(
			'plugin_version'            => $status['plugin_version'],
			'wordpress_version'         => $wp_version,
			'php_version'               => PHP_VERSION,
			'backup_directory'          => $status['backups']['directory'],
			'backup_directory_writable' => $writable,
			'total_backups'             => (int) $status['backups']['count'],
			'total_size'                => (int) $status['backups']['bytes'],
			'disk_free_space'           => $free,
			'disk_space_error'          => null === $free,
			'memory_limit'              => (string) ini_get( 'memory_limit' ),
			'max_execution_time'        => (string) ini_get( 'max_execution_time' ),
			'active_tasks'              => $active_tasks,
		);
	}

	/**
	 * GET /backups: the archives of GET /bjlg/v1/backups in the old item shape, filtered,
	 * sorted and paged as the old route did (X-Total-Count header).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function backups( \WP_REST_Request $request ): \WP_REST_Response {
		$items    = array_map( array( self::class, 'backup_item' ), Rest_Controller::backups()->get_data()['backups'] );
		$page     = self::page_backups( $items, (string) $request['type'], (string) $request['sort'], (int) $request['page'], (int) $request['per_page'] );
		$response = new \WP_REST_Response( $page, 200 );
		$response->header( 'X-Total-Count', (string) $page['pagination']['total'] );
		return $response;
	}

	/**
	 * GET /backups/{id}: one archive in the old item shape; 404 backup_not_found for a name no
	 * archive of the site has (the old route's 404 code).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function backup( \WP_REST_Request $request ) {
		foreach ( Rest_Controller::backups()->get_data()['backups'] as $item ) {
			if ( $item['name'] === (string) $request['id'] ) {
				return new \WP_REST_Response( self::backup_item( $item ), 200 );
			}
		}
		return new \WP_Error( 'backup_not_found', 'Backup not found', array( 'status' => 404 ) );
	}

	/**
	 * DELETE /backups/{id}: the old {success, message}; 404 backup_not_found, 409
	 * backup_needed (an incremental needs it: `dependents`), 500 deletion_failed.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function delete_backup( \WP_REST_Request $request ) {
		$name = (string) $request['id'];
		if ( ! Backup_Store::is_archive_name( $name ) ) {
			return new \WP_Error( 'backup_not_found', 'Backup not found', array( 'status' => 404 ) );
		}
		$outcome = Incremental::delete_archive( $name, 'legacy-rest' );
		if ( $outcome['deleted'] ) {
			return new \WP_REST_Response( array( 'success' => true, 'message' => 'Backup deleted successfully' ), 200 );
		}
		$map = array(
			'not_found' => array( 'backup_not_found', 404 ),
			'needed'    => array( 'backup_needed', 409 ),
			'unlink'    => array( 'deletion_failed', 500 ),
		)[ $outcome['reason'] ];
		return new \WP_Error( $map[0], (string) $outcome['error'], array( 'status' => $map[1], 'dependents' => $outcome['dependents'] ) );
	}

	/**
	 * One GET /bjlg/v1/backups item in the old shape. Pure. The old `download_rest_url` and
	 * `manifest` are not given (no download route; the manifest is inside the archive).
	 *
	 * @param array<string, mixed> $item name, bytes, modified (ISO 8601), sha256, history_id.
	 * @return array<string, mixed>
	 */
	public static function backup_item( array $item ): array {
		$name = (string) $item['name'];
		$type = str_starts_with( $name, 'incremental-' ) ? 'incremental' : ( preg_match( '/^backup-([a-z]+)-/', $name, $m ) ? $m[1] : 'standard' );
		return array(
			'id'             => $name,
			'filename'       => $name,
			'type'           => $type,
			'size'           => (int) $item['bytes'],
			'size_formatted' => self::size_format( (int) $item['bytes'] ),
			'created_at'     => $item['modified'],
			'modified_at'    => $item['modified'],
			'is_encrypted'   => Backup_Store::is_encrypted_name( $name ),
			'components'     => self::FULL_COMPONENTS, // Every bjlg archive holds the database and wp-content.
			'sha256'         => $item['sha256'] ?? null,
			'history_id'     => $item['history_id'] ?? null,
		);
	}

	/**
	 * Filters (type), sorts and pages old-shape items: {backups, pagination{total, pages,
	 * current_page, per_page}}. Pure.
	 *
	 * @param list<array<string, mixed>> $items    backup_item() results.
	 * @param string                     $type     all, full, incremental, database or files.
	 * @param string                     $sort     date_asc, date_desc, size_asc or size_desc.
	 * @param int                        $page     From 1.
	 * @param int                        $per_page 1..100.
	 * @return array{backups: list<array<string, mixed>>, pagination: array{total: int, pages: int, current_page: int, per_page: int}}
	 */
	public static function page_backups( array $items, string $type, string $sort, int $page, int $per_page ): array {
		$page     = max( 1, $page );
		$per_page = max( 1, min( 100, $per_page ) );
		$items    = array_values(
			array_filter(
				$items,
				static function ( array $item ) use ( $type ): bool {
					switch ( $type ) {
						case 'full':
						case 'incremental':
							return $item['type'] === $type;
						case 'database':
							return in_array( 'db', $item['components'], true );
						case 'files':
							return array() !== array_intersect( array( 'plugins', 'themes', 'uploads' ), $item['components'] );
						default:
							return true;
					}
				}
			)
		);
		$key = 0 === strpos( $sort, 'size' ) ? 'size' : 'created_at';
		$dir = '_asc' === substr( $sort, -4 ) ? 1 : -1;
		usort(
			$items,
			static function ( array $a, array $b ) use ( $key, $dir ): int {
				$by = 'size' === $key ? $a['size'] <=> $b['size'] : strtotime( $a['created_at'] ) <=> strtotime( $b['created_at'] );
				return $dir * ( 0 !== $by ? $by : strcmp( $a['filename'], $b['filename'] ) );
			}
		);
		$total = count( $items );
		return array(
			'backups'    => array_slice( $items, ( $page - 1 ) * $per_page, $per_page ),
			'pagination' => array(
				'total'        => $total,
				'pages'        => (int) ceil( $total / $per_page ),
				'current_page' => $page,
				'per_page'     => $per_page,
			),
		);
	}

	/**
	 * POST /backups: queues a backup job (as POST /bjlg/v1/jobs mode=background) and answers the
	 * old {success, task_id, message, status_url}; the task is the job (GET /tasks/{task_id}).
	 * 409 backup_in_progress while a job runs; 400 for what bjlg does not do: a subset of the
	 * components, `encrypt` other than the site's encryption setting; 400 invalid_type for an
	 * incremental that cannot be made (Incremental::refusal(): the reason).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function create_backup( \WP_REST_Request $request ) {
		$refusal = self::backup_request_refusal( (array) $request['components'], (string) $request['type'], null === $request['encrypt'] ? null : (bool) $request['encrypt'], Site_Key::enabled() );
		if ( null !== $refusal ) {
			return new \WP_Error( $refusal['code'], $refusal['message'], array( 'status' => 400 ) );
		}
		if ( 'incremental' === $request['type'] ) {
			$why = Incremental::refusal( Site_Key::enabled(), Incremental::base() );
			if ( null !== $why ) {
				return new \WP_Error( 'invalid_type', $why, array( 'status' => 400 ) );
			}
		}
		$holder = Job_Lock::holder();
		if ( null !== $holder ) {
			return new \WP_Error( 'backup_in_progress', __( 'Another job is running on this site.', 'bjlg' ), array( 'status' => 409 ) );
		}
		$job     = Job_Runner::queue( 'backup', 'incremental' === $request['type'] ? 'incremental' : null, 'legacy-rest' );
		$task_id = self::task_id( (int) $job['id'] );
		return new \WP_REST_Response(
			array(
				'success'    => true,
				'task_id'    => $task_id,
				'message'    => 'Backup task created successfully',
				'status_url' => rest_url( self::NAMESPACE_LEGACY . '/tasks/' . $task_id ),
				'job_id'     => (int) $job['id'],
			),
			200
		);
	}

	/**
	 * Why an old POST /backups asks for what bjlg does not do, or null. Pure.
	 *
	 * @param list<mixed> $components The old component names.
	 * @param string      $type       full or incremental (whether an incremental can be made is
	 *                                the route's question).
	 * @param bool|null   $encrypt    The old `encrypt` (null: not sent).
	 * @param bool        $encrypted  Whether the site encrypts its backups.
	 * @return array{code: string, message: string}|null
	 */
	public static function backup_request_refusal( array $components, string $type, ?bool $encrypt, bool $encrypted ): ?array {
		$asked = array_values( array_unique( array_map( 'strval', $components ) ) );
		sort( $asked );
		$full = self::FULL_COMPONENTS;
		sort( $full );
		if ( $asked !== $full ) {
			return array(
				'code'    => 'invalid_components',
				'message' => 'bjlg backs up every component (db, plugins, themes, uploads): a subset cannot be asked for',
			);
		}
		if ( null !== $encrypt && $encrypt !== $encrypted ) {
			return array(
				'code'    => 'invalid_encrypt',
				'message' => $encrypted ? 'this site encrypts every backup (its encryption setting): encrypt false cannot be honoured' : 'this site does not encrypt its backups: turn encryption on in its settings rather than per request',
			);
		}
		return null;
	}

	/**
	 * The old task id of job $id: bjlg_backup_<id> (the old ids matched ^bjlg_(backup|restore)_).
	 *
	 * @param int $id A job id.
	 */
	public static function task_id( int $id ): string {
		return 'bjlg_backup_' . $id;
	}

	/**
	 * GET /tasks/{id}: the backup job of an old task id, in the old task keys; 400
	 * invalid_task_id for another id, 404 task_not_found for none of this site.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function task( \WP_REST_Request $request ) {
		if ( ! preg_match( '/^bjlg_backup_([1-9][0-9]*)$/', (string) $request['id'], $m ) ) {
			return new \WP_Error( 'invalid_task_id', 'Invalid task identifier.', array( 'status' => 400 ) );
		}
		$job = Jobs::get( (int) $m[1] );
		if ( null === $job || 'backup' !== $job['type'] ) {
			return new \WP_Error( 'task_not_found', 'Task not found or expired', array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( self::task_keys( $job ), 200 );
	}

	/**
	 * A backup job record in the old task keys. Pure.
	 *
	 * @param array<string, mixed> $job A Jobs::get() record.
	 * @return array<string, mixed>
	 */
	public static function task_keys( array $job ): array {
		$status = array(
			'queued'      => 'pending',
			'running'     => 'running',
			'interrupted' => 'running',
			'done'        => 'complete',
			'failed'      => 'error',
			'cancelled'   => 'cancelled',
		)[ $job['state'] ] ?? 'error';
		$done   = 'complete' === $status;
		if ( $done ) {
			$text = sprintf( 'Backup complete: %s', $job['result']['archive'] ?? '' );
		} elseif ( 'error' === $status || 'cancelled' === $status ) {
			$text = (string) ( $job['error'] ?? $status );
		} else {
			$text = (string) ( $job['phase'] ?? 'pending' );
		}
		return array(
			'progress'    => $done ? 100 : (int) floor( (float) ( $job['percent'] ?? 0 ) ),
			'status'      => $status,
			'status_text' => $text,
			'components'  => self::FULL_COMPONENTS,
			'encrypt'     => (bool) ( $job['result']['encrypted'] ?? false ),
			'incremental' => 'incremental' === ( $job['target'] ?? null ),
			'type'        => 'incremental' === ( $job['target'] ?? null ) ? 'incremental' : 'full',
			'source'      => $job['source'],
			'start_time'  => null === $job['started_at'] ? null : (int) strtotime( $job['started_at'] ),
			'filename'    => $job['result']['archive'] ?? null,
			'job_id'      => $job['id'],
		);
	}

	/**
	 * GET /history: {entries, total}, the site's rows newest first with the old columns and
	 * `user_name`.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function history( \WP_REST_Request $request ): \WP_REST_Response {
		$rows    = History::recent( (int) $request['limit'], null === $request['action'] ? null : (string) $request['action'], null === $request['status'] ? null : (string) $request['status'] );
		$entries = array();
		foreach ( $rows as $row ) {
			$user      = empty( $row['user_id'] ) ? false : get_userdata( (int) $row['user_id'] );
			$entries[] = self::history_entry( $row, false === $user ? null : $user->display_name );
		}
		return new \WP_REST_Response(
			array(
				'entries' => $entries,
				'total'   => count( $entries ),
			),
			200
		);
	}

	/**
	 * A history row in the old entry keys. Pure.
	 *
	 * @param array<string, mixed> $row       A History::recent() row.
	 * @param string|null          $user_name Its user's display name.
	 * @return array<string, mixed>
	 */
	public static function history_entry( array $row, ?string $user_name ): array {
		return array(
			'id'          => (int) $row['id'],
			'blog_id'     => (int) $row['blog_id'],
			'timestamp'   => $row['timestamp'],
			'action_type' => $row['action_type'],
			'status'      => $row['status'],
			'details'     => $row['details'],
			'metadata'    => $row['metadata'],
			'user_id'     => null === $row['user_id'] ? null : (int) $row['user_id'],
			'ip_address'  => $row['ip_address'],
			'user_name'   => $user_name,
		);
	}

	/**
	 * POST /cron/preview: the old preview keys (design plugin-scheduling.md §2.2, §2.3) from
	 * Schedule_Preview::build(); an expression refused by the parser, never firing, or refused
	 * by an `error` guardrail is HTTP 400 invalid_schedule_cron with `details`.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function cron_preview( \WP_REST_Request $request ) {
		$expression = (string) $request['expression'];
		try {
			$preview = Schedule_Preview::build( $expression, 5, wp_timezone(), new \DateTimeImmutable() );
		} catch ( Invalid_Expression_Exception $e ) {
			return self::invalid_cron( $expression, $e->getMessage(), array( $e->getMessage() ) );
		}
		$refusal = Schedule_Preview::refusal( $preview );
		if ( null !== $refusal ) {
			return self::invalid_cron( $expression, $refusal['message'], array( $refusal['message'] ) );
		}
		$durations = array();
		foreach ( History::recent( self::DURATION_SAMPLES, 'backup_created', 'success' ) as $row ) {
			$seconds = $row['metadata']['metrics']['duration']['seconds'] ?? null;
			if ( is_numeric( $seconds ) ) {
				$durations[] = (float) $seconds;
			}
		}
		$now  = time();
		$runs = array();
		foreach ( $preview['next_runs'] as $iso ) {
			$ts     = (int) strtotime( $iso );
			$runs[] = array(
				'timestamp' => $ts,
				'formatted' => wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $ts ),
				/* translators: %s: a duration such as "5 mins" */
				'relative'  => sprintf( __( 'in %s', 'bjlg' ), human_time_diff( $now, $ts ) ),
				'iso'       => wp_date( 'c', $ts ),
			);
		}
		$payload = self::cron_payload( $preview, $durations );
		$min     = $payload['interval']['min'];
		$payload['interval']['min_human'] = null === $min ? null : human_time_diff( 0, $min );
		if ( '' === $payload['message'] ) {
			$payload['message'] = null !== $min
				/* translators: %s: a duration such as "15 mins" */
				? sprintf( __( 'Minimum interval detected: %s.', 'bjlg' ), human_time_diff( 0, $min ) )
				/* translators: %s: a duration such as "5 mins" */
				: sprintf( __( 'Next run scheduled in %s.', 'bjlg' ), $runs ? human_time_diff( $now, $runs[0]['timestamp'] ) : '' );
		}
		$payload['next_runs'] = $runs;
		return new \WP_REST_Response( $payload, 200 );
	}

	/**
	 * The old preview keys but next_runs' and interval's words (the route adds them): warnings
	 * (the messages), errors (none: they are 400), severity, message (the first warning, or ''
	 * for the route's interval sentence), interval{min}, timezone, impact. Pure.
	 *
	 * @param array<string, mixed> $preview   A Schedule_Preview::build() result, accepted.
	 * @param list<float>          $durations Recent backup durations in seconds.
	 * @return array<string, mixed>
	 */
	public static function cron_payload( array $preview, array $durations ): array {
		$warnings = array_values( array_column( $preview['warnings'], 'message' ) );
		return array(
			'expression' => $preview['expression'],
			'next_runs'  => $preview['next_runs'],
			'warnings'   => $warnings,
			'errors'     => array(),
			'severity'   => $warnings ? 'warning' : 'success',
			'message'    => $warnings ? $warnings[0] : '',
			'interval'   => array(
				'min'       => null === $preview['min_interval'] ? null : (int) $preview['min_interval'],
				'min_human' => null,
			),
			'timezone'   => $preview['timezone'],
			'impact'     => self::impact( $preview['expression'], (float) $preview['runs_per_day'], $durations ),
		);
	}

	/**
	 * The old `impact` (design plugin-scheduling.md §2.4): runs per day, the average of recent
	 * backup durations, the daily load and the risk with its reasons. Pure.
	 *
	 * @param string      $expression   The expression.
	 * @param float       $runs_per_day Runs a day.
	 * @param list<float> $durations    Recent backup durations in seconds.
	 * @return array<string, mixed>
	 */
	public static function impact( string $expression, float $runs_per_day, array $durations ): array {
		$t       = self::RISK_THRESHOLDS;
		$average = $durations ? array_sum( $durations ) / count( $durations ) : null;
		$load    = null === $average ? null : $average * $runs_per_day;
		$level   = 'low';
		$reasons = array();
		if ( $runs_per_day >= $t['danger_frequency'] ) {
			$level     = 'high';
			$reasons[] = sprintf( 'Very high frequency: %s runs estimated over 24h.', self::number( $runs_per_day ) );
		} elseif ( $runs_per_day >= $t['warning_frequency'] ) {
			$level     = 'medium';
			$reasons[] = sprintf( 'Sustained frequency: %s runs estimated over 24h.', self::number( $runs_per_day ) );
		}
		if ( null !== $load && $load >= $t['danger_load'] ) {
			$level     = 'high';
			$reasons[] = sprintf( 'Estimated daily load: %d seconds of processing.', (int) round( $load ) );
		} elseif ( null !== $load && $load >= $t['warning_load'] ) {
			$level     = 'high' === $level ? 'high' : 'medium';
			$reasons[] = sprintf( 'Notable load: %d seconds of processing a day.', (int) round( $load ) );
		}
		if ( null === $load && 'low' === $level ) {
			$level = 'unknown';
		}
		return array(
			'expression'       => $expression,
			'runs_per_day'     => round( $runs_per_day, 2 ),
			'average_duration' => null === $average ? null : round( $average, 3 ),
			'estimated_load'   => null === $load ? null : round( $load, 3 ),
			'history_samples'  => count( $durations ),
			'risk'             => array(
				'level'      => $level,
				'reasons'    => $reasons,
				'thresholds' => $t,
			),
		);
	}

	/**
	 * GET /network/history (multisite): the old network activity summary (design §B3) over the
	 * period: {totals{total_actions, successful, failed}, sites[]{blog_id, total_actions,
	 * successful, failed, last_activity, last_entry}}, at most `limit` sites, most recent first.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function network_history( \WP_REST_Request $request ): \WP_REST_Response {
		global $wpdb;
		$since = gmdate( 'Y-m-d H:i:s', (int) strtotime( '-1 ' . (string) $request['period'], current_time( 'timestamp' ) ) ); // phpcs:ignore WordPress.DateTime.CurrentTimeTimestamp -- the table holds site-local times.
		$where = $wpdb->prepare( 'timestamp > %s', $since );
		if ( null !== $request['blog_id'] ) {
			$where .= $wpdb->prepare( ' AND blog_id = %d', (int) $request['blog_id'] );
		}
		$rows = $wpdb->get_results( 'SELECT id, blog_id, timestamp, action_type, status, details FROM ' . History::table() . " WHERE $where ORDER BY id DESC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return new \WP_REST_Response( self::network_summary( is_array( $rows ) ? $rows : array(), (int) $request['limit'] ), 200 );
	}

	/**
	 * The network activity summary of history rows, newest first. Pure.
	 *
	 * @param list<array<string, mixed>> $rows  Rows (id, blog_id, timestamp, action_type, status, details), newest first.
	 * @param int                        $limit At most this many sites.
	 * @return array{totals: array{total_actions: int, successful: int, failed: int}, sites: list<array<string, mixed>>}
	 */
	public static function network_summary( array $rows, int $limit ): array {
		$totals = array(
			'total_actions' => 0,
			'successful'    => 0,
			'failed'        => 0,
		);
		$sites  = array();
		foreach ( $rows as $row ) {
			$id = (int) $row['blog_id'];
			if ( ! isset( $sites[ $id ] ) ) {
				$sites[ $id ] = array(
					'blog_id'       => $id,
					'total_actions' => 0,
					'successful'    => 0,
					'failed'        => 0,
					'last_activity' => $row['timestamp'],
					'last_entry'    => array(
						'id'          => (int) $row['id'],
						'action_type' => $row['action_type'],
						'status'      => $row['status'],
						'details'     => $row['details'],
						'timestamp'   => $row['timestamp'],
					),
				);
			}
			foreach ( array( &$totals, &$sites[ $id ] ) as &$count ) {
				++$count['total_actions'];
				if ( 'success' === $row['status'] ) {
					++$count['successful'];
				} elseif ( 'failure' === $row['status'] ) {
					++$count['failed'];
				}
			}
			unset( $count );
		}
		return array(
			'totals' => $totals,
			'sites'  => array_slice( array_values( $sites ), 0, max( 1, $limit ) ),
		);
	}

	/**
	 * 400 invalid_schedule_cron with the old data keys.
	 *
	 * @param string       $expression The expression.
	 * @param string       $message    Why.
	 * @param list<string> $details    The reasons.
	 */
	private static function invalid_cron( string $expression, string $message, array $details ): \WP_Error {
		return new \WP_Error(
			'invalid_schedule_cron',
			$message,
			array(
				'status'     => 400,
				'details'    => $details,
				'expression' => $expression,
			)
		);
	}

	/**
	 * Bytes in the old size_format() words (binary units, one decimal). Pure.
	 *
	 * @param int $bytes Bytes.
	 */
	public static function size_format( int $bytes ): string {
		$units = array( 'B', 'KB', 'MB', 'GB', 'TB' );
		$i     = 0;
		$value = (float) $bytes;
		while ( $value >= 1024 && $i < count( $units ) - 1 ) {
			$value /= 1024;
			++$i;
		}
		return 0 === $i ? $bytes . ' B' : rtrim( rtrim( number_format( $value, 1, '.', '' ), '0' ), '.' ) . ' ' . $units[ $i ];
	}

	/**
	 * A number without a useless decimal part. Pure.
	 *
	 * @param float $n The number.
	 */
	private static function number( float $n ): string {
		return rtrim( rtrim( number_format( $n, 2, '.', '' ), '0' ), '.' );
	}
}
