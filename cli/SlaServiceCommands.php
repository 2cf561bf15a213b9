<?php
// bjlg sla purge | objectives | report: the purge SLA, RPO/RTO objectives and reports of
// Bjlg\Sla (part B). Wired into SlaCommand's subcommand switch; each writes its result to
// --out or standard output and returns the exit status. docs/sla.md describes the inputs and the numbers.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Sla\History;
use Bjlg\Sla\Objectives;
use Bjlg\Sla\PurgeSla;
use Bjlg\Sla\Report;

require_once __DIR__ . '/Cli.php';

final class SlaServiceCommands
{
    /**
     * @param list<string> $argv
     * @param resource $stdout
     */
    public static function purge(array $argv, $stdout): int
    {
        [, $o] = CommandLine::parse('sla purge', $argv);
        $events = self::jsonLines(self::required($o, 'events'));
        $options = ['now' => self::now($o)];
        if (isset($o['target'])) {
            $options['target_seconds'] = self::duration($o['target'], 'target');
        }
        if (isset($o['history'])) {
            $options['forecasts'] = self::forecastsByName(self::forecasts($o['history'], $options['now']));
        }
        $result = PurgeSla::compute($events, $options);
        return self::emit($o, ['purge' => $result], fn() => self::purgeTable($result), $stdout);
    }

    /**
     * @param list<string> $argv
     * @param resource $stdout
     */
    public static function objectives(array $argv, $stdout): int
    {
        [, $o] = CommandLine::parse('sla objectives', $argv);
        $result = self::evaluate($o, true);
        return self::emit($o, ['objectives' => $result], fn() => self::objectivesTable($result), $stdout);
    }

    /**
     * @param list<string> $argv
     * @param resource $stdout
     */
    public static function report(array $argv, $stdout): int
    {
        [, $o] = CommandLine::parse('sla report', $argv);
        $o['format'] = Cli::option($o, 'sla report', 'format');
        $now = self::now($o);
        $data = [];
        if (isset($o['title'])) {
            $data['title'] = $o['title'];
        }
        if (isset($o['backup']) || isset($o['verify'])) {
            $data['backup'] = self::backupSection($o['backup'] ?? null, $o['verify'] ?? null);
        }
        if (isset($o['history'])) {
            $data['forecasts'] = self::forecasts($o['history'], $now);
        }
        if (isset($o['events'])) {
            $options = ['now' => $now];
            if (isset($o['target'])) {
                $options['target_seconds'] = self::duration($o['target'], 'target');
            }
            if (isset($data['forecasts'])) {
                $options['forecasts'] = self::forecastsByName($data['forecasts']);
            }
            $data['purge'] = PurgeSla::compute(self::jsonLines($o['events']), $options);
        }
        // A quota history without restore tests or verifications has no objectives to show.
        if (isset($o['runs']) || (isset($o['history']) && History::read($o['history'])['runs'] !== [])) {
            $data['objectives'] = self::evaluate($o, false);
        }
        if ($data === [] || $data === ['title' => $o['title'] ?? null]) {
            throw new UsageError('report needs at least one of --history, --events, --runs, --backup, --verify');
        }
        return self::emit($o, $data, fn() => self::verdictTable($data, $o), $stdout);
    }

    /** @param array<string, mixed> $o */
    private static function evaluate(array $o, bool $runs_required): array
    {
        if (isset($o['runs'])) {
            $runs = self::jsonLines($o['runs']);
        } elseif (isset($o['history'])) {
            $runs = History::read($o['history'])['runs'];
        } elseif ($runs_required) {
            throw new UsageError('objectives needs --runs FILE or --history FILE');
        } else {
            $runs = [];
        }
        $targets = [];
        if (isset($o['rpo-target'])) {
            $targets['rpo_seconds'] = self::duration($o['rpo-target'], 'rpo-target');
        }
        if (isset($o['rto-target'])) {
            $targets['rto_seconds'] = self::duration($o['rto-target'], 'rto-target');
        }
        $options = ['now' => self::now($o)];
        if (isset($o['window'])) {
            $options['window_seconds'] = self::duration($o['window'], 'window');
        }
        return Objectives::evaluate($runs, $targets, $options);
    }

    /**
     * One forecast section entry per destination of a quota history: name, samples, forecast.
     * @return list<array{name: string, samples: list<array>, forecast: array}>
     */
    private static function forecasts(string $history, int $now): array
    {
        $by = SlaCommand::samplesByDestination(History::read($history), null);
        $out = [];
        foreach ($by as $name => $samples) {
            $out[] = ['name' => (string) $name, 'samples' => $samples,
                      'forecast' => \Bjlg\Sla\Forecast::project($samples, ['now' => $now])];
        }
        return $out;
    }

