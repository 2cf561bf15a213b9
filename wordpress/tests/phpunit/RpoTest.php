<?php
declare(strict_types=1);

use Bjlg\WordPress\Rest_Proofs;
use Bjlg\WordPress\Rpo;
use PHPUnit\Framework\TestCase;

// The RPO now (GET /rpo): the age of the newest archive a check has passed, against the target;
// and the verification report GET /backups/{name}/verification finds in the history.
final class RpoTest extends TestCase
{
    private const NOW = 1_765_000_000;
    private const DAY = ['seconds' => 86400, 'hours' => 24.0, 'source' => 'default'];

    private static function archives(int ...$ages): array
    {
        return array_map(fn(int $i) => ['name' => "a$i.zip", 'modified' => self::NOW - $ages[$i]], array_keys($ages));
    }

    public function testTheNewestVerifiedArchiveWithinTheTargetIsOk(): void
    {
        $r = Rpo::assess(self::archives(3600, 7200), ['a0.zip' => ['status' => 'passed']], [], self::DAY, self::NOW);
        $this->assertSame('ok', $r['state']);
        $this->assertSame(3600, $r['rpo_seconds']);
        $this->assertSame('a0.zip', $r['last_good']['name']);
        $this->assertTrue($r['last_good']['verified']);
        $this->assertFalse($r['last_good']['restore_tested']);
        $this->assertSame(0, $r['unproven_newer']);
        $this->assertSame(gmdate('c', self::NOW - 3600), $r['last_good']['written_at']);
    }

    public function testArchivesNoCheckPassedAreNotCounted(): void
    {
        // The newest failed its verification, the next was never checked, the third passed a
        // restore test 30 hours ago: late against a day.
        $r = Rpo::assess(self::archives(60, 3600, 30 * 3600), ['a0.zip' => ['status' => 'failed']], ['a2.zip' => ['status' => 'passed']], self::DAY, self::NOW);
        $this->assertSame('late', $r['state']);
        $this->assertSame(30 * 3600, $r['rpo_seconds']);
        $this->assertSame('a2.zip', $r['last_good']['name']);
        $this->assertTrue($r['last_good']['restore_tested']);
        $this->assertSame(2, $r['unproven_newer']);
    }

    public function testExactlyTheTargetIsStillOk(): void
    {
        $this->assertSame('ok', Rpo::assess(self::archives(86400), ['a0.zip' => ['status' => 'passed']], [], self::DAY, self::NOW)['state']);
        $this->assertSame('late', Rpo::assess(self::archives(86401), ['a0.zip' => ['status' => 'passed']], [], self::DAY, self::NOW)['state']);
    }

    public function testNoGoodBackupIsLateWithNoRpo(): void
    {
        $r = Rpo::assess(self::archives(60), [], ['a0.zip' => ['status' => 'inconclusive']], self::DAY, self::NOW);
        $this->assertSame('late', $r['state']);
        $this->assertNull($r['rpo_seconds']);
        $this->assertNull($r['last_good']);
        $this->assertSame(1, $r['unproven_newer']);
        $this->assertSame('late', Rpo::assess([], [], [], self::DAY, self::NOW)['state']);
    }

    public function testTheLastFullVerificationReportIsFound(): void
    {
        $rows = [
            ['id' => 9, 'metadata' => ['backup' => ['filename' => 'x.zip'], 'verification' => ['archive' => 'x.zip', 'status' => 'cancelled', 'finished_at' => 'now']]],
            ['id' => 8, 'metadata' => ['backup' => ['filename' => 'y.zip'], 'verification' => ['status' => 'passed', 'checks' => 5, 'problems' => []]]],
            ['id' => 7, 'metadata' => ['backup' => ['filename' => 'x.zip'], 'verification' => ['status' => 'failed', 'checks' => 5, 'problems' => [['name' => 'entry_data']]]]],
        ];
        $report = Rest_Proofs::last_report($rows, 'x.zip');
        $this->assertSame('failed', $report['status']);
        $this->assertSame(7, $report['history_id']);
        $this->assertNull(Rest_Proofs::last_report($rows, 'z.zip'));
    }
}
