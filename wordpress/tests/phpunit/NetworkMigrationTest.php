<?php
declare(strict_types=1);

use Bjlg\WordPress\Network_Migration;
use PHPUnit\Framework\TestCase;

// A single site became a network: its archives move from bjlg-backups/ to bjlg-backups/site-1/.
final class NetworkMigrationTest extends TestCase
{
    private string $root;

    protected function setUp(): void
    {
        $this->root = sys_get_temp_dir() . '/bjlg-migration-' . bin2hex(random_bytes(4));
        mkdir($this->root . '/site-1', 0700, true);
        foreach (['.htaccess', 'web.config', 'index.php', 'backup-full-20261201-010203-abcdef.zip', 'backup-full-20261202-010203-ghijkl.zip.enc',
            'site-key.php', 'bjlg-usage-history.jsonl'] as $name) {
            file_put_contents("$this->root/$name", "content of $name");
        }
        file_put_contents("$this->root/site-1/index.php", 'site 1 guard');
        file_put_contents("$this->root/site-1/bjlg-usage-history.jsonl", 'site 1 history');
        mkdir("$this->root/site-2");
        symlink("$this->root/backup-full-20261201-010203-abcdef.zip", "$this->root/link.zip");
    }

    protected function tearDown(): void
    {
        exec('rm -rf ' . escapeshellarg($this->root));
    }

    public function testTheArchivesAndTheirKeyMoveTheGuardsAndFoldersStay(): void
    {
        $r = Network_Migration::move_files($this->root, "$this->root/site-1");
        $this->assertSame(['backup-full-20261201-010203-abcdef.zip', 'backup-full-20261202-010203-ghijkl.zip.enc', 'site-key.php'], $r['moved']);
        $this->assertSame(['bjlg-usage-history.jsonl'], $r['kept']);
        $this->assertSame('content of site-key.php', file_get_contents("$this->root/site-1/site-key.php"));
        $this->assertSame('content of backup-full-20261202-010203-ghijkl.zip.enc', file_get_contents("$this->root/site-1/backup-full-20261202-010203-ghijkl.zip.enc"));
        $this->assertFileDoesNotExist("$this->root/backup-full-20261201-010203-abcdef.zip");
        $this->assertSame('site 1 history', file_get_contents("$this->root/site-1/bjlg-usage-history.jsonl"), 'a file site-1 has is not overwritten');
        $this->assertSame('site 1 guard', file_get_contents("$this->root/site-1/index.php"));
        $this->assertFileExists("$this->root/.htaccess");
        $this->assertDirectoryExists("$this->root/site-2");
        $this->assertTrue(is_link("$this->root/link.zip"), 'a symlink is not followed nor moved');
    }

    public function testASecondRunMovesNothing(): void
    {
        Network_Migration::move_files($this->root, "$this->root/site-1");
        $this->assertSame([], Network_Migration::move_files($this->root, "$this->root/site-1")['moved']);
    }

    public function testNothingWhenTheFoldersAreOneOrTheSourceIsMissing(): void
    {
        $this->assertSame(['moved' => [], 'kept' => []], Network_Migration::move_files($this->root, $this->root . '/'));
        $this->assertSame(['moved' => [], 'kept' => []], Network_Migration::move_files("$this->root/none", "$this->root/site-1"));
        $this->assertFileExists("$this->root/site-key.php");
    }
}
