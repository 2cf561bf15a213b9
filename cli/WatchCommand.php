<?php
// bjlg watch: near-real-time backups. Watches a WordPress tree (Bjlg\Watch\Watcher), records
// every change in the journal (Bjlg\Watch\Journal, which the site's own hooks also append to),
// and after the changes have been quiet for --debounce seconds (at the latest --max-delay after
// the first) writes an incremental of exactly what changed with Bjlg\Archive\Writer; with --db,
// the database too (all of it in the full backup, then the tables the events named: WatchDatabase).
// docs/watch.md describes the layout, the crash rules and a systemd unit.
//
// Crash rule: the last journal sequence number an archive includes is stored in its
// backup-manifest.json ("bjlg_watch"."journal_seq"); at start the newest archive says where to
// resume, so a crash between an archive and the journal's compaction neither loses nor repeats
// a change. Changes made while the daemon was not running are caught by a scan of the site
// against the last archive's index at start.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Archive\Reader;
use Bjlg\Archive\Writer;
use Bjlg\Watch\Journal;
use Bjlg\Watch\Watcher;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/CryptoCommand.php';
require_once __DIR__ . '/WatchDatabase.php';

final class WatchCommand
{
    public const EXIT_OK = 0;
    public const EXIT_ERROR = 1;
    public const EXIT_USAGE = 2;

    private const STATE = '.bjlg-watch';

    private bool $stop = false;
    private string $site;
    private string $to;
    private array $writerOptions = [];
    private mixed $key = null;
    private WatchDatabase $database;
    private Journal $journal;
    private string $history;
    private bool $json = false;
    /** @var array{gen: int, path: string, seq: int}|null */
    private ?array $last = null;

    /** @param list<string> $argv the arguments after "watch" */
    public function run(array $argv): int
    {
        try {
            return $this->watch($argv);
        } catch (UsageError $e) {
            throw $e;
        } catch (\Bjlg\Exception | \Bjlg\Watch\WatchException | \RuntimeException | \ValueError $e) {
            fwrite(STDERR, 'bjlg watch: ' . $e->getMessage() . "\n");
            return self::EXIT_ERROR;
        }
    }

    /** @param list<string> $argv */
    private function watch(array $argv): int
    {
        [$pos, $o] = CommandLine::parse('watch', $argv);
        if ($pos !== []) {
            throw new UsageError('unexpected argument ' . $pos[0]);
        }
        if (isset($o['scan-hash']) && !isset($o['scan'])) {
            throw new UsageError('--scan-hash goes with --scan (inotify sees every write)');
        }
        foreach (['site', 'to'] as $required) {
            if (!isset($o[$required])) {
                throw new UsageError("watch needs --$required DIR");
            }
        }
        $this->site = rtrim(realpath($o['site']) ?: throw new UsageError("--site {$o['site']} does not exist"), '/');
        if (!is_dir($this->site)) {
            throw new UsageError("--site {$o['site']} is not a folder");
        }
        if (!is_dir($o['to'])) {
            throw new UsageError("--to {$o['to']} is not a folder");
        }
        $this->to = rtrim((string) realpath($o['to']), '/');
        $debounce = Cli::intOption($o, 'debounce', 0, 86400) ?? 10;
        $maxDelay = Cli::intOption($o, 'max-delay', 1, 86400) ?? 60;
        if ($maxDelay < $debounce) {
            throw new UsageError('--max-delay must be at least --debounce');
        }
        $exitAfter = Cli::intOption($o, 'exit-after', 1, PHP_INT_MAX);
        $this->json = ($o['format'] ?? 'text') === 'json';
        $this->database = new WatchDatabase(Cli::databaseConnection($o), $o['db-prefix'] ?? null);
        if (($warning = $this->database->check()) !== null) {
            fwrite(STDERR, "bjlg watch: $warning\n");
        }
        @mkdir($this->to . '/' . self::STATE, 0700);
        $this->history = $o['history'] ?? $this->to . '/' . self::STATE . '/sla-history.jsonl';
        if (isset($o['encrypt'])) {
            $this->key = CryptoCommand::secret(['key-file' => $o['encrypt']]);
            $this->writerOptions['encrypt'] = $this->key;
        }
        // The backup folder is never part of the backup, wherever it lies.
        $exclude = array_merge($o['exclude'] ?? [], [$this->to, $this->to . '/*']);
        $this->writerOptions['exclude'] = $exclude;
        $this->journal = Journal::open($o['journal'] ?? $this->to . '/' . self::STATE . '/journal');
        $watcher = new Watcher(['' => $this->site], ['exclude' => $exclude, 'scan' => isset($o['scan']),
            'hash' => isset($o['scan-hash'])]);
        if ($watcher->warning() !== null) {
            fwrite(STDERR, 'bjlg watch: ' . $watcher->warning() . "\n");
        }
        $this->installSignals();

        $this->last = $this->newestArchive();
        if ($this->last === null) {
            $this->full();
        } else {
            // What changed while nobody watched: a scan of the site against the last index.
            $this->journal->append(['type' => 'rescan', 'reason' => 'daemon start']);
        }
        $written = 0;
        $firstSeen = null;
        $lastSeen = null;
        $lastSeq = -1;
        while (!$this->stop && ($exitAfter === null || $written < $exitAfter)) {
            $events = $watcher->wait(500);
            foreach ($events as $e) {
                $record = ['type' => $e['type']];
                if ($e['path'] !== '') {
                    $record['path'] = $e['path'];
                }
                if ($e['type'] === 'moved') {
                    $record['from'] = $e['from'];
                }
                if ($e['type'] === 'rescan') {
                    $record['reason'] = substr($e['reason'], 0, 1024);
                    fwrite(STDERR, "bjlg watch: rescan of " . ($e['path'] === '' ? 'the site' : $e['path']) . ": {$e['reason']}\n");
                }
                $this->journal->append($record);
            }
            $stats = $this->journal->stats($this->last['seq']);
            $now = microtime(true);
            if ($stats['pending'] === 0) {
                $firstSeen = $lastSeen = null;
                continue;
            }
            $firstSeen ??= $now;
            // Quiet means no new record, from the watcher or from the site's hooks.
            if ($stats['last_seq'] !== $lastSeq) {
                $lastSeen = $now;
                $lastSeq = $stats['last_seq'];
            }
            if ($now - $lastSeen >= $debounce || $now - $firstSeen >= $maxDelay) {
                $this->incremental($stats['last_seq']);
                $written++;
                $firstSeen = $lastSeen = null;
            }
        }
        return self::EXIT_OK;
    }

