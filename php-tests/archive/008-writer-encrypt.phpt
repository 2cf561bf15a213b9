--TEST--
Bjlg\Archive\Writer encrypt: key and password, both formats, decrypted by Cipher and read back; nothing but the archive is left
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
use Bjlg\Archive\{Reader, Writer};
use Bjlg\Crypto\{Cipher, Key, WrongKeyException};

$d = bjlg_scratch('encrypt');
bjlg_put("$d/site/plugins/hello/hello.php", str_repeat("<?php echo 'hello';\n", 500));
bjlg_put("$d/site/uploads/photo.jpg", random_bytes(20000));
mkdir("$d/out");
$key = Key::generate();

$cases = [
    ['key, bjlg', $key, []],
    ['key, bjlgenc1', $key, ['encrypt_format' => 'bjlgenc1']],
    ['password, bjlg scrypt, 4 KiB chunks', 'pässwörd', ['encrypt_scrypt_log_n' => 14, 'encrypt_chunk_size' => 4096]],
    ['password, bjlgenc1', 'pässwörd', ['encrypt_format' => 'bjlgenc1']],
];
foreach ($cases as [$label, $secret, $options]) {
    $w = new Writer("$d/out/site.zip.enc", ['encrypt' => $secret, 'threads' => 2] + $options);
    $w->addDirectory("$d/site", 'wp-content');
    $w->addFromString('database.sql', "-- dump\n");
    $s = $w->close();
    $e = $s['encryption'];
    printf("%s: %s %s %s %s chunk=%s fp=%s\n", $label, $e['format'], $e['mode'], $e['cipher'], $e['kdf'],
        $e['chunk_size'] ?? '-', $e['key_fingerprint'] === null ? 'none' : var_export($e['key_fingerprint'] === $key->fingerprint(), true));
    // sha256 and bytes_out describe the encrypted file at the path.
    var_dump($s['sha256'] === hash_file('sha256', "$d/out/site.zip.enc"), $s['bytes_out'] === filesize("$d/out/site.zip.enc"),
        $e['encrypted_size'] === $s['bytes_out'], $s['path'] === "$d/out/site.zip.enc");
    echo decoct(fileperms("$d/out/site.zip.enc") & 0777), ' ', implode(',', array_diff(scandir("$d/out"), ['.', '..'])), "\n";

    $report = Cipher::decryptFile("$d/out/site.zip.enc", "$d/plain.zip", $secret);
    var_dump(hash_file('sha256', "$d/plain.zip") === $e['plaintext_sha256'], $report['plaintext_size'] === filesize("$d/plain.zip"));
    $r = Reader::open("$d/plain.zip");
    echo implode(' ', array_column($r->entries(), 'name')), "\n";
    var_dump(stream_get_contents($r->readEntry('database.sql')), count($r->entries()) === $s['entries']);
    var_dump(bjlg_external_check("$d/plain.zip"));
    unset($r);
    unlink("$d/plain.zip");
    unlink("$d/out/site.zip.enc");
}

// An archive with nothing added: the manifest and the index, encrypted.
$w = new Writer("$d/out/empty.enc", ['encrypt' => $key]);
$s = $w->close();
Cipher::decryptFile("$d/out/empty.enc", "$d/empty.zip", $key);
echo implode(' ', array_column(Reader::open("$d/empty.zip")->entries(), 'name')), ' ', $s['files'], "\n";

// Another key is refused by the decryption, which writes nothing.
try {
    Cipher::decryptFile("$d/out/empty.enc", "$d/wrong.zip", Key::generate());
} catch (WrongKeyException $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}
var_dump(file_exists("$d/wrong.zip"));

// A plain archive says so.
$w = new Writer("$d/out/plain.zip");
var_dump($w->close()['encryption']);
bjlg_rmrf($d);
?>
--EXPECTF--
key, bjlg: bjlg key %s none chunk=1048576 fp=true
bool(true)
bool(true)
bool(true)
bool(true)
600 site.zip.enc
bool(true)
bool(true)
backup-manifest.json wp-content/plugins/hello/hello.php wp-content/uploads/photo.jpg database.sql backup-index.json
string(8) "-- dump
"
bool(true)
string(2) "ok"
key, bjlgenc1: bjlgenc1 key aes-256-cbc none chunk=- fp=none
bool(true)
bool(true)
bool(true)
bool(true)
600 site.zip.enc
bool(true)
bool(true)
backup-manifest.json wp-content/plugins/hello/hello.php wp-content/uploads/photo.jpg database.sql backup-index.json
string(8) "-- dump
"
bool(true)
string(2) "ok"
password, bjlg scrypt, 4 KiB chunks: bjlg password %s scrypt chunk=4096 fp=false
bool(true)
bool(true)
bool(true)
bool(true)
600 site.zip.enc
bool(true)
bool(true)
backup-manifest.json wp-content/plugins/hello/hello.php wp-content/uploads/photo.jpg database.sql backup-index.json
string(8) "-- dump
"
bool(true)
string(2) "ok"
password, bjlgenc1: bjlgenc1 password aes-256-cbc pbkdf2-sha256 chunk=- fp=none
bool(true)
bool(true)
bool(true)
bool(true)
600 site.zip.enc
bool(true)
bool(true)
backup-manifest.json wp-content/plugins/hello/hello.php wp-content/uploads/photo.jpg database.sql backup-index.json
string(8) "-- dump
"
bool(true)
string(2) "ok"
backup-manifest.json backup-index.json 0
Bjlg\Crypto\WrongKeyException: wrong key: the file was encrypted with key %r[0-9a-f]{16}%r
bool(false)
NULL
