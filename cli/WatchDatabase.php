<?php
// The database part of `bjlg watch`'s archives: the whole database in a full backup, exactly the
// tables the journal's database events named in an incremental (docs/watch.md).
//
// A table named by an event may have been dropped since (a plugin removed on uninstall): the
// Dumper refuses a `tables` list naming a missing table, and Writer::addDatabase() then abandons
// the archive. Such a table must not block the chain forever (its event stays in the journal
// until an archive covers it), so the archive is started again without it and the table is
// reported as missing. Any other database failure (the server down, a refused login) fails the
// archive: the daemon's error path, the journal kept for the next attempt.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Archive\Writer;
use Bjlg\Database\Dumper;

require_once __DIR__ . '/Cli.php';

final class WatchDatabase
{
    public const ENTRY = 'database.sql';

    /**
     * @param array<string, string>|null $connection Cli::databaseConnection()'s, null without --db
     */
    public function __construct(
        #[\SensitiveParameter] private readonly ?array $connection,
        private readonly ?string $prefix,
    ) {
    }

    /**
     * At start: a --db the Dumper refuses (a DSN with an unknown key, a bad port) is a usage error
     * now, not at the first database event hours later. A server that does not answer is only a
     * warning: the files are still backed up, and an archive that needs the database fails then.
     * @return string|null the warning, or null when the database answered (or without --db)
     */
    public function check(): ?string
    {
        if ($this->connection === null) {
            return null;
        }
        try {
            $this->probe([]);
            return null;
        } catch (\ValueError | \TypeError $e) {
            throw new UsageError('--db is not a valid connection: ' . $e->getMessage());
        } catch (\Bjlg\Database\DatabaseException $e) {
            return 'the database does not answer now (' . $e->getMessage() . '): an archive with tables to dump will fail until it does';
        }
    }

    /**
     * A writer for a full backup, the whole database (or every table of --db-prefix) added first
     * as the plugin does.
     * @param callable(array): Writer $open opens the writer with the given bjlg_watch manifest keys
     * @return array{0: Writer, 1: array<string, mixed>} the writer and the report's "database"
     */
    public function openFull(callable $open): array
    {
        if ($this->connection === null) {
            return [$open(['tables' => [], 'database' => 'not dumped: no --db']), ['status' => 'not dumped: no --db']];
        }
        $manifest = ['tables' => 'all', 'database' => 'dumped'];
        if ($this->prefix !== null) {
            $manifest['db_prefix'] = $this->prefix;
        }
        $writer = $open($manifest);
        $dump = $writer->addDatabase($this->connection, self::ENTRY, $this->prefix === null ? [] : ['prefix' => $this->prefix]);
        return [$writer, ['status' => 'dumped'] + self::summary($dump)];
    }

    /**
     * A writer for an incremental, with the tables the events named (those of --db-prefix) dumped
     * first. The manifest keys given to $open: "tables" (every name the events gave), "database"
     * (what was done), and with --db "dumped_tables", "missing_tables" (named but gone),
     * "outside_prefix_tables" (named but not under --db-prefix, so not dumped).
     * @param list<string> $named the tables the journal's events named
     * @param callable(array): Writer $open opens the writer with the given bjlg_watch manifest keys
     * @return array{0: Writer, 1: array<string, mixed>} the writer and the report's "database"
     */
    public function openIncremental(array $named, callable $open): array
    {
        if ($this->connection === null) {
            $status = 'not dumped: no --db';
            return [$open(['tables' => $named, 'database' => $status]), ['status' => $status]];
        }
        $outside = $this->prefix === null ? [] : array_values(array_filter($named, fn (string $t) => !str_starts_with($t, $this->prefix)));
        $wanted = array_values(array_diff($named, $outside));
        $missing = [];
        while (true) {
            $status = $wanted !== [] ? 'tables dumped'
                : ($named === [] ? 'not dumped: no table named by the events'
                    : 'not dumped: every named table is missing or outside --db-prefix');
            $lists = ['dumped_tables' => $wanted, 'missing_tables' => $missing, 'outside_prefix_tables' => $outside];
            $writer = $open(['tables' => $named, 'database' => $status] + $lists);
            $report = ['status' => $status] + $lists;
            if ($wanted === []) {
                return [$writer, $report];  // an empty "tables" option would dump every table
            }
            try {
                $dump = $writer->addDatabase($this->connection, self::ENTRY, ['tables' => $wanted]);
                return [$writer, $report + self::summary($dump)];
            } catch (\Bjlg\Database\IOException $e) {
                // The writer is abandoned; find which tables are gone, then start again without them.
                $gone = $e->error_code === 'not_found' ? $this->missingTables($wanted) : [];
                if ($gone === []) {
                    throw $e;  // not about a table (a wp-config.php that vanished): a real failure
                }
                $missing = array_values(array_merge($missing, $gone));
                $wanted = array_values(array_diff($wanted, $gone));
            }
        }
    }

    /**
     * The tables of $tables the database does not have, asked of the Dumper itself (it checks
     * its "tables" option before reading any row, then reports progress: cancelling at that first
     * report costs one connection and no data). A connection that fails here throws: the
     * failure is the server's, not a table's.
     * @param list<string> $tables
     * @return list<string>
     */
    private function missingTables(array $tables): array
    {
        $this->probe([]);  // the connection itself works (no table selection cannot be "missing")
        $missing = [];
        foreach ($tables as $t) {
            try {
                $this->probe([$t]);
            } catch (\Bjlg\Database\IOException $e) {
                if ($e->error_code !== 'not_found') {
                    throw $e;
                }
                $missing[] = $t;
            }
        }
        return $missing;
    }

    /**
     * Opens a dump of $tables (all of them when empty) and cancels it at its first progress
     * report; returns when the Dumper accepted the selection, throws what it refused otherwise.
     * @param list<string> $tables
     */
    private function probe(array $tables): void
    {
        $sink = fopen('php://memory', 'w');
        try {
            Dumper::dump($this->connection, $sink, ['tables' => $tables, 'progress' => fn (): bool => false]);
            throw new \RuntimeException('the database probe was not cancelled at its first progress report');
        } catch (\Bjlg\Database\CancelledException) {
            return;  // the selection was accepted
        } finally {
            fclose($sink);
        }
    }

    /**
     * The dump's figures worth a report line: tables, rows, bytes, tables read without a snapshot.
     * @param array<string, mixed> $dump Writer::addDatabase()'s result
     * @return array<string, mixed>
     */
    private static function summary(array $dump): array
    {
        return ['dumped_tables' => $dump['tables'], 'rows' => $dump['rows'], 'bytes' => $dump['bytes'],
            'not_consistent' => $dump['not_consistent']];
    }

    /** The report's database part as text: ", database: 2 tables dumped (10 rows), missing: wp_x". */
    public static function text(array $report): string
    {
        $s = ', database: ' . $report['status'];
        if (isset($report['rows'])) {
            $s .= sprintf(' (%d tables, %d rows, %s)', count($report['dumped_tables']), $report['rows'], Cli::bytes($report['bytes']));
        }
        foreach (['missing_tables' => 'missing', 'outside_prefix_tables' => 'outside --db-prefix', 'not_consistent' => 'not snapshot-consistent'] as $k => $label) {
            if (($report[$k] ?? []) !== []) {
                $s .= ", $label: " . implode(',', $report[$k]);
            }
        }
        return $s;
    }
}
