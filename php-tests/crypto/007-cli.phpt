--TEST--
cli/CryptoCommand: keygen, encrypt, decrypt, verify, inspect; secrets only from files or the environment
--EXTENSIONS--
bjlg
--FILE--
<?php
require getenv('BJLG_SOURCE_DIR') . '/cli/CryptoCommand.php';
use Bjlg\Cli\CryptoCommand;

$dir = sys_get_temp_dir() . '/bjlg-phpt-cli-' . getmypid();
mkdir($dir);
function bjlg(string ...$args): void {
    $out = fopen('php://memory', 'w+');
    $err = fopen('php://memory', 'w+');
    $status = CryptoCommand::run($args, $out, $err);
    rewind($out);
    rewind($err);
    echo "[$status] ", stream_get_contents($out), stream_get_contents($err);
}
file_put_contents("$dir/a.zip", str_repeat('zip ', 5000));
file_put_contents("$dir/pw", "open sesame\n");

bjlg('keygen', '--out', "$dir/key");
var_dump(decoct(fileperms("$dir/key") & 0777), strlen(trim(file_get_contents("$dir/key"))));
bjlg('keygen', '--out', "$dir/key");
bjlg('encrypt', "$dir/a.zip", "$dir/a.zip.enc", '--key-file', "$dir/key", '--file-format', 'bjlgenc1');
bjlg('verify', "$dir/a.zip.enc", "--key-file=$dir/key");
bjlg('decrypt', "$dir/a.zip.enc", "$dir/b.zip", '--key-file', "$dir/key");
var_dump(file_get_contents("$dir/b.zip") === file_get_contents("$dir/a.zip"));
bjlg('encrypt', "$dir/a.zip", "$dir/p.bjlg", '--password-file', "$dir/pw", '--kdf', 'pbkdf2', '--chunk-size', '4096');
bjlg('inspect', "$dir/p.bjlg", '--json');
file_put_contents("$dir/pw2", 'open sesame');  // same password without the newline
bjlg('verify', "$dir/p.bjlg", '--password-file', "$dir/pw2");
putenv('BJLG_ENCRYPTION_KEY=' . trim(file_get_contents("$dir/key")));
bjlg('verify', "$dir/a.zip.enc");
bjlg('verify', "$dir/p.bjlg");
putenv('BJLG_ENCRYPTION_KEY');
bjlg('verify', "$dir/p.bjlg");
bjlg('verify', "$dir/p.bjlg", '--password', 'open sesame');
bjlg('decrypt', "$dir/a.zip");
bjlg('frobnicate');
bjlg('inspect', "$dir/a.zip");
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
[0] key written to %s/key, fingerprint %r[0-9a-f]{16}%r
string(3) "600"
int(44)
[2] bjlg: cannot create %s/key (it must not exist)
[0] format:            bjlgenc1
version:           2
mode:              key
cipher:            aes-256-cbc
kdf:               none
key_fingerprint:   -
encrypted_size:    20074
plaintext_size:    20000
[0] format:            bjlgenc1
version:           2
mode:              key
cipher:            aes-256-cbc
kdf:               none
key_fingerprint:   -
encrypted_size:    20074
plaintext_size:    20000
[0] format:            bjlgenc1
version:           2
mode:              key
cipher:            aes-256-cbc
kdf:               none
key_fingerprint:   -
encrypted_size:    20074
plaintext_size:    20000
bool(true)
[0] format:            bjlg
version:           1
mode:              password
cipher:            %s
kdf:               pbkdf2-sha256
pbkdf2_iterations: 600000
key_fingerprint:   %r[0-9a-f]{16}%r
chunk_size:        4096
chunks:            5
encrypted_size:    20180
plaintext_size:    20000
[0] {
    "format": "bjlg",
    "version": 1,
    "mode": "password",
    "cipher": "%s",
    "kdf": "pbkdf2-sha256",
    "pbkdf2_iterations": 600000,
    "key_fingerprint": "%s",
    "chunk_size": 4096,
    "chunks": 5,
    "encrypted_size": 20180,
    "plaintext_size": 20000
}
[0] format:            bjlg
%A
[0] format:            bjlgenc1
%A
[1] bjlg: wrong key: this file is protected by a password, not a key
[2] bjlg: no secret: use --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY
[2] bjlg: --password is refused: a secret on the command line leaks; use --password-file or BJLG_ENCRYPTION_KEY
[2] bjlg: usage: bjlg decrypt IN OUT [--key-file FILE | --password-file FILE] [--format=json]
[2] bjlg: unknown command "frobnicate": expected one of keygen, encrypt, decrypt, verify, inspect
[3] bjlg: not an encrypted file: no BJLGAEAD or BJLGENC1 magic
