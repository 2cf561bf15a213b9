<?php
declare(strict_types=1);

use Bjlg\WordPress\Backup_Store;
use Bjlg\WordPress\Incremental;
use PHPUnit\Framework\TestCase;

// Which backup an incremental is based on, and which archives an incremental needs.
final class IncrementalTest extends TestCase
{
    private static function row(int $id, string $name, array $chain = []): array
    {
        return ['id' => $id, 'metadata' => ['backup' => ['filename' => $name], 'type' => $chain ? 'incremental' : 'full', 'chain' => $chain]];
    }

    public function testTheBaseIsTheLatestGoodBackupFullOrIncremental(): void
    {
        $rows = [self::row(3, 'inc1', ['full']), self::row(1, 'full')];
        $all = fn(string $n): bool => true;
        $this->assertSame(['filename' => 'inc1', 'history_id' => 3, 'type' => 'incremental', 'chain' => ['full']], Incremental::choose_base($rows, $all, []));
        $this->assertSame(['full', 'inc1'], Incremental::chain_on(Incremental::choose_base($rows, $all, [])));
        $this->assertNull(Incremental::choose_base([], $all, []));
    }

    public function testAGoneOrFailedArchiveIsNotABase(): void
    {
        $rows = [self::row(4, 'inc2', ['full', 'inc1']), self::row(3, 'inc1', ['full']), self::row(1, 'full')];
        $this->assertSame('inc1', Incremental::choose_base($rows, fn(string $n): bool => true, ['inc2' => ['status' => 'failed']])['filename'], 'a failed verification');
        $this->assertSame('inc1', Incremental::choose_base($rows, fn(string $n): bool => $n !== 'inc2', [])['filename'], 'deleted');
        $this->assertSame('full', Incremental::choose_base($rows, fn(string $n): bool => $n !== 'inc1', [])['filename'], 'inc2 needs inc1, which is gone');
        $this->assertNull(Incremental::choose_base($rows, fn(string $n): bool => $n !== 'full', []), 'every incremental needs the full backup');
        $this->assertSame('inc2', Incremental::choose_base($rows, fn(string $n): bool => true, ['inc2' => ['status' => 'passed']])['filename']);
    }

    public function testTheArchivesThatNeedAnother(): void
    {
        $rows = [self::row(4, 'inc2', ['full', 'inc1']), self::row(3, 'inc1', ['full']), self::row(1, 'full')];
        $all = fn(string $n): bool => true;
        $this->assertSame(['inc2', 'inc1'], Incremental::dependents_in('full', $rows, $all));
        $this->assertSame(['inc2'], Incremental::dependents_in('inc1', $rows, $all));
        $this->assertSame([], Incremental::dependents_in('inc2', $rows, $all));
        $this->assertSame(['inc1'], Incremental::dependents_in('full', $rows, fn(string $n): bool => $n !== 'inc2'), 'a deleted incremental needs nothing');
    }

    public function testRemoteRetentionKeepsTheFullBackupAnIncrementalNeeds(): void
    {
        $dir = sys_get_temp_dir() . '/bjlg-incremental-purge-' . getmypid();
        mkdir($dir, 0700);
        try {
            $day = strtotime('2026-12-01 03:00:00 UTC');
            $names = [Backup_Store::archive_name($day, 'aaaaaa'), Backup_Store::archive_name($day + 86400, 'bbbbbb', false, 'incremental'), Backup_Store::archive_name($day + 2 * 86400, 'cccccc', false, 'incremental')];
            foreach ($names as $name) {
                file_put_contents("$dir/$name", 'x');
            }
            $plan = Bjlg\Remote\Purge::plan([['name' => 'd', 'type' => 'local', 'path' => $dir]], ['keep_last' => 1], ['now' => $day + 6 * 86400])['destinations']['d'];
            $this->assertSame([], $plan['delete'], 'keep_last 1 keeps the newest incremental, and so its whole chain');
            $this->assertSame([], $plan['foreign'], 'our names are backup archives to Purge');
            $this->assertSame(['full', 'incremental', 'incremental'], array_map(fn($a) => $a['kind'], array_reverse($plan['keep'])));
        } finally {
            array_map('unlink', glob("$dir/*"));
            rmdir($dir);
        }
    }

    public function testIncrementalArchiveNames(): void
    {
        $name = Backup_Store::archive_name(0, 'abc123', false, 'incremental');
        $this->assertSame('incremental-full-19700101-000000-abc123.zip', $name, "the old plugin's incremental names: Purge sees the chains");
        $this->assertTrue(Backup_Store::is_archive_name($name));
        $this->assertSame('backup-full-19700101-000000-abc123.zip.enc', Backup_Store::archive_name(0, 'abc123', true));
    }
}
