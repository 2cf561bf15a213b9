<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * The JSON-lines history `bjlg quota --record` appends usage samples to, and that restore
 * tests and verifications append their runs to (docs/sla.md).
 */
final class History
{
    /**
     * Reads a history file, one line at a time. Returns ['samples' => list of [destination,
     * at (Unix seconds), used_bytes (?int), quota_bytes (?int), object_count (?int), errors,
     * line], 'runs' => list of the verify and restore-test lines, 'skipped_lines' => list of
     * line numbers that are not JSON, 'unknown_lines' => int, 'torn_last_line' => bool].
     * @throws IOException when the file cannot be read
     * @throws CorruptHistoryException naming the line and the field of a bad sample
     */
    public static function read(string $path): array {}

    /**
     * Appends one line per sample ([destination, at (int|DateTimeInterface, default now),
     * used_bytes (?int), quota_bytes (?int), object_count (?int), errors (list of strings)]) in
     * one write with O_APPEND, then fsync. Returns the number of lines written.
     * @throws InvalidInputException naming the sample and the field
     * @throws IOException when the file cannot be written
     */
    public static function append(string $path, array $samples): int {}
}
