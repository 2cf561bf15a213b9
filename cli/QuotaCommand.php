<?php
// bjlg quota --config FILE.yaml: the usage and quota of every destination
// of a YAML file, collected at once by Bjlg\Quota\Collector::collectFromFile().
// The YAML file is parsed by the extension (yaml-cpp), so php-yaml is not needed.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Quota\Collector;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/OutputStreams.php';

final class QuotaCommand
{
    use OutputStreams;

    public const EXIT_OK = 0;
    /** At least one destination could not be measured (its error is printed). */
    public const EXIT_DESTINATION_ERRORS = 1;
    public const EXIT_USAGE = 2;

    /**
     * Runs `bjlg quota`. $argv holds the arguments after "quota", e.g.
     * ['--config', 'destinations.yaml', '--format', 'json']. Returns the exit status.
     *
     * @param list<string> $argv
     */
    public function run(array $argv): int
    {
        try {
            $args = $this->parse($argv);
        } catch (HelpRequested $h) {
            fwrite($this->out, CommandHelp::of($h->command));
            return self::EXIT_OK;
        } catch (UsageError $e) {
            fwrite($this->err, 'bjlg quota: ' . $e->getMessage() . "\n");
            fwrite($this->err, "Run 'bjlg help quota' for usage.\n");
            return self::EXIT_USAGE;
        }
        try {
            $results = Collector::collectFromFile($args['config'], $args['options']);
        } catch (\Bjlg\Exception $e) {
            fwrite($this->err, 'bjlg quota: ' . $e->getMessage() . "\n");
            return self::EXIT_USAGE;
        }
        if ($args['record'] !== null) {
            try {
                \Bjlg\Sla\History::append($args['record'], self::samples($results));
            } catch (\Bjlg\Exception $e) {
                fwrite($this->err, 'bjlg quota: --record: ' . $e->getMessage() . "\n");
                return self::EXIT_DESTINATION_ERRORS;
            }
        }
        fwrite($this->out, Formatter::rows('quota', $args['o'], array_values($results), fn () => self::table($results, $this->out)));
        foreach ($results as $result) {
            if ($result['errors'] !== []) {
                return self::EXIT_DESTINATION_ERRORS;
            }
        }
        return self::EXIT_OK;
    }

    /**
     * @param list<string> $argv
     * @return array{config: string, o: array<string, mixed>, options: array<string, mixed>, record: ?string}
     */
    private function parse(array $argv): array
    {
        [$positionals, $o] = CommandLine::parse('quota', $argv);
        if ($positionals !== []) {
            throw new UsageError("unexpected argument '{$positionals[0]}'");
        }
        Formatter::fields('quota', $o['fields'] ?? null);
        $options = Cli::transferOptions($o);
        if (($o['config'] ?? '') === '') {
            throw new UsageError('--config FILE is required');
        }
        if (isset($o['record']) && $o['record'] === '') {
            throw new UsageError('--record needs a file name');
        }
        return ['config' => $o['config'], 'o' => $o, 'options' => $options, 'record' => $o['record'] ?? null];
    }

    /**
     * The history samples of one collection: one per destination, measured or not.
     * @param array<string, array<string, mixed>> $results
     * @return list<array<string, mixed>>
     */
    public static function samples(array $results): array
    {
        $samples = [];
        foreach ($results as $r) {
            $samples[] = [
                'destination' => $r['name'],
                'at' => $r['collected_at'],
                'used_bytes' => $r['used_bytes'],
                'quota_bytes' => $r['quota_bytes'],
                'object_count' => $r['object_count'],
                'errors' => array_values($r['errors']),
            ];
        }
        return $samples;
    }

    /**
     * The table of results, errors in red when $stream (where it goes) is a terminal.
     * @param array<string, array<string, mixed>> $results
     * @param resource $stream
     */
    public static function table(array $results, $stream = STDOUT): string
    {
        $rows = [['NAME', 'USED', 'QUOTA', 'FREE', '% USED', 'LATENCY', 'ERROR']];
        foreach ($results as $r) {
            $percent = ($r['used_bytes'] !== null && $r['quota_bytes'] !== null && $r['quota_bytes'] > 0)
                ? sprintf('%.1f%%', 100 * $r['used_bytes'] / $r['quota_bytes']) : '-';
            $rows[] = [
                $r['name'],
                Cli::bytes($r['used_bytes']),
                Cli::bytes($r['quota_bytes']),
                Cli::bytes($r['free_bytes']),
                $percent,
                $r['latency_ms'] . ' ms',
                $r['errors'] === [] ? '' : implode('; ', $r['errors']),
            ];
        }
        // Text columns align left, figures right; the error, last, in red.
        $out = Formatter::columns($rows, [1, 2, 3, 4, 5], '',
            fn (int $r, int $i, string $cell) => $r > 0 && $i === 6 ? Output::paint($cell, 'red', $stream) : $cell);
        return $out;
    }
}
