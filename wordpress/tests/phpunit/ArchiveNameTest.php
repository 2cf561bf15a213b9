<?php
declare(strict_types=1);

use Bjlg\WordPress\Backup_Store;
use PHPUnit\Framework\TestCase;

// An archive name given by a user (REST, `verify NAME`) resolves only to a regular file directly
// inside the backups folder: never a path, a `..`, a symlink leading out, or a folder.
final class ArchiveNameTest extends TestCase
{
    private string $root;

    protected function setUp(): void
    {
        $this->root = sys_get_temp_dir() . '/bjlg-names-' . bin2hex(random_bytes(4));
        mkdir("$this->root/backups", 0700, true);
        file_put_contents("$this->root/backups/backup-full-20261124-030405-ab12cd.zip", 'zip');
        file_put_contents("$this->root/secret.zip", 'secret');
        symlink("$this->root/secret.zip", "$this->root/backups/backup-full-20261124-030405-link.zip");
        mkdir("$this->root/backups/backup-full-20261124-030405-dir.zip");
    }

    protected function tearDown(): void
    {
        unlink("$this->root/backups/backup-full-20261124-030405-link.zip");
        rmdir("$this->root/backups/backup-full-20261124-030405-dir.zip");
        unlink("$this->root/backups/backup-full-20261124-030405-ab12cd.zip");
        rmdir("$this->root/backups");
        unlink("$this->root/secret.zip");
        rmdir($this->root);
    }

    public function testAnArchiveOfTheFolderResolves(): void
    {
        $this->assertSame(realpath("$this->root/backups/backup-full-20261124-030405-ab12cd.zip"),
            Backup_Store::resolve_in("$this->root/backups", 'backup-full-20261124-030405-ab12cd.zip'));
    }

    public function testNothingElseResolves(): void
    {
        $dir = "$this->root/backups";
        foreach ([
            'backup-full-20261124-030405-zzzzzz.zip',          // unknown
            'backup-full-20261124-030405-link.zip',            // a symlink leading out of the folder
            'backup-full-20261124-030405-dir.zip',             // a folder
            '../secret.zip', '..%2Fsecret.zip', '../backups/backup-full-20261124-030405-ab12cd.zip',
            "$dir/backup-full-20261124-030405-ab12cd.zip",     // an absolute path
            'backup-full-20261124-030405-ab12cd.zip/', "backup-full-20261124-030405-ab12cd.zip\0", '', '.', '..',
            'index.php', '.htaccess',
        ] as $name) {
            $this->assertNull(Backup_Store::resolve_in($dir, $name), json_encode($name));
        }
    }
}
