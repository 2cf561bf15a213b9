<?php

/** @generate-class-entries */

namespace Bjlg\Watch;

/**
 * What changed under a site's folders (docs/watch.md): inotify, or a scan compared with the
 * previous one when inotify is unavailable or its watch limit is reached.
 */
final class Watcher
{
    /**
     * $roots: [prefix => absolute folder] (prefix "" for the site root, e.g.
     * ["wp-content/uploads" => "/var/www/wp-content/uploads"]), or a list of folders (prefix "").
     * Options: "exclude" and "include" (the Writer's patterns), "default_excludes" (bool,
     * true), "scan" (bool, false: force the scan mode), "hash" (bool, false: in scan mode also
     * compare each file's SHA-256, reading every file each scan), "max_events" (int, 10000),
     * "max_watches" (int, 0: as many as the kernel gives; reaching it switches to scan mode).
     */
    public function __construct(array $roots, array $options = []) {}

    /**
     * Waits at most $timeout_ms (0 to 86400000) and returns the events seen, each
     * ["type" => created|modified|deleted|moved|rescan, "path" => string, "dir" => bool]
     * plus "from" (moved) and "reason" (rescan).
     */
    public function wait(int $timeout_ms): array {}

    /** "inotify" or "scan". */
    public function mode(): string {}

    /** Why the watcher is in scan mode (the watch limit and how to raise it), or null. */
    public function warning(): ?string {}
}
