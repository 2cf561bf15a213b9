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

    /**
     * Opens a zip, or an encrypted archive (bjlg AEAD or BJLGENC1) in place with its key or
     * password: entries are read through the decryption, in memory; no plaintext file is written.
     *
     * @param array $options
     * @phpstan-param array{key?: \Bjlg\Crypto\Key|string} $options
     * @throws IOException the file is missing (error_code "not_found"), unreadable ("permission_denied") or fails ("io")
     * @throws CorruptArchiveException not a consistent zip, or encrypted data that does not authenticate
     * @throws WrongKeyException an encrypted archive opened without a key, or with the wrong one
     * @throws UnsupportedException an encryption format or method bjlg does not know
     * @throws \ValueError an unknown option, an empty password
     * @throws \TypeError an option of the wrong type
     */
    public static function open(string $path, #[\SensitiveParameter] array $options = []): Reader {}

    /**
     * @return array
     * @phpstan-return list<array{name: string, size: int, compressed_size: int, crc: int, method: int, mtime: int, mode: int, is_dir: bool, is_symlink: bool}>
     */
    public function entries(): array {}

    /**
     * Extracts every entry under $dir, refusing unsafe archives before writing anything.
     *
     * The progress callable receives the record every long operation reports: phase "extract",
     * unit "bytes" (done: bytes written, total: the entries' declared sizes), current: the
     * entry's name; at the start, before each entry and after each MiB written, at most every
     * progress_interval seconds (the first and last reports are always made). Returning false
     * (or throwing) stops the extraction: the entry being written is removed (a file never
     * appears half-written under its name), the entries already extracted by this call stay, as
     * after any other failure.
     *
     * @param array $options
     * @phpstan-param array{max_entry_size?: int, max_total_size?: int, max_entries?: int, max_ratio?: int, overwrite?: bool, progress?: callable(array{phase: string, done: int, total: int, unit: string, current: string, elapsed: float, phase_index: int, phases: list<string>}): (bool|void), progress_interval?: float} $options
     * @return array
     * @phpstan-return array{files: int, directories: int, bytes: int}
     * @throws CorruptArchiveException an unsafe or damaged archive (nothing of a refused entry is left)
     * @throws IOException the destination cannot be written
     * @throws CancelledException the progress callable returned false or threw (its exception is the previous one)
     * @throws \ValueError an unknown option, a limit below 1, a negative progress_interval
     * @throws \TypeError an option of the wrong type (progress not callable, progress_interval not a number)
     */
    public function extractTo(string $dir, array $options = []): array {}

    /**
     * @return resource a read-only stream; size and CRC-32 are checked when it reaches the end
     * @throws IOException no entry by that name (error_code "not_found")
     * @throws CorruptArchiveException an unsafe name, or an entry over $maxSize
     */
    public function readEntry(string $name, int $maxSize = PHP_INT_MAX) {}

    /**
     * Reads every entry to its end, checking sizes and CRC-32s.
     * @throws CorruptArchiveException the first entry that fails
     */
    public function verify(): void {}

    /**
     * @return array the validated paths of deleted-files.json (empty when absent)
     * @phpstan-return list<string>
     * @throws CorruptArchiveException an unsafe path in it
     */
    public function deletedFiles(): array {}

    /** "bjlg" or "bjlgenc1" when the archive was opened through its decryption, "" otherwise. */
    public function encryption(): string {}
}
