<?php
/**
 * The site's storage: its destinations (option `bjlg_destinations`, a list of the destination
 * arrays Bjlg\Quota\Collector takes), their usage samples (the JSON-lines history of
 * Bjlg\Sla\History in the backups folder), their forecast and capacity plan (Bjlg\Sla\Capacity),
 * and the purge of what the site's retention policy (option `bjlg_retention_policy`, the keys of
 * Bjlg\Remote\Retention) deletes there (Bjlg\Remote\Purge: a plan, stored, then applied).
 * Destinations hold credentials: only `public_destination()` of one ever leaves this class.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

/**
 * Destinations, usage history, forecasts and purges.
 */
final class Storage {

	const DESTINATIONS_OPTION = 'bjlg_destinations';
	const POLICY_OPTION       = 'bjlg_retention_policy';
	const PLAN_OPTION         = 'bjlg_purge_plan';
	const HISTORY_FILE        = 'bjlg-usage-history.jsonl';

	/** The keys of a destination an answer may show: never a credential, a URL or a path. */
	const PUBLIC_KEYS = array( 'name', 'type', 'quota_bytes', 'bucket', 'region', 'prefix' );

	/** Samples drawn per destination: a year of daily samples. */
	const CHART_SAMPLES = 366;

	/**
	 * The site's destinations, as Collector::collect() and Purge::plan() take them.
	 *
	 * @return list<array<string, mixed>>
	 */
	public static function destinations(): array {
		$value = get_option( self::DESTINATIONS_OPTION, array() );
		return is_array( $value ) ? array_values( array_filter( $value, 'is_array' ) ) : array();
	}

