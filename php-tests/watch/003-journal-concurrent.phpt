--TEST--
Bjlg\Watch\Journal: 8 PHP processes appending at once: every event present once, in one total order
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Watch\Journal;

$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
$dir = sys_get_temp_dir() . '/bjlg-watch-phpt-conc-' . getmypid();
@mkdir($dir);
$path = "$dir/journal";
// Under valgrind (run-phpt.sh --valgrind turns the Zend allocator off) everything is ~30x slower.
$per = getenv('USE_ZEND_ALLOC') === '0' ? 20 : 150;
$child = <<<'PHP'
$j = Bjlg\Watch\Journal::open($argv[1]);
$seqs = [];
for ($i = 0; $i < (int) $argv[3]; $i++) {
    $seqs[] = $j->append(['type' => 'post_saved', 'tables' => ['wp_posts'], 'writer' => (int) $argv[2], 'n' => $i]);
}
echo json_encode($seqs);
PHP;
$procs = [];
for ($p = 0; $p < 8; $p++) {
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so', '-r', $child, '--', $path, (string) $p, (string) $per];
    $procs[$p] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$p]);
}
$returned = [];
foreach ($procs as $p => $proc) {
    $out = stream_get_contents($pipes[$p][1]);
    $err = stream_get_contents($pipes[$p][2]);
    fclose($pipes[$p][1]);
    fclose($pipes[$p][2]);
    $rc = proc_close($proc);
    if ($rc !== 0) {
        echo "writer $p failed ($rc): $err\n";
    }
    $returned[$p] = json_decode($out, true);
}

$all = Journal::open($path)->changes(0);
var_dump(count($all) === 8 * $per);
// One total order: numbers 1..N in file order, without gap or repetition.
var_dump(array_column($all, 'seq') === range(1, 8 * $per));
// Every event once.
$keys = array_map(fn ($r) => $r['event']['writer'] . '/' . $r['event']['n'], $all);
var_dump(count(array_unique($keys)) === 8 * $per);
// Each writer's events in its own order, and the numbers append() returned are the file's.
$ok = true;
foreach ($all as $r) {
    $ok = $ok && $returned[$r['event']['writer']][$r['event']['n']] === $r['seq'];
}
var_dump($ok);
unlink($path);
rmdir($dir);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
