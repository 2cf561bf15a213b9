--TEST--
Bjlg\Verify\RestoreTest::run(): the progress callback (phases in order), a bad type, cancelling (inconclusive, sandbox removed), an exception from it, exit() from it
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('restore-progress');
mkdir("$d/boxes");
$zip = bjlg_backup($d, bjlg_dump(20));
$key = Bjlg\Crypto\Key::generate();
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.bjlg", $key);
$o = ['sandbox' => "$d/boxes", 'key' => $key];

$calls = [];
$r = Bjlg\Verify\RestoreTest::run("$zip.bjlg", $o + ['progress' => function (array $p) use (&$calls) {
    $calls[] = $p;
    return true;
}]);
echo bjlg_statuses($r), "\n";
echo implode(',', array_keys($calls[0])), "\n";
echo implode(' ', array_unique(array_column($calls, 'phase'))), "\n";
$ok = true;
foreach ($calls as $c) $ok = $ok && is_int($c['done']) && $c['done'] <= $c['total'] && is_string($c['current']);
var_dump($ok, $calls[0]['current'] === 'backup.zip.bjlg');

foreach (['decrypt', 'extract', 'files'] as $phase) {
    $r = Bjlg\Verify\RestoreTest::run("$zip.bjlg", $o + ['progress' => fn (array $p) => $p['phase'] !== $phase]);
    echo bjlg_statuses($r), " | ", bjlg_check($r, $phase)['message'], "\n";
}
var_dump(scandir("$d/boxes") === ['.', '..']);

try {
    Bjlg\Verify\RestoreTest::run($zip, $o + ['progress' => 42]);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    Bjlg\Verify\RestoreTest::run($zip, $o + ['progress' => function () { throw new LogicException('stop here'); }]);
} catch (LogicException $e) {
    echo "caught: ", $e->getMessage(), "\n";
}
var_dump(scandir("$d/boxes") === ['.', '..']);
register_shutdown_function(function () use ($d) {
    echo "shutdown\n";
    bjlg_rmrf($d);
});
Bjlg\Verify\RestoreTest::run($zip, $o + ['progress' => function () { echo "exiting\n"; exit(0); }]);
echo "not reached\n";
?>
--EXPECT--
passed: sandbox=passed decrypt=passed extract=passed files=passed database=skipped cleanup=passed
phase,done,total,current
decrypt extract files
bool(true)
bool(true)
inconclusive: sandbox=passed decrypt=inconclusive cleanup=passed | cancelled by the progress callback
inconclusive: sandbox=passed decrypt=passed extract=inconclusive cleanup=passed | cancelled by the progress callback
inconclusive: sandbox=passed decrypt=passed extract=passed files=inconclusive cleanup=passed | cancelled by the progress callback
bool(true)
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "progress" must be a valid callback
caught: stop here
bool(true)
exiting
shutdown
