--TEST--
Bjlg\Crypto\Cipher: wrong key, wrong password, corruption, truncation, unsupported and I/O errors are distinct; nothing is left behind
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher};

$dir = sys_get_temp_dir() . '/bjlg-phpt-errors-' . getmypid();
mkdir($dir);
file_put_contents("$dir/a.zip", str_repeat('archive bytes ', 1000));
$key = Key::generate();
Cipher::encryptFile("$dir/a.zip", "$dir/k.bjlg", $key, ['chunk_size' => 1024]);
Cipher::encryptFile("$dir/a.zip", "$dir/p.bjlg", 'password', ['scrypt_log_n' => 14, 'chunk_size' => 1024]);
Cipher::encryptFile("$dir/a.zip", "$dir/k.enc", $key, ['format' => 'bjlgenc1']);
$good = file_get_contents("$dir/k.bjlg");

function attempt(callable $f) {
    try {
        $f();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$fp = $key->fingerprint();
attempt(fn() => Cipher::decryptFile("$dir/k.bjlg", "$dir/out", Key::generate()));
attempt(fn() => Cipher::decryptFile("$dir/p.bjlg", "$dir/out", 'Password'));
attempt(fn() => Cipher::decryptFile("$dir/p.bjlg", "$dir/out", $key));
attempt(fn() => Cipher::decryptFile("$dir/k.bjlg", "$dir/out", 'password'));
attempt(fn() => Cipher::decryptFile("$dir/k.enc", "$dir/out", Key::generate()));

$flipped = $good; $flipped[2000] = chr(ord($flipped[2000]) ^ 1);
file_put_contents("$dir/t.bjlg", $flipped);
attempt(fn() => Cipher::decryptFile("$dir/t.bjlg", "$dir/out", $key));
file_put_contents("$dir/t.bjlg", substr($good, 0, 100 + 2 * 1040));
attempt(fn() => Cipher::decryptFile("$dir/t.bjlg", "$dir/out", $key));
attempt(fn() => Cipher::verifyFile("$dir/t.bjlg", $key));
file_put_contents("$dir/t.bjlg", substr($good, 0, 60));
attempt(fn() => Cipher::inspect("$dir/t.bjlg"));
$swapped = substr($good, 0, 100) . substr($good, 1140, 1040) . substr($good, 100, 1040) . substr($good, 2180);
file_put_contents("$dir/t.bjlg", $swapped);
attempt(fn() => Cipher::verifyFile("$dir/t.bjlg", $key));
$header = $good; $header[30] = chr(ord($header[30]) ^ 0x10);
file_put_contents("$dir/t.bjlg", $header);
attempt(fn() => Cipher::verifyFile("$dir/t.bjlg", $key));

attempt(fn() => Cipher::inspect("$dir/a.zip"));
attempt(fn() => Cipher::inspect("$dir/missing"));
attempt(fn() => Cipher::decryptFile("$dir/k.bjlg", "$dir/no/such/dir/out", $key));
attempt(fn() => Cipher::encryptFile("$dir/missing", "$dir/out", $key));
var_dump((new Bjlg\Crypto\TruncatedDataException) instanceof Bjlg\Crypto\CorruptedDataException,
         (new Bjlg\Crypto\WrongKeyException) instanceof Bjlg\Exception);

// Bad types and values.
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", [42]));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", new stdClass));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", ''));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "", $key));
attempt(fn() => Cipher::encryptFile("$dir/a.zip\0x", "$dir/out", $key));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", $key, ['format' => 'zip']));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", $key, ['chunk_size' => 8]));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", $key, ['chunk_size' => '1024']));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", 'pw', ['kdf' => 'pbkdf2', 'pbkdf2_iterations' => 10000]));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", $key, ['colour' => 'blue']));
attempt(fn() => Cipher::encryptFile("$dir/a.zip", "$dir/out", $key, [1, 2]));
attempt(fn() => Cipher::decryptFile("$dir/k.enc", "$dir/out", $key, ['legacy_salt' => 'short']));

$left = array_values(array_diff(scandir($dir), ['.', '..']));
echo implode(' ', $left), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
Bjlg\Crypto\WrongKeyException: wrong key: the file was encrypted with key %r[0-9a-f]{16}%r
Bjlg\Crypto\WrongKeyException: wrong password
Bjlg\Crypto\WrongKeyException: wrong key: this file is protected by a password, not a key
Bjlg\Crypto\WrongKeyException: wrong password: this file is protected by a key, not a password
Bjlg\Crypto\CorruptedDataException: integrity check failed: wrong key or password, or corrupted data
Bjlg\Crypto\CorruptedDataException: chunk 1 of 14 failed authentication
Bjlg\Crypto\TruncatedDataException: truncated: the file ends after chunk 1, which is not the final chunk
Bjlg\Crypto\TruncatedDataException: truncated: the file ends after chunk 1, which is not the final chunk
Bjlg\Crypto\TruncatedDataException: truncated: the header is incomplete
Bjlg\Crypto\CorruptedDataException: chunk 0 of 14 failed authentication
Bjlg\Crypto\CorruptedDataException: the header is corrupted (header check mismatch)
Bjlg\Crypto\UnsupportedFormatException: not an encrypted file: no BJLGAEAD or BJLGENC1 magic
Bjlg\Crypto\IOException: cannot open %s/missing: No such file or directory
Bjlg\Crypto\IOException: cannot create a private directory in %s/no/such/dir: No such file or directory
Bjlg\Crypto\IOException: cannot open %s/missing: No such file or directory
bool(true)
bool(true)
TypeError: Bjlg\Crypto\Cipher::encryptFile(): Argument #3 ($secret) must be of type Bjlg\Crypto\Key|string, array given
TypeError: Bjlg\Crypto\Cipher::encryptFile(): Argument #3 ($secret) must be of type Bjlg\Crypto\Key|string, stdClass given
ValueError: Bjlg\Crypto\Cipher::encryptFile(): Argument #3 ($secret) must be a Bjlg\Crypto\Key or a non-empty password
ValueError: Bjlg\Crypto\Cipher::encryptFile(): Argument #2 ($out) must not be empty
ValueError: Bjlg\Crypto\Cipher::encryptFile(): Argument #1 ($in) must not contain any null bytes
Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "format" must be "bjlg" or "bjlgenc1"
Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "chunk_size" must be between 16 and 67108864
TypeError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "chunk_size" must be of type int, string given
Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) option "pbkdf2_iterations" must be between 600000 and 100000000
Bjlg\OptionError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) contains an unknown option "colour"
ValueError: Bjlg\Crypto\Cipher::encryptFile(): Argument #4 ($options) must be an array with string keys
Bjlg\OptionError: Bjlg\Crypto\Cipher::decryptFile(): Argument #4 ($options) option "legacy_salt" must be 16 bytes
a.zip k.bjlg k.enc p.bjlg t.bjlg
