--TEST--
Bjlg\Verify\Verifier::verify() and RestoreTest::run() on a BJLGENC1 archive (the plugin's format): content checked in memory; flipped byte, wrong key, wrong kind of secret
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify-bjlgenc1');
mkdir("$d/boxes");
$zip = bjlg_backup($d, bjlg_dump(50));
$key = Bjlg\Crypto\Key::generate();
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.enc", $key, ['format' => 'bjlgenc1']);
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.penc", 'a passphrase', ['format' => 'bjlgenc1']);
$before = scandir($d);

$r = Bjlg\Verify\Verifier::verify("$zip.enc", ['key' => $key]);
echo bjlg_statuses($r), "\n";
$enc = bjlg_check($r, 'encryption');
echo $enc['message'], "\n", $enc['evidence']['format'], " ", $enc['evidence']['mode'], " ", $enc['evidence']['plaintext_size'] === filesize($zip) ? "plaintext size ok" : "bad size", "\n";
echo bjlg_check($r, 'index')['message'], "\n";
var_dump($r['sha256'] === hash_file('sha256', "$zip.enc"), $r['entries']['checked'] === $r['entries']['total']);
var_dump(scandir($d) === $before);  // nothing written beside the archive, no plaintext anywhere

echo bjlg_statuses(Bjlg\Verify\Verifier::verify("$zip.penc", ['password' => 'a passphrase'])), "\n";
echo bjlg_statuses(Bjlg\Verify\Verifier::verify("$zip.enc")), "\n";

// A wrong key: BJLGENC1 has no key id, so it is an authentication failure (failed), as a wrong
// key is for the bjlg format; the wrong kind of secret is named.
$r = Bjlg\Verify\Verifier::verify("$zip.enc", ['key' => Bjlg\Crypto\Key::generate()]);
echo bjlg_statuses($r), "\n", bjlg_check($r, 'encryption')['message'], "\n";
echo bjlg_check(Bjlg\Verify\Verifier::verify("$zip.penc", ['key' => $key]), 'encryption')['message'], "\n";

// A flipped ciphertext byte.
$data = file_get_contents("$zip.enc");
$data[intdiv(strlen($data), 2)] = chr(ord($data[intdiv(strlen($data), 2)]) ^ 1);
file_put_contents("$d/flipped.enc", $data);
$r = Bjlg\Verify\Verifier::verify("$d/flipped.enc", ['key' => $key]);
echo bjlg_statuses($r), "\n";

// The restore test decrypts into its private sandbox, and removes it.
echo bjlg_statuses(Bjlg\Verify\RestoreTest::run("$zip.enc", ['sandbox' => "$d/boxes", 'key' => $key])), "\n";
$r = Bjlg\Verify\RestoreTest::run("$d/flipped.enc", ['sandbox' => "$d/boxes", 'key' => $key]);
echo bjlg_statuses($r), "\n", bjlg_check($r, 'decrypt')['message'], "\n";
var_dump(scandir("$d/boxes") === ['.', '..']);
bjlg_rmrf($d);
?>
--EXPECT--
passed: encryption=passed zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
BJLGENC1: the HMAC-SHA256 over the whole ciphertext and the padding check out, and the content was decrypted in memory and authenticated again
bjlgenc1 key plaintext size ok
3 files match the SHA-256 and size recorded in backup-index.json
bool(true)
bool(true)
bool(true)
passed: encryption=passed zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
inconclusive: encryption=inconclusive
failed: encryption=failed
the encrypted archive does not authenticate: integrity check failed: wrong key or password, or corrupted data
wrong key: this BJLGENC1 file is protected by a password: the secret given does not open this archive
failed: encryption=failed
passed: sandbox=passed decrypt=passed extract=passed files=passed database=skipped cleanup=passed
failed: sandbox=passed decrypt=failed cleanup=passed
integrity check failed: wrong key or password, or corrupted data
bool(true)
