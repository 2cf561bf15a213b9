<?php
/**
 * Incidents opened by failed jobs: a backup that failed (`backup_created` failure) opens a
 * `backup_failed` incident, a verification that failed (`backup_verified` failure: the archive
 * is bad) opens a `verification_failed` one, with the evidence (the error, the archive, the job,
 * the history row). One incident per kind stays open (Incidents::open does not double it); the
 * next success of the same kind (a backup written, a verification passed) resolves it, the
 * timeline saying so ("Resolved automatically: ..."). Whoever ran the job (REST, the commands,
 * WP-Cron), it reads the history row the job writes (the action `bjlg_history_logged`), so no
 * path is left out. Cancelled jobs and inconclusive verifications open nothing.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Opens and resolves the incidents of failed backups and verifications.
 */
final class Job_Incidents {

	/** history action_type => the incident's event. */
	const EVENTS = array(
		'backup_created'  => 'backup_failed',
		'backup_verified' => 'verification_failed',
	);

	/** The incidents' titles (one open incident per title). */
	const ENGLISH_TITLES = array(
		'backup_created'  => 'Backups are failing',
		'backup_verified' => 'A backup failed its verification',
	);

	/** Who resolves them, in the timeline. */
	const ACTOR = 'bjlg';

	/**
	 * Hooks the history.
	 */
	public static function register(): void {
		add_action( 'bjlg_history_logged', array( self::class, 'on_history' ), 10, 5 );
	}

	/**
	 * What a history row calls for: `open`, `resolve` or null. Pure.
	 *
	 * @param string $action The row's action_type.
	 * @param string $status The row's status.
	 */
	public static function decide( string $action, string $status ): ?string {
		if ( ! isset( self::EVENTS[ $action ] ) ) {
			return null;
		}
		if ( 'failure' === $status ) {
			return 'open';
		}
		return 'success' === $status ? 'resolve' : null;
	}

	/**
	 * The incident a failed row opens, with its evidence (never a server path: $paths are
	 * replaced by their names). Pure.
	 *
	 * @param int                  $id       The history row.
	 * @param string               $action   backup_created or backup_verified.
	 * @param string               $details  The row's sentence.
	 * @param array<string, mixed> $metadata The row's metadata.
	 * @param array<string, string> $paths   Server path => what to show instead.
	 * @param string|null           $title   The title (title() in the site's language), or the English one.
	 * @return array<string, mixed> An event for Incidents::open().
	 */
	public static function event( int $id, string $action, string $details, array $metadata, array $paths = array(), ?string $title = null ): array {
		$redact  = static fn( string $text ): string => strtr( $text, $paths );
		$archive = (string) ( $metadata['backup']['filename'] ?? '' );
		if ( 'backup_created' === $action ) {
			$severity = 'critical';
			$lines    = array( $redact( $details ) );
			if ( isset( $metadata['error']['class'] ) ) {
				$lines[] = sprintf( 'error: %s', $metadata['error']['class'] );
			}
		} else {
			$severity = 'warning';
			$lines    = array( $redact( $details ) );
			foreach ( array_slice( (array) ( $metadata['verification']['problems'] ?? array() ), 0, 5 ) as $problem ) {
				$lines[] = $redact( sprintf( '%s %s: %s', $problem['name'] ?? '?', $problem['status'] ?? '', $problem['message'] ?? '' ) );
			}
		}
		$lines[] = sprintf( 'history #%d, source %s', $id, (string) ( $metadata['source'] ?? '?' ) );
		return array(
			'event'    => self::EVENTS[ $action ],
			'title'    => $title ?? self::ENGLISH_TITLES[ $action ],
			'severity' => $severity,
			'lines'    => $lines,
			'context'  => array_filter(
				array(
					'history_id' => $id,
					'job_id'     => $metadata['job_id'] ?? null,
					'archive'    => '' === $archive ? null : $archive,
					'source'     => $metadata['source'] ?? null,
					'error'      => $metadata['error']['class'] ?? null,
				),
				static fn( $v ) => null !== $v
			),
		);
	}

	/**
	 * The title of the incident of $action, in the site's language.
	 *
	 * @param string $action backup_created or backup_verified.
	 */
	public static function title( string $action ): string {
		return 'backup_created' === $action ? __( 'Backups are failing', 'bjlg' ) : __( 'A backup failed its verification', 'bjlg' );
	}

	/**
	 * The summary of an automatic resolution, for the timeline. Pure.
	 *
	 * @param int                  $id       The successful row.
	 * @param string               $action   backup_created or backup_verified.
	 * @param array<string, mixed> $metadata Its metadata.
	 */
	public static function resolution( int $id, string $action, array $metadata ): string {
		$archive = (string) ( $metadata['backup']['filename'] ?? '' );
		return 'backup_created' === $action
			? sprintf( 'Resolved automatically: the next backup succeeded (%s, history #%d).', $archive, $id )
			: sprintf( 'Resolved automatically: the next verification passed (%s, history #%d).', $archive, $id );
	}

	/**
	 * The bjlg_history_logged callback. Never throws: an incident that cannot be opened must not
	 * turn a job's outcome into another.
	 *
	 * @param int                  $id       The row.
	 * @param string               $action   Its action_type.
	 * @param string               $status   Its status.
	 * @param string               $details  Its sentence.
	 * @param array<string, mixed> $metadata Its metadata.
	 */
	public static function on_history( $id, $action, $status, $details, $metadata ): void {
		$what = self::decide( (string) $action, (string) $status );
		if ( null === $what ) {
			return;
		}
		$metadata = is_array( $metadata ) ? $metadata : array();
		try {
			if ( 'open' === $what ) {
				if ( array() === Incidents::settings()['channels'] ) {
					return; // The extension's Incident needs a channel to notify: the history row says it all.
				}
				// Not Backup_Store::directory(): a folder that cannot be created is a failure to report.
				$paths = array(
					trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'bjlg-backups' => 'bjlg-backups',
					WP_CONTENT_DIR            => 'wp-content',
					ABSPATH                   => '',
				);
				Incidents::open( self::event( (int) $id, (string) $action, (string) $details, $metadata, $paths, self::title( (string) $action ) ), time() );
				return;
			}
			foreach ( Incidents::open_ids( self::EVENTS[ $action ] ) as $incident ) {
				Incidents::resolve( $incident, self::ACTOR, self::resolution( (int) $id, (string) $action, $metadata ), time() );
			}
		} catch ( \Throwable $e ) {
			error_log( 'bjlg: the incident of history row ' . (int) $id . ' could not be ' . ( 'open' === $what ? 'opened' : 'resolved' ) . ': ' . get_class( $e ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		}
	}
}
