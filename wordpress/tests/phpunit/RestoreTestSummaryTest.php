<?php
declare(strict_types=1);

use Bjlg\WordPress\Restore_Test_Job;
use PHPUnit\Framework\TestCase;

// The summary of a RestoreTest report (docs/verification.md's keys), as REST and the history keep it.
final class RestoreTestSummaryTest extends TestCase
{
    private static function report(array $checks, string $status): array
    {
        return ['format' => 'bjlg-verification-report', 'version' => 1, 'kind' => 'restore-test', 'status' => $status,
            'archive' => ['name' => 'backup-full-20261207-010203-abc123.zip', 'size' => 1234],
            'started_at' => '2026-12-07T01:02:03Z', 'finished_at' => '2026-12-07T01:02:09Z',
            'checks' => $checks, 'durations' => ['extract' => 0.51234, 'database_import' => 2.1, 'total' => 6.0],
            'rto' => ['seconds' => 2.61234], 'rpo' => ['age_seconds' => 86400, 'gap_to_previous_seconds' => null]];
    }

    public function testAPassedTestWithItsDatabase(): void
    {
        $checks = [];
        foreach (['sandbox', 'extract', 'files', 'database_import', 'database_tables', 'cleanup'] as $name) {
            $checks[] = ['name' => $name, 'status' => $name === 'files' ? 'skipped' : 'passed', 'message' => "$name ok", 'evidence' => []];
        }
        $s = Restore_Test_Job::summarize(self::report($checks, 'passed'), []);
        $this->assertSame('passed', $s['status']);
        $this->assertSame('all 6 checks passed', $s['message']);
        $this->assertTrue($s['with_database']);
        $this->assertSame(2.612, $s['rto_seconds']);
        $this->assertSame(86400.0, $s['rpo_seconds']);
        $this->assertSame(0.512, $s['durations']['extract']);
        $this->assertSame('backup-full-20261207-010203-abc123.zip', $s['archive']);
        $this->assertArrayNotHasKey('evidence', $s['checks'][0], 'evidence stays in the report');
    }

    public function testTheFirstProblemIsTheMessageAndNoServerPathIsShown(): void
    {
        $checks = [
            ['name' => 'sandbox', 'status' => 'passed', 'message' => 'a private folder /tmp/bjlg-restore-x1 made', 'evidence' => []],
            ['name' => 'extract', 'status' => 'failed', 'message' => 'entry wp-content/a.php of /srv/b/backup-full-20261207-010203-abc123.zip: CRC mismatch', 'evidence' => []],
            ['name' => 'cleanup', 'status' => 'inconclusive', 'message' => 'x', 'evidence' => []],
        ];
        $s = Restore_Test_Job::summarize(self::report($checks, 'failed'),
            ['/srv/b/backup-full-20261207-010203-abc123.zip' => 'backup-full-20261207-010203-abc123.zip', '/tmp' => '$TMPDIR']);
        $this->assertSame('failed', $s['status']);
        $this->assertSame('extract: entry wp-content/a.php of backup-full-20261207-010203-abc123.zip: CRC mismatch', $s['message']);
        $this->assertSame('a private folder $TMPDIR/bjlg-restore-x1 made', $s['checks'][0]['message']);
        $this->assertFalse($s['with_database']);
        $this->assertStringNotContainsString('/srv/', json_encode($s));
    }
}
