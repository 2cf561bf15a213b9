<?php
// bjlg purge --config FILE.yaml [--policy P.yaml] [--yes]: the retention policy applied to every
// destination of a YAML file at once (docs/purge.md). Without --yes (or with --dry-run) it only
// plans: Bjlg\Remote\Purge::plan() lists each destination and says what the policy deletes there
// and why. With --yes it plans, then deletes with Purge::run() (which lists again and refuses a
// destination that changed since the plan), and can append the run's events to the JSON-lines
// file `bjlg sla purge --events` reads. The YAML files are parsed by the extension (yaml-cpp).
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Remote\Purge;
use Bjlg\Remote\Retention;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/OutputStreams.php';
require_once __DIR__ . '/ProgressDisplay.php';

final class PurgeCommand
{
    use OutputStreams;

    public const EXIT_OK = 0;
    /** A destination could not be listed, or an archive could not be deleted (printed). */
    public const EXIT_FAILED = 1;
    public const EXIT_USAGE = 2;

    /**
     * Runs `bjlg purge`. $argv holds the arguments after "purge". Returns the exit status.
     * @param list<string> $argv
     */
    public function run(array $argv): int
    {
        try {
            $args = $this->parse($argv);
            [$destinations, $policy] = $this->load($args);
        } catch (HelpRequested $h) {
            fwrite($this->out, CommandHelp::of($h->command));
            return self::EXIT_OK;
        } catch (UsageError $e) {
            fwrite($this->err, 'bjlg purge: ' . $e->getMessage() . "\n");
            fwrite($this->err, "Run 'bjlg help purge' for usage.\n");
            return self::EXIT_USAGE;
        }
        try {
            $plan = $args['plan'] !== null ? self::readPlan($args['plan'])
                : Purge::plan($destinations, $policy, $args['plan_options']);
        } catch (\Bjlg\Exception | \ValueError | \TypeError $e) {
            fwrite($this->err, 'bjlg purge: ' . self::message($e) . "\n");
            return self::EXIT_USAGE;
        } catch (UsageError $e) {
            fwrite($this->err, 'bjlg purge: ' . $e->getMessage() . "\n");
            return self::EXIT_USAGE;
        }
        if ($args['save_plan'] !== null && !$this->savePlan($args['save_plan'], $plan)) {
            return self::EXIT_FAILED;
        }
        if (!$args['delete']) {
            fwrite($this->out, Formatter::rows('purge', $args['o'], self::rows($plan, []),
                fn () => $this->planTable($plan), ['dry_run' => true, 'plan' => $plan]));
            if (($args['o']['format'] ?? 'table') === 'table') {
                Output::info($this->out, "Dry run: nothing was deleted. Run again with --yes to delete.\n");
            }
            return $plan['totals']['failed_destinations'] > 0 ? self::EXIT_FAILED : self::EXIT_OK;
        }

        $options = $args['run_options'] + ['destinations' => $destinations];
        $display = $args['progress'];
        if ($display !== null) {
            $options['progress'] = $display;
        }
        try {
            $result = Purge::run($plan, $options);
        } catch (\ValueError $e) {
            $display?->finish();
            fwrite($this->err, 'bjlg purge: ' . self::message($e) . "\n");
            return self::EXIT_USAGE;
        } catch (\Bjlg\Exception $e) {
            $display?->finish();
            fwrite($this->err, 'bjlg purge: ' . self::message($e) . "\n");
            return self::EXIT_FAILED;
        }
        $display?->finish();
        $status = self::EXIT_OK;
        if ($args['record'] !== null && !$this->record($args['record'], $result['events'])) {
            $status = self::EXIT_FAILED;
        }
        fwrite($this->out, Formatter::rows('purge', $args['o'], self::rows($plan, $result['events']),
            fn () => $this->runTable($plan, $result), ['dry_run' => false, 'plan' => $plan, 'run' => $result]));
        if ($result['failed'] > 0 || $plan['totals']['failed_destinations'] > 0) {
            return self::EXIT_FAILED;
        }
        foreach ($result['destinations'] as $d) {
            if ($d['error'] !== null) {
                return self::EXIT_FAILED;
            }
        }
        foreach ($result['events'] as $e) {
            if ($e['status'] !== 'completed') {
                return self::EXIT_FAILED;  // an archive not sent is not purged either
            }
        }
        return $status;
    }

