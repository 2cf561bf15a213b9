--TEST--
Bjlg\Crypto\Cipher and the plugin's own PHP algorithm (ext/openssl userland) read each other's BJLGENC1 files
--EXTENSIONS--
bjlg
openssl
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher};
require getenv('BJLG_SOURCE_DIR') . '/bench/crypto/bjlgenc1_userland.php';

$dir = sys_get_temp_dir() . '/bjlg-phpt-userland-' . getmypid();
mkdir($dir);
$key = Key::generate();
$raw = base64_decode($key->toString(), true);
$ok = 0;
foreach ([0, 1, 15, 16, 17, 65535, 65536, 65537, 200003] as $n) {
    $plain = $n ? random_bytes($n) : '';
    file_put_contents("$dir/in", $plain);
    foreach ([null, 'pass word'] as $password) {
        $secret = $password ?? $key;
        Cipher::encryptFile("$dir/in", "$dir/ours.enc", $secret, ['format' => 'bjlgenc1']);
        bjlg_userland_decrypt("$dir/ours.enc", "$dir/out1", $raw, $password);
        bjlg_userland_encrypt("$dir/in", "$dir/theirs.enc", $raw, $password);
        Cipher::decryptFile("$dir/theirs.enc", "$dir/out2", $secret);
        if (file_get_contents("$dir/out1") === $plain && file_get_contents("$dir/out2") === $plain
            && filesize("$dir/ours.enc") === filesize("$dir/theirs.enc")) {
            $ok++;
        }
    }
}
echo "$ok of 18\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
18 of 18
