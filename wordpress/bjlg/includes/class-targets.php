<?php
/**
 * The site's RPO and RTO targets: ONE setting, the option `bjlg_policy_targets`
 * (`{rpo_hours, rto_minutes}`, integers; the `targets` section of the policy document,
 * docs/policy.md), read by everything that compares against a target: the RPO now
 * (Rpo, GET /rpo and the Overview), GET /status, the restore test's measured RTO
 * (Restore_Test_Job), the policy export and import (Site_Policy), and set by
 * GET/PUT /settings/targets.
 *
 * Why this option: it holds both targets under the policy's own names and ranges, it is what
 * the policy export/import already round-trips, and Bjlg\Config\Policy checks it (the
 * setter goes through Policy::fromArray, so a value the REST route accepts is a value a policy
 * import accepts and the reverse). The older `bjlg_settings.rpo_target_hours` is moved into it
 * by migration 3 (Migrations) and no longer read.
 *
 * A target not set is its default (RPO 24 hours, RTO 60 minutes), said so by `source`.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Reads, checks and stores the RPO/RTO targets.
 */
final class Targets {

	const OPTION = 'bjlg_policy_targets';

	/** The RPO target when none is set, in hours. */
	const DEFAULT_RPO_HOURS = 24;

	/** The RTO target when none is set, in minutes. */
	const DEFAULT_RTO_MINUTES = 60;

	/** The largest targets (Bjlg\Config\Policy's bounds). */
	const MAX_RPO_HOURS   = 8760;
	const MAX_RTO_MINUTES = 525600;

	/**
	 * The stored option as it is (only its known keys).
	 *
	 * @return array{rpo_hours?: int, rto_minutes?: int}
	 */
	public static function stored(): array {
		$option = get_option( self::OPTION, array() );
		return is_array( $option ) ? array_intersect_key( $option, array_flip( array( 'rpo_hours', 'rto_minutes' ) ) ) : array();
	}

	/**
	 * The targets in effect: {rpo_hours, rto_minutes, source: {rpo_hours, rto_minutes}} (each
	 * source `setting` or `default`).
	 *
	 * @return array{rpo_hours: int, rto_minutes: int, source: array{rpo_hours: string, rto_minutes: string}}
	 */
	public static function get(): array {
		return self::effective( self::stored() );
	}

	/**
	 * The targets in effect from a stored option: a missing or out-of-range value is the
	 * default. Pure.
	 *
	 * @param array<string, mixed> $stored The option.
	 * @return array{rpo_hours: int, rto_minutes: int, source: array{rpo_hours: string, rto_minutes: string}}
	 */
	public static function effective( array $stored ): array {
		$rpo_ok = is_int( $stored['rpo_hours'] ?? null ) && $stored['rpo_hours'] >= 1 && $stored['rpo_hours'] <= self::MAX_RPO_HOURS;
		$rto_ok = is_int( $stored['rto_minutes'] ?? null ) && $stored['rto_minutes'] >= 1 && $stored['rto_minutes'] <= self::MAX_RTO_MINUTES;
		return array(
			'rpo_hours'   => $rpo_ok ? $stored['rpo_hours'] : self::DEFAULT_RPO_HOURS,
			'rto_minutes' => $rto_ok ? $stored['rto_minutes'] : self::DEFAULT_RTO_MINUTES,
			'source'      => array(
				'rpo_hours'   => $rpo_ok ? 'setting' : 'default',
				'rto_minutes' => $rto_ok ? 'setting' : 'default',
			),
		);
	}

	/**
	 * The targets to store, once Bjlg\Config\Policy has read them as a policy's `targets`
	 * section: only `rpo_hours` and `rto_minutes`, integers in range; a key absent or null is
	 * not set (its default applies).
	 *
	 * @param array<string, mixed> $targets What was sent.
	 * @return array{rpo_hours?: int, rto_minutes?: int}|\WP_Error 400 bjlg_targets_refused with the reason and data.key.
	 */
	public static function check( array $targets ) {
		if ( array() === $targets ) {
			return array(); // No target set: the defaults (PHP's empty array is no map for Policy).
		}
		try {
			$policy = \Bjlg\Config\Policy::fromArray( array( 'targets' => $targets ) )->toArray();
		} catch ( \Throwable $e ) {
			$reason = $e->getMessage();
			$data   = array(
				'status' => 400,
				'reason' => $reason,
			);
			if ( preg_match( "~key ['\"](\\w+)['\"]~", $reason, $m ) ) {
				$data['key'] = $m[1];
			}
			return new \WP_Error( 'bjlg_targets_refused', $reason, $data );
		}
		$out = array();
		foreach ( array( 'rpo_hours', 'rto_minutes' ) as $key ) {
			if ( isset( $policy['targets'][ $key ] ) ) {
				$out[ $key ] = (int) $policy['targets'][ $key ];
			}
		}
		return $out;
	}

	/**
	 * Replaces the targets, if Policy accepts them.
	 *
	 * @param array<string, mixed> $targets {rpo_hours, rto_minutes}.
	 * @return array<string, mixed>|\WP_Error The targets in effect (get()), or why not.
	 */
	public static function set( array $targets ) {
		$checked = self::check( $targets );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		update_option( self::OPTION, $checked, false );
		return self::get();
	}

	/**
	 * A measured RTO (a restore test's rto_seconds) against the target: {target_seconds,
	 * source, state: ok (at most the target), late, or unknown when nothing was measured}. Pure.
	 *
	 * @param float|int|null       $rto_seconds What the restore test measured.
	 * @param array<string, mixed> $targets     get().
	 * @return array{target_seconds: int, source: string, state: string}
	 */
	public static function rto_against( $rto_seconds, array $targets ): array {
		$target = (int) $targets['rto_minutes'] * 60;
		return array(
			'target_seconds' => $target,
			'source'         => (string) $targets['source']['rto_minutes'],
			'state'          => null === $rto_seconds ? 'unknown' : ( (float) $rto_seconds <= $target ? 'ok' : 'late' ),
		);
	}

	/**
	 * Migration 3 on one site's options: `bjlg_settings.rpo_target_hours` (hours, possibly
	 * fractional) moves into the targets' `rpo_hours` (rounded up to a whole hour, at least 1,
	 * at most a year) unless the targets already set one (the policy's value wins: it is the
	 * newer, explicit one); the old key is removed either way. Pure.
	 *
	 * @param mixed $settings The bjlg_settings option.
	 * @param mixed $targets  The bjlg_policy_targets option.
	 * @return array{settings: mixed, targets: mixed, moved: bool}
	 */
	public static function migrated( $settings, $targets ): array {
		if ( ! is_array( $settings ) || ! array_key_exists( 'rpo_target_hours', $settings ) ) {
			return array(
				'settings' => $settings,
				'targets'  => $targets,
				'moved'    => false,
			);
		}
		$hours = $settings['rpo_target_hours'];
		unset( $settings['rpo_target_hours'] );
		$targets = is_array( $targets ) ? $targets : array();
		$moved   = false;
		if ( ! isset( $targets['rpo_hours'] ) && is_numeric( $hours ) && (float) $hours > 0 ) {
			$targets['rpo_hours'] = (int) min( self::MAX_RPO_HOURS, max( 1, (int) ceil( (float) $hours ) ) );
			$moved                = true;
		}
		return array(
			'settings' => $settings,
			'targets'  => $targets,
			'moved'    => $moved,
		);
	}
}
