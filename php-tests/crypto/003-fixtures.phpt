--TEST--
Bjlg\Crypto\Cipher: every file written by the plugin decrypts to its SHA-256, and verifies
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher};

$shared = getenv('BJLG_SHARED_DIR') ?: getenv('BJLG_SOURCE_DIR') . '/../shared';
$dir = "$shared/fixtures/plugin-enc";
$vectors = json_decode(file_get_contents("$dir/vectors.json"), true);
$key = Key::fromString($vectors['key_base64']);
$out = sys_get_temp_dir() . '/bjlg-phpt-fixtures-' . getmypid() . '.zip';
$ok = 0;
foreach ($vectors['files'] as $f) {
    $secret = $f['mode'] === 'password' ? $vectors['password'] : $key;
    $info = Cipher::inspect("$dir/{$f['file']}");
    $verified = Cipher::verifyFile("$dir/{$f['file']}", $secret);
    $report = Cipher::decryptFile("$dir/{$f['file']}", $out, $secret);
    if (hash_file('sha256', $out) === $f['sha256'] && filesize($out) === $f['size']
        && $info['format'] === 'bjlgenc1' && $info['mode'] === $f['mode']
        && $verified['mode'] === $f['mode'] && $report['format'] === 'bjlgenc1') {
        $ok++;
    } else {
        echo "mismatch: {$f['file']}\n";
    }
    unlink($out);
}
echo "$ok of ", count($vectors['files']), " fixtures\n";
print_r(Cipher::inspect("$dir/password-01-1.zip.enc"));
?>
--EXPECT--
20 of 20 fixtures
Array
(
    [format] => bjlgenc1
    [version] => 2
    [mode] => password
    [cipher] => aes-256-cbc
    [kdf] => pbkdf2-sha256
    [pbkdf2_iterations] => 10000
    [key_fingerprint] => 
    [encrypted_size] => 91
    [plaintext_size] => 
)
