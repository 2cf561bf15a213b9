--TEST--
Bjlg\Crypto\Key: the plugin's key forms, generate, toString, fingerprint, and refused values
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Crypto\Key;

$b64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
foreach ([$b64, "base64:$b64", rtrim($b64, '='), " \t$b64\n\r\0\x0B", substr($b64, 0, 20) . "\n " . substr($b64, 20)] as $form) {
    $k = Key::fromString($form);
    var_dump($k->toString() === $b64, $k->fingerprint());
}

// The same acceptance as the plugin's decoder (trim, optional prefix, strict base64, 32 bytes).
function plugin_accepts(string $v): bool {
    $v = trim($v);
    if (strpos($v, 'base64:') === 0) { $v = substr($v, 7); }
    $d = base64_decode($v, true);
    return $d !== false && strlen($d) === 32;
}
mt_srand(4);
$alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n\t.";
$agree = 0;
for ($i = 0; $i < 3000; $i++) {
    $v = $b64;
    for ($j = mt_rand(0, 2); $j > 0; $j--) {
        $pos = mt_rand(0, strlen($v));
        switch (mt_rand(0, 2)) {
            case 0: $v = substr($v, 0, $pos) . $alphabet[mt_rand(0, strlen($alphabet) - 1)] . substr($v, $pos); break;
            case 1: $v = substr($v, 0, $pos) . substr($v, $pos + 1); break;
            case 2: $v = substr($v, 0, $pos) . $alphabet[mt_rand(0, strlen($alphabet) - 1)] . substr($v, $pos + 1); break;
        }
    }
    try { Key::fromString($v); $ours = true; } catch (ValueError $e) { $ours = false; }
    if ($ours === plugin_accepts($v)) { $agree++; } else { echo "disagree on ", json_encode($v), "\n"; }
}
var_dump($agree);

foreach (['', 'base64:', 'not base64!', 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==', "$b64=", 'BASE64:' . $b64] as $bad) {
    try {
        Key::fromString($bad);
        echo "accepted\n";
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}

$a = Key::generate();
$b = Key::generate();
var_dump($a->toString() !== $b->toString(), strlen(base64_decode($a->toString(), true)));
var_dump(Key::fromString($a->toString())->fingerprint() === $a->fingerprint());
var_dump((bool) preg_match('/^[0-9a-f]{16}$/', $a->fingerprint()));

try { Key::fromString([]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { new Key(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { clone $a; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { serialize($a); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
try { $a->foo = 1; } catch (Error $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
string(16) "d3818eb6f12b72ef"
bool(true)
string(16) "d3818eb6f12b72ef"
bool(true)
string(16) "d3818eb6f12b72ef"
bool(true)
string(16) "d3818eb6f12b72ef"
bool(true)
string(16) "d3818eb6f12b72ef"
int(3000)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key must decode to exactly 32 bytes, not 0)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key must decode to exactly 32 bytes, not 0)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key is not valid base64)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key must decode to exactly 32 bytes, not 31)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key is not valid base64)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be a base64-encoded 32-byte key (the key is not valid base64)
bool(true)
int(32)
bool(true)
bool(true)
Bjlg\Crypto\Key::fromString(): Argument #1 ($encoded) must be of type string, array given
Call to private Bjlg\Crypto\Key::__construct() from global scope
Trying to clone an uncloneable object of class Bjlg\Crypto\Key
Serialization of 'Bjlg\Crypto\Key' is not allowed
Cannot create dynamic property Bjlg\Crypto\Key::$foo
