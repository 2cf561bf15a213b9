--TEST--
Bjlg\Archive\Writer: progress reports, cancellation by returning false or throwing, no re-entry
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('progress');
for ($i = 0; $i < 30; $i++) bjlg_put("$d/src/f$i.txt", str_repeat("line $i\n", 1500));
mkdir("$d/out");

// Reports: the one progress record; done never exceeds total nor goes back, the last report is complete.
$reports = [];
$w = new Bjlg\Archive\Writer("$d/out/ok.zip", ['progress_interval' => 0, 'chunk_size' => 65536, 'progress' => function (array $p) use (&$reports) {
    $reports[] = $p;
}]);
$w->addDirectory("$d/src", 'wp-content/uploads');
$w->close();
var_dump(bjlg_external_check("$d/out/ok.zip"));
$last = end($reports);
var_dump(count($reports) > 2, array_keys($last));
var_dump($last['phase'] === 'archive' && $last['unit'] === 'bytes' && $last['phases'] === ['archive']
    && $last['done'] === 30 * 1500 * 7 + 20 * 1500 && $last['done'] === $last['total'] && $last['current'] !== '');
$sane = true;
$previous = 0;
foreach ($reports as $p) {
    $sane = $sane && $p['done'] <= $p['total'] && $p['done'] >= $previous && $p['elapsed'] >= 0;
    $previous = $p['done'];
}
var_dump($sane);
unlink("$d/out/ok.zip");

// Returning false cancels: CancelledException, nothing left in the folder.
$w = new Bjlg\Archive\Writer("$d/out/a.zip", ['progress' => fn($p) => $p['done'] < 20000]);
try { $w->addDirectory("$d/src"); } catch (Bjlg\Archive\CancelledException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
var_dump($e instanceof Bjlg\Archive\ArchiveException, $e instanceof Bjlg\Exception);
var_dump(scandir("$d/out"));
try { $w->close(); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }

// An exception from the callback cancels too: it is the CancelledException's previous.
$w = new Bjlg\Archive\Writer("$d/out/b.zip", ['progress' => function () { throw new RuntimeException('stop now'); }]);
try { $w->addDirectory("$d/src"); } catch (Throwable $e) { echo get_class($e), ' after ', get_class($e->getPrevious()), ': ', $e->getPrevious()->getMessage(), "\n"; }
var_dump(scandir("$d/out"));

// The callback may not use the writer it reports on.
$w = new Bjlg\Archive\Writer("$d/out/c.zip", ['progress' => function () use (&$w) { $w->addFromString('x', 'y'); }]);
try { $w->addDirectory("$d/src"); } catch (Throwable $e) { echo get_class($e), ' after ', get_class($e->getPrevious()), ': ', $e->getPrevious()->getMessage(), "\n"; }
var_dump(scandir("$d/out"));

// Destroying an unclosed writer removes its temporary file.
$w = new Bjlg\Archive\Writer("$d/out/d.zip");
$w->addFromString('a.txt', 'a');
var_dump(count(scandir("$d/out")));
unset($w);
var_dump(scandir("$d/out"));
bjlg_rmrf($d);
?>
--EXPECT--
string(2) "ok"
bool(true)
array(8) {
  [0]=>
  string(5) "phase"
  [1]=>
  string(4) "done"
  [2]=>
  string(5) "total"
  [3]=>
  string(4) "unit"
  [4]=>
  string(7) "current"
  [5]=>
  string(7) "elapsed"
  [6]=>
  string(11) "phase_index"
  [7]=>
  string(6) "phases"
}
bool(true)
bool(true)
Bjlg\Archive\CancelledException: cancelled by the progress callback
bool(true)
bool(true)
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
Error: Bjlg\Archive\Writer is closed
Bjlg\Archive\CancelledException after RuntimeException: stop now
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
Bjlg\Archive\CancelledException after Error: Bjlg\Archive\Writer cannot be used from its own progress callback
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
int(3)
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
