<?php
declare(strict_types=1);

use Bjlg\WordPress\Invalid_Expression_Exception;
use Bjlg\WordPress\Schedule_Preview;
use PHPUnit\Framework\TestCase;

// The schedule preview's shape: runs in the site's zone, both descriptions, guardrails, refusals.
final class SchedulePreviewTest extends TestCase
{
    public function testRunsInTheSiteZoneWithDescriptions(): void
    {
        $paris = new DateTimeZone('Europe/Paris');
        $p = Schedule_Preview::build('30 2 * * *', 3, $paris, new DateTimeImmutable('2026-12-06T12:00:00Z'));
        $this->assertSame(['2026-12-07T02:30:00+01:00', '2026-12-08T02:30:00+01:00', '2026-12-09T02:30:00+01:00'], $p['next_runs']);
        $this->assertSame('Europe/Paris', $p['timezone']);
        $this->assertSame('30 2 * * *', $p['expression']);
        $this->assertNotSame('', $p['description']['en']);
        $this->assertNotSame($p['description']['en'], $p['description']['fr']);
        $this->assertTrue($p['accepted']);
        $this->assertSame(86400, $p['min_interval']);
        $this->assertSame(1.0, $p['runs_per_day']);
    }

    public function testAMacroIsNormalisedAndDstWarningsKeepTheirCodes(): void
    {
        $p = Schedule_Preview::build('@daily', 1, new DateTimeZone('UTC'), new DateTimeImmutable('2026-12-06T12:00:00Z'));
        $this->assertSame(['0 0 * * *', '@daily'], [$p['expression'], $p['macro']]);
        $p = Schedule_Preview::build('30 2 * * *', 1, new DateTimeZone('Europe/Paris'), new DateTimeImmutable('2026-03-01T00:00:00Z'));
        $this->assertContains('dst_moved', array_column($p['warnings'], 'code'), json_encode($p['warnings']));
    }

    public function testAnErrorGuardrailIsShownNotRefused(): void
    {
        $p = Schedule_Preview::build('* * * * *', 2, new DateTimeZone('UTC'), new DateTimeImmutable('2026-12-06T12:00:00Z'));
        $this->assertFalse($p['accepted'], 'Schedule::save() would refuse it');
        $this->assertSame('too_frequent', $p['warnings'][0]['code']);
        $this->assertSame('error', $p['warnings'][0]['severity']);
        $this->assertCount(2, $p['next_runs']);
    }

    public function testSavingIsRefusedForTheFirstErrorGuardrailOnly(): void
    {
        $from = new DateTimeImmutable('2026-12-06T12:00:00Z');
        $refusal = Schedule_Preview::refusal(Schedule_Preview::build('* * * * *', 1, new DateTimeZone('UTC'), $from));
        $this->assertSame('too_frequent', $refusal['code'] ?? null);
        $this->assertNotSame('', $refusal['message']);
        // A DST warning is shown, not a reason to refuse.
        $dst = Schedule_Preview::build('30 2 * * *', 1, new DateTimeZone('Europe/Paris'), new DateTimeImmutable('2026-03-01T00:00:00Z'));
        $this->assertNotSame([], $dst['warnings']);
        $this->assertNull(Schedule_Preview::refusal($dst));
    }

    public function testRefusals(): void
    {
        $zone = new DateTimeZone('UTC');
        $now = new DateTimeImmutable();
        try {
            Schedule_Preview::build('0 0 30 2 *', 5, $zone, $now);
            $this->fail('never fires');
        } catch (Invalid_Expression_Exception $e) {
            $this->assertSame('bjlg_cron_never_fires', $e->error_code);
            $this->assertStringContainsString('never fires', $e->getMessage());
            $this->assertSame($e->getMessage(), $e->details['reason']);
        }
        try {
            Schedule_Preview::build('0 0 61 * *', 5, $zone, $now);
            $this->fail('out of range');
        } catch (Invalid_Expression_Exception $e) {
            $this->assertSame('bjlg_cron_invalid', $e->error_code);
            $this->assertSame(['field' => 'day-of-month', 'position' => 4, 'reason' => 'value 61 is out of range 1-31', 'suggestion' => '1-31'], $e->details);
        }
        foreach ([0, 51] as $count) {
            try {
                Schedule_Preview::build('@daily', $count, $zone, $now);
                $this->fail("count $count");
            } catch (ValueError $e) {
                $this->assertSame('count must be between 1 and 50', $e->getMessage());
            }
        }
    }

    public function testTheOtherEntriesGiveOverlapWarnings(): void
    {
        $zone = new DateTimeZone('Europe/Paris');
        $from = new DateTimeImmutable('2026-12-06T12:00:00Z');
        $others = [['name' => 'Full backup (bjlg_schedule_default)', 'expression' => '30 2 * * *', 'duration' => 600]];
        $same = Schedule_Preview::build('30 2 * * *', 1, $zone, $from, $others, 600);
        $overlap = array_values(array_filter($same['warnings'], static fn($w) => 'overlap' === $w['code']));
        $this->assertCount(1, $overlap, json_encode($same['warnings']));
        $this->assertStringContainsString('Full backup (bjlg_schedule_default)', $overlap[0]['message']);
        $this->assertTrue($same['accepted'], 'an overlap is a warning, not a refusal');
        // An hour later: no overlap. Without the others: none either.
        $later = Schedule_Preview::build('30 3 * * *', 1, $zone, $from, $others, 600);
        $this->assertNotContains('overlap', array_column($later['warnings'], 'code'));
        $alone = Schedule_Preview::build('30 2 * * *', 1, $zone, $from);
        $this->assertNotContains('overlap', array_column($alone['warnings'], 'code'));
    }
}
