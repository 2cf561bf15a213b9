<?php
/**
 * What a cron expression would do as the site's schedule, before it is saved: its description
 * (English and French), its next runs in the site's time zone and the guardrail warnings of
 * Bjlg\Cron\Expression::check() (docs/cron.md §4). Pure: the zone and the time are arguments.
 *
 * @package Bjlg\WordPress
 */

namespace Bjlg\WordPress;

use Bjlg\Cron\Expression;

/**
 * Thrown for an expression that cannot be previewed: refused by the parser, or valid but never
 * firing. Carries the parser's (or the guardrail's) reason.
 */
final class Invalid_Expression_Exception extends \InvalidArgumentException {

	/** A stable code: bjlg_cron_invalid (the parser) or bjlg_cron_never_fires. @var string */
	public $error_code;

	/** The parser's field, position, reason, suggestion; or the guardrail's reason and evidence. @var array<string, mixed> */
	public $details;

	/**
	 * An exception with its code and details.
	 *
	 * @param string               $error_code The code.
	 * @param string               $message    The reason, in English.
	 * @param array<string, mixed> $details    Where and what.
	 */
	public function __construct( string $error_code, string $message, array $details ) {
		$this->error_code = $error_code;
		$this->details    = $details;
		parent::__construct( $message );
	}
}

/**
 * Builds schedule previews.
 */
final class Schedule_Preview {

	/** The most runs a preview lists. */
	const MAX_COUNT = 50;

	/**
	 * The preview of $expression.
	 *
	 * @param string             $expression A cron expression.
	 * @param int                $count      How many next runs (1..MAX_COUNT).
	 * @param \DateTimeZone      $zone       The site's time zone.
	 * @param \DateTimeInterface $from       The runs strictly after this instant.
	 * @param list<array{name: string, expression: string, duration: int}> $others The other entries (Schedule::others()): their `overlap` warnings.
	 * @param int                $duration   Seconds a backup is expected to last (the overlap check).
	 * @return array{expression: string, macro: ?string, timezone: string, description: array{en: string, fr: string}, next_runs: list<string>, warnings: list<array{code: string, severity: string, message: string, evidence: array<string, mixed>}>, accepted: bool, min_interval: ?int, runs_per_day: float}
	 * @throws \ValueError $count out of range (a programmer's error: callers check it).
	 * @throws Invalid_Expression_Exception An expression refused by the parser or never firing.
	 */
	public static function build( string $expression, int $count, \DateTimeZone $zone, \DateTimeInterface $from, array $others = array(), int $duration = Schedule::DEFAULT_DURATION ): array {
		if ( $count < 1 || $count > self::MAX_COUNT ) {
			throw new \ValueError( 'count must be between 1 and ' . self::MAX_COUNT );
		}
		try {
			$parsed = Expression::parse( $expression );
		} catch ( \Bjlg\Cron\SyntaxError $e ) {
			throw new Invalid_Expression_Exception(
				'bjlg_cron_invalid',
				$e->getMessage(),
				array(
					'field'      => $e->field,
					'position'   => $e->position,
					'reason'     => $e->reason,
					'suggestion' => $e->suggestion,
				)
			);
		}
		$options = array(
			'timezone' => $zone,
			'from'     => $from,
		);
		if ( array() !== $others ) {
			$options['schedules'] = $others;
			$options['duration']  = $duration;
		}
		$report = $parsed->check( $options );
		if ( $parsed->neverFires() ) {
			$never = array_values( array_filter( $report['warnings'], static fn( $w ) => 'never_fires' === $w['code'] ) );
			throw new Invalid_Expression_Exception(
				'bjlg_cron_never_fires',
				$never ? $never[0]['message'] : 'This expression never fires.',
				array(
					'reason'   => $never ? $never[0]['message'] : 'This expression never fires.',
					'evidence' => $never ? $never[0]['evidence'] : array(),
				)
			);
		}
		$runs = array();
		foreach ( $parsed->nextRuns( $count, $from, $zone ) as $run ) {
			$runs[] = $run->format( DATE_ATOM );
		}
		$warnings = array();
		foreach ( $report['warnings'] as $warning ) {
			$warnings[] = array(
				'code'     => $warning['code'],
				'severity' => $warning['severity'],
				'message'  => $warning['message'],
				'evidence' => $warning['evidence'],
			);
		}
		return array(
			'expression'   => (string) $parsed,
			'macro'        => $parsed->getMacro(),
			'timezone'     => $zone->getName(),
			'description'  => array(
				'en' => $parsed->describe( 'en' ),
				'fr' => $parsed->describe( 'fr' ),
			),
			'next_runs'    => $runs,
			'warnings'     => $warnings,
			// What Schedule::save() would do: an `error` guardrail refuses the expression.
			'accepted'     => ! in_array( 'error', array_column( $warnings, 'severity' ), true ),
			'min_interval' => $report['min_interval'],
			'runs_per_day' => (float) $report['runs_per_day'],
		);
	}

	/**
	 * Why saving the previewed expression is refused: its first `error` guardrail (as
	 * Schedule::save() refuses it), or null when it can be saved.
	 *
	 * @param array<string, mixed> $preview A build() result.
	 * @return array{code: string, severity: string, message: string, evidence: array<string, mixed>}|null
	 */
	public static function refusal( array $preview ): ?array {
		foreach ( $preview['warnings'] as $warning ) {
			if ( 'error' === $warning['severity'] ) {
				return $warning;
			}
		}
		return null;
	}
}
