<?php
declare(strict_types=1);

use Bjlg\WordPress\Key_Rotation;
use PHPUnit\Framework\TestCase;

// Rotating the site key: which archives are re-encrypted, and the header fingerprint that says so.
final class KeyRotationTest extends TestCase
{
    public function testEachArchiveIsReencryptedOnceAndOnlyFromTheOldKey(): void
    {
        $this->assertSame('reencrypt', Key_Rotation::action_for('old', 'old', 'new'));
        $this->assertSame('already', Key_Rotation::action_for('new', 'old', 'new'), 'a resumed rotation skips what it did');
        $this->assertSame('unknown_key', Key_Rotation::action_for('other', 'old', 'new'), 'another key: left as it is');
        $this->assertSame('unknown_key', Key_Rotation::action_for(null, 'old', 'new'), 'a BJLGENC1 or unreadable header');
    }

    public function testTheHeaderNamesTheKey(): void
    {
        $dir = sys_get_temp_dir() . '/bjlg-key-rotation-' . getmypid();
        mkdir($dir, 0700);
        try {
            file_put_contents("$dir/plain.zip", str_repeat('x', 5000));
            $key = Bjlg\Crypto\Key::generate();
            Bjlg\Crypto\Cipher::encryptFile("$dir/plain.zip", "$dir/a.zip.enc", $key);
            $this->assertSame($key->fingerprint(), Key_Rotation::fingerprint_of("$dir/a.zip.enc"));
            $this->assertNull(Key_Rotation::fingerprint_of("$dir/plain.zip"), 'not an encrypted file');
            $this->assertNull(Key_Rotation::fingerprint_of("$dir/none.zip.enc"));
        } finally {
            array_map('unlink', glob("$dir/*"));
            rmdir($dir);
        }
    }
}
