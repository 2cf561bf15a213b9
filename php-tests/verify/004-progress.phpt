--TEST--
Bjlg\Verify\Verifier::verify(): the progress callback, cancelling (inconclusive), an exception from it, exit() from it
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
var_dump($last['bytes_done'] === $last['bytes_total']);

$r = Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => fn() => false]);
echo bjlg_statuses($r), "\n";

try {
    Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => function () { throw new LogicException('stop here'); }]);
} catch (LogicException $e) {
    echo "caught: ", $e->getMessage(), "\n";
}
register_shutdown_function(function () use ($d) { echo "shutdown\n"; bjlg_rmrf($d); });
Bjlg\Verify\Verifier::verify("$d/big.zip", ['progress' => function () { echo "exiting\n"; exit(0); }]);
echo "not reached\n";
?>
--EXPECT--
passed several calls
bytes_done,bytes_total,entries_done,current
bool(true)
inconclusive: zip_structure=inconclusive entry_names=passed entry_data=skipped index=skipped manifest=skipped database=skipped
caught: stop here
exiting
shutdown
