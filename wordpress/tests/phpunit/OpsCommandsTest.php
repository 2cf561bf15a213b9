<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-storage.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-incidents.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-ops-commands.php';

use Bjlg\WordPress\Commands;
use Bjlg\WordPress\Console;
use Bjlg\WordPress\Jobs;
use Bjlg\WordPress\Ops_Commands;
use Bjlg\WordPress\Usage_Exception;
use PHPUnit\Framework\TestCase;

// The commands quota, forecast, purge, notify and jobs: their rows (from the extension's real
// answers), and the command lines they refuse before touching the site.
final class OpsCommandsTest extends TestCase
{
    private const DAY = 86400;

    public function testEveryOperationsCommandIsACommandOfBothFrontEnds(): void
    {
        foreach (Ops_Commands::NAMES as $name) {
            $this->assertContains($name, Commands::NAMES, "$name is registered under wp bjlg and bin/bjlg --wp");
        }
    }

    public function testForecastRowsGiveTheDaysToTheThresholdAndTheIntervalOfItsDate(): void
    {
        $now = 1_800_000_000;
        $samples = [];
        for ($d = 30; $d >= 0; $d--) {
            $samples[] = ['at' => $now - $d * self::DAY, 'used_bytes' => (int) (1e9 * (0.45 + 0.01 * (30 - $d))), 'quota_bytes' => 1_000_000_000];
        }
        $plan = Bjlg\Sla\Capacity::plan([['name' => 'filling', 'samples' => $samples]], ['now' => $now]);
        $rows = Ops_Commands::forecast_rows(['destinations' => [
            ['destination' => ['name' => 'filling', 'type' => 'local'], 'samples' => $samples, 'listing' => null, 'forecast' => $plan['destinations']['filling']],
            ['destination' => ['name' => 'new', 'type' => 'local'], 'samples' => [], 'listing' => ['code' => 'unreachable'], 'forecast' => null],
        ]]);
        $this->assertSame('filling', $rows[0]['destination']);
        $this->assertSame('warning', $rows[0]['risk_level']);
        $this->assertEqualsWithDelta(10.0, $rows[0]['days_to_threshold'], 1.0, '0.75 now, 0.85 at 1 % a day');
        $this->assertSame(0.75, round($rows[0]['current_ratio'], 2));
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d$/', $rows[0]['threshold_at']);
        $this->assertLessThanOrEqual($rows[0]['threshold_at_high'], $rows[0]['threshold_at_low'], 'the interval of the date');
        $this->assertSame(31, $rows[0]['samples']);
        $this->assertSame(['destination' => 'new', 'risk_level' => 'unknown', 'current_ratio' => null, 'days_to_threshold' => null,
            'threshold_at' => null, 'threshold_at_low' => null, 'threshold_at_high' => null, 'growth_bytes_per_day' => null,
            'samples' => 0, 'error' => 'unreachable'], $rows[1], 'no samples yet: nothing made up');
        $this->assertSame(Ops_Commands::FORECAST_FIELDS, array_keys($rows[0]), 'every field, in order');
    }

    public function testPurgeRowsSayWhatThePolicyDeletesAndKeepsWithTheReason(): void
    {
        $dir = sys_get_temp_dir() . '/bjlg-ops-purge-' . getmypid();
        @mkdir($dir);
        $now = 1_800_000_000;
        foreach ([1, 2, 3] as $age) {
            $name = sprintf('backup-full-%s-aaaaaa.zip', gmdate('Ymd-His', $now - $age * self::DAY));
            file_put_contents("$dir/$name", str_repeat('x', 100 * $age));
            touch("$dir/$name", $now - $age * self::DAY);
        }
        try {
            $plan = Bjlg\Remote\Purge::plan([['name' => 'disk', 'type' => 'local', 'path' => $dir]], ['keep_last' => 1], ['now' => $now, 'lang' => 'en']);
            $rows = Ops_Commands::purge_rows($plan);
        } finally {
            array_map('unlink', glob("$dir/*"));
            rmdir($dir);
        }
        $this->assertSame(['delete', 'delete', 'keep'], array_column($rows, 'action'), 'the newest is kept');
        $this->assertSame([200, 300, 100], array_column($rows, 'bytes'));
        $this->assertSame(['disk'], array_values(array_unique(array_column($rows, 'destination'))));
        foreach ($rows as $row) {
            $this->assertNotSame('', $row['reason'], 'each archive says why');
            $this->assertStringNotContainsString($dir, implode(' ', $row), 'no server path');
        }
    }

    public function testDeliveriesAreRowsOfTheDispatchersResultWithoutTheMessage(): void
    {
        $rows = Ops_Commands::notify_rows([
            ['incident' => 'inc_1', 'kind' => 'reminder', 'channel' => 'ops', 'type' => 'slack', 'status' => 'sent', 'http_code' => 200,
                'error_code' => null, 'error' => null, 'latency_ms' => 12, 'message' => ['webhook_url' => 'https://hooks.example/secret']],
            ['incident' => '', 'kind' => 'test', 'channel' => ['name' => 'pager', 'type' => 'webhook'], 'status' => 'failed', 'http_code' => 0,
                'error_code' => 'unreachable', 'error' => 'connection refused'],
        ]);
        $this->assertSame(Ops_Commands::NOTIFY_FIELDS, array_keys($rows[0]));
        $this->assertSame('ops', $rows[0]['channel']);
        $this->assertSame('pager', $rows[1]['channel']);
        $this->assertStringNotContainsString('secret', (string) json_encode($rows));
    }

    public function testJobFiltersAcceptKnownStatesAndTypesOnly(): void
    {
        $this->assertSame(['running', 'queued'], Jobs::filter_values('running, queued', Jobs::STATES, 'state'));
        $this->assertSame(['backup'], Jobs::filter_values(['backup', 'backup'], Jobs::TYPES, 'type'));
        $this->assertSame([], Jobs::filter_values(null, Jobs::TYPES, 'type'));
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage("unknown state 'finished' (queued, running, interrupted, done, failed, cancelled)");
        Jobs::filter_values('done,finished', Jobs::STATES, 'state');
    }

    /** @return array<string, array{string, list<string>, array<string, string>, string}> */
    public static function refusedCommandLines(): array
    {
        return [
            'an unknown field' => ['quota', [], ['fields' => 'name,secret_key'], "unknown field 'secret_key'; the fields are: name, type, used_bytes"],
            'an unknown format' => ['forecast', [], ['format' => 'xml'], "--format must be one of table, json, csv, yaml, not 'xml'"],
            'a limit out of range' => ['jobs', [], ['limit' => '101'], "--limit must be a number from 1 to 100, not '101'"],
            'a limit that is no number' => ['jobs', [], ['limit' => 'all'], "--limit must be a number from 1 to 100"],
            'an unknown subcommand' => ['notify', ['send'], [], "unknown notify subcommand 'send' (due, test [CHANNEL])"],
        ];
    }

    /**
     * @dataProvider refusedCommandLines
     * @param list<string> $args
     * @param array<string, string> $options
     */
    public function testAWrongCommandLineIsAUsageErrorBeforeAnythingRuns(string $command, array $args, array $options, string $message): void
    {
        $console = $this->createMock(Console::class);
        $console->expects($this->never())->method('items');
        $this->expectException(Usage_Exception::class);
        $this->expectExceptionMessage($message);
        (new Commands($console))->run($command, $args, $options);
    }
}
