--TEST--
bjlg verify / restore-test: exit codes 0 passed, 1 failed, 3 inconclusive, 2 usage; encrypted non-archive files keep the crypto verify
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
require __DIR__ . '/../cli/cli.inc.php';
$d = bjlg_scratch('verify-cli');
$zip = bjlg_backup($d, bjlg_dump(5));
file_put_contents("$d/key", Bjlg\Crypto\Key::generate()->toString());
file_put_contents("$d/other", Bjlg\Crypto\Key::generate()->toString());
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.bjlg", Bjlg\Crypto\Key::fromString(file_get_contents("$d/key")));
file_put_contents("$d/notes.txt", "not an archive\n");
Bjlg\Crypto\Cipher::encryptFile("$d/notes.txt", "$d/notes.bjlg", Bjlg\Crypto\Key::fromString(file_get_contents("$d/key")));
$cut = file_get_contents($zip);
file_put_contents("$d/cut.zip", substr($cut, 0, strlen($cut) - 100));

function run(string ...$args): void {
    [$code, $out, $err] = bjlg_cli(...$args);
    $first = strtok($out, "\n");
    echo "[$code] ", $first === false ? '' : $first, $err !== '' ? " | stderr: " . trim($err) : '', "\n";
}
run('verify', $zip);
run('verify', "$zip.bjlg", '--key-file', "$d/key", '--sample', '0.5');
run('verify', "$zip.bjlg");
run('verify', "$zip.bjlg", '--key-file', "$d/other");
run('verify', "$d/cut.zip");
run('verify', "$d/notes.bjlg", '--key-file', "$d/key");
run('verify', "$d/missing.zip");
run('verify', $zip, '--sample', '0');
run('verify', $zip, '--password', 'x');
run('verify', $zip, '--with-database');
run('verify', $zip, '--no-sha256');
$r = json_decode(bjlg_cli('verify', $zip, '--no-sha256', '--format=json')[1], true);
var_dump($r['status'], array_key_exists('sha256', $r));
run('restore-test', $zip, '--sandbox', $d, '--report', "$d/r.json", '--html', "$d/r.html", '--history', "$d/h.jsonl");
run('restore-test', $zip, '--sandbox', "$d/nowhere");
run('restore-test', $zip, '--with-database', '--dsn-file', "$d/key");
[$code, $out] = bjlg_cli('verify', $zip, '--format=json');
echo json_decode($out, true)['status'], "\n";
printf("%o %s\n", fileperms("$d/r.json") & 0777, json_decode(file_get_contents("$d/h.jsonl"), true)['kind']);
[$code, $out] = bjlg_cli('help', 'verify');
echo strtok($out, "\n"), "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
[0] verify backup.zip: PASSED
[0] verify backup.zip.bjlg: PASSED
[3] verify backup.zip.bjlg: INCONCLUSIVE
[1] verify backup.zip.bjlg: FAILED
[1] verify cut.zip: FAILED
[0] format:            bjlg
[2]  | stderr: bjlg: no archive at %s/missing.zip
[2]  | stderr: bjlg: --sample must be a fraction greater than 0 and at most 1
[2]  | stderr: bjlg: --password is refused: a secret on the command line leaks; use --password-file or BJLG_ENCRYPTION_KEY
[2]  | stderr: bjlg: unknown option --with-database for bjlg verify
[0] verify backup.zip: PASSED
string(6) "passed"
bool(false)
[0] restore-test backup.zip: PASSED
[3] restore-test backup.zip: INCONCLUSIVE
[2]  | stderr: bjlg: give either --with-database or --dsn-file, not both
passed
600 restore-test
Usage: bjlg verify ARCHIVE [--key-file F | --password-file F] [--sample FRACTION] [--no-sha256]
