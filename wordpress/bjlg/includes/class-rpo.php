<?php
/**
 * The recovery point objective (RPO) now: the age of the last good backup, against the site's
 * target. A good backup is an archive still in the backups folder whose last verification or
 * last restore test passed: an archive never checked, or whose check failed, is not counted
 * (it may not restore). The target is the site's RPO target, `rpo_hours` of
 * `bjlg_policy_targets` (Targets: default 24 hours; PUT /settings/targets sets it).
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Measures the RPO against its target.
 */
final class Rpo {

	/**
	 * The target in seconds, from Targets (the one RPO/RTO setting): source `setting` or
	 * `default`.
	 *
	 * @return array{seconds: int, hours: float, source: string}
	 */
	public static function target(): array {
		$targets = Targets::get();
		return array(
			'seconds' => $targets['rpo_hours'] * 3600,
			'hours'   => (float) $targets['rpo_hours'],
			'source'  => $targets['source']['rpo_hours'],
		);
	}

	/**
	 * The site's RPO now (GET /rpo).
	 *
	 * @return array<string, mixed>
	 */
	public static function collect(): array {
		return self::assess( Backup_Store::archives(), Verify_Job::last_by_archive(), Restore_Test_Job::last_by_archive(), self::target(), time() );
	}

	/**
	 * The RPO from the archives (newest first, as Backup_Store::archives() lists them: name,
	 * bytes, modified) and their last verification and restore test. Pure.
	 *
	 * - `state` ok when the last good backup is at most the target old, late otherwise (also when
	 *   there is no good backup at all: the RPO is then unbounded, `rpo_seconds` null);
	 * - `last_good`: name, written_at (ISO 8601, UTC) and what proved it (verified, restore_tested);
	 * - `unproven_newer`: archives written after it that no check has passed (not counted).
	 *
	 * @param list<array{name: string, modified: int}>  $archives The archives, newest first.
	 * @param array<string, array{status: string}>      $verified Verify_Job::last_by_archive().
	 * @param array<string, array{status: string}>      $tested   Restore_Test_Job::last_by_archive().
	 * @param array{seconds: int, hours: float, source: string} $target The target.
	 * @param int                                       $now      Unix seconds.
	 * @return array{state: string, rpo_seconds: ?int, target: array{seconds: int, hours: float, source: string}, last_good: ?array<string, mixed>, unproven_newer: int, measured_at: string}
	 */
	public static function assess( array $archives, array $verified, array $tested, array $target, int $now ): array {
		$last_good = null;
		$unproven  = 0;
		foreach ( $archives as $archive ) {
			$name        = $archive['name'];
			$is_verified = 'passed' === ( $verified[ $name ]['status'] ?? null );
			$is_tested   = 'passed' === ( $tested[ $name ]['status'] ?? null );
			if ( $is_verified || $is_tested ) {
				$last_good = array(
					'name'           => $name,
					'written_at'     => gmdate( 'c', (int) $archive['modified'] ),
					'verified'       => $is_verified,
					'restore_tested' => $is_tested,
				);
				$age = max( 0, $now - (int) $archive['modified'] );
				break;
			}
			++$unproven;
		}
		$rpo = null === $last_good ? null : $age;
		return array(
			'state'          => null !== $rpo && $rpo <= $target['seconds'] ? 'ok' : 'late',
			'rpo_seconds'    => $rpo,
			'target'         => $target,
			'last_good'      => $last_good,
			'unproven_newer' => $unproven,
			'measured_at'    => gmdate( 'c', $now ),
		);
	}
}
