--TEST--
cli/ArchiveCommand.php: backup --encrypt with a key file, a password file or BJLG_ENCRYPTION_KEY; never a secret on the command line
--EXTENSIONS--
bjlg
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/archive.inc';
require getenv('BJLG_SOURCE_DIR') . '/cli/ArchiveCommand.php';
use Bjlg\Crypto\{Cipher, Key};

$d = bjlg_scratch('cli-encrypt');
bjlg_put("$d/wp/plugins/p/p.php", str_repeat('<?php // plugin', 100));
bjlg_put("$d/dump.sql", "-- dump\n");
mkdir("$d/out");
$key = Key::generate();
file_put_contents("$d/key", $key->toString() . "\n");
file_put_contents("$d/pw", "open sesame\n");
$err = fopen('php://memory', 'w+');
$cli = new Bjlg\Cli\ArchiveCommand($err);
function backup(array $args): void {
    global $cli, $err;
    ob_start();
    $rc = $cli->run(array_merge(['backup'], $args));
    $out = ob_get_clean();
    rewind($err);
    echo "[$rc] ", preg_replace('/^.*B\/s\n/', '', $out), stream_get_contents($err);
    ftruncate($err, 0);
    rewind($err);
}
function entries(string $zip): string {
    return implode(' ', array_column(Bjlg\Archive\Reader::open($zip)->entries(), 'name'));
}
$sources = ["$d/wp/plugins=wp-content/plugins", "$d/dump.sql=database.sql"];

backup(array_merge(['--out', "$d/out/a.zip.enc", '--encrypt', '--key-file', "$d/key"], $sources));
Cipher::decryptFile("$d/out/a.zip.enc", "$d/a.zip", $key);
echo entries("$d/a.zip"), "\n";

backup(array_merge(['--out', "$d/out/b.zip.enc", '--encrypt', "--password-file=$d/pw", '--encrypt-format', 'bjlgenc1', '--format=json'], $sources));
Cipher::decryptFile("$d/out/b.zip.enc", "$d/b.zip", 'open sesame');
echo entries("$d/b.zip"), "\n";

putenv('BJLG_ENCRYPTION_KEY=' . $key->toString());
backup(array_merge(['--out', "$d/out/c.zip.enc", '--encrypt'], $sources));
var_dump(Cipher::verifyFile("$d/out/c.zip.enc", $key)['key_fingerprint'] === $key->fingerprint());
putenv('BJLG_ENCRYPTION_KEY');

// Usage errors: exit 2, nothing written.
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--password', 'open sesame'], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--key=' . $key->toString()], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt'], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--key-file', "$d/key"], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--key-file', "$d/key", '--password-file', "$d/pw"], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--key-file', "$d/pw"], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--key-file', "$d/key", '--encrypt-format', 'zip'], $sources));
backup(array_merge(['--out', "$d/out/d.zip.enc", '--encrypt', '--key-file', "$d/missing"], $sources));
echo implode(',', array_diff(scandir("$d/out"), ['.', '..'])), "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
[0] sha256 %r[0-9a-f]{64}%r
encrypted bjlg, %s, key %r[0-9a-f]{16}%r; zip sha256 %r[0-9a-f]{64}%r
backup-manifest.json wp-content/plugins/p/p.php database.sql backup-index.json
[0] {
    "path": "%s/out/b.zip.enc",
    "type": "full",
    "entries": 4,
    "files": 2,
    "unchanged": 0,
    "deleted": 0,
    "excluded": 0,
    "excluded_bytes": 0,
    "bytes_in": 1508,
    "bytes_out": %d,
    "skipped": [],
    "warnings": [],
    "sha256": "%s",
    "duration": %f,
    "stages": {
        "scan": %s,
        "read": %s,
        "hash": %s,
        "deflate": %s,
        "wait": %s,
        "write": %s,
        "verify": %s,
        "checksum": %s,
        "sync": %s,
        "encrypt": %s
    },
    "encryption": {
        "format": "bjlgenc1",
        "version": 2,
        "mode": "password",
        "cipher": "aes-256-cbc",
        "kdf": "pbkdf2-sha256",
        "pbkdf2_iterations": 10000,
        "key_fingerprint": null,
        "encrypted_size": %d,
        "plaintext_size": %d,
        "plaintext_sha256": "%s"
    }
}
backup-manifest.json wp-content/plugins/p/p.php database.sql backup-index.json
[0] sha256 %r[0-9a-f]{64}%r
encrypted bjlg, %s, key %r[0-9a-f]{16}%r; zip sha256 %r[0-9a-f]{64}%r
bool(true)
[2] bjlg: --password is refused: a secret on the command line leaks; use --password-file or BJLG_ENCRYPTION_KEY
Run 'bjlg help backup' for usage.
[2] bjlg: --key is refused: a secret on the command line leaks; use --key-file or BJLG_ENCRYPTION_KEY
Run 'bjlg help backup' for usage.
[2] bjlg: no secret: use --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY
Run 'bjlg help backup' for usage.
[2] bjlg: --key-file needs --encrypt
Run 'bjlg help backup' for usage.
[2] bjlg: give either --key-file or --password-file, not both
Run 'bjlg help backup' for usage.
[2] bjlg: Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (%s)
Run 'bjlg help backup' for usage.
[2] bjlg: --encrypt-format must be one of bjlg, bjlgenc1, not 'zip'
Run 'bjlg help backup' for usage.
[2] bjlg: cannot read %s %s/missing
Run 'bjlg help backup' for usage.
a.zip.enc,b.zip.enc,c.zip.enc
