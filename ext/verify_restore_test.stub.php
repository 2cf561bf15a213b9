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

    public static function run(string $archive, #[\SensitiveParameter] array $options = []): array {}
}
