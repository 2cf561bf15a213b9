<?php
declare(strict_types=1);

use Bjlg\WordPress\Job_Progress;
use Bjlg\WordPress\Jobs;
use PHPUnit\Framework\TestCase;

final class JobsTest extends TestCase
{
    private const ROW = ['id' => '7', 'blog_id' => '1', 'type' => 'verify', 'target' => 'backup-full-20261207-010203-abc123.zip',
        'source' => 'rest', 'state' => 'running', 'step' => 'verify', 'phase' => 'read', 'phase_index' => '0', 'phases' => '1',
        'done' => '2500', 'total' => '10000', 'unit' => 'bytes', 'cancel_requested' => '0', 'attempts' => '1',
        'created_at' => '2026-12-07 01:02:03', 'started_at' => '2026-12-07 01:02:04', 'updated_at' => '2026-12-07 01:02:05',
        'finished_at' => null, 'result' => null, 'error' => null];

    public function testARowReadsAsRestShowsIt(): void
    {
        $job = Jobs::decode(self::ROW);
        $this->assertSame(7, $job['id']);
        $this->assertSame(2500, $job['done']);
        $this->assertSame(25.0, $job['percent']);
        $this->assertFalse($job['cancel_requested']);
        $this->assertSame('2026-12-07T01:02:04+00:00', $job['started_at'], 'times are UTC, ISO 8601');
        $this->assertNull($job['finished_at']);
    }

    public function testNoTotalMeansNoPercentAndTheResultIsDecoded(): void
    {
        $job = Jobs::decode(['total' => '0', 'cancel_requested' => '1', 'state' => 'done', 'result' => '{"archive":"a.zip"}'] + self::ROW);
        $this->assertNull($job['percent']);
        $this->assertTrue($job['cancel_requested']);
        $this->assertSame(['archive' => 'a.zip'], $job['result']);
    }

    public function testTheFirstRecordIsAlwaysWrittenSoACancelBeforeTheStartStopsAtOnce(): void
    {
        $this->assertTrue(Job_Progress::due(['done' => 0, 'total' => 100], 0.5, 0.0), 'even less than a second after the epoch');
    }

    public function testThenAtMostOnceASecondExceptAtTheEndOfAPhase(): void
    {
        $this->assertFalse(Job_Progress::due(['done' => 10, 'total' => 100], 1000.5, 1000.0));
        $this->assertTrue(Job_Progress::due(['done' => 10, 'total' => 100], 1001.0, 1000.0));
        $this->assertTrue(Job_Progress::due(['done' => 100, 'total' => 100], 1000.1, 1000.0), 'the end of a phase');
        $this->assertFalse(Job_Progress::due(['done' => 0, 'total' => 0], 1000.1, 1000.0), 'no total is no end');
    }
}
