--TEST--
Bjlg\Archive\Reader::extractTo(): the progress record (phase extract, bytes, the entry's name), progress_interval, bad types and values, cancelling (CancelledException: the entry being written removed, the earlier ones kept), an exception from it, exit() from it
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('extract-progress');
$a = random_bytes(1 << 20);
$b = random_bytes(3 << 20);
$w = new Bjlg\Archive\Writer("$d/site.zip", ['threads' => 1, 'level' => 0]);
$w->addFromString('wp-content/uploads/a.bin', $a);
$w->addFromString('wp-content/uploads/b.bin', $b);
$w->close();
$r = Bjlg\Archive\Reader::open("$d/site.zip");
$declared = array_sum(array_column($r->entries(), 'size'));

// Normal use: one record shape for every long operation.
$calls = [];
$res = $r->extractTo("$d/out", ['progress_interval' => 0, 'progress' => function (array $p) use (&$calls) {
    $calls[] = $p;
    return true;
}]);
echo implode(',', array_keys($calls[0])), "\n";
echo implode(' ', array_unique(array_column($calls, 'phase'))), " | ", implode(' ', array_unique(array_column($calls, 'unit'))), " | ", implode(' ', $calls[0]['phases']), "\n";
$monotonic = true;
for ($i = 1; $i < count($calls); $i++) $monotonic = $monotonic && $calls[$i]['done'] >= $calls[$i - 1]['done'];
$last = end($calls);
var_dump(count($calls) >= 6, $monotonic, $calls[0]['done'] === 0, $last['done'] === $declared, $last['total'] === $declared,
    $res['bytes'] === $declared, in_array('wp-content/uploads/b.bin', array_column($calls, 'current'), true));
// The default interval still makes the first and the last report; an int interval is accepted.
$few = [];
$r->extractTo("$d/out2", ['progress_interval' => 3600, 'progress' => function (array $p) use (&$few) { $few[] = $p['done']; }]);
var_dump($few === [0, $declared]);

// Bad types and values.
foreach ([['progress' => 42], ['progress' => 'no_such_function'], ['progress_interval' => 'soon'], ['progress_interval' => []]] as $o) {
    try { $r->extractTo("$d/x", $o); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
foreach ([-1, -0.001, NAN] as $v) {
    try { $r->extractTo("$d/x", ['progress_interval' => $v]); } catch (ValueError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
var_dump(file_exists("$d/x"));

// Cancelled in the middle of the second entry: the first stays, nothing of the second.
try {
    $r->extractTo("$d/cancelled", ['progress_interval' => 0,
        'progress' => fn (array $p) => $p['current'] !== 'wp-content/uploads/b.bin' || $p['done'] < strlen($a) + (1 << 20)]);
    echo "not cancelled\n";
} catch (Bjlg\Archive\CancelledException $e) {
    echo get_class($e), ' [', $e->error_code, ']: ', $e->getMessage(), "\n";
    var_dump($e instanceof Bjlg\Exception, $e instanceof Bjlg\CancelledException, $e instanceof Bjlg\Archive\ArchiveException, $e->getPrevious());
}
var_dump(file_get_contents("$d/cancelled/wp-content/uploads/a.bin") === $a, scandir("$d/cancelled/wp-content/uploads"));

// Returning false at once: nothing is extracted.
try { $r->extractTo("$d/none", ['progress' => fn () => false]); } catch (Bjlg\Archive\CancelledException $e) { echo "cancelled at the start\n"; }
var_dump(glob("$d/none/*"));

try {
    $r->extractTo("$d/threw", ['progress' => function () { throw new LogicException('stop here'); }]);
} catch (Bjlg\Archive\CancelledException $e) {
    echo "caught ", get_class($e), " after ", get_class($e->getPrevious()), ": ", $e->getPrevious()->getMessage(), "\n";
}
register_shutdown_function(function () use ($d) {
    echo "shutdown\n";
    var_dump(file_exists("$d/exit/wp-content/uploads/b.bin"));
    bjlg_rmrf($d);
});
$r->extractTo("$d/exit", ['progress_interval' => 0, 'progress' => function (array $p) {
    if ($p['current'] === 'wp-content/uploads/b.bin') { echo "exiting\n"; exit(0); }
}]);
echo "not reached\n";
?>
--EXPECT--
phase,done,total,unit,current,elapsed,phase_index,phases
extract | bytes | extract
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
TypeError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress" must be a valid callback
TypeError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress" must be a valid callback
TypeError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress_interval" must be of type float, string given
TypeError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress_interval" must be of type float, array given
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress_interval" must be a non-negative number of seconds
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress_interval" must be a non-negative number of seconds
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "progress_interval" must be a non-negative number of seconds
bool(false)
Bjlg\Archive\CancelledException [cancelled]: cancelled by the progress callback
bool(true)
bool(true)
bool(true)
NULL
bool(true)
array(3) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
  [2]=>
  string(5) "a.bin"
}
cancelled at the start
array(0) {
}
caught Bjlg\Archive\CancelledException after LogicException: stop here
exiting
shutdown
bool(false)
