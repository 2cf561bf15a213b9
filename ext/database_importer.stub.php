<?php

/** @generate-class-entries */

namespace Bjlg\Database;

/**
 * Imports a SQL dump (the plugin's three flavours, bjlg's, mysqldump's) safely: never over
 * existing tables unless `replace`, optionally under a new table prefix (docs/database.md).
 */
final class Importer
{
    private function __construct() {}

    /**
     * Imports the file or readable stream $from. Options: prefix, source_prefix, replace, batch,
     * continue_on_error, max_statement, progress. Returns flavour, statements, rows, errors,
     * bytes, seconds, placeholder, tables, first_error.
     * @param string|resource $from
     */
    public static function import(#[\SensitiveParameter] array $connection, $from, array $options = []): array {}
}
