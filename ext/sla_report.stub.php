<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * Renders SLA data as one self-contained HTML page with SVG charts (English or French, local
 * times, readable sizes, printable), as JSON or as CSV; the verdict comes first. The same
 * renderer writes the post-backup report. The shape of $data is in docs/sla.md.
 */
final class Report
{
    private function __construct() {}

    /**
     * @param array $data
     * @phpstan-param array{title?: string, forecasts?: list<array{name: string, samples?: list<array>, forecast?: array}>, purge?: array, objectives?: array, backup?: array} $data
     * @param string $format "html", "json" or "csv"
     * @param array $options
     * @phpstan-param array{locale?: string, timezone?: string, now?: int|\DateTimeInterface} $options
     * @throws InvalidInputException $data of the wrong shape (the section is named)
     * @throws \ValueError an unknown format or option, an unknown locale or time zone
     * @throws \TypeError an option of the wrong type, or objects inside $data
     */
    public static function render(array $data, string $format = 'html', array $options = []): string {}
}