    private function installSignals(): void
    {
        if (!function_exists('pcntl_signal')) {
            fwrite(STDERR, "bjlg watch: pcntl is not loaded: stop with SIGKILL only (the journal makes it safe)\n");
            return;
        }
        pcntl_async_signals(true);
        $handler = function (): void {
            $this->stop = true;  // the archive being written, if any, is finished first
        };
        pcntl_signal(SIGTERM, $handler);
        pcntl_signal(SIGINT, $handler);
    }

    /** @return array{gen: int, path: string, seq: int}|null the newest archive of the chain */
    private function newestArchive(): ?array
    {
        $best = null;
        foreach (scandir($this->to) ?: [] as $name) {
            if (preg_match('/^(?:backup-full|incremental)-watch-(\d{8})-[0-9-]+\.zip(\.enc)?$/', $name, $m)) {
                $gen = (int) $m[1];
                if ($best === null || $gen > $best['gen']) {
                    $best = ['gen' => $gen, 'path' => $this->to . '/' . $name];
                }
            }
        }
        if ($best === null) {
            return null;
        }
        $manifest = json_decode($this->readEntry($best['path'], 'backup-manifest.json'), true);
        $seq = $manifest['bjlg_watch']['journal_seq'] ?? null;
        if (!is_int($seq)) {
            throw new \RuntimeException("{$best['path']} has no bjlg_watch.journal_seq in its manifest: not a bjlg watch archive");
        }
        $best['seq'] = $seq;
        return $best;
    }

    private function readEntry(string $archive, string $entry): string
    {
        $reader = Reader::open($archive, $this->key === null ? [] : ['key' => $this->key]);
        $stream = $reader->readEntry($entry);
        $data = stream_get_contents($stream);
        fclose($stream);
        return (string) $data;
    }

    private function archiveName(int $gen, string $kind): string
    {
        $name = sprintf('%s-watch-%08d-%s.zip', $kind === 'full' ? 'backup-full' : 'incremental', $gen, gmdate('Y-m-d-H-i-s'));
        return $this->to . '/' . $name . ($this->key === null ? '' : '.enc');
    }

    private function full(): void
    {
        $seq = $this->journal->stats()['last_seq'];  // what happens during the scan comes after
        $started = microtime(true);
        $path = $this->archiveName(1, 'full');
        [$writer, $database] = $this->database->openFull(fn (array $db): Writer => new Writer($path,
            $this->writerOptions + ['manifest' => ['bjlg_watch' => ['journal_seq' => $seq] + $db]]));
        $writer->addDirectory($this->site, '');
        $summary = $writer->close();
        $this->last = ['gen' => 1, 'path' => $path, 'seq' => $seq];
        $this->report('full', $path, $summary, $seq, $started, null, [], $database);
        $this->journal->compact($seq);
    }

