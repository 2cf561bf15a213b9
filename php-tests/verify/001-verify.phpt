--TEST--
Bjlg\Verify\Verifier::verify(): a good archive, plain and encrypted, with JSON, HTML and history
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify');
$zip = bjlg_backup($d, bjlg_dump(1500));

$r = Bjlg\Verify\Verifier::verify($zip, [
    'report' => "$d/r.json", 'html' => "$d/r.html", 'history' => "$d/history.jsonl",
]);
echo bjlg_statuses($r), "\n";
echo $r['archive']['name'], " ", $r['sha256'] === hash_file('sha256', $zip) ? "sha256 ok" : "sha256 differs", "\n";
echo bjlg_check($r, 'database')['message'], "\n";
var_dump($r['entries']['checked'] === $r['entries']['total'], $r['not_checked']);
var_dump(json_decode(file_get_contents("$d/r.json"), true)['status']);
printf("%o %o\n", fileperms("$d/r.json") & 0777, fileperms("$d/r.html") & 0777);
$html = file_get_contents("$d/r.html");
var_dump(str_contains($html, $d), str_contains($html, '<script'), str_contains($html, 'http'), str_contains($html, 'backup.zip'));

// A second run appends to the history.
Bjlg\Verify\Verifier::verify($zip, ['history' => "$d/history.jsonl"]);
$lines = file("$d/history.jsonl");
echo count($lines), " ", json_decode($lines[1], true)['status'], "\n";

// Encrypted: key, password, wrong key, no secret.
$key = Bjlg\Crypto\Key::generate();
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.bjlg", $key);
echo bjlg_statuses(Bjlg\Verify\Verifier::verify("$zip.bjlg", ['key' => $key])), "\n";
$r = Bjlg\Verify\Verifier::verify("$zip.bjlg", ['key' => Bjlg\Crypto\Key::generate()]);
echo bjlg_statuses($r), "\n", bjlg_check($r, 'encryption')['message'], "\n";
$r = Bjlg\Verify\Verifier::verify("$zip.bjlg");
echo bjlg_statuses($r), "\n";
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.pw.bjlg", 'correct horse', ['kdf' => 'pbkdf2']);
echo bjlg_statuses(Bjlg\Verify\Verifier::verify("$zip.pw.bjlg", ['password' => 'correct horse', 'sample' => 0.5])), "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
passed: zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
backup.zip sha256 ok
database.sql: 5 complete statements, 1 tables created, 1500 rows inserted, well-formed
bool(true)
array(0) {
}
string(6) "passed"
600 600
bool(false)
bool(false)
bool(false)
bool(true)
2 passed
passed: encryption=passed zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
failed: encryption=failed
wrong key: the file was encrypted with key %x: the secret given does not open this archive
inconclusive: encryption=inconclusive
passed: encryption=passed zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
