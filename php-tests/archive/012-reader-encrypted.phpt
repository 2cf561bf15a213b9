--TEST--
Bjlg\Archive\Reader::open($path, ['key' => Key|string]): an encrypted archive of each format read and extracted in place, no plaintext file
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
use Bjlg\Archive\{Reader, Writer};
use Bjlg\Crypto\Key;

$d = bjlg_scratch('reader-enc');
bjlg_put("$d/site/uploads/photo.jpg", $photo = random_bytes(30000));
mkdir("$d/out");
$key = Key::generate();
$cases = [
    ['bjlg, key', $key, []],
    ['bjlg, password', 'pässwörd', ['encrypt_scrypt_log_n' => 14, 'encrypt_chunk_size' => 4096]],
    ['bjlgenc1, key', $key, ['encrypt_format' => 'bjlgenc1']],
    ['bjlgenc1, password', 'pässwörd', ['encrypt_format' => 'bjlgenc1']],
];
foreach ($cases as [$label, $secret, $options]) {
    $w = new Writer("$d/out/a.zip.enc", ['encrypt' => $secret, 'threads' => 2] + $options);
    $w->addDirectory("$d/site", 'wp-content');
    $w->addFromString('database.sql', str_repeat("INSERT INTO t VALUES (1);\n", 2000));
    $w->close();

    $r = Reader::open("$d/out/a.zip.enc", ['key' => $secret]);
    echo $label, ': ', $r->encryption(), ' ', implode(' ', array_column($r->entries(), 'name')), "\n";
    $s = $r->readEntry('database.sql');
    var_dump(stream_get_contents($s) === str_repeat("INSERT INTO t VALUES (1);\n", 2000));
    fclose($s);
    $r->verify();
    $x = $r->extractTo("$d/x");
    var_dump($x['files'], file_get_contents("$d/x/wp-content/uploads/photo.jpg") === $photo);
    unset($r);
    // Only the encrypted archive is in its folder, and nothing but the extraction appeared.
    echo implode(',', array_diff(scandir("$d/out"), ['.', '..'])), ' ', implode(',', array_diff(scandir($d), ['.', '..'])), "\n";
    bjlg_rmrf("$d/x");
}

// Without a key, with the wrong one, bad option types and values.
$w = new Writer("$d/out/b.zip.enc", ['encrypt' => $key]);
$w->addFromString('a.txt', 'a');
$w->close();
$tries = [
    'no key' => fn() => Reader::open("$d/out/b.zip.enc"),
    'wrong key' => fn() => Reader::open("$d/out/b.zip.enc", ['key' => Key::generate()]),
    'wrong password' => fn() => Reader::open("$d/out/b.zip.enc", ['key' => 'not it']),
    'empty password' => fn() => Reader::open("$d/out/b.zip.enc", ['key' => '']),
    'key of a bad type' => fn() => Reader::open("$d/out/b.zip.enc", ['key' => 42]),
    'unknown option' => fn() => Reader::open("$d/out/b.zip.enc", ['password' => 'x']),
    'integer key' => fn() => Reader::open("$d/out/b.zip.enc", ['x']),
];
foreach ($tries as $label => $try) {
    try { $try(); echo "$label: opened\n"; }
    catch (Throwable $e) {
        printf("%s: %s%s: %s\n", $label, get_class($e), $e instanceof Bjlg\Exception ? " [$e->error_code]" : '', $e->getMessage());
    }
}
// A key given for a plain zip is refused: it is not an encrypted file.
$w = new Writer("$d/out/plain.zip");
$w->addFromString('a.txt', 'a');
$w->close();
try { Reader::open("$d/out/plain.zip", ['key' => $key]); }
catch (Bjlg\UnsupportedException $e) { echo get_class($e), "\n"; }
// The secret never shows in a trace.
try { Reader::open("$d/out/b.zip.enc", ['key' => 'hunter2-secret']); }
catch (Bjlg\WrongKeyException $e) { var_dump(str_contains($e->getTraceAsString(), 'hunter2')); }
bjlg_rmrf($d);
?>
--EXPECTF--
bjlg, key: bjlg backup-manifest.json wp-content/uploads/photo.jpg database.sql backup-index.json
bool(true)
int(4)
bool(true)
a.zip.enc out,site,x
bjlg, password: bjlg backup-manifest.json wp-content/uploads/photo.jpg database.sql backup-index.json
bool(true)
int(4)
bool(true)
a.zip.enc out,site,x
bjlgenc1, key: bjlgenc1 backup-manifest.json wp-content/uploads/photo.jpg database.sql backup-index.json
bool(true)
int(4)
bool(true)
a.zip.enc out,site,x
bjlgenc1, password: bjlgenc1 backup-manifest.json wp-content/uploads/photo.jpg database.sql backup-index.json
bool(true)
int(4)
bool(true)
a.zip.enc out,site,x
no key: Bjlg\Archive\WrongKeyException [wrong_key]: %s/out/b.zip.enc is encrypted: give its key or password to read it
wrong key: Bjlg\Archive\WrongKeyException [wrong_key]: %s
wrong password: Bjlg\Archive\WrongKeyException [wrong_key]: %s
empty password: Bjlg\OptionError: Bjlg\Archive\Reader::open(): Argument #2 ($options) option "key" must be a Bjlg\Crypto\Key or a non-empty password
key of a bad type: TypeError: Bjlg\Archive\Reader::open(): Argument #2 ($options) option "key" must be of type Bjlg\Crypto\Key|string, int given
unknown option: Bjlg\OptionError: Bjlg\Archive\Reader::open(): Argument #2 ($options) contains an unknown option "password"
integer key: ValueError: Bjlg\Archive\Reader::open(): Argument #2 ($options) must be an array with string keys
Bjlg\Archive\UnsupportedException
bool(false)
