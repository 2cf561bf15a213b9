<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * Every destination's forecast at once, which saturates first, and ranked recommendations with
 * numbers (docs/sla.md).
 */
final class Capacity
{
    /**
     * $destinations: a list of arrays with `name`, `samples` (as for Forecast::project()) and
     * optionally `quota_bytes` (?int), `archives` (list of [name, size, created_at] or of arrays
     * with those keys; created_at int or DateTimeInterface), `max_backups` (int, the retention)
     * and `incremental` (bool: false when every backup is a full one).
     * $options: Forecast::project()'s options but quota_bytes, plus target_days (the headroom
     * recommendations aim for, default 365) and incremental_ratio (default 0.2).
     * Returns ['destinations' => [name => forecast], 'first_to_saturate' => ?string,
     * 'first_threshold_at' => ?int, 'recommendations' => list of [rank, code, destination,
     * bytes, days_gained, message => ['en' => ..., 'fr' => ...], and the code's details]].
     * @throws InvalidInputException naming the destination and the field
     */
    public static function plan(array $destinations, array $options = []): array {}
}
