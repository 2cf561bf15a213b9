--TEST--
Bjlg\Crypto\Cipher: encrypt, inspect, verify and decrypt in both formats, with a key and a password
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher};

$dir = sys_get_temp_dir() . '/bjlg-phpt-roundtrip-' . getmypid();
mkdir($dir);
$plain = random_bytes(300000);
file_put_contents("$dir/a.zip", $plain);
$key = Key::generate();

$cases = [
    ['key, bjlg default', $key, []],
    ['key, bjlg chacha, 4 KiB chunks', $key, ['cipher' => 'chacha20-poly1305', 'chunk_size' => 4096, 'threads' => 2]],
    ['password, scrypt', 'pässwörd', ['scrypt_log_n' => 14]],
    ['password, pbkdf2', 'pässwörd', ['kdf' => 'pbkdf2', 'pbkdf2_iterations' => 600000]],
    ['key, bjlgenc1', $key, ['format' => 'bjlgenc1']],
    ['password, bjlgenc1', 'pässwörd', ['format' => 'bjlgenc1']],
];
foreach ($cases as [$label, $secret, $options]) {
    $enc = Cipher::encryptFile("$dir/a.zip", "$dir/a.zip.enc", $secret, $options);
    $info = Cipher::inspect("$dir/a.zip.enc");
    $verify = Cipher::verifyFile("$dir/a.zip.enc", $secret);
    $dec = Cipher::decryptFile("$dir/a.zip.enc", "$dir/b.zip", $secret, ['threads' => 1]);
    printf("%s: %s v%d %s %s %s chunks=%s size=%s same=%s fp=%s\n", $label, $info['format'], $info['version'],
           $info['mode'], $info['cipher'], $info['kdf'], $info['chunks'] ?? '-', $info['plaintext_size'] ?? '?',
           var_export(file_get_contents("$dir/b.zip") === $plain, true),
           var_export($info['key_fingerprint'] === ($secret instanceof Key && $info['format'] === 'bjlg' ? $key->fingerprint() : $info['key_fingerprint']), true));
    if ($enc['format'] !== $info['format'] || $verify['format'] !== $info['format']) echo "report mismatch\n";
    unlink("$dir/b.zip");
}
var_dump(array_keys(Cipher::inspect("$dir/a.zip.enc")));
// Empty input.
file_put_contents("$dir/empty", '');
Cipher::encryptFile("$dir/empty", "$dir/empty.enc", $key);
Cipher::decryptFile("$dir/empty.enc", "$dir/empty.out", $key);
var_dump(filesize("$dir/empty.enc"), file_get_contents("$dir/empty.out"));
array_map('unlink', glob("$dir/*"));
var_dump(scandir($dir));
rmdir($dir);
?>
--EXPECT--
key, bjlg default: bjlg v1 key aes-256-gcm none chunks=1 size=300000 same=true fp=true
key, bjlg chacha, 4 KiB chunks: bjlg v1 key chacha20-poly1305 none chunks=74 size=300000 same=true fp=true
password, scrypt: bjlg v1 password aes-256-gcm scrypt chunks=1 size=300000 same=true fp=true
password, pbkdf2: bjlg v1 password aes-256-gcm pbkdf2-sha256 chunks=1 size=300000 same=true fp=true
key, bjlgenc1: bjlgenc1 v2 key aes-256-cbc none chunks=- size=? same=true fp=true
password, bjlgenc1: bjlgenc1 v2 password aes-256-cbc pbkdf2-sha256 chunks=- size=? same=true fp=true
array(9) {
  [0]=>
  string(6) "format"
  [1]=>
  string(7) "version"
  [2]=>
  string(4) "mode"
  [3]=>
  string(6) "cipher"
  [4]=>
  string(3) "kdf"
  [5]=>
  string(17) "pbkdf2_iterations"
  [6]=>
  string(15) "key_fingerprint"
  [7]=>
  string(14) "encrypted_size"
  [8]=>
  string(14) "plaintext_size"
}
int(116)
string(0) ""
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
