<?php

/** @generate-class-entries */

namespace Bjlg\Cron;

/**
 * A parsed cron expression (five fields, or a macro such as "@daily"), immutable.
 * Built with Expression::parse(); see docs/php-api.md and docs/cron.md for the dialect.
 *
 * @strict-properties
 * @not-serializable
 */
final class Expression
{
    private function __construct() {}

    /** @throws SyntaxError when $expression is not a valid cron expression */
    public static function parse(string $expression): Expression {}

    /** True when parse() would succeed (an expression that never fires is valid). */
    public static function isValid(string $expression): bool {}

    /**
     * The first run strictly after $from (at or after it when $inclusive), in $timezone.
     * $from null means now; $timezone null means the zone of $from (the default zone for now).
     *
     * @throws NoRunException when the expression never fires
     */
    public function next(?\DateTimeInterface $from = null, \DateTimeZone|string|null $timezone = null, bool $inclusive = false): \DateTimeImmutable {}

    /**
     * The last run strictly before $from (at or before it when $inclusive).
     *
     * @throws NoRunException when the expression never fires
     */
    public function previous(?\DateTimeInterface $from = null, \DateTimeZone|string|null $timezone = null, bool $inclusive = false): \DateTimeImmutable {}

    /**
     * The next $count runs (1 to 10000), in order, starting as next() does.
     *
     * @return list<\DateTimeImmutable>
     * @throws NoRunException when the expression never fires
     */
    public function nextRuns(int $count, ?\DateTimeInterface $from = null, \DateTimeZone|string|null $timezone = null, bool $inclusive = false): array {}

    /** True when the minute containing $at is a run, in $timezone (null: the zone of $at). */
    public function matches(\DateTimeInterface $at, \DateTimeZone|string|null $timezone = null): bool {}

    /** A human description, in "en" or "fr" (also "en_US", "fr_FR"...). */
    public function describe(string $locale = "en"): string {}

    /**
     * Guardrails: ['warnings' => list<array{code: string, severity: string, message: string,
     * evidence: array}>, 'min_interval' => ?int, 'runs_per_day' => float].
     */
    public function check(array $options = []): array {}

    /** True when no date can ever match, e.g. "0 0 30 2 *". */
    public function neverFires(): bool {}

    /** The macro the expression was written as ("@daily"), or null. */
    public function getMacro(): ?string {}

    /** The normalised expression: "@daily" -> "0 0 * * *", " 0  3 * jan mon" -> "0 3 * JAN MON". */
    public function __toString(): string {}
}

/** Thrown by Expression::parse() for an expression it refuses. */
class SyntaxError extends \Bjlg\Exception
{
    /** "minute", "hour", "day-of-month", "month", "day-of-week", or null for the whole expression. */
    public readonly ?string $field;
    /** Byte offset into the expression. */
    public readonly int $position;
    /** Why, in English, without the position. */
    public readonly string $reason;
    /** A likely fix ("@daily", "59"), or null. */
    public readonly ?string $suggestion;
}

/** Thrown when an expression has no run to return: it never fires, or not before year 9999. */
class NoRunException extends \Bjlg\Exception
{
}
