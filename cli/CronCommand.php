<?php
// bjlg cron next|preview|describe|check: the cron engine of the extension on the command line.
// The options of each action are defined in cli/commands/definitions.php.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Cron\Expression;
use Bjlg\Cron\SyntaxError;

final class CronCommand
{
    private string $format = 'text';
    private string $locale = 'en';
    private ?string $zone = null;
    private \DateTimeImmutable $from;

    /** @param list<string> $args */
    public function run(array $args): int
    {
        $action = array_shift($args);
        if ($action === null) {
            throw new UsageError("cron needs an action: next, preview, describe or check");
        }
        if ($action === 'help') {
            echo CommandHelp::of('cron');
            return Cli::EXIT_OK;
        }
        if (!in_array($action, ['next', 'preview', 'describe', 'check'], true)) {
            throw new UsageError("unknown cron action '$action'");
        }
        [$positionals, $options] = CommandLine::parse("cron $action", $args);
        $this->readCommonOptions($options);
        if ($action === 'preview' || $action === 'check') {
            Formatter::fields("cron $action", $options['fields'] ?? null);
        }

        if ($action === 'check' && isset($options['config'])) {
            if ($positionals !== []) {
                throw new UsageError('cron check takes either EXPR or --config FILE, not both');
            }
            return $this->checkConfig((string) $options['config'], $options);
        }
        if (count($positionals) !== 1) {
            throw new UsageError(count($positionals) === 0
                ? "cron $action needs a cron expression"
                : "cron $action takes one expression; quote it: bjlg cron $action '" . implode(' ', $positionals) . "'");
        }
        $text = $positionals[0];
        if ($action === 'check') {
            return $this->checkOne($text, $options);
        }
        $expression = $this->parse($text);
        return match ($action) {
            'next' => $this->next($expression),
            'preview' => $this->preview($expression, $this->count($options, 5), $options),
            'describe' => $this->describe($expression),
        };
    }

    /** @param array<string, string|true> $options */
    private function readCommonOptions(array $options): void
    {
        $this->format = (string) ($options['format'] ?? 'text');
        $this->locale = (string) ($options['locale'] ?? 'en');
        if (isset($options['tz'])) {
            $this->zone = $this->zoneName((string) $options['tz'], '--tz');
        }
        $this->from = new \DateTimeImmutable();
        if (isset($options['from'])) {
            try {
                $this->from = new \DateTimeImmutable((string) $options['from']);
            } catch (\Exception) {
                throw new UsageError("--from must be a date such as 2025-01-15T10:07:30Z, '{$options['from']}' given");
            }
        }
    }

    private function zoneName(string $zone, string $what): string
    {
        try {
            Expression::parse('@daily')->next(null, $zone);
        } catch (\ValueError) {
            throw new UsageError("$what: unknown time zone '$zone'");
        }
        return $zone;
    }

    /** @param array<string, string|true> $options */
    private function count(array $options, int $default): int
    {
        if (!isset($options['count'])) {
            return $default;
        }
        $count = (string) $options['count'];
        if (!preg_match('/^[0-9]+$/', $count) || (int) $count < 1 || (int) $count > 10000) {
            throw new UsageError("--count must be a number from 1 to 10000, '$count' given");
        }
        return (int) $count;
    }

    /** @param array<string, string|true> $options */
    private function seconds(array $options, string $name): ?int
    {
        if (!isset($options[$name])) {
            return null;
        }
        $value = (string) $options[$name];
        if (!preg_match('/^[0-9]{1,12}$/', $value)) {
            throw new UsageError("--$name must be a number of seconds, '$value' given");
        }
        return (int) $value;
    }

    private function parse(string $text): Expression
    {
        try {
            return Expression::parse($text);
        } catch (SyntaxError $e) {
            throw new UsageError("invalid cron expression '$text': " . $e->getMessage());
        }
    }

    private function zoneLabel(): string
    {
        return $this->zone ?? date_default_timezone_get();
    }

    /** @return list<\DateTimeImmutable> */
    private function runs(Expression $expression, int $count, ?string $zone = null): array
    {
        if ($expression->neverFires()) {
            return [];
        }
        try {
            return $expression->nextRuns($count, $this->from, $zone ?? $this->zone ?? date_default_timezone_get());
        } catch (\Bjlg\Cron\NoRunException) {
            return [];
        }
    }

    private function next(Expression $expression): int
    {
        $runs = $this->runs($expression, 1);
        $next = $runs === [] ? null : $runs[0]->format(DATE_ATOM);
        if ($this->format === 'json') {
            $this->json(['expression' => (string) $expression, 'timezone' => $this->zoneLabel(), 'next' => $next]);
        } else {
            echo $next ?? 'never', "\n";
        }
        return Cli::EXIT_OK;
    }

