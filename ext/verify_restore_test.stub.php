<?php

/** @generate-class-entries */

namespace Bjlg\Verify;

/**
 * Restores a backup (or a chain: a full backup and its incrementals) into a private sandbox,
 * compares the files with the index, optionally imports the dump into a throwaway MariaDB or a
 * fresh database of a given server, measures RTO and RPO, and removes everything. Returns a
 * report like Verifier::verify(). See docs/verification.md.
 */
final class RestoreTest
{
    private function __construct() {}

    /**
     * The progress callable receives the record every long operation reports. Phases, declared
     * up front in `phases` (a name may repeat): for each archive of the chain, oldest first,
     * "decrypt" when it is encrypted, then "extract" (both in bytes, begun with the archive's
     * file name as `current`; "extract" then names the entry), then "files" (files compared
     * with the index) and, with with_database or dsn, "database" (steps: 0 before the server
     * starts, 1 before the import, 2 after). A declared phase with nothing to do is skipped.
     *
     * @param array $options
     * @phpstan-param array{key?: \Bjlg\Crypto\Key|string, password?: string, threads?: int, progress?: callable(array{phase: string, done: int, total: int, unit: string, current: string, elapsed: float, phase_index: int, phases: list<string>}): (bool|void), report?: string, html?: string, locale?: 'en'|'fr', timezone?: string, history?: string, with_database?: bool, dsn?: string, sandbox?: string, chain?: list<string>} $options
     * @return array the report (docs/verification.md)
     * @throws IOException no archive at the path (error_code "not_found"), a report or history file that cannot be written
     * @throws CancelledException the progress callable returned false or threw (its exception is the previous one): the sandbox is removed, and no report file or history line is written
     * @throws \ValueError an unknown option or a value out of range
     * @throws \TypeError an option of the wrong type
     */
    public static function run(string $archive, #[\SensitiveParameter] array $options = []): array {}
}
