<?php
declare(strict_types=1);

use Bjlg\WordPress\Backup_Store;
use Bjlg\WordPress\Job_Lock;
use Bjlg\WordPress\Migrations;
use PHPUnit\Framework\TestCase;

// Migrations to run, lock expiry, archive names.
final class PureRulesTest extends TestCase
{
    public function testPendingMigrations(): void
    {
        $this->assertSame([1, 2, 3], Migrations::pending(0, 3));
        $this->assertSame([3], Migrations::pending(2, 3));
        $this->assertSame([], Migrations::pending(3, 3));
        $this->assertSame([], Migrations::pending(5, 3), 'a database newer than the code is left alone');
        $this->assertSame([1, 2, 3], Migrations::pending(0), "the code needs version 3: the one RPO/RTO setting");
    }

    public function testLockExpiry(): void
    {
        $this->assertTrue(Job_Lock::is_expired(null, 100), 'no lock');
        $this->assertTrue(Job_Lock::is_expired(['job' => 'backup'], 100), 'a record without expiry is not trusted');
        $this->assertTrue(Job_Lock::is_expired(['expires_at' => 100], 100), 'expired at its expiry second');
        $this->assertFalse(Job_Lock::is_expired(['expires_at' => 101], 100));
    }

    public function testArchiveNames(): void
    {
        $name = Backup_Store::archive_name(gmmktime(3, 4, 5, 11, 24, 2026), 'ab12cd');
        $this->assertSame('backup-full-20261124-030405-ab12cd.zip', $name);
        $this->assertTrue(Backup_Store::is_archive_name($name));
        $this->assertTrue(Backup_Store::is_archive_name('backup-incremental-20261124-030405-x.zip.enc'));
        foreach (['.bjlg-partial-abc', 'backup-full-20261124-030405-ab.zip.tmp', 'index.php', '../backup-full-20261124-030405-a.zip'] as $other) {
            $this->assertFalse(Backup_Store::is_archive_name($other), $other);
        }
    }
}