	/**
	 * The site's retention policy (empty: keep everything).
	 *
	 * @return array<string, mixed>
	 */
	public static function policy(): array {
		$value = get_option( self::POLICY_OPTION, array() );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * What an answer may say of a destination. Pure.
	 *
	 * @param array<string, mixed> $destination A destination array.
	 * @return array<string, mixed>
	 */
	public static function public_destination( array $destination ): array {
		$shown = array_intersect_key( $destination, array_flip( self::PUBLIC_KEYS ) );
		return $shown + array( 'quota_bytes' => null );
	}

	/**
	 * The history file, in the guarded backups folder (which file backups leave out).
	 */
	public static function history_path(): string {
		return Backup_Store::directory() . '/' . self::HISTORY_FILE;
	}

	/**
	 * Measures every destination now (Collector::collect) and appends one sample each to the
	 * history, measured or not (a failure is a sample with its error, as `bjlg quota --record`).
	 *
	 * @return list<array<string, mixed>> Per destination: name, type, used_bytes, quota_bytes,
	 *                                    free_bytes, errors, error_codes, collected_at.
	 * @throws \Bjlg\Exception When the history cannot be written or a destination is refused.
	 */
	public static function sample_now(): array {
		$destinations = self::destinations();
		if ( array() === $destinations ) {
			return array();
		}
		$results = \Bjlg\Quota\Collector::collect( $destinations );
		$samples = array();
		foreach ( $results as $r ) {
			$samples[] = array(
				'destination'  => $r['name'],
				'at'           => $r['collected_at'],
				'used_bytes'   => $r['used_bytes'],
				'quota_bytes'  => $r['quota_bytes'],
				'object_count' => $r['object_count'],
				'errors'       => array_values( $r['errors'] ),
			);
		}
		\Bjlg\Sla\History::append( self::history_path(), $samples );
		$shown = array();
		foreach ( $results as $r ) {
			$shown[] = array_intersect_key(
				$r,
				array_flip( array( 'name', 'type', 'used_bytes', 'quota_bytes', 'free_bytes', 'errors', 'error_codes', 'collected_at' ) )
			);
		}
		return $shown;
	}

	/**
	 * Samples every destination now, then opens an incident (`storage_at_risk`) for each one
	 * whose forecast is critical or warning, unless one is open: the one entry point of
	 * POST /storage/samples, the `quota` command and the scheduler.
	 *
	 * @param int $now Unix seconds.
	 * @return array{samples: list<array<string, mixed>>, incidents: list<array<string, mixed>>}
	 * @throws \Bjlg\Exception The destinations could not be measured, the history written, or
	 *                          forecast.
	 */
	public static function measure( int $now ): array {
		return array(
			'samples'   => self::sample_now(),
			'incidents' => self::open_risk_incidents( $now ),
		);
	}

	/**
	 * Opens an incident for each destination whose forecast is critical or warning (an open one
	 * is kept, not doubled); none on a site without a notification channel.
	 *
	 * @param int $now Unix seconds.
	 * @return list<array<string, mixed>> The incidents, as Incidents::all() shows them.
	 * @throws \Bjlg\Exception The history could not be read or forecast.
	 */
	public static function open_risk_incidents( int $now ): array {
		$incidents = array();
		if ( array() === Incidents::settings()['channels'] ) {
			return $incidents; // Bjlg\Notify\Incident needs a channel to notify.
		}
		foreach ( self::risk_events( self::capacity( $now ) ) as $event ) {
			$incidents[] = Incidents::open( $event, $now );
		}
		return $incidents;
	}

	/**
	 * The measured samples of each destination, oldest first. Pure.
	 *
	 * @param list<array<string, mixed>> $samples History::read()'s `samples`.
	 * @return array<string, list<array{at: int, used_bytes: int, quota_bytes: ?int}>>
	 */
	public static function samples_by_destination( array $samples ): array {
		$by = array();
		foreach ( $samples as $sample ) {
			if ( null === $sample['used_bytes'] ) {
				continue;
			}
			$by[ $sample['destination'] ][] = array(
				'at'          => (int) $sample['at'],
				'used_bytes'  => (int) $sample['used_bytes'],
				'quota_bytes' => $sample['quota_bytes'],
			);
		}
		foreach ( $by as &$list ) {
			usort(
				$list,
				static function ( array $a, array $b ): int {
					return $a['at'] <=> $b['at'];
				}
			);
		}
		return $by;
	}

	/**
	 * The history's samples by destination (none when no sample was recorded yet).
	 *
	 * @return array<string, list<array<string, mixed>>>
	 */
	private static function recorded_samples(): array {
		$path = self::history_path();
		if ( ! is_file( $path ) ) {
			return array();
		}
		return self::samples_by_destination( \Bjlg\Sla\History::read( $path )['samples'] );
	}

	/**
	 * Every destination's forecast, the capacity plan's recommendations (Capacity::plan) and the
	 * samples to draw. The archives of each destination come from a dry listing
	 * (Purge::plan with no rule keeps everything), so that `purge_archives` can name them.
	 *
	 * @param int $now Unix seconds.
	 * @return array<string, mixed>
	 * @throws \Bjlg\Exception A sample or a destination refused by the extension.
	 */
	public static function capacity( int $now ): array {
		$destinations = self::destinations();
		$samples      = self::recorded_samples();
		$listing      = array() === $destinations ? array( 'destinations' => array() ) : \Bjlg\Remote\Purge::plan( $destinations, array(), array( 'now' => $now ) );
		$input        = array();
		foreach ( $destinations as $destination ) {
			$name     = (string) $destination['name'];
			$archives = array();
			foreach ( $listing['destinations'][ $name ]['keep'] ?? array() as $archive ) {
				$archives[] = array(
					'name'       => $archive['name'],
					'size'       => $archive['size'],
					'created_at' => $archive['time'],
				);
			}
			$input[] = array(
				'name'        => $name,
				'samples'     => $samples[ $name ] ?? array(),
				'quota_bytes' => isset( $destination['quota_bytes'] ) ? (int) $destination['quota_bytes'] : null,
				'archives'    => $archives,
			);
		}
		$plan  = array() === $input ? array(
			'destinations'      => array(),
			'first_to_saturate' => null,
			'recommendations'   => array(),
		) : \Bjlg\Sla\Capacity::plan( $input, array( 'now' => $now ) );
		$shown = array();
		foreach ( $destinations as $destination ) {
			$name     = (string) $destination['name'];
			$forecast = $plan['destinations'][ $name ] ?? null;
			unset( $forecast['legacy'] );
			$shown[] = array(
				'destination' => self::public_destination( $destination ),
				'samples'     => array_slice( $samples[ $name ] ?? array(), -self::CHART_SAMPLES ),
				'archives'    => count( $listing['destinations'][ $name ]['keep'] ?? array() ),
				'listing'     => $listing['destinations'][ $name ]['error'] ?? null,
				'forecast'    => $forecast,
			);
		}
		return array(
			'now'               => $now,
			'destinations'      => $shown,
			'first_to_saturate' => $plan['first_to_saturate'],
			'recommendations'   => $plan['recommendations'],
		);
	}

	/**
	 * The incidents a capacity plan calls for: one per destination whose forecast is critical or
	 * warning. The title names the destination only, so that the next sample finds the incident
	 * still open instead of opening another; the figures are in the lines. Pure.
	 *
	 * @param array<string, mixed> $capacity capacity()'s answer.
	 * @return list<array<string, mixed>> Events for Incidents::open().
	 */
	public static function risk_events( array $capacity ): array {
		$events = array();
		foreach ( $capacity['destinations'] as $item ) {
			$forecast = $item['forecast'];
			$level    = $forecast['risk_level'] ?? 'unknown';
			if ( 'critical' !== $level && 'warning' !== $level ) {
				continue;
			}
			$name     = (string) $item['destination']['name'];
			$events[] = array(
				'event'    => 'storage_at_risk',
				'title'    => sprintf( 'Destination %s is filling up', $name ),
				'severity' => $level,
				'lines'    => array(
					sprintf(
						'%s: %.1f%% of the quota used, %d%% reached in %.1f days (%s).',
						$name,
						100 * (float) $forecast['current_ratio'],
						(int) round( 100 * (float) $forecast['threshold'] ),
						(float) $forecast['days_to_threshold'],
						gmdate( 'Y-m-d', (int) $forecast['threshold_at'] )
					),
				),
				'context'  => array(
					'destination' => $name,
					'risk_level'  => $level,
				),
			);
		}
		return $events;
	}

	/**
	 * A purge plan (dry run) of the site's policy on every destination, with each destination's
	 * forecast for a quota-driven policy; stored so that apply() runs this plan and no other.
	 *
	 * @param int    $now  Unix seconds.
	 * @param string $lang en or fr: the language of the reasons.
	 * @return array<string, mixed> The plan with its `plan_id`.
	 * @throws \Bjlg\Exception|\ValueError A destination or the policy refused.
	 */
	public static function plan_purge( int $now, string $lang ): array {
		$destinations = self::destinations();
		$samples      = self::recorded_samples();
		$forecasts    = array();
		foreach ( $destinations as $destination ) {
			$name = (string) $destination['name'];
			if ( ! empty( $samples[ $name ] ) ) {
				$options = array( 'now' => $now );
				if ( isset( $destination['quota_bytes'] ) ) {
					$options['quota_bytes'] = (int) $destination['quota_bytes'];
				}
				$forecasts[ $name ] = \Bjlg\Sla\Forecast::project( $samples[ $name ], $options );
			}
		}
		$plan = \Bjlg\Remote\Purge::plan(
			$destinations,
			self::policy(),
			array(
				'now'       => $now,
				'lang'      => $lang,
				'forecasts' => $forecasts,
			)
		);
		$id   = self::plan_id( $plan );
		update_option(
			self::PLAN_OPTION,
			array(
				'id'   => $id,
				'plan' => $plan,
			),
			false
		);
		return array( 'plan_id' => $id ) + $plan;
	}

	/**
	 * The id a stored plan is applied by: a digest of the whole plan. Pure.
	 *
	 * @param array<string, mixed> $plan A plan.
	 */
	public static function plan_id( array $plan ): string {
		return substr( hash( 'sha256', (string) wp_json_encode( $plan ) ), 0, 16 );
	}

	/**
	 * Applies the stored plan whose id is given (Purge::run, with a journal beside the history so
	 * that a run cut short is resumed by applying the same plan again).
	 *
	 * @param string $id The plan's id, as plan_purge() answered it.
	 * @param int    $now Unix seconds.
	 * @return array<string, mixed>|null Purge::run()'s result without its journal path; null when
	 *                                   no stored plan has that id.
	 * @throws \ValueError The plan is too old (Purge::run's max_plan_age) or malformed.
	 * @throws \Bjlg\Exception The journal could not be written.
	 */
	public static function apply_purge( string $id, int $now ): ?array {
		$stored = get_option( self::PLAN_OPTION, null );
		if ( ! is_array( $stored ) || ! hash_equals( (string) ( $stored['id'] ?? '' ), $id ) ) {
			return null;
		}
		$result = \Bjlg\Remote\Purge::run(
			$stored['plan'],
			array(
				'destinations' => self::destinations(),
				'now'          => $now,
				'journal'      => Backup_Store::directory() . '/bjlg-purge-' . $id . '.journal',
			)
		);
		delete_option( self::PLAN_OPTION );
		unset( $result['journal'] );
		History::log(
			'remote_purge',
			0 === $result['failed'] ? 'success' : 'failure',
			sprintf( 'Purge %s: %d deleted, %d already gone, %d failed', $id, $result['deleted'], $result['already_gone'], $result['failed'] ),
			array(
				'plan_id'     => $id,
				'bytes_freed' => $result['bytes_freed'],
			)
		);
		return $result;
	}
}
