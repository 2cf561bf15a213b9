<?php

/** @generate-class-entries */

namespace Bjlg\Archive;

/**
 * Reads any zip and extracts it under safety rules (docs/archive.md).
 * @strict-properties
 * @not-serializable
 */
final class Reader
{
    private function __construct() {}

    public static function open(string $path): Reader {}

    public function entries(): array {}

    public function extractTo(string $dir, array $options = []): array {}

    /** @return resource */
    public function readEntry(string $name, int $maxSize = PHP_INT_MAX) {}

    public function verify(): void {}

    public function deletedFiles(): array {}
}
