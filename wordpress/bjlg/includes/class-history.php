<?php
/**
 * The history: one row per event (a backup made or failed, a scheduled run, a missed run) in
 * `{base_prefix}bjlg_history`, the plugin's columns and `metadata` JSON (design §B1, §B2), one
 * table for the whole network with the site in `blog_id`.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Writes and reads history rows.
 */
final class History {

	/**
	 * The table's name.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->base_prefix . 'bjlg_history';
	}

	/**
	 * Records an event for the current site; returns the row id (0 when the insert failed).
	 *
	 * @param string               $action   action_type: backup_created, scheduled_backup, schedule_missed...
	 * @param string               $status   success, failure, info or warning.
	 * @param string               $details  One sentence for people.
	 * @param array<string, mixed> $metadata Numbers and keys for programs (stored as JSON).
	 */
	public static function log( string $action, string $status, string $details, array $metadata = array() ): int {
		global $wpdb;
		$user = get_current_user_id();
		$ok   = $wpdb->insert(
			self::table(),
			array(
				'blog_id'     => get_current_blog_id(),
				'timestamp'   => current_time( 'mysql' ),
				'action_type' => $action,
				'status'      => $status,
				'details'     => $details,
				'metadata'    => wp_json_encode( $metadata ),
				'user_id'     => $user ? $user : null,
				'ip_address'  => isset( $_SERVER['REMOTE_ADDR'] ) ? substr( sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ), 0, 45 ) : null,
			),
			array( '%d', '%s', '%s', '%s', '%s', '%s', '%d', '%s' )
		);
		$id = $ok ? (int) $wpdb->insert_id : 0;
		do_action( 'bjlg_history_logged', $id, $action, $status, $details, $metadata );
		return $id;
	}

	/**
	 * The latest rows of the current site, newest first, metadata decoded.
	 *
	 * @param int         $limit  At most this many (1..500).
	 * @param string|null $action Only this action_type.
	 * @param string|null $status Only this status.
	 * @return list<array<string, mixed>>
	 */
	public static function recent( int $limit = 20, ?string $action = null, ?string $status = null ): array {
		global $wpdb;
		$where = $wpdb->prepare( 'blog_id = %d', get_current_blog_id() );
		if ( null !== $action ) {
			$where .= $wpdb->prepare( ' AND action_type = %s', $action );
		}
		if ( null !== $status ) {
			$where .= $wpdb->prepare( ' AND status = %s', $status );
		}
		$limit = max( 1, min( 500, $limit ) );
		$rows  = $wpdb->get_results( 'SELECT * FROM ' . self::table() . " WHERE $where ORDER BY id DESC LIMIT $limit", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		foreach ( $rows as &$row ) {
			$row['id']       = (int) $row['id'];
			$row['blog_id']  = (int) $row['blog_id'];
			$row['metadata'] = null === $row['metadata'] ? null : json_decode( $row['metadata'], true );
		}
		return $rows;
	}
}
