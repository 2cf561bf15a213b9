<?php
// bjlg sla <subcommand>: saturation forecasts and capacity plans (forecast, plan) from the
// history `bjlg quota --record` appends, and purge SLA, RTO/RPO objectives and reports (purge,
// objectives, report). docs/sla.md describes the models and the files.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Sla\Capacity;
use Bjlg\Sla\Forecast;
use Bjlg\Sla\History;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/OutputStreams.php';
require_once __DIR__ . '/QuotaCommand.php';
require_once __DIR__ . '/SlaServiceCommands.php';

final class SlaCommand
{
    use OutputStreams;

    public const EXIT_OK = 0;
    /** The input could not be read or was refused (the message says which entry). */
    public const EXIT_ERROR = 1;
    public const EXIT_USAGE = 2;

    /**
     * Runs `bjlg sla`. $argv holds the arguments after "sla", e.g.
     * ['forecast', '--history', 'quota.jsonl', '--format', 'json'].
     *
     * @param list<string> $argv
     */
    public function run(array $argv): int
    {
        $sub = array_shift($argv);
        if ($sub === null || $sub === 'help') {
            fwrite($sub === null ? $this->err : $this->out, CommandHelp::of('sla'));
            return $sub === null ? self::EXIT_USAGE : self::EXIT_OK;
        }
        try {
            return match ($sub) {
                'forecast' => $this->forecast($argv),
                'plan' => $this->plan($argv),
                'purge' => SlaServiceCommands::purge($argv, $this->out),
                'objectives' => SlaServiceCommands::objectives($argv, $this->out),
                'report' => SlaServiceCommands::report($argv, $this->out),
                default => throw new UsageError("unknown subcommand '$sub'"),
            };
        } catch (HelpRequested $h) {
            fwrite($this->out, CommandHelp::of($h->command));
            return self::EXIT_OK;
        } catch (UsageError $e) {
            fwrite($this->err, "bjlg sla $sub: " . $e->getMessage() . "\n");
            fwrite($this->err, "Run 'bjlg help sla' for usage.\n");
            return self::EXIT_USAGE;
        } catch (\Bjlg\Exception $e) {
            fwrite($this->err, "bjlg sla $sub: " . $e->getMessage() . "\n");
            return self::EXIT_ERROR;
        }
    }

    /** @param list<string> $argv */
    private function forecast(array $argv): int
    {
        [$positionals, $o] = CommandLine::parse('sla forecast', $argv);
        if ($positionals !== []) {
            throw new UsageError("unexpected argument '{$positionals[0]}'");
        }
        Formatter::fields('sla forecast', $o['fields'] ?? null);
        $options = self::forecastOptions($o);
        $forecasts = [];
        foreach (self::samplesByDestination(self::history($o), $o['destination'] ?? null) as $name => $samples) {
            $forecasts[$name] = self::project($name, $samples, $options);
        }
        // One row per destination: its name, then the forecast's figures (the definition's fields).
        $rows = [];
        foreach ($forecasts as $name => $f) {
            $rows[] = array_map(fn (string $k) => $k === 'destination' ? (string) $name : ($f[$k] ?? null),
                array_combine(Commands::get('sla forecast')['fields'], Commands::get('sla forecast')['fields']));
        }
        // The risk in colour only when the table goes to stdout, never into an --out file.
        $screen = ($o['out'] ?? '-') === '-' ? $this->out : null;
        $text = Formatter::rows('sla forecast', $o, $rows, fn () => self::forecastTable($forecasts, $screen), $forecasts);
        self::writeOut($o['out'] ?? null, $text, $this->out);
        return self::EXIT_OK;
    }

    /** @param list<string> $argv */
    private function plan(array $argv): int
    {
        [$positionals, $o] = CommandLine::parse('sla plan', $argv);
        if ($positionals !== []) {
            throw new UsageError("unexpected argument '{$positionals[0]}'");
        }
        Formatter::fields('sla plan', $o['fields'] ?? null);
        $lang = Cli::option($o, 'sla plan', 'lang');
        $quotas = [];
        foreach ($o['quota'] ?? [] as $q) {
            if (!preg_match('/^(.+)=(\d+)$/', $q, $m) || (int) $m[2] <= 0) {
                throw new UsageError("--quota must be NAME=BYTES with BYTES > 0, not '$q'");
            }
            $quotas[$m[1]] = (int) $m[2];
        }
        $options = self::forecastOptions($o);
        if (($target = Cli::intOption($o, 'target-days', 1, 36500)) !== null) {
            $options['target_days'] = $target;
        }
        $destinations = [];
        foreach (self::samplesByDestination(self::history($o), null) as $name => $samples) {
            $destinations[] = ['name' => $name, 'samples' => $samples, 'quota_bytes' => $quotas[$name] ?? null];
        }
        try {
            $plan = Capacity::plan($destinations, $options);
        } catch (\Bjlg\OptionError $e) {
            throw new UsageError($e->reason);
        }
        // One row per recommendation; json and yaml give the whole plan (without --fields).
        $rows = array_map(fn (array $r) => ['rank' => $r['rank'], 'code' => $r['code'], 'destination' => $r['destination'],
            'bytes' => $r['bytes'], 'days_gained' => $r['days_gained'] ?? null,
            'message_en' => $r['message']['en'], 'message_fr' => $r['message']['fr']], $plan['recommendations']);
        $text = Formatter::rows('sla plan', $o, $rows, fn () => self::planText($plan, $lang), $plan);
        self::writeOut($o['out'] ?? null, $text, $this->out);
        return self::EXIT_OK;
    }

