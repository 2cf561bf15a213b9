--TEST--
Bjlg\Verify\RestoreTest::run(): the progress record (phases declared up front, in order), a bad type, cancelling (CancelledException, sandbox removed, no report or history written), an exception from it, exit() from it
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
echo implode(' ', $calls[0]['phases']), "\n";
$ok = true;
foreach ($calls as $i => $c) {
    $ok = $ok && is_int($c['done']) && $c['done'] <= $c['total'] && is_string($c['current']) && is_float($c['elapsed'])
        && $c['phases'][$c['phase_index']] === $c['phase']
        && ($i === 0 || $c['phase_index'] > $calls[$i - 1]['phase_index'] || $c['done'] >= $calls[$i - 1]['done']);
}
var_dump($ok, $calls[0]['current'] === 'backup.zip.bjlg', $calls[0]['unit']);

foreach (['decrypt', 'extract', 'files'] as $phase) {
    try {
        Bjlg\Verify\RestoreTest::run("$zip.bjlg", $o + ['progress' => fn (array $p) => $p['phase'] !== $phase,
            'report' => "$d/report.json", 'html' => "$d/report.html", 'history' => "$d/history.jsonl"]);
        echo "$phase: not cancelled\n";
    } catch (Bjlg\Verify\CancelledException $e) {
        echo "$phase: ", get_class($e), ' [', $e->error_code, ']: ', $e->getMessage(), "\n";
        var_dump($e instanceof Bjlg\Exception, $e instanceof Bjlg\Verify\VerifyException);
    }
}
var_dump(file_exists("$d/report.json"), file_exists("$d/report.html"), file_exists("$d/history.jsonl"));
var_dump(scandir("$d/boxes") === ['.', '..']);

try {
    Bjlg\Verify\RestoreTest::run($zip, $o + ['progress' => 42]);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    Bjlg\Verify\RestoreTest::run($zip, $o + ['progress' => function () { throw new LogicException('stop here'); }]);
} catch (Bjlg\Verify\CancelledException $e) {
    echo "caught ", get_class($e), " after ", get_class($e->getPrevious()), ": ", $e->getPrevious()->getMessage(), "\n";
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
phase,done,total,unit,current,elapsed,phase_index,phases
decrypt extract files
decrypt extract files
bool(true)
bool(true)
string(5) "bytes"
decrypt: Bjlg\Verify\CancelledException [cancelled]: cancelled by the progress callback
bool(true)
bool(true)
extract: Bjlg\Verify\CancelledException [cancelled]: cancelled by the progress callback
bool(true)
bool(true)
files: Bjlg\Verify\CancelledException [cancelled]: cancelled by the progress callback
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "progress" must be a valid callback
caught Bjlg\Verify\CancelledException after LogicException: stop here
bool(true)
exiting
shutdown
