<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * The remote purge's service level, measured from purge events: backlog, time to purge,
 * throughput, failures, the share purged within the target, when the backlog clears, what
 * purging it buys on the quota, and the plugin's bjlg_remote_purge_sla_metrics shape.
 * See docs/sla.md.
 */
final class PurgeSla
{
    private function __construct() {}

    /**
     * @param array $events
     * @phpstan-param list<array{archive?: string, destination?: string|int, queued_at: int|string, started_at?: int|string|null, finished_at?: int|string|null, status?: string, bytes?: int|float, attempts?: int, message?: string}> $events
     * @param array $options
     * @phpstan-param array{now?: int|\DateTimeInterface, target_seconds?: int|float, window_seconds?: int|float, forecasts?: array<string, array>} $options
     * @return array backlog, latency, throughput, failures, clearance, destinations, quotas, samples, backlog_series, legacy (docs/sla.md)
     * @throws InvalidInputException an event refused (its index and field are named)
     * @throws \ValueError an unknown option or a value out of range
     * @throws \TypeError an option of the wrong type
     */
    public static function compute(array $events, array $options = []): array {}
}
