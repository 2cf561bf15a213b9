<?php
declare(strict_types=1);

use Bjlg\WordPress\Backup_Store;
use Bjlg\WordPress\Site_Key;
use PHPUnit\Framework\TestCase;

// The site key file's content and the names of encrypted archives.
final class SiteKeyTest extends TestCase
{
    public function testTheKeyFileGuardLineIsNotPartOfTheKey(): void
    {
        $this->assertSame('QUJD', Site_Key::decode("<?php exit; ?>\nQUJD\n"));
        $this->assertSame('QUJD', Site_Key::decode("QUJD\n"), 'a file written by hand, without the guard');
    }

    public function testEncryptedArchivesAreNamedZipEnc(): void
    {
        $name = Backup_Store::archive_name(1796688000, 'ab12cd', true);
        $this->assertSame('backup-full-20261208-000000-ab12cd.zip.enc', $name);
        $this->assertTrue(Backup_Store::is_archive_name($name));
        $this->assertTrue(Backup_Store::is_encrypted_name($name));
        $this->assertFalse(Backup_Store::is_encrypted_name(Backup_Store::archive_name(1796688000, 'ab12cd')));
        $this->assertSame([], Backup_Store::key_option('backup-full-20261201-000000-ab12cd.zip'), 'a plain archive gets no key');
    }
}