    /** @param array<string, string|true> $options */
    private function preview(Expression $expression, int $count, array $options): int
    {
        $rows = array_map(fn ($d) => ['at' => $d->format(DATE_ATOM), 'timestamp' => $d->getTimestamp()],
            $this->runs($expression, $count));
        $runs = array_column($rows, 'at');
        echo Formatter::rows('cron preview', $options, $rows,
            fn () => $runs === [] ? "never\n" : implode("\n", $runs) . "\n",
            ['expression' => (string) $expression, 'timezone' => $this->zoneLabel(), 'runs' => $runs]);
        return Cli::EXIT_OK;
    }

    private function describe(Expression $expression): int
    {
        $description = $expression->describe($this->locale);
        if ($this->format === 'json') {
            $this->json(['expression' => (string) $expression, 'locale' => $this->locale, 'description' => $description]);
        } else {
            echo $description, "\n";
        }
        return Cli::EXIT_OK;
    }

    /** @param array<string, string|true> $options */
    private function checkOne(string $text, array $options): int
    {
        $schedule = ['name' => null, 'expression' => $text, 'duration' => $this->seconds($options, 'duration') ?? 0,
                     'timezone' => $this->zone];
        $result = $this->checkSchedule($schedule, [], $this->count($options, 3), $this->seconds($options, 'min-interval'));
        echo $this->checkRows($options, [$result], fn () => $this->printResult($result), $result);
        return $result['errors'] > 0 ? Cli::EXIT_FOUND_ERRORS : Cli::EXIT_OK;
    }

    /** @param array<string, string|true> $options */
    private function checkConfig(string $file, array $options): int
    {
        foreach (array_keys($options) as $name) {
            if (!in_array($name, ['config', 'tz', 'from', 'count', 'locale', 'format', 'fields', 'min-interval', 'quiet', 'no-color'], true)) {
                throw new UsageError("option --$name does not apply to cron check --config");
            }
        }
        $schedules = $this->readConfig($file);
        $count = $this->count($options, 3);
        $minInterval = $this->seconds($options, 'min-interval');
        $results = [];
        foreach ($schedules as $i => $schedule) {
            $others = array_values(array_filter($schedules, fn ($s, $j) => $j !== $i, ARRAY_FILTER_USE_BOTH));
            $results[] = $this->checkSchedule($schedule, $others, $count, $minInterval);
        }
        $errors = array_sum(array_column($results, 'errors'));
        echo $this->checkRows($options, $results, function () use ($results): void {
            $this->printTable($results);
            foreach ($results as $result) {
                echo "\n";
                $this->printResult($result);
            }
        }, ['file' => $file, 'schedules' => $results, 'errors' => $errors]);
        return $errors > 0 ? Cli::EXIT_FOUND_ERRORS : Cli::EXIT_OK;
    }

