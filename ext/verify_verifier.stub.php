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

    public static function verify(string $archive, #[\SensitiveParameter] array $options = []): array {}
}
