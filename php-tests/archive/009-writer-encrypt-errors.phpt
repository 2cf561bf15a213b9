--TEST--
Bjlg\Archive\Writer encrypt: bad types and values name the option; the secret never shows; a failure leaves nothing
--EXTENSIONS--
bjlg
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/archive.inc';
use Bjlg\Archive\Writer;
use Bjlg\Crypto\Key;

$d = bjlg_scratch('encrypt-errors');
function attempt(callable $f): void {
    try { $f(); echo "no exception\n"; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
$key = Key::generate();
foreach ([['encrypt' => 42], ['encrypt' => null], ['encrypt' => new stdClass()], ['encrypt' => ''],
          ['encrypt' => $key, 'encrypt_format' => 'zip'], ['encrypt' => $key, 'encrypt_format' => 1],
          ['encrypt' => $key, 'encrypt_chunk_size' => 8], ['encrypt' => $key, 'encrypt_chunk_size' => '4096'],
          ['encrypt' => 'pw', 'encrypt_kdf' => 'argon2'], ['encrypt' => 'pw', 'encrypt_scrypt_log_n' => 30],
          ['encrypt' => 'pw', 'encrypt_pbkdf2_iterations' => 1000], ['encrypt' => $key, 'encrypt_cipher' => 'des'],
          ['encrypt' => $key, 'encrypt_threads' => 2], ['encrypt' => $key, 'encryption' => []],
          ['encrypt_format' => 'bjlgenc1']] as $options) {
    attempt(fn() => new Writer("$d/a.enc", $options));
}
// An incremental needs the previous index, which an encrypted archive hides.
(new Writer("$d/full.enc", ['encrypt' => $key]))->close();
attempt(fn() => new Writer("$d/inc.enc", ['encrypt' => $key, 'since' => "$d/full.enc"]));
echo implode(',', array_diff(scandir($d), ['.', '..'])), "\n";

// The password never shows: not in a message, a backtrace (any frame, the caller's too, as
// Bjlg\Crypto's exceptions), or a dump of the writer.
function make_writer(string $path, array $options): Writer { return new Writer($path, $options); }
foreach ([fn() => make_writer("$d/missing/a.enc", ['encrypt' => 'my-secret-password']),
          fn() => make_writer("$d/a.enc", ['encrypt' => 'my-secret-password', 'encrypt_format' => 7]),
          // PHP code the constructor runs sees the options as a SensitiveParameterValue.
          fn() => new Writer("$d/a.enc", ['encrypt' => 'my-secret-password', 'manifest' => ['x' => new class implements JsonSerializable {
              public function jsonSerialize(): mixed { throw new LogicException(print_r(debug_backtrace(), true)); }
          }]])] as $attempt) {
    try {
        $attempt();
    } catch (Throwable $e) {
        $text = (string) $e . print_r($e->getTrace(), true) . var_export($e->getTrace(), true) . $e->getMessage();
        echo get_class($e), ': ', strtok($e->getMessage(), "\n"), ' ', var_export(strpos($text, 'my-secret-password'), true), "\n";
    }
}
$w = new Writer("$d/a.enc", ['encrypt' => 'my-secret-password', 'encrypt_kdf' => 'scrypt', 'encrypt_scrypt_log_n' => 14]);
$dump = print_r($w, true) . var_export($w, true) . json_encode($w);
ob_start(); var_dump($w); $dump .= ob_get_clean();
var_dump(strpos($dump, 'my-secret-password'));
$w->abort();

// Failures leave nothing in the folder: no archive, no plaintext, no private folder.
mkdir("$d/out");
$w = new Writer("$d/out/a.enc", ['encrypt' => $key, 'progress_interval' => 0, 'progress' => fn(array $p) => false]);
attempt(fn() => $w->addFromString('x.txt', str_repeat('x', 100000)));
echo count(scandir("$d/out")) - 2, "\n";
$w = new Writer("$d/out/a.enc", ['encrypt' => $key]);
$w->addFromString('x.txt', 'site data');
echo count(scandir("$d/out")) - 2, "\n";   // the private folder, while the writer lives
unset($w);
echo count(scandir("$d/out")) - 2, "\n";
// The target becomes a folder while the archive is written: publishing it fails at the very end.
$w = new Writer("$d/out/a.enc", ['encrypt' => $key]);
$w->addFromString('x.txt', 'site data');
mkdir("$d/out/a.enc");
touch("$d/out/a.enc/keep");
attempt(fn() => $w->close());
echo implode(',', array_diff(scandir("$d/out"), ['.', '..'])), "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt" must be of type Bjlg\Crypto\Key|string, int given
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt" must be of type Bjlg\Crypto\Key|string, null given
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt" must be of type Bjlg\Crypto\Key|string, stdClass given
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt" must be a Bjlg\Crypto\Key or a non-empty password
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_format" must be "bjlg" or "bjlgenc1"
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_format" must be of type string, int given
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_chunk_size" must be between 16 and 67108864
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_chunk_size" must be of type int, string given
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_kdf" must be "scrypt" or "pbkdf2"
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_scrypt_log_n" must be between 14 and 20
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_pbkdf2_iterations" must be between 600000 and 100000000
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_cipher" must be "aes-256-gcm" or "chacha20-poly1305"
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) contains an unknown option "encrypt_threads"
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) contains an unknown option "encryption"
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_format" needs the "encrypt" option
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "since": %s/full.enc is an encrypted archive; pass the backup-index.json of that backup (kept beside it, or extracted from the decrypted archive) or the decrypted archive
full.enc
Bjlg\Archive\IOException: archive folder %s/missing does not exist false
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "encrypt_format" must be of type string, int given false
LogicException: Array false
bool(false)
Bjlg\Archive\CancelledException: cancelled by the progress callback
0
1
0
Bjlg\Archive\IOException: cannot rename %s/out/.bjlg-%s/a.enc to %s/out/a.enc: %s
a.enc
