<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * Recovery point and recovery time objectives measured from backup runs, verifications and
 * restore tests (the lines of the verify history file): RPO now, worst RPO and breaches over the
 * window, RTO of restore tests, per site. The one definition of RTO and RPO is in docs/sla.md.
 */
final class Objectives
{
    private function __construct() {}

    /**
     * @param array $runs
     * @phpstan-param list<array{kind?: string, status?: string, finished_at: int|string, created_at?: int|string, started_at?: int|string, backup?: array{created_at?: int|string}, verified?: bool, rto_seconds?: int|float, rto?: array{seconds?: int|float}, site?: string|int, archive?: string}> $runs
     * @param array $targets
     * @phpstan-param array{rpo_seconds?: int|float, rto_seconds?: int|float} $targets
     * @param array $options
     * @phpstan-param array{now?: int|\DateTimeInterface, window_seconds?: int|float} $options
     * @return array now, window, runs, rpo, rto, verdict, targets, sites (docs/sla.md)
     * @throws InvalidInputException a run refused (its index and field are named)
     * @throws \ValueError an unknown target or option, or a value out of range
     * @throws \TypeError a target or option of the wrong type
     */
    public static function evaluate(array $runs, array $targets, array $options = []): array {}
}
