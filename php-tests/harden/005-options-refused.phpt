--TEST--
Hardening, options silently ignored: KDF options with bjlgenc1 or with a Key are refused; NUL in an entry name is refused
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/harden.inc';
use Bjlg\Crypto\{Cipher, Key};
$d = bjlg_scratch('harden-options');
file_put_contents("$d/in.txt", "hello\n");
$key = Key::generate();

foreach ([['format' => 'bjlgenc1', 'kdf' => 'scrypt'], ['format' => 'bjlgenc1', 'kdf' => 'pbkdf2'],
          ['format' => 'bjlgenc1', 'chunk_size' => 65536], ['format' => 'bjlgenc1', 'cipher' => 'aes-256-gcm'],
          ['kdf' => 'pbkdf2', 'scrypt_log_n' => 15], ['pbkdf2_iterations' => 600000]] as $options) {
    echo json_encode($options), ': ', bjlg_throws(fn() => Cipher::encryptFile("$d/in.txt", "$d/out", 'password', $options)), "\n";
}
foreach ([['kdf' => 'scrypt'], ['scrypt_log_n' => 15], ['pbkdf2_iterations' => 600000]] as $options) {
    echo 'Key ', json_encode($options), ': ', bjlg_throws(fn() => Cipher::encryptFile("$d/in.txt", "$d/out", $key, $options)), "\n";
}
echo file_exists("$d/out") ? "output written\n" : "no output\n";

// What does apply is still accepted.
echo Cipher::encryptFile("$d/in.txt", "$d/a.enc", 'password', ['format' => 'bjlgenc1'])['format'], "\n";
echo Cipher::encryptFile("$d/in.txt", "$d/b.enc", 'password', ['kdf' => 'pbkdf2', 'pbkdf2_iterations' => 600000])['kdf'], "\n";
echo Cipher::encryptFile("$d/in.txt", "$d/c.enc", $key, ['chunk_size' => 65536])['mode'], "\n";

// The archive writer's prefixed options, the same rules.
echo bjlg_throws(fn() => new Bjlg\Archive\Writer("$d/w.zip", ['encrypt' => $key, 'encrypt_kdf' => 'scrypt'])), "\n";
echo bjlg_throws(fn() => new Bjlg\Archive\Writer("$d/w.zip", ['encrypt' => 'pw', 'encrypt_format' => 'bjlgenc1', 'encrypt_scrypt_log_n' => 15])), "\n";

// NUL in an entry name: refused when writing, refused when reading a crafted archive.
$w = new Bjlg\Archive\Writer("$d/n.zip", ['threads' => 1]);
echo str_replace("\0", '\\0', bjlg_throws(fn() => $w->addFromString("wp-content/a\0.php", 'x'))), "\n";
$w->close();
// libzip turns the NUL into a space: "a .php" would look safe and be extracted under another name.
bjlg_zip("$d/nul.zip", [['name' => "wp-content/uploads/a\0.php", 'data' => "payload\n"]]);
echo str_replace($d, 'D', bjlg_throws(fn() => Bjlg\Archive\Reader::open("$d/nul.zip"))), "\n";
echo is_dir("$d/x") && count(scandir("$d/x")) > 2 ? "extracted\n" : "nothing extracted\n";
$v = Bjlg\Verify\Verifier::verify("$d/nul.zip");
echo bjlg_check($v, 'entry_names')['status'], "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
{"format":"bjlgenc1","kdf":"scrypt"}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "kdf" does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 iterations for a password, fixed by the format)
{"format":"bjlgenc1","kdf":"pbkdf2"}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "kdf" does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 iterations for a password, fixed by the format)
{"format":"bjlgenc1","chunk_size":65536}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "chunk_size" does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 iterations for a password, fixed by the format)
{"format":"bjlgenc1","cipher":"aes-256-gcm"}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "cipher" does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 iterations for a password, fixed by the format)
{"kdf":"pbkdf2","scrypt_log_n":15}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "scrypt_log_n" applies to kdf "scrypt" only
{"pbkdf2_iterations":600000}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "pbkdf2_iterations" applies to kdf "pbkdf2" only
Key {"kdf":"scrypt"}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "kdf" does not apply to a Key: only a password goes through a KDF
Key {"scrypt_log_n":15}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "scrypt_log_n" does not apply to a Key: only a password goes through a KDF
Key {"pbkdf2_iterations":600000}: Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "pbkdf2_iterations" does not apply to a Key: only a password goes through a KDF
no output
bjlgenc1
pbkdf2-sha256
key
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_kdf" does not apply to a Key: only a password goes through a KDF
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_scrypt_log_n" does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 iterations for a password, fixed by the format)
ValueError: invalid entry name "wp-content/a\0.php": contains a NUL byte
Bjlg\Archive\CorruptArchiveException [corrupt]: D/nul.zip: entry 0's name contains a NUL byte
nothing extracted
failed
