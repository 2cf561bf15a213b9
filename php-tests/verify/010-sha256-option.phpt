--TEST--
Bjlg\Verify\Verifier::verify(): the sha256 option (the archive's SHA-256, on by default), its type, and RestoreTest refusing it
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify-sha256');
$zip = bjlg_backup($d, bjlg_dump(10));
$r = Bjlg\Verify\Verifier::verify($zip);
var_dump($r['sha256'] === hash_file('sha256', $zip));
$r = Bjlg\Verify\Verifier::verify($zip, ['sha256' => false]);
echo bjlg_statuses($r), "\n";
var_dump(array_key_exists('sha256', $r));
var_dump(Bjlg\Verify\Verifier::verify($zip, ['sha256' => true])['sha256'] === hash_file('sha256', $zip));
foreach ([fn () => Bjlg\Verify\Verifier::verify($zip, ['sha256' => 1]),
          fn () => Bjlg\Verify\RestoreTest::run($zip, ['sha256' => false])] as $f) {
    try { $f(); echo "no error\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
bjlg_rmrf($d);
?>
--EXPECT--
bool(true)
passed: zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=passed
bool(false)
bool(true)
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "sha256" must be of type bool, int given
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) contains an unknown option "sha256"