    private function incremental(int $upto): void
    {
        $started = microtime(true);
        $touched = [];  // entry name => true
        $deleted = [];
        $tables = [];
        $firstAt = null;
        $events = 0;
        foreach ($this->journal->changes($this->last['seq']) as $r) {
            if ($r['seq'] > $upto) {
                break;
            }
            $events++;
            $firstAt ??= $r['at_ms'] / 1000;
            $e = $r['event'];
            foreach ($e['tables'] ?? [] as $t) {
                $tables[$t] = true;
            }
            if ($e['type'] === 'moved') {
                $deleted[$e['from']] = true;
            }
            if ($e['type'] === 'rescan') {
                $touched[$e['path'] ?? ''] = true;
            } elseif (isset($e['path'])) {
                $touched[$e['path']] = true;
            }
        }
        $gen = $this->last['gen'] + 1;
        $path = $this->archiveName($gen, 'incremental');
        $since = $this->sinceFor($this->last['path']);
        $range = ['journal_seq' => $upto, 'first_seq' => $this->last['seq'] + 1, 'events' => $events];
        // The database first (as in a full backup): a table found missing restarts an empty writer.
        $named = array_map('strval', array_keys($tables));  // a table named "42" is an int key
        [$writer, $database] = $this->database->openIncremental($named,
            fn (array $db): Writer => new Writer($path, $this->writerOptions + ['since' => $since, 'manifest' => ['bjlg_watch' => $range + $db]]));
        foreach (self::outermost(array_keys($touched + $deleted)) as $entry) {
            $abs = $entry === '' ? $this->site : $this->site . '/' . $entry;
            clearstatcache(true, $abs);
            if (is_link($abs)) {
                continue;
            }
            if (is_dir($abs)) {
                $writer->addDirectory($abs, $entry);  // compared with the previous index
            } elseif (is_file($abs)) {
                try {
                    $writer->addFile($abs, $entry);
                } catch (\Bjlg\Archive\ArchiveException $ex) {
                    if (file_exists($abs)) {
                        throw $ex;
                    }
                    $writer->addDeletion($entry);  // deleted while we were archiving
                }
            } elseif ($entry !== '') {
                $writer->addDeletion($entry);
            }
        }
        $summary = $writer->close();  // durable from here: its manifest says $upto
        $this->last = ['gen' => $gen, 'path' => $path, 'seq' => $upto];
        $this->report('incremental', $path, $summary, $upto, $started, $firstAt, $named, $database);
        $this->journal->compact($upto);
    }

    /**
     * The paths none of whose ancestors is in the list: a folder taken whole covers its content.
     * @param list<string> $paths
     * @return list<string>
     */
    private static function outermost(array $paths): array
    {
        sort($paths, SORT_STRING);
        $out = [];
        foreach ($paths as $p) {
            $covered = false;
            foreach ($out as $o) {
                if ($o === '' || $p === $o || str_starts_with($p, $o . '/')) {
                    $covered = true;
                    break;
                }
            }
            if (!$covered) {
                $out[] = $p;
            }
        }
        return $out;
    }

    /** The writer's "since": the archive, or its index when encrypted (the writer cannot read it). */
    private function sinceFor(string $archive): string
    {
        if ($this->key === null) {
            return $archive;
        }
        $index = $this->to . '/' . self::STATE . '/since-index.json';
        $tmp = $index . '.tmp';
        file_put_contents($tmp, $this->readEntry($archive, 'backup-index.json'));
        rename($tmp, $index);
        return $index;
    }

    /**
     * @param list<string> $tables the tables the events named
     * @param array<string, mixed> $database WatchDatabase's report of what was dumped
     */
    private function report(string $kind, string $path, array $summary, int $seq, float $started, ?float $firstAt, array $tables, array $database): void
    {
        $finished = microtime(true);
        $rpo = $firstAt === null ? null : round($finished - $firstAt, 3);
        $line = [
            'kind' => 'backup', 'status' => 'success', 'source' => 'watch', 'archive' => $path,
            'type' => $kind, 'started_at' => gmdate('c', (int) $started), 'finished_at' => gmdate('c', (int) ceil($finished)),
            'journal_seq' => $seq, 'files' => $summary['files'] ?? null, 'deleted' => $summary['deleted'] ?? null,
            'tables' => $tables, 'database' => $database, 'duration_seconds' => round($finished - $started, 3),
        ];
        if ($rpo !== null) {
            // Change seen (journal record time) → archive durable: the RPO this change had.
            $line['rpo'] = ['seconds' => $rpo, 'change_seen_at' => gmdate('c', (int) $firstAt)];
        }
        $text = json_encode($line, JSON_UNESCAPED_SLASHES) . "\n";
        $fd = fopen($this->history, 'ab');
        if ($fd === false || fwrite($fd, $text) !== strlen($text)) {
            fwrite(STDERR, "bjlg watch: cannot append to the SLA history {$this->history}\n");
        }
        if ($fd !== false) {
            fclose($fd);
        }
        if ($this->json) {
            echo json_encode($line, JSON_UNESCAPED_SLASHES), "\n";
        } elseif (!Output::quiet()) {  // a line per archive is informational
            printf("%s %s: %d files, %d deleted, journal seq %d%s%s\n", $kind, basename($path),
                $summary['files'] ?? 0, $summary['deleted'] ?? 0, $seq, $rpo === null ? '' : sprintf(', RPO %.2f s', $rpo),
                WatchDatabase::text($database));
        }
    }
}
