<?php
declare(strict_types=1);

require_once __DIR__ . '/options-stand-in.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-ops-schedule.php';

use Bjlg\WordPress\Ops_Schedule;
use PHPUnit\Framework\TestCase;

// Quota sampling and due notifications on WP-Cron events of their own: their intervals (on by
// default, 0 turns one off), the refusals, and the runs a late event counts as missed.
final class OpsScheduleTest extends TestCase
{
    private const T0 = 1_765_000_000;

    public function testDefaultsAreADailySampleAndDueNotificationsEveryQuarterHour(): void
    {
        $this->assertSame(['quota_sampling' => 1440, 'notify_due' => 15], Ops_Schedule::intervals(false));
        $this->assertSame(['quota_sampling' => 1440, 'notify_due' => 15], Ops_Schedule::intervals(['quota_sampling_minutes' => 'x', 'notify_due_minutes' => 3]));
        $this->assertSame(['quota_sampling' => 0, 'notify_due' => 60], Ops_Schedule::intervals(['quota_sampling_minutes' => 0, 'notify_due_minutes' => 60]));
        $this->assertSame(['bjlg_quota_sampling', 'bjlg_notify_due'], Ops_Schedule::hooks());
    }

    public function testAcceptedIntervals(): void
    {
        $this->assertSame(['quota_sampling_minutes' => 0, 'notify_due_minutes' => 5], Ops_Schedule::check(['quota_sampling_minutes' => 0, 'notify_due_minutes' => 5]));
        $this->assertSame(['notify_due_minutes' => 10080], Ops_Schedule::check(['notify_due_minutes' => 10080]));
    }

    /** @return array<string, array{array<string, mixed>, string, string}> */
    public static function refused(): array
    {
        return [
            'under five minutes' => [['notify_due_minutes' => 4], 'notify_due_minutes', 'must be 0 (off) or an integer between 5 and 10080 minutes, 4 given'],
            'over a week' => [['quota_sampling_minutes' => 10081], 'quota_sampling_minutes', '10081 given'],
            'a string' => [['quota_sampling_minutes' => '60'], 'quota_sampling_minutes', "'60' given"],
            'negative' => [['notify_due_minutes' => -1], 'notify_due_minutes', '-1 given'],
            'unknown' => [['purge_minutes' => 60], 'purge_minutes', 'unknown key "purge_minutes"'],
        ];
    }

    /** @dataProvider refused */
    public function testRefusedIntervalsNameTheKey(array $input, string $key, string $reason): void
    {
        $error = Ops_Schedule::check($input);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('bjlg_tasks_refused', $error->get_error_code());
        $this->assertStringContainsString($reason, $error->get_error_message());
        $this->assertSame(['status' => 400, 'reason' => $error->get_error_message(), 'key' => $key], $error->get_error_data());
    }

    public function testOnTimeNothingIsMissed(): void
    {
        $this->assertSame(
            ['due' => self::T0, 'missed' => 0, 'first_missed' => null, 'last_missed' => null, 'next' => self::T0 + 900],
            Ops_Schedule::due_runs(self::T0, self::T0 + 30, 900)
        );
    }

    public function testALateEventRunsOnceAndCountsTheEarlierRunsAsMissed(): void
    {
        // Due at T0, then every hour; WP-Cron fires 3 h 10 min late: the runs of T0, T0+1h and
        // T0+2h are missed, T0+3h's runs now, the next is due at T0+4h.
        $r = Ops_Schedule::due_runs(self::T0, self::T0 + 3 * 3600 + 600, 3600);
        $this->assertSame(3, $r['missed']);
        $this->assertSame(self::T0, $r['first_missed']);
        $this->assertSame(self::T0 + 2 * 3600, $r['last_missed']);
        $this->assertSame(self::T0 + 3 * 3600, $r['due']);
        $this->assertSame(self::T0 + 4 * 3600, $r['next']);
    }

    public function testExactlyOneIntervalLateMissesOne(): void
    {
        $r = Ops_Schedule::due_runs(self::T0, self::T0 + 3600, 3600);
        $this->assertSame(1, $r['missed']);
        $this->assertSame(self::T0 + 7200, $r['next']);
    }

    public function testADueTimeInTheFutureRunsNowWithoutMissing(): void
    {
        // The event ran before its recorded due time (re-armed by hand): nothing missed, the
        // next a whole interval later.
        $r = Ops_Schedule::due_runs(self::T0 + 500, self::T0, 900);
        $this->assertSame(0, $r['missed']);
        $this->assertSame(self::T0 + 900, $r['next']);
    }
}
