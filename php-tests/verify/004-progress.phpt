--TEST--
Bjlg\Verify\Verifier::verify(): the progress record, cancelling (CancelledException), an exception from it (CancelledException, the exception as previous), exit() from it
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify-progress');
bjlg_put("$d/big/a.bin", random_bytes(20 << 20));
$w = new Bjlg\Archive\Writer("$d/big.zip", ['threads' => 1, 'level' => 0]);
$w->addDirectory("$d/big", 'wp-content/uploads');
$w->close();

$calls = [];
$r = Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => function (array $p) use (&$calls) {
    $calls[] = $p;
    return true;
}]);
echo $r['status'], " ", count($calls) >= 2 ? "several calls" : "few calls", "\n";
echo implode(',', array_keys($calls[0])), "\n";
$last = end($calls);
var_dump($last['done'] === $last['total'], $last['total'] === filesize("$d/big.zip"), $last['phase'], $last['unit'], $last['phases']);
$monotonic = true;
for ($i = 1; $i < count($calls); $i++) $monotonic = $monotonic && $calls[$i]['done'] >= $calls[$i - 1]['done'];
var_dump($monotonic);

try {
    Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => fn() => false, 'report' => "$d/r.json"]);
} catch (Bjlg\CancelledException $e) {
    echo get_class($e), ' [', $e->error_code, ']: ', $e->getMessage(), "\n";
    var_dump($e instanceof Bjlg\Verify\VerifyException, $e->getPrevious(), file_exists("$d/r.json"));
}

try {
    Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => function () { throw new LogicException('stop here'); }]);
} catch (Bjlg\Verify\CancelledException $e) {
    echo "caught ", get_class($e), " after ", get_class($e->getPrevious()), ": ", $e->getPrevious()->getMessage(), "\n";
}
register_shutdown_function(function () use ($d) { echo "shutdown\n"; bjlg_rmrf($d); });
Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => function () { echo "exiting\n"; exit(0); }]);
echo "not reached\n";
?>
--EXPECT--
passed several calls
phase,done,total,unit,current,elapsed,phase_index,phases
bool(true)
bool(true)
string(4) "read"
string(5) "bytes"
array(1) {
  [0]=>
  string(4) "read"
}
bool(true)
Bjlg\Verify\CancelledException [cancelled]: cancelled by the progress callback
bool(true)
NULL
bool(false)
caught Bjlg\Verify\CancelledException after LogicException: stop here
exiting
shutdown
