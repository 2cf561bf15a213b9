<?php

/** @generate-class-entries */

namespace Bjlg\Archive;

/**
 * Builds a backup archive the Backup JLG restorer accepts (docs/archive.md).
 * @strict-properties
 * @not-serializable
 */
final class Writer
{
    /** $options may hold the `encrypt` key or password. */
    public function __construct(string $path, #[\SensitiveParameter] array $options = []) {}

    public function addDirectory(string $dir, string $prefix = ""): void {}

    public function addFile(string $file, string $name): void {}

    public function addFromString(string $name, string $data): void {}

    /**
     * Incrementals (option "since" names a bjlg backup): $name (a file, or a folder and
     * everything under it) no longer exists; close() lists what the previous backup held there
     * in deleted-files.json without scanning its folder.
     */
    public function addDeletion(string $name): void {}

    /** @param resource $stream */
    public function addFromStream(string $name, $stream): void {}

    /**
     * Dumps a database (Bjlg\Database\Dumper's form) into the entry $name, compressed (and
     * encrypted with the writer's key) while it is read: no temporary .sql. Options: tables,
     * prefix, site, level (0..9, the deflate level of this entry; default 1, or 0 when the
     * archive's level is 0: SQL at level 1 is several times faster than at 6 for a few percent
     * of size). Returns Dumper::dump()'s array. Any failure abandons the archive.
     *
     * @phpstan-param array{tables?: list<string>, prefix?: string, site?: string, level?: int} $options
     */
    public function addDatabase(#[\SensitiveParameter] array $connection, string $name = "database.sql", array $options = []): array {}

    public function close(): array {}

    public function abort(): void {}
}