    /**
     * PurgeSla's `forecasts` option: destination name => forecast.
     * @param list<array{name: string, forecast: array}> $forecasts
     * @return array<string, array>
     */
    private static function forecastsByName(array $forecasts): array
    {
        $by = [];
        foreach ($forecasts as $f) {
            $by[$f['name']] = $f['forecast'];
        }
        return $by;
    }

    /** The report's `backup` section from `bjlg backup --format=json` and `bjlg verify --report`. */
    private static function backupSection(?string $summaryFile, ?string $verifyFile): array
    {
        $b = [];
        if ($summaryFile !== null) {
            $s = self::jsonFile($summaryFile);
            $b = ['archive' => basename((string) ($s['path'] ?? '')), 'status' => 'success',
                  'duration_seconds' => $s['duration'] ?? null, 'size_bytes' => $s['bytes_out'] ?? null,
                  'files' => $s['files'] ?? null, 'encrypted' => ($s['encryption'] ?? null) !== null,
                  'incremental' => ($s['type'] ?? '') === 'incremental',
                  'destinations' => [['name' => dirname((string) ($s['path'] ?? '.')), 'status' => 'written',
                                      'bytes' => $s['bytes_out'] ?? null, 'message' => 'sha256 ' . ($s['sha256'] ?? '')]]];
        }
        if ($verifyFile !== null) {
            $v = self::jsonFile($verifyFile);
            $b['archive'] ??= $v['archive']['name'] ?? '';
            $b['size_bytes'] ??= $v['archive']['size'] ?? null;
            $b['finished_at'] = $v['backup']['created_at'] ?? null;
            $b['verify'] = ['status' => $v['status'] ?? 'unknown', 'checks' => $v['checks'] ?? [],
                            'durations' => $v['durations'] ?? []];
        }
        return $b;
    }

    /**
     * Writes the result in the asked format to --out (through SlaCommand::writeOut) or $stdout.
     * @param array<string, mixed> $o
     * @param resource $stdout
     */
    private static function emit(array $o, array $data, callable $table, $stdout): int
    {
        $format = $o['format'] ?? 'table';
        $options = ['now' => self::now($o), 'locale' => $o['locale'] ?? 'en', 'timezone' => $o['timezone'] ?? 'UTC'];
        try {
            $text = $format === 'table' ? $table() : Report::render($data, $format, $options);
        } catch (\Bjlg\OptionError $e) {
            throw new UsageError($e->reason);
        }
        SlaCommand::writeOut($o['out'] ?? null, $text, $stdout);
        if (isset($o['out']) && $o['out'] !== '-') {
            $verdict = json_decode(Report::render($data, 'json', $options), true)['verdict']['level'];
            Output::info($stdout, sprintf("wrote %s (verdict: %s)\n", $o['out'], Output::verdict($verdict, $stdout)));
        }
        return 0;
    }

    /** @return list<mixed> the JSON values of a JSON-lines file; blank lines and a torn last line are skipped */
    private static function jsonLines(string $path): array
    {
        $f = @fopen($path, 'rb');
        if ($f === false) {
            throw new \Bjlg\Sla\IOException("cannot read $path");
        }
        $out = [];
        $n = 0;
        $pending = null;
        while (($line = fgets($f)) !== false) {
            $n++;
            if ($pending !== null) {
                throw new \Bjlg\Sla\InvalidInputException($pending);
            }
            if (trim($line) === '') {
                continue;
            }
            try {
                $out[] = json_decode($line, true, 64, JSON_THROW_ON_ERROR);
            } catch (\JsonException $e) {
                // Only the last line may be torn (a writer killed mid-append).
                $pending = "$path line $n is not JSON: " . $e->getMessage();
            }
        }
        fclose($f);
        return $out;
    }

