<?php
// bjlg backup|list|extract: the archive engine of the extension on the command line.
//
// Wiring (for bin/bjlg's dispatcher): `(new Bjlg\Cli\ArchiveCommand())->run($args)` where $args
// is the command and its arguments, e.g. ['backup', '--out', 'site.zip', '/var/www/wp-content'].
// run() prints its own usage errors and returns an exit status: 0 success, 1 the operation
// failed (I/O error, corrupt or unsafe archive, cancelled), 2 a usage error.
//
// `backup --encrypt` takes its secret as `bjlg encrypt` does (CryptoCommand::secret): from
// --key-file, --password-file or BJLG_ENCRYPTION_KEY, never from the command line.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/CryptoCommand.php';
require_once __DIR__ . '/ProgressDisplay.php';

final class ArchiveCommand
{
    public const COMMANDS = ['backup', 'list', 'extract'];

    public const HELP = <<<'TXT'
        Usage: bjlg backup --out FILE [options] SRC[=PREFIX]...
               bjlg list FILE [--format=table|json|csv] [--key-file F | --password-file F]
               bjlg extract FILE DIR [--max-size=BYTES] [--no-overwrite] [--key-file F | --password-file F]
                            [--progress=auto|bar|json|none]

        backup   archives each SRC folder under PREFIX (default: the folder's name), or a file
                 as PREFIX; "-=NAME" reads standard input as the entry NAME (a SQL dump).
                 Options:
                   --out FILE         the archive to write (required); an existing FILE is
                                      replaced only with --force (or --yes)
                   --level N          deflate level 0-9 (default 6)
                   --threads N        compression threads (default: all cores)
                   --exclude PAT      shell pattern, repeatable: on absolute paths, or on
                                      entry names when it starts with neither / nor *
                                      (--exclude wp-content/uploads)
                   --include PAT      shell pattern, repeatable
                   --no-default-excludes
                   --follow-symlinks  follow symlinks that stay inside the sources
                   --since FILE       incremental against a previous archive or index
                   --verify           decompress and CRC-check every entry before renaming
                   --encrypt          encrypt the archive (the zip exists only in a private
                                      folder beside FILE until then); the secret comes from
                   --key-file F | --password-file F | BJLG_ENCRYPTION_KEY (never --key/--password)
                   --encrypt-format bjlg|bjlgenc1   bjlg (default) or the plugin's format
                   --db DSN|WP-CONFIG the database too, as database.sql (first, as the plugin
                                      does): a PDO DSN (mysql:host=H;dbname=D or
                                      mysql:unix_socket=S;dbname=D) or a wp-config.php path;
                                      a consistent snapshot streamed into the archive
                   --db-user U        the DSN's user
                   --db-password-file F  the DSN's password, from a file (or BJLG_DB_PASSWORD);
                                      never on the command line
                   --db-prefix P      only the tables starting with P (one site: wp_3_)
                   --format=table|json the summary's format (default table)
                   --progress=auto|bar|json|none   progress on stderr: a bar with phase, rate
                                      and ETA when stderr is a terminal (auto, the default),
                                      or one JSON object per record for scripts
        list     the entries of an archive: size, compressed size, method, name
        extract  extracts an archive into DIR under the safety rules of docs/archive.md;
                 --progress as for backup (phase extract, in bytes)
        An encrypted archive is read in place, decrypted in memory (no plaintext file): its
        secret comes from --key-file, --password-file or BJLG_ENCRYPTION_KEY.

        Exit status: 0 success, 1 failure (I/O, corrupt or unsafe archive), 2 usage error.
        TXT;

    /** @var resource */
    private $err;
    private ?ProgressDisplay $progress = null;

    /** @param resource|null $stderr where progress and errors go (default STDERR) */
    public function __construct($stderr = null)
    {
        $this->err = $stderr ?? STDERR;
    }

    /**
     * Runs `backup`, `list` or `extract`.
     * @param list<string> $argv the command name followed by its arguments
     * @return int exit status: 0 success, 1 failure, 2 usage error
     */
    public function run(array $argv): int
    {
        $command = array_shift($argv);
        try {
            if (in_array('--help', $argv, true) || in_array('-h', $argv, true)) {
                echo self::HELP, "\n";
                return 0;
            }
            switch ($command) {
                case 'backup':
                    return $this->backup($argv);
                case 'list':
                    return $this->list($argv);
                case 'extract':
                    return $this->extract($argv);
                default:
                    throw new \InvalidArgumentException("unknown archive command '" . (string) $command . "'");
            }
        } catch (\InvalidArgumentException | UsageError | \ValueError | \TypeError $e) {
            fwrite($this->err, "bjlg: " . $e->getMessage() . "\nRun 'bjlg help backup' for usage.\n");
            return 2;
        } catch (\Bjlg\Exception $e) {
            $this->progress?->finish();
            fwrite($this->err, "bjlg: " . $e->getMessage() . "\n");
            return 1;
        }
    }

    /** @param list<string> $args */
    private function backup(array $args): int
    {
        [$sources, $o] = Cli::parseOptions($args,
            ['out', 'level', 'threads', 'exclude', 'include', 'since', 'format', 'key-file',
             'password-file', 'encrypt-format', 'progress', ...Cli::DATABASE_OPTIONS],
            ['no-default-excludes', 'follow-symlinks', 'verify', 'encrypt', 'force', 'yes'],
            ['exclude', 'include']);
        if (!isset($o['out'])) {
            throw new \InvalidArgumentException('backup needs --out FILE');
        }
        if (file_exists($o['out']) && !isset($o['force']) && !isset($o['yes'])) {
            throw new \InvalidArgumentException("{$o['out']} exists: give --force (or --yes) to replace it");
        }
        if ($sources === [] && !isset($o['db'])) {
            throw new \InvalidArgumentException('backup needs at least one SRC or --db');
        }
        $database = Cli::databaseConnection($o);
        $format = Cli::formatOption($o, ['table', 'json']);
        $options = [
            'exclude' => $o['exclude'] ?? [],
            'include' => $o['include'] ?? [],
            'default_excludes' => !isset($o['no-default-excludes']),
            'follow_symlinks' => isset($o['follow-symlinks']),
            'verify' => isset($o['verify']),
        ];
        if (($level = Cli::intOption($o, 'level', 0, 9)) !== null) {
            $options['level'] = $level;
        }
        if (($threads = Cli::intOption($o, 'threads', 0, 256)) !== null) {
            $options['threads'] = $threads;
        }
        if (isset($o['since'])) {
            $options['since'] = $o['since'];
        }
        $options += self::encryption($o);
        $this->progress = ProgressDisplay::fromOption($o['progress'] ?? null, $this->err);
        if ($this->progress !== null) {
            $options['progress'] = $this->progress;
        }
        $plan = [];
        foreach ($sources as $source) {
            [$path, $prefix] = array_pad(explode('=', $source, 2), 2, null);
            if ($path === '-') {
                if ($prefix === null || $prefix === '') {
                    throw new \InvalidArgumentException('standard input needs a name: -=database.sql');
                }
            } elseif (!file_exists($path)) {
                throw new \InvalidArgumentException("no such file or folder: $path");
            }
            $plan[] = [$path, $prefix ?? basename(rtrim($path, '/'))];
        }
        $writer = new \Bjlg\Archive\Writer($o['out'], $options);
        if ($database !== null) {
            $dump = $writer->addDatabase($database, 'database.sql', isset($o['db-prefix']) ? ['prefix' => $o['db-prefix']] : []);
        }
        foreach ($plan as [$path, $prefix]) {
            if ($path === '-') {
                $writer->addFromStream($prefix, STDIN);
            } elseif (is_dir($path)) {
                $writer->addDirectory($path, $prefix);
            } else {
                $writer->addFile($path, $prefix);
            }
        }
        $summary = $writer->close();
        $this->progress?->finish();
        if (isset($dump)) {
            $summary['database'] = $dump;
        }
        if ($format === 'json') {
            echo json_encode($summary, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
            return 0;
        }
        // Binary units, as everywhere in bjlg; a ratio only when the input is big enough for the
        // archive's own overhead (manifest, index) not to dominate it.
        $ratio = $summary['bytes_in'] >= 65536 ? sprintf(' (%.0f%%)', 100 * $summary['bytes_out'] / $summary['bytes_in']) : '';
        printf("%s: %s backup, %d entries (%d files%s%s), %s -> %s%s in %.2f s, %s/s\n",
            $summary['path'], $summary['type'], $summary['entries'], $summary['files'],
            $summary['type'] === 'incremental'
                ? sprintf(", %d unchanged, %d deleted", $summary['unchanged'], $summary['deleted']) : '',
            $summary['excluded'] > 0
                ? sprintf(', %d excluded (%s)', $summary['excluded'], Cli::bytes($summary['excluded_bytes'])) : '',
            Cli::bytes($summary['bytes_in']), Cli::bytes($summary['bytes_out']), $ratio,
            $summary['duration'],
            Cli::bytes((int) ($summary['duration'] > 0 ? $summary['bytes_in'] / $summary['duration'] : 0)));
        printf("sha256 %s\n", $summary['sha256']);
        if (isset($dump)) {
            printf("database: %d tables, %d rows, %s of SQL in %.2f s%s%s\n", count($dump['tables']), $dump['rows'],
                Cli::bytes($dump['bytes']), $dump['seconds'],
                $dump['not_consistent'] !== [] ? ', not snapshot-consistent: ' . implode(', ', $dump['not_consistent']) : '',
                $dump['binlog'] !== null ? ", binlog {$dump['binlog']['file']}:{$dump['binlog']['position']}" : '');
        }
        if (($e = $summary['encryption']) !== null) {
            printf("encrypted %s, %s, %s%s; zip sha256 %s\n", $e['format'], $e['cipher'],
                $e['mode'], $e['key_fingerprint'] !== null ? ' ' . $e['key_fingerprint'] : '',
                $e['plaintext_sha256']);
        }
        foreach ($summary['skipped'] as $s) {
            printf("skipped %s: %s\n", $s['path'], $s['reason']);
        }
        return 0;
    }

    /**
     * The writer's encryption options for --encrypt: the secret as `bjlg encrypt` reads it.
     * @param array<string, string|list<string>|true> $o
     * @return array<string, mixed>
     */
    private static function encryption(array $o): array
    {
        if (!isset($o['encrypt'])) {
            foreach (['key-file', 'password-file', 'encrypt-format'] as $name) {
                if (isset($o[$name])) {
                    throw new \InvalidArgumentException("--$name needs --encrypt");
                }
            }
            return [];
        }
        $options = ['encrypt' => CryptoCommand::secret(array_intersect_key($o, ['key-file' => 1, 'password-file' => 1]))];
        if (isset($o['encrypt-format'])) {
            $format = $o['encrypt-format'];
            if (!in_array($format, ['bjlg', 'bjlgenc1'], true)) {
                throw new \InvalidArgumentException('--encrypt-format must be bjlg or bjlgenc1');
            }
            $options['encrypt_format'] = $format;
        }
        return $options;
    }

    /** @param list<string> $args */
    private function list(array $args): int
    {
        [$files, $o] = Cli::parseOptions($args, ['format', 'key-file', 'password-file']);
        if (count($files) !== 1) {
            throw new \InvalidArgumentException('list needs exactly one FILE');
        }
        $format = Cli::formatOption($o, ['table', 'json', 'csv']);
        $entries = \Bjlg\Archive\Reader::open($files[0], self::readerOptions($o, $files[0]))->entries();
        $method = fn (array $e) => [0 => 'store', 8 => 'deflate'][$e['method']] ?? 'm' . $e['method'];
        if ($format === 'json') {
            echo json_encode($entries, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
        } elseif ($format === 'csv') {
            $out = fopen('php://output', 'w');
            fputcsv($out, ['name', 'size', 'compressed_size', 'method', 'crc', 'mtime'], ',', '"', '');
            foreach ($entries as $e) {
                fputcsv($out, [$e['name'], $e['size'], $e['compressed_size'], $method($e), sprintf('%08x', $e['crc']), $e['mtime']], ',', '"', '');
            }
            fclose($out);
        } else {
            foreach ($entries as $e) {
                printf("%12d %12d %-7s %s\n", $e['size'], $e['compressed_size'], $method($e), $e['name']);
            }
        }
        return 0;
    }

    /**
     * Reader::open()'s options for an archive the CLI reads: its secret from --key-file or
     * --password-file, or from BJLG_ENCRYPTION_KEY when the file is encrypted (a key given for
     * a plain zip would be refused).
     * @param array<string, mixed> $o
     */
    private static function readerOptions(array $o, string $path): array
    {
        $given = array_intersect_key($o, ['key-file' => 1, 'password-file' => 1]);
        if ($given === []) {
            $env = getenv('BJLG_ENCRYPTION_KEY');
            if ($env === false || $env === '') {
                return [];
            }
            try {
                \Bjlg\Crypto\Cipher::inspect($path);
            } catch (\Bjlg\Exception) {
                return [];  // not an encrypted file: Reader::open() says what it is
            }
        }
        return ['key' => CryptoCommand::secret($given)];
    }

    /** @param list<string> $args */
    private function extract(array $args): int
    {
        [$positionals, $o] = Cli::parseOptions($args, ['max-size', 'key-file', 'password-file', 'progress'], ['no-overwrite']);
        if (count($positionals) !== 2) {
            throw new \InvalidArgumentException('extract needs FILE and DIR');
        }
        $options = ['overwrite' => !isset($o['no-overwrite'])];
        if (($max = Cli::intOption($o, 'max-size', 1, PHP_INT_MAX)) !== null) {
            $options['max_total_size'] = $max;
        }
        $this->progress = ProgressDisplay::fromOption($o['progress'] ?? null, $this->err);
        if ($this->progress !== null) {
            $options['progress'] = $this->progress;
        }
        $report = \Bjlg\Archive\Reader::open($positionals[0], self::readerOptions($o, $positionals[0]))
            ->extractTo($positionals[1], $options);
        $this->progress?->finish();
        printf("%d files, %d folders, %d bytes extracted into %s\n",
            $report['files'], $report['directories'], $report['bytes'], $positionals[1]);
        return 0;
    }
}