    /**
     * @param list<string> $argv
     * @return array<string, mixed>
     */
    private function parse(array $argv): array
    {
        [$positionals, $o] = CommandLine::parse('purge', $argv);
        if ($positionals !== []) {
            throw new UsageError("unexpected argument '{$positionals[0]}'");
        }
        if (($o['config'] ?? '') === '') {
            throw new UsageError('--config FILE is required');
        }
        foreach (['policy', 'record', 'journal', 'ca-bundle', 'save-plan', 'plan'] as $name) {
            if (isset($o[$name]) && $o[$name] === '') {
                throw new UsageError("--$name needs a file name");
            }
        }
        Formatter::fields('purge', $o['fields'] ?? null);
        $lang = Cli::option($o, 'purge', 'lang');
        if (isset($o['ca-bundle']) && (!is_file($o['ca-bundle']) || !is_readable($o['ca-bundle']))) {
            throw new UsageError("--ca-bundle: cannot read {$o['ca-bundle']}");
        }
        $transfer = Cli::transferOptions($o);
        $run = $transfer;
        if (($parallel = Cli::intOption($o, 'parallel', 1, 64)) !== null) {
            $run['parallel'] = $parallel;
        }
        if (isset($o['journal'])) {
            $run['journal'] = $o['journal'];
        }
        if (($age = Cli::intOption($o, 'max-plan-age', 1, 31536000)) !== null) {
            $run['max_plan_age'] = $age;
        }
        $delete = isset($o['yes']) && !isset($o['dry-run']);
        if (isset($o['plan']) && !$delete) {
            throw new UsageError('--plan runs a saved plan: it needs --yes');
        }
        return [
            'config' => $o['config'],
            'policy' => $o['policy'] ?? null,
            'o' => $o,
            'delete' => $delete,
            'record' => $o['record'] ?? null,
            'save_plan' => $o['save-plan'] ?? null,
            'plan' => $o['plan'] ?? null,
            'plan_options' => $transfer + ['lang' => $lang],
            'run_options' => $run,
            // Checked even for a dry run: a bad value is a mistake whatever the mode.
            'progress' => ProgressDisplay::fromOption($o['progress'] ?? null, $this->err),
        ];
    }

    /**
     * The destinations and the policy, or a usage error naming the file.
     * @param array<string, mixed> $args
     * @return array{0: list<array>, 1: array}
     */
    private function load(array $args): array
    {
        try {
            $destinations = Purge::loadDestinations($args['config']);
        } catch (\Bjlg\Exception $e) {
            throw new UsageError($e->getMessage());
        }
        if ($destinations === []) {
            throw new UsageError("{$args['config']} lists no destination");
        }
        if ($args['plan'] !== null) {
            return [$destinations, []];  // the saved plan was made with its policy
        }
        $file = $args['policy'] ?? $args['config'];
        try {
            $policy = Retention::loadPolicy($file);
        } catch (\Bjlg\Exception $e) {
            if ($args['policy'] === null && $e instanceof \Bjlg\Remote\InvalidPolicyException
                && !preg_match('/^policy\s*:/m', (string) @file_get_contents($file))) {
                throw new UsageError("{$args['config']} has no 'policy' map: add one (policy: {keep_daily: 7, ...}) or give --policy FILE");
            }
            throw new UsageError($e->getMessage());
        }
        return [$destinations, $policy];
    }

