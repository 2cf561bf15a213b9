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
        } catch (HelpRequested $h) {
            echo CommandHelp::of($h->command);
            return 0;
        } catch (\InvalidArgumentException | UsageError | \ValueError | \TypeError $e) {
            $help = in_array($command, self::COMMANDS, true) ? $command : 'backup';
            fwrite($this->err, "bjlg: " . $e->getMessage() . "\nRun 'bjlg help $help' for usage.\n");
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
        [$sources, $o] = CommandLine::parse('backup', $args);
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
        $format = Cli::option($o, 'backup', 'format');
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
        if (Output::quiet()) {
            return 0;  // the summary is informational
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
            $options['encrypt_format'] = $o['encrypt-format'];
        }
        return $options;
    }

    /** @param list<string> $args */
    private function list(array $args): int
    {
        [$files, $o] = CommandLine::parse('list', $args);
        if (count($files) !== 1) {
            throw new \InvalidArgumentException('list needs exactly one FILE');
        }
        Formatter::fields('list', $o['fields'] ?? null);  // an unknown field before the archive is read
        $entries = \Bjlg\Archive\Reader::open($files[0], self::readerOptions($o, $files[0]))->entries();
        // One row per entry, the same in every format: the method by its name, the CRC in hex.
        $rows = array_map(fn (array $e) => [
            'name' => $e['name'], 'size' => $e['size'], 'compressed_size' => $e['compressed_size'],
            'method' => [0 => 'store', 8 => 'deflate'][$e['method']] ?? 'm' . $e['method'],
            'crc' => sprintf('%08x', $e['crc']), 'mtime' => $e['mtime'], 'mode' => $e['mode'],
            'is_dir' => $e['is_dir'], 'is_symlink' => $e['is_symlink'],
        ], $entries);
        echo Formatter::rows('list', $o, $rows, function () use ($rows): string {
            $text = '';
            foreach ($rows as $r) {
                $text .= sprintf("%12d %12d %-7s %s\n", $r['size'], $r['compressed_size'], $r['method'], $r['name']);
            }
            return $text;
        });
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
        [$positionals, $o] = CommandLine::parse('extract', $args);
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
        if (!Output::quiet()) {
            printf("%d files, %d folders, %d bytes extracted into %s\n",
                $report['files'], $report['directories'], $report['bytes'], $positionals[1]);
        }
        return 0;
    }
}
