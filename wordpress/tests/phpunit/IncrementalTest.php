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

    public function testIncrementalArchiveNames(): void
    {
        $name = Backup_Store::archive_name(0, 'abc123', false, 'incremental');
        $this->assertSame('backup-incremental-19700101-000000-abc123.zip', $name);
        $this->assertTrue(Backup_Store::is_archive_name($name));
        $this->assertSame('backup-full-19700101-000000-abc123.zip.enc', Backup_Store::archive_name(0, 'abc123', true));
    }
}
