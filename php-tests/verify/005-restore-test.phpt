--TEST--
Bjlg\Verify\RestoreTest::run(): files against the index, an encrypted archive, reports, bad arguments
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('restore');
mkdir("$d/boxes");
$zip = bjlg_backup($d, bjlg_dump(20));
$r = Bjlg\Verify\RestoreTest::run($zip, ['sandbox' => "$d/boxes", 'report' => "$d/r.json", 'html' => "$d/r.html"]);
echo bjlg_statuses($r), "\n";
echo bjlg_check($r, 'files')['message'], "\n";
var_dump(is_float($r['rto']['seconds']), $r['rpo']['age_seconds'] >= 0, scandir("$d/boxes") === ['.', '..']);
var_dump(str_contains(file_get_contents("$d/r.html"), $d));

$key = Bjlg\Crypto\Key::generate();
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.bjlg", $key);
echo bjlg_statuses(Bjlg\Verify\RestoreTest::run("$zip.bjlg", ['sandbox' => "$d/boxes", 'key' => $key])), "\n";
echo bjlg_statuses(Bjlg\Verify\RestoreTest::run("$zip.bjlg", ['sandbox' => "$d/boxes"])), "\n";
echo bjlg_statuses(Bjlg\Verify\RestoreTest::run($zip, ['sandbox' => "$d/nowhere"])), "\n";

foreach ([['with_database' => 1], ['dsn' => 'pgsql:host=x'], ['chain' => 'a.zip'], ['chain' => [1 => 'x']],
          ['sample' => 0.5], ['progress' => 'no_such_function'], ['sandbox' => '']] as $o) {
    try { Bjlg\Verify\RestoreTest::run($zip, $o); echo "no error\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
try { Bjlg\Verify\RestoreTest::run($zip, ['chain' => ["$d/missing.zip"]]); }
catch (Bjlg\Verify\VerifyException $e) { echo get_class($e), ": ", str_replace($d, 'D', $e->getMessage()), "\n"; }
bjlg_rmrf($d);
?>
--EXPECT--
passed: sandbox=passed extract=passed files=passed database=skipped cleanup=passed
3 restored files match backup-index.json (SHA-256 and size)
bool(true)
bool(true)
bool(true)
bool(false)
passed: sandbox=passed decrypt=passed extract=passed files=passed database=skipped cleanup=passed
inconclusive: sandbox=passed decrypt=inconclusive cleanup=passed
inconclusive: sandbox=inconclusive
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "with_database" must be of type bool, int given
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "dsn" must start with "mysql:"
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "chain" must be of type array, string given
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "chain" must be a list
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) contains an unknown option "sample"
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "progress" must be a valid callback
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "sandbox" must be a non-empty path without null bytes
Bjlg\Verify\IOException: no archive at D/missing.zip