    private static function jsonFile(string $path): array
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new \Bjlg\Sla\IOException("cannot read $path");
        }
        $v = json_decode($text, true);
        if (!is_array($v)) {
            throw new \Bjlg\Sla\InvalidInputException("$path is not a JSON object");
        }
        return $v;
    }

    /** @param array<string, mixed> $o */
    private static function required(array $o, string $name): string
    {
        if (!isset($o[$name])) {
            throw new UsageError("needs --$name FILE");
        }
        return $o[$name];
    }

    /** @param array<string, mixed> $o */
    private static function now(array $o): int
    {
        if (!isset($o['now'])) {
            return time();
        }
        if (preg_match('/^\d+$/', $o['now'])) {
            return (int) $o['now'];
        }
        $t = strtotime($o['now']);
        if ($t === false) {
            throw new UsageError("--now must be a Unix time or a date, not '{$o['now']}'");
        }
        return $t;
    }

    private static function duration(string $text, string $name): float
    {
        if (!preg_match('/^(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?$/', $text, $m) || (float) $m[1] <= 0) {
            throw new UsageError("--$name must be a duration > 0 such as 3600, 90s, 30m, 12h or 7d, not '$text'");
        }
        $unit = ['' => 1, 's' => 1, 'm' => 60, 'min' => 60, 'h' => 3600, 'd' => 86400][$m[2] ?? ''];
        return (float) $m[1] * $unit;
    }

    private static function human(?float $seconds): string
    {
        if ($seconds === null) {
            return '-';
        }
        foreach ([[86400, 'd'], [3600, 'h'], [60, 'min']] as [$unit, $name]) {
            if ($seconds >= $unit) {
                return sprintf('%.1f %s', $seconds / $unit, $name);
            }
        }
        return sprintf('%.0f s', $seconds);
    }

    private static function date(?int $t): string
    {
        return $t === null ? '-' : gmdate('Y-m-d H:i', $t) . ' UTC';
    }

    private static function purgeTable(array $r): string
    {
        $l = $r['latency'];
        $out = sprintf("backlog      %d archives, %s bytes, oldest waiting %s%s\n", $r['backlog']['count'],
            number_format($r['backlog']['bytes']), self::human($r['backlog']['oldest_age_seconds']),
            $r['backlog']['over_target'] ? ' (over target)' : '');
        $out .= sprintf("time to purge mean %s, p50 %s, p95 %s, max %s (%d purges)\n", self::human($l['mean_seconds']),
            self::human($l['p50_seconds']), self::human($l['p95_seconds']), self::human($l['max_seconds']), $l['count']);
        $out .= sprintf("within %s   %s\n", self::human($r['target_seconds']),
            $l['within_target_share'] === null ? '-' : sprintf('%.1f %%', 100 * $l['within_target_share']));
        $out .= sprintf("throughput   %.1f purges/day; failure rate %s\n", $r['throughput']['items_per_day'],
            $r['failures']['rate'] === null ? '-' : sprintf('%.1f %%', 100 * $r['failures']['rate']));
        $out .= sprintf("clears       %s\n", self::date($r['clearance']['at']));
        foreach ($r['destinations'] as $id => $d) {
            $q = $r['quotas'][$id] ?? null;
            $out .= sprintf("  %-20s backlog %d, p95 %s%s\n", $id, $d['backlog']['count'], self::human($d['latency']['p95_seconds']),
                $q ? sprintf(', threshold %s, %s once purged', self::date($q['threshold_at']), self::date($q['threshold_at_after_purge'])) : '');
        }
        return $out;
    }

    private static function objectivesTable(array $r): string
    {
        $rpo = $r['rpo'];
        $rto = $r['rto'];
        $out = sprintf("verdict      %s\n", $r['verdict']);
        $out .= sprintf("RPO now      %s (target %s)\n", self::human($rpo['now_seconds']), self::human($rpo['target_seconds']));
        $out .= sprintf("worst RPO    %s at %s\n", self::human($rpo['worst_seconds']), self::date($rpo['worst_at']));
        foreach ($rpo['breaches'] as $b) {
            $out .= sprintf("  breach     %s .. %s (%s)\n", self::date($b['start']), $b['ongoing'] ? 'ongoing' : self::date($b['end']),
                self::human($b['seconds']));
        }
        $out .= sprintf("RTO          last %s, p50 %s, p95 %s (target %s; %d tests, %d failed)\n", self::human($rto['last_seconds']),
            self::human($rto['p50_seconds']), self::human($rto['p95_seconds']), self::human($rto['target_seconds']),
            $rto['tests'], $rto['failed']);
        foreach ($r['sites'] as $id => $s) {
            $out .= sprintf("  site %-15s %s, RPO now %s\n", $id, $s['verdict'], self::human($s['rpo']['now_seconds']));
        }
        return $out;
    }

    /** @param array<string, mixed> $o */
    private static function verdictTable(array $data, array $o): string
    {
        $v = json_decode(Report::render($data, 'json', ['now' => self::now($o)]), true)['verdict'];
        $out = "verdict: {$v['level']}\n";
        foreach ($v['reasons'] as $r) {
            $out .= "  {$r['level']}: {$r['message']}\n";
        }
        return $out;
    }
}
