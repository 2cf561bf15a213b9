<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * When a destination reaches a share of its quota, with an interval at a confidence, from
 * samples of its usage (docs/sla.md: the model, the keys, the backtest).
 */
final class Forecast
{
    /**
     * $samples: arrays with `at` (int Unix seconds or DateTimeInterface), `used_bytes` (int or
     * float >= 0) and optionally `quota_bytes` (null, 0 for "not reported", or bytes), in any
     * order; other keys are ignored. $options: threshold (ratio of the quota, default 0.85),
     * quota_bytes (overrides the samples'), now (int|DateTimeInterface, default the clock),
     * horizon_days (default 730), confidence (default 0.8), risk_days (['critical' => 7,
     * 'warning' => 30, 'watch' => 90]).
     * Returns model, samples_used, outliers, purges, growth_bytes_per_day (and _low, _high),
     * growth_changed_at, current_used_bytes, current_at, quota_bytes, current_ratio,
     * threshold_bytes, threshold_at, threshold_at_low, threshold_at_high, full_at,
     * days_to_threshold, risk_level (critical|warning|watch|ok|unknown) and legacy (collector,
     * purge_worker, capacity: the plugin's shapes).
     * @throws InvalidInputException naming the sample and the field
     */
    public static function project(array $samples, array $options = []): array {}
}