    private static function planText(array $plan, string $lang): string
    {
        $fr = $lang === 'fr';
        $first = $plan['first_to_saturate'];
        $out = $first === null
            ? ($fr ? "Aucune destination n'atteint son seuil dans l'horizon.\n" : "No destination reaches its threshold within the horizon.\n")
            : sprintf($fr ? "Première saturation : %s (seuil le %s)\n" : "First to saturate: %s (threshold on %s)\n", $first, self::date($plan['first_threshold_at']));
        if ($plan['recommendations'] === []) {
            return $out . ($fr ? "Aucune recommandation.\n" : "No recommendation.\n");
        }
        $out .= "\n";
        foreach ($plan['recommendations'] as $r) {
            $out .= sprintf("%2d. [%s] %s\n", $r['rank'], $r['code'], $r['message'][$lang]);
        }
        return $out;
    }

    /**
     * Writes $text to $path through a temporary file renamed into place (readers never see half
     * a report), or to $stdout when $path is null.
     * @param resource $stdout
     */
    public static function writeOut(?string $path, string $text, $stdout): void
    {
        if ($path === null || $path === '-') {
            fwrite($stdout, $text);
            return;
        }
        $dir = dirname($path);
        $tmp = @tempnam($dir, '.bjlg-partial-');
        if ($tmp === false || dirname($tmp) !== realpath($dir)) {
            if ($tmp !== false) {
                @unlink($tmp);
            }
            throw new \Bjlg\Sla\IOException("cannot write $path: the folder $dir does not exist or is not writable");
        }
        if (@file_put_contents($tmp, $text) !== strlen($text) || !@rename($tmp, $path)) {
            @unlink($tmp);
            throw new \Bjlg\Sla\IOException("cannot write $path");
        }
    }

    /** @param array<string, mixed> $o */
    private static function history(array $o): array
    {
        if (($o['history'] ?? '') === '') {
            throw new UsageError('--history FILE is required');
        }
        return History::read($o['history']);
    }

    /**
     * The samples of each destination that could be measured, in file order.
     * @return array<string, list<array<string, mixed>>>
     */
    public static function samplesByDestination(array $history, ?string $only): array
    {
        $by = [];
        foreach ($history['samples'] as $sample) {
            if ($sample['used_bytes'] === null || ($only !== null && $sample['destination'] !== $only)) {
                continue;
            }
            $by[$sample['destination']][] = $sample;
        }
        if ($only !== null && $by === []) {
            throw new UsageError("no sample of destination '$only' in the history");
        }
        ksort($by, SORT_STRING);
        return $by;
    }

    /** @param array<string, mixed> $o */
    private static function forecastOptions(array $o): array
    {
        $options = [];
        foreach (['threshold' => 'threshold', 'confidence' => 'confidence'] as $flag => $key) {
            if (isset($o[$flag])) {
                if (!is_numeric($o[$flag])) {
                    throw new UsageError("--$flag must be a number, not '{$o[$flag]}'");
                }
                $options[$key] = (float) $o[$flag];
            }
        }
        if (($days = Cli::intOption($o, 'horizon-days', 1, 36500)) !== null) {
            $options['horizon_days'] = $days;
        }
        if (isset($o['now'])) {
            $now = preg_match('/^\d+$/', $o['now']) ? (int) $o['now'] : strtotime($o['now']);
            if ($now === false) {
                throw new UsageError("--now must be Unix seconds or a date, not '{$o['now']}'");
            }
            $options['now'] = $now;
        }
        return $options;
    }

    /**
     * Forecast::project() for one destination; a refused sample names the destination and the
     * history line it came from (the exception's `item` is its position among $samples).
     */
    private static function project(string $name, array $samples, array $options): array
    {
        try {
            return Forecast::project($samples, $options);
        } catch (\Bjlg\OptionError $e) {
            throw new UsageError($e->reason);
        } catch (\Bjlg\Sla\InvalidInputException $e) {
            $where = $e->item !== null && isset($samples[$e->item]) ? "line {$samples[$e->item]['line']}" : 'history';
            throw new \Bjlg\Sla\InvalidInputException("destination '$name', $where: " . $e->getMessage());
        }
    }

    private static function date(?int $at): string
    {
        return $at === null ? '-' : gmdate('Y-m-d', $at);
    }

    /**
     * @param array<string, array<string, mixed>> $forecasts
     * @param resource|null $screen where the table goes when it is standard output (risk in colour there)
     */
    private static function forecastTable(array $forecasts, $screen): string
    {
        $rows = [['DESTINATION', 'USED', 'QUOTA', '% USED', 'GROWTH/DAY', 'THRESHOLD AT', 'INTERVAL', 'FULL AT', 'RISK']];
        foreach ($forecasts as $name => $f) {
            $growth = $f['growth_bytes_per_day'];
            $rows[] = [
                $name,
                Cli::bytes($f['current_used_bytes']),
                Cli::bytes($f['quota_bytes']),
                $f['current_ratio'] === null ? '-' : sprintf('%.1f%%', 100 * $f['current_ratio']),
                $growth === null ? '-' : ($growth < 0 ? '-' : '+') . Cli::bytes((int) round(abs($growth))),
                self::date($f['threshold_at']),
                $f['threshold_at'] === null && $f['threshold_at_low'] === null ? '-'
                    : self::date($f['threshold_at_low']) . ' .. ' . ($f['threshold_at_high'] === null ? 'later' : self::date($f['threshold_at_high'])),
                self::date($f['full_at']),
                $f['risk_level'],
            ];
        }
        return Formatter::columns($rows, [1, 2, 3, 4], '', fn (int $r, int $i, string $cell) => $r > 0 && $i === 8
            && $screen !== null && ($colour = Output::colourOf($cell)) !== null ? Output::paint($cell, $colour, $screen) : $cell);
    }
}
