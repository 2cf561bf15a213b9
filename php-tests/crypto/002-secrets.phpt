--TEST--
Bjlg\Crypto: no key or password in var_dump, print_r, var_export, json, messages or backtraces
--EXTENSIONS--
bjlg
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher};

$b64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
$key = Key::fromString($b64);
var_dump($key);
$dumps = print_r($key, true) . var_export($key, true) . json_encode($key) . serialize((array) $key);
var_dump(strpos($dumps, 'AAECAw') === false, (array) $key);

$dir = sys_get_temp_dir() . '/bjlg-phpt-secrets-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/in", 'hello');
Cipher::encryptFile("$dir/in", "$dir/in.bjlg", 'the-right-password', ['scrypt_log_n' => 14]);

function open_with($path, $secret) { return Cipher::verifyFile($path, $secret); }
function open_key($path, $encoded) { return open_with($path, Key::fromString($encoded)); }

foreach ([fn() => open_with("$dir/in.bjlg", 'my-secret-password'),
          fn() => open_key("$dir/in.bjlg", $b64),
          fn() => open_key("$dir/in.bjlg", 'secret-but-not-base64!')] as $attempt) {
    try {
        $attempt();
    } catch (Throwable $e) {
        $text = (string) $e . print_r($e->getTrace(), true) . var_export($e->getTrace(), true);
        echo get_class($e), ': ', $e->getMessage(), "\n";
        var_dump(strpos($text, 'my-secret-password'), strpos($text, 'AAECAw'),
                 strpos($text, 'secret-but-not-base64'), strpos($text, 'the-right-password'));
    }
}
unlink("$dir/in");
unlink("$dir/in.bjlg");
rmdir($dir);
?>
--EXPECT--
object(Bjlg\Crypto\Key)#1 (1) {
  ["fingerprint"]=>
  string(16) "d3818eb6f12b72ef"
}
bool(true)
array(0) {
}
Bjlg\Crypto\WrongKeyException: wrong password
bool(false)
bool(false)
bool(false)
bool(false)
Bjlg\Crypto\WrongKeyException: wrong key: this file is protected by a password, not a key
bool(false)
bool(false)
bool(false)
bool(false)
ValueError: Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key is not valid base64)
bool(false)
bool(false)
bool(false)
bool(false)
