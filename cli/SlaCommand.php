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
require_once __DIR__ . '/SlaServiceCommands.php';

final class SlaCommand
{
    public const EXIT_OK = 0;
    /** The input could not be read or was refused (the message says which entry). */
    public const EXIT_ERROR = 1;
    public const EXIT_USAGE = 2;

    public const HELP = <<<'TXT'
        Usage: bjlg sla <subcommand> [options]

        Subcommands:
          forecast --history FILE   when each destination reaches its threshold and fills up
                                    (--destination NAME, --threshold R, --horizon-days N,
                                    --confidence C, --now TIME)
          plan --history FILE       every destination at once: which saturates first, and
                                    ranked recommendations (--config FILE.yaml for quotas,
                                    --horizon-days N)
        TXT . "\n" . SlaServiceCommands::HELP . "\n" . <<<'TXT'

        Common options:
          --format=FORMAT   table (default), json or csv
          --out=FILE        write there (through a temporary file) instead of standard output

        FILE is the JSON-lines history `bjlg quota --config F.yaml --record FILE` appends to.
        Exit status: 0 done, 1 the history could not be read or was refused, 2 usage error.
        TXT;

    /** @var resource */
    private $out;
    /** @var resource */
    private $err;

    /**
     * @param resource|null $out where results go (default STDOUT)
     * @param resource|null $err where errors go (default STDERR)
     */
    public function __construct($out = null, $err = null)
    {
        $this->out = $out ?? STDOUT;
        $this->err = $err ?? STDERR;
    }

    /**
     * Runs `bjlg sla`. $argv holds the arguments after "sla", e.g.
     * ['forecast', '--history', 'quota.jsonl', '--format', 'json'].
     *
     * @param list<string> $argv
     */
    public function run(array $argv): int
    {
        $sub = array_shift($argv);
        if ($sub === null || $sub === '--help' || $sub === '-h' || $sub === 'help'
            || in_array('--help', $argv, true) || in_array('-h', $argv, true)) {
            fwrite($sub === null ? $this->err : $this->out, self::HELP . "\n");
            return $sub === null ? self::EXIT_USAGE : self::EXIT_OK;
        }
        try {
            $text = match ($sub) {
                'forecast' => $this->forecast($argv),
                'plan' => $this->plan($argv),
                'purge' => SlaServiceCommands::purge($argv),
                'objectives' => SlaServiceCommands::objectives($argv),
                'report' => SlaServiceCommands::report($argv),
                default => throw new UsageError("unknown subcommand '$sub'"),
            };
        } catch (UsageError $e) {
            fwrite($this->err, "bjlg sla $sub: " . $e->getMessage() . "\n");
            fwrite($this->err, "Run 'bjlg help sla' for usage.\n");
            return self::EXIT_USAGE;
        } catch (\Bjlg\Exception $e) {
            fwrite($this->err, "bjlg sla $sub: " . $e->getMessage() . "\n");
            return self::EXIT_ERROR;
        }
        fwrite($this->out, $text);
        return self::EXIT_OK;
    }

    /** @param list<string> $argv */
    private function forecast(array $argv): string
    {
        throw new UsageError('forecast: not built yet');
    }

    /** @param list<string> $argv */
    private function plan(array $argv): string
    {
        throw new UsageError('plan: not built yet');
    }
}
