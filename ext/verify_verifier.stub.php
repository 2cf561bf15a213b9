<?php

/** @generate-class-entries */

namespace Bjlg\Verify;

/**
 * Verifies a backup archive (plain or encrypted) in one streaming pass with no plaintext on disk
 * and returns a report: status "passed", "failed" (the backup is bad) or "inconclusive" (the
 * check could not be carried out). See docs/verification.md.
 */
final class Verifier
{
    private function __construct() {}

    /**
     * @param array $options
     * @phpstan-param array{key?: \Bjlg\Crypto\Key|string, password?: string, sample?: float, sha256?: bool, threads?: int, progress?: callable(array{phase: string, done: int, total: int, unit: string, current: string, elapsed: float, phase_index: int, phases: list<string>}): (bool|void), report?: string, html?: string, locale?: 'en'|'fr', timezone?: string, history?: string} $options
     * @return array the report (docs/verification.md)
     * @throws IOException no archive at the path (error_code "not_found"), a report or history file that cannot be written
     * @throws CancelledException the progress callable returned false or threw (its exception is the previous one)
     * @throws \ValueError an unknown option or a value out of range
     * @throws \TypeError an option of the wrong type
     */
    public static function verify(string $archive, #[\SensitiveParameter] array $options = []): array {}
}
