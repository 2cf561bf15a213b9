<?php
declare(strict_types=1);

use Bjlg\WordPress\Missed_Runs;
use PHPUnit\Framework\TestCase;

// The catch-up policy: the latest due run is performed, the earlier ones are reported as missed.
final class MissedRunsTest extends TestCase
{
    protected function setUp(): void
    {
        if (!extension_loaded('bjlg')) {
            $this->markTestSkipped('needs the bjlg extension (Bjlg\Cron\Expression)');
        }
    }

    private static function utc(string $utc): int
    {
        return (new DateTimeImmutable($utc, new DateTimeZone('UTC')))->getTimestamp();
    }

    public function testOnTimeTickHasOneDueRunAndNothingMissed(): void
    {
        $r = Missed_Runs::between('*/5 * * * *', 'UTC', self::utc('2026-12-06 10:00:00'), self::utc('2026-12-06 10:05:03'));
        $this->assertSame(['due' => self::utc('2026-12-06 10:05'), 'missed' => 0, 'first_missed' => null, 'last_missed' => null, 'capped' => false], $r);
    }

    public function testAnHourWithoutWpCronMissesElevenRuns(): void
    {
        $r = Missed_Runs::between('*/5 * * * *', 'UTC', self::utc('2026-12-06 09:02:00'), self::utc('2026-12-06 10:02:00'));
        $this->assertSame(self::utc('2026-12-06 10:00'), $r['due']);
        $this->assertSame(11, $r['missed']);
        $this->assertSame(self::utc('2026-12-06 09:05'), $r['first_missed']);
        $this->assertSame(self::utc('2026-12-06 09:55'), $r['last_missed']);
    }

    public function testBoundsAreExclusiveThenInclusive(): void
    {
        // A run exactly at the previous check was handled then; one exactly now is due.
        $r = Missed_Runs::between('0 * * * *', 'UTC', self::utc('2026-12-06 09:00'), self::utc('2026-12-06 10:00'));
        $this->assertSame(self::utc('2026-12-06 10:00'), $r['due']);
        $this->assertSame(0, $r['missed']);
    }

    public function testNothingDueBetweenRuns(): void
    {
        $r = Missed_Runs::between('0 3 * * *', 'UTC', self::utc('2026-12-06 04:00'), self::utc('2026-12-06 23:00'));
        $this->assertNull($r['due']);
        $this->assertSame(0, $r['missed']);
        $this->assertNull(Missed_Runs::between('0 3 * * *', 'UTC', 100, 100)['due'], 'an empty interval');
    }

    public function testTheSitesTimeZoneDecides(): void
    {
        // 03:00 in Paris is 02:00 UTC in winter.
        $r = Missed_Runs::between('0 3 * * *', 'Europe/Paris', self::utc('2026-12-06 01:00'), self::utc('2026-12-06 02:30'));
        $this->assertSame(self::utc('2026-12-06 02:00'), $r['due']);
        $this->assertSame(self::utc('2026-12-07 02:00'), Missed_Runs::next_run('0 3 * * *', new DateTimeZone('Europe/Paris'), self::utc('2026-12-06 02:00')));
    }

    public function testNeverFiringExpressionHasNoRun(): void
    {
        $this->assertNull(Missed_Runs::between('0 0 30 2 *', 'UTC', 0, self::utc('2026-12-06 00:00'))['due']);
        $this->assertNull(Missed_Runs::next_run('0 0 30 2 *', 'UTC', 0));
    }

    public function testAWeekOfMinutesIsCountedExactly(): void
    {
        $r = Missed_Runs::between('* * * * *', 'UTC', self::utc('2026-11-29 00:00'), self::utc('2026-12-06 00:00'));
        $this->assertSame(7 * 1440 - 1, $r['missed']);
        $this->assertFalse($r['capped']);
    }
}