    /**
     * The plan saved by --save-plan, or a usage error naming the file.
     * @return array<string, mixed>
     */
    private static function readPlan(string $path): array
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new UsageError("--plan: cannot read $path");
        }
        $plan = json_decode($text, true, 64);
        if (!is_array($plan) || !isset($plan['version'], $plan['destinations'])) {
            throw new UsageError("--plan: $path is not a plan saved by --save-plan");
        }
        return $plan;
    }

    /** Writes the plan as JSON, complete or not at all. False (reported) on failure. */
    private function savePlan(string $path, array $plan): bool
    {
        try {
            Cli::writeAtomically($path, json_encode($plan, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");
        } catch (UsageError $e) {
            fwrite($this->err, 'bjlg purge: --save-plan: ' . $e->getMessage() . "\n");
            return false;
        }
        return true;
    }

    /**
     * Appends the events to the JSON-lines file, in one write. False (reported) on failure.
     * @param list<array<string, mixed>> $events
     */
    private function record(string $path, array $events): bool
    {
        $lines = '';
        foreach ($events as $event) {
            $lines .= json_encode($event, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
        }
        if (@file_put_contents($path, $lines, FILE_APPEND | LOCK_EX) === false) {
            fwrite($this->err, "bjlg purge: --record: cannot append to $path\n");
            return false;
        }
        return true;
    }

    /**
     * What an API exception says, for the terminal: a refused option without PHP's
     * "Class::method(): Argument #N ($x)" prefix, and named as the command's flag when it has one
     * (OptionError's reason is 'option "<name>"' followed by the refusal).
     */
    private static function message(\Throwable $e): string
    {
        if (!$e instanceof \Bjlg\OptionError) {
            return $e->getMessage();
        }
        $flags = ['journal' => '--journal', 'parallel' => '--parallel', 'lang' => '--lang'];
        $named = 'option "' . $e->option . '"';
        return isset($flags[$e->option]) && str_starts_with($e->reason, $named)
            ? $flags[$e->option] . substr($e->reason, strlen($named)) : $e->reason;
    }

    /**
     * One row per archive the plan deletes (the fields of the definition); after a run, its
     * outcome: deleted, already_gone, failed, or not_sent.
     * @param list<array<string, mixed>> $events the run's events ([] for a dry run)
     * @return list<array<string, mixed>>
     */
    private static function rows(array $plan, array $events): array
    {
        $outcomes = [];
        foreach ($events as $e) {
            $outcomes[$e['destination']][$e['archive']] = $e['status'] === 'pending' ? 'not_sent' : $e['outcome'];
        }
        $rows = [];
        foreach ($plan['destinations'] as $name => $d) {
            foreach ($d['delete'] as $a) {
                $rows[] = ['destination' => (string) $name, 'archive' => $a['name'], 'size' => $a['size'], 'time' => $a['time'],
                           'reason' => $a['reason'], 'outcome' => $events === [] ? null : ($outcomes[$name][$a['name']] ?? null)];
            }
        }
        return $rows;
    }

    /** The dry run: per destination, the archives to delete and why; then the totals. */
    public function planTable(array $plan): string
    {
        $zone = new \DateTimeZone($plan['policy']['timezone'] ?? 'UTC');
        $out = '';
        foreach ($plan['destinations'] as $name => $d) {
            if ($d['error'] !== null) {
                $out .= sprintf("%s (%s): %s [%s] %s\n\n", $name, $d['type'], Output::paint('error', 'red', $this->out),
                    $d['error']['code'], $d['error']['message']);
                continue;
            }
            $out .= sprintf("%s (%s): %d listed, %d to delete (%s), %d kept, %d foreign\n", $name, $d['type'],
                $d['listed'], count($d['delete']), Cli::bytes($d['bytes_freed']), count($d['keep']), count($d['foreign']));
            if ($d['delete'] !== []) {
                $rows = [['DELETE', 'SIZE', 'DATE (' . $zone->getName() . ')', 'REASON']];
                foreach ($d['delete'] as $a) {
                    $rows[] = [$a['name'], Cli::bytes($a['size']), self::date($a['time'], $zone), $a['reason']];
                }
                $out .= Formatter::columns($rows, [1], '  ');
            }
            $out .= "\n";
        }
        $t = $plan['totals'];
        $out .= sprintf("Total: %d to delete (%s), %d kept, %d foreign; %d of %d destinations failed\n",
            $t['delete'], Cli::bytes($t['bytes_freed']), $t['keep'], $t['foreign'], $t['failed_destinations'],
            count($plan['destinations']));
        return $out;
    }

    /** After --yes: deleted, already gone, failed and freed per destination; the failures. */
    public function runTable(array $plan, array $result): string
    {
        $rows = [['NAME', 'DELETED', 'ALREADY GONE', 'FAILED', 'FREED', 'ERROR']];
        $freed = [];
        foreach ($result['events'] as $e) {
            if ($e['outcome'] === 'deleted') {
                $freed[$e['destination']] = ($freed[$e['destination']] ?? 0) + $e['bytes'];
            }
        }
        foreach ($plan['destinations'] as $name => $d) {
            $name = (string) $name;
            $r = $result['destinations'][$name] ?? ['deleted' => 0, 'already_gone' => 0, 'failed' => 0, 'error' => null];
            $error = $d['error'] ?? $r['error'];
            $rows[] = [$name, (string) $r['deleted'], (string) $r['already_gone'], (string) $r['failed'],
                       ($d['error'] ?? null) !== null ? '-' : Cli::bytes($freed[$name] ?? 0),
                       $error === null ? '' : "[{$error['code']}] {$error['message']}"];
        }
        $out = Formatter::columns($rows, [1, 2, 3, 4]);
        foreach ($result['events'] as $e) {
            if ($e['status'] === 'failed' && $e['outcome'] === 'failed') {
                $out .= sprintf("%s: %s: %s: [%s] %s\n", Output::paint('failed', 'red', $this->out), $e['destination'], $e['archive'], $e['error_code'] ?? '-',
                    $e['message'] ?? '');
            } elseif ($e['status'] === 'pending') {
                $out .= sprintf("not sent: %s: %s\n", $e['destination'], $e['archive']);
            }
        }
        $out .= sprintf("Total: %d deleted (%s freed), %d already gone, %d failed\n", $result['deleted'],
            Cli::bytes($result['bytes_freed']), $result['already_gone'], $result['failed']);
        if ($result['journal'] !== null) {
            $out .= "Journal: {$result['journal']}\n";
        }
        return $out;
    }

    private static function date(?int $time, \DateTimeZone $zone): string
    {
        return $time === null ? '-' : (new \DateTimeImmutable('@' . $time))->setTimezone($zone)->format('Y-m-d H:i');
    }

}
