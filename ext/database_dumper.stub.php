<?php

/** @generate-class-entries */

namespace Bjlg\Database;

/**
 * A consistent, streaming dump of a database in the Backup JLG plugin's database.sql form
 * (docs/database.md).
 */
final class Dumper
{
    private function __construct() {}

    /**
     * Dumps the connection's database into the file $to (written under a temporary name, renamed
     * when complete) or the writable stream $to. Options: tables (list), prefix, site, progress.
     * Returns tables, views, triggers, routines, not_consistent, rows, bytes, seconds, binlog,
     * server_version.
     * @param string|resource $to
     */
    public static function dump(#[\SensitiveParameter] array $connection, $to, array $options = []): array {}
}
