<?php

/** @generate-class-entries */

namespace Bjlg\Watch;

/**
 * The append-only change journal (docs/watch.md): many processes may append at once; every
 * record is checksummed and numbered; numbers never repeat, even after a crash.
 */
final class Journal
{
    private function __construct() {}

    /** Opens the journal at $path, creating it (mode 0600) when missing. */
    public static function open(string $path): Journal {}

    /**
     * Appends one event and returns its sequence number (durable on return). An event is an
     * array with a "type" (created, modified, deleted, moved, or a site event such as
     * post_saved), a "path" (and "from" for moved) relative to the site, an optional "tables"
     * list, and other scalar keys.
     */
    public function append(array $event): int {}

    /**
     * The records after $since_seq, oldest first, at most $limit: each
     * ["seq" => int, "at_ms" => int, "event" => array].
     */
    public function changes(int $since_seq, int $limit = 100000): array {}

    /**
     * The journal's state: ["last_seq" => int, "damaged" => int, "torn_tail" => bool,
     * "pending" => int (records after $since_seq)].
     */
    public function stats(int $since_seq = 0): array {}

    /**
     * Rewrites the journal without records at or below $through_seq (already archived),
     * damaged lines and file events superseded by a later one on the same path. Returns
     * ["kept", "dropped", "base", "bytes_before", "bytes_after"].
     */
    public function compact(int $through_seq = 0): array {}
}