    /** @return list<array{name: string, expression: string, duration: int, timezone: ?string}> */
    private function readConfig(string $file): array
    {
        try {
            $text = Cli::readSmallFile($file, 1 << 20, 'config file');
        } catch (UsageError $e) {
            throw new UsageError('--config: ' . $e->getMessage());
        }
        try {
            $data = json_decode($text, true, 64, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new UsageError("--config: '$file' is not valid JSON: " . $e->getMessage());
        }
        if (is_array($data) && isset($data['schedules'])) {
            $data = $data['schedules'];
        }
        if (!is_array($data) || !array_is_list($data) || $data === []) {
            throw new UsageError("--config: '$file' must hold a non-empty list of schedules");
        }
        $schedules = [];
        foreach ($data as $i => $entry) {
            $where = "--config: schedule #" . ($i + 1);
            if (!is_array($entry)) {
                throw new UsageError("$where must be an object");
            }
            foreach (array_keys($entry) as $key) {
                if (!in_array($key, ['name', 'expression', 'duration', 'timezone'], true)) {
                    throw new UsageError("$where has an unknown key '$key' (known: name, expression, duration, timezone)");
                }
            }
            if (!isset($entry['expression']) || !is_string($entry['expression'])) {
                throw new UsageError("$where needs an \"expression\" string");
            }
            $name = $entry['name'] ?? 'schedule ' . ($i + 1);
            $duration = $entry['duration'] ?? 0;
            $zone = $entry['timezone'] ?? null;
            if (!is_string($name) || !is_int($duration) || $duration < 0 || ($zone !== null && !is_string($zone))) {
                throw new UsageError("$where: name and timezone must be strings, duration a number of seconds");
            }
            $schedules[] = ['name' => $name, 'expression' => $entry['expression'], 'duration' => $duration,
                            'timezone' => $zone === null ? $this->zone : $this->zoneName($zone, $where)];
        }
        return $schedules;
    }

    /**
     * Checks one schedule against the others that run in the same zone.
     *
     * @param array{name: ?string, expression: string, duration: int, timezone: ?string} $schedule
     * @param list<array{name: string, expression: string, duration: int, timezone: ?string}> $others
     * @return array<string, mixed>
     */
    private function checkSchedule(array $schedule, array $others, int $count, ?int $minInterval): array
    {
        $zone = $schedule['timezone'] ?? date_default_timezone_get();
        $result = ['name' => $schedule['name'], 'expression' => $schedule['expression'], 'timezone' => $zone,
                   'duration' => $schedule['duration'], 'valid' => true, 'normalized' => null, 'description' => null,
                   'next_runs' => [], 'warnings' => [], 'min_interval' => null, 'runs_per_day' => null, 'errors' => 0];
        try {
            $expression = Expression::parse($schedule['expression']);
        } catch (SyntaxError $e) {
            $result['valid'] = false;
            $result['warnings'][] = ['code' => 'syntax', 'severity' => 'error', 'message' => $e->getMessage(),
                                     'evidence' => ['field' => $e->field, 'position' => $e->position,
                                                    'suggestion' => $e->suggestion]];
            $result['errors'] = 1;
            return $result;
        }
        $peers = [];
        foreach ($others as $other) {
            if (($other['timezone'] ?? date_default_timezone_get()) === $zone && Expression::isValid($other['expression'])) {
                $peers[] = ['name' => $other['name'], 'expression' => $other['expression'], 'duration' => $other['duration']];
            }
        }
        $options = ['timezone' => $zone, 'from' => $this->from, 'locale' => $this->locale,
                    'duration' => $schedule['duration'], 'schedules' => $peers];
        if ($minInterval !== null) {
            $options['min_interval'] = $minInterval;
        }
        $report = $expression->check($options);
        $result['normalized'] = (string) $expression;
        $result['description'] = $expression->describe($this->locale);
        $result['next_runs'] = array_map(fn ($d) => $d->format(DATE_ATOM), $this->runs($expression, $count, $zone));
        $result['warnings'] = $report['warnings'];
        $result['min_interval'] = $report['min_interval'];
        $result['runs_per_day'] = $report['runs_per_day'];
        $result['errors'] = count(array_filter($report['warnings'], fn ($w) => $w['severity'] === 'error'));
        return $result;
    }

    /**
     * The results of `cron check` in the format of $options; the table is what $print echoes.
     * JSON keeps a 0.0 as 0.0 (runs_per_day), as the cron commands always wrote it.
     * @param array<string, string|true> $options
     * @param list<array<string, mixed>> $results
     */
    private function checkRows(array $options, array $results, callable $print, array $document): string
    {
        if (($options['format'] ?? 'table') === 'json' && !isset($options['fields'])) {
            ob_start();
            $this->json($document);
            return (string) ob_get_clean();
        }
        return Formatter::rows('cron check', $options, $results, function () use ($print): string {
            ob_start();
            $print();
            return (string) ob_get_clean();
        }, $document);
    }

    /** @param array<string, mixed> $result */
    private function printResult(array $result): void
    {
        $title = $result['name'] !== null ? "{$result['name']}: {$result['expression']}" : $result['expression'];
        echo $title, '  (', $result['timezone'], ")\n";
        if ($result['description'] !== null) {
            echo '  ', $result['description'], "\n";
            echo '  next: ', $result['next_runs'] === [] ? 'never' : implode(', ', $result['next_runs']), "\n";
            if ($result['min_interval'] !== null) {
                echo '  min interval: ', $result['min_interval'], ' s, runs per day: ', round($result['runs_per_day'], 3), "\n";
            }
        }
        if ($result['warnings'] === []) {
            echo '  ', Output::paint('no warnings', 'green', STDOUT), "\n";
        }
        foreach ($result['warnings'] as $warning) {
            echo '  ', Output::verdict($warning['severity'], STDOUT), ' [', $warning['code'], '] ', $warning['message'], "\n";
        }
    }

    /** @param list<array<string, mixed>> $results */
    private function printTable(array $results): void
    {
        $rows = [['SCHEDULE', 'EXPRESSION', 'ZONE', 'NEXT RUN', 'STATUS']];
        foreach ($results as $r) {
            $errors = $r['errors'];
            $warnings = count($r['warnings']) - $errors;
            $status = $errors > 0 ? "$errors error" . ($errors > 1 ? 's' : '') : ($warnings > 0 ? "$warnings warning" . ($warnings > 1 ? 's' : '') : 'ok');
            $rows[] = [(string) $r['name'], $r['expression'], $r['timezone'], $r['next_runs'][0] ?? ($r['valid'] ? 'never' : '-'), $status];
        }
        // The status, last: green ok, yellow warnings, red errors.
        echo Formatter::columns($rows, [], '', fn (int $r, int $i, string $cell) => $r === 0 || $i !== 4 ? $cell
            : Output::paint($cell, $cell === 'ok' ? 'green' : (str_contains($cell, 'error') ? 'red' : 'yellow'), STDOUT));
    }

    /** @param array<string, mixed> $data */
    private function json(array $data): void
    {
        echo json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION), "\n";
    }
}
