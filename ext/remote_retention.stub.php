<?php

/** @generate-class-entries */

namespace Bjlg\Remote;

/**
 * Which backup archives a retention policy keeps and which it deletes, with the rule that
 * decided each, in words. Pure computation: nothing is listed or deleted here (that is
 * Bjlg\Remote\Purge). See docs/purge.md.
 */
final class Retention
{
    private function __construct() {}

    /**
     * @param array $archives what a destination holds under its prefix
     * @phpstan-param list<array{name: string, size?: int, mtime?: int|string, verified?: bool}> $archives
     * @param array $policy
     * @phpstan-param array{keep_last?: int, keep_daily?: int, keep_weekly?: int, keep_monthly?: int, keep_yearly?: int, max_age_days?: int|null, min_keep?: int, keep_verified?: bool, timezone?: string|null, target_ratio?: float|null, lead_days?: float|null} $policy
     * @param array $options
     * @phpstan-param array{now?: int|\DateTimeInterface, lang?: string} $options
     * @return array keep, delete, foreign (lists of name, size, time, time_source, kind, chain, rule, rules, reason), bytes_freed, counts, policy
     * @throws \ValueError an archive or a policy key refused (its index or key is named), an unknown option
     * @throws \TypeError an option of the wrong type
     */
    public static function evaluate(array $archives, array $policy, array $options = []): array {}

    /**
     * Reads a YAML retention policy: a map of the policy keys, or a map whose `policy` key is
     * that map (so one file can hold destinations and policy).
     *
     * @return array the policy with every key (null for unset optional ones), ready for evaluate()
     * @throws InvalidPolicyException a key unknown or out of range, not YAML (file and line named)
     * @throws IOException the file could not be read
     */
    public static function loadPolicy(string $path): array {}
}
