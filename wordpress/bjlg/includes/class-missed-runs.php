<?php
/**
 * Which runs of a cron schedule fell between two checks, and what to do about them: WP-Cron only
 * runs when a page is requested, so a site without traffic (or with WP-Cron disabled and no
 * system cron) lets runs go by. The policy: run once for the latest due run (catch-up), and
 * report every earlier one as missed; never skip one silently. Pure: no WordPress call.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Cron\Expression;

/**
 * Counts due and missed runs.
 */
final class Missed_Runs {

	/** Runs counted at most between two checks; beyond, `capped` says the count is a floor. */
	const MAX_COUNTED = 100000;

	/**
	 * The runs of $cron in ($after, $until], in time zone $timezone.
	 *
	 * @param string $cron     A cron expression Bjlg\Cron\Expression accepts.
	 * @param \DateTimeZone|string $timezone The site's zone (wp_timezone()).
	 * @param int    $after    Unix time of the previous check (exclusive).
	 * @param int    $until    Unix time of this check (inclusive).
	 * @return array{due: ?int, missed: int, first_missed: ?int, last_missed: ?int, capped: bool}
	 *         due: the run to perform now (the latest in the interval), or null;
	 *         missed: how many earlier runs were not performed, first_missed/last_missed their span.
	 * @throws \Bjlg\Cron\SyntaxError An invalid expression.
	 */
	public static function between( string $cron, $timezone, int $after, int $until ): array {
		$result = array(
			'due'          => null,
			'missed'       => 0,
			'first_missed' => null,
			'last_missed'  => null,
			'capped'       => false,
		);
		$expression = Expression::parse( $cron );
		if ( $until <= $after || $expression->neverFires() ) {
			return $result;
		}
		try {
			$latest = $expression->previous( self::instant( $until ), $timezone, true )->getTimestamp();
		} catch ( \Bjlg\Cron\NoRunException $e ) {
			return $result; // Its first run is still to come.
		}
		if ( $latest <= $after ) {
			return $result;
		}
		$result['due'] = $latest;
		$run           = $expression->next( self::instant( $after ), $timezone );
		while ( $run->getTimestamp() < $latest ) {
			if ( $result['missed'] >= self::MAX_COUNTED ) {
				$result['capped'] = true;
				break;
			}
			++$result['missed'];
			$result['first_missed'] ??= $run->getTimestamp();
			$result['last_missed']    = $run->getTimestamp();
			$run                      = $expression->next( $run, $timezone );
		}
		return $result;
	}

	/**
	 * The next run strictly after $after, or null when the expression never fires.
	 *
	 * @param string $cron     A cron expression.
	 * @param \DateTimeZone|string $timezone The site's zone.
	 * @param int    $after    Unix time.
	 */
	public static function next_run( string $cron, $timezone, int $after ): ?int {
		$expression = Expression::parse( $cron );
		if ( $expression->neverFires() ) {
			return null;
		}
		try {
			return $expression->next( self::instant( $after ), $timezone )->getTimestamp();
		} catch ( \Bjlg\Cron\NoRunException $e ) {
			return null;
		}
	}

	/**
	 * A Unix time as an instant.
	 *
	 * @param int $timestamp Unix time.
	 */
	private static function instant( int $timestamp ): \DateTimeImmutable {
		return new \DateTimeImmutable( '@' . $timestamp );
	}
}
