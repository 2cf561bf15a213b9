--TEST--
Bjlg\Watch\Journal: append, changes, stats, compact; numbers continue after compaction
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Watch\Journal;

$dir = sys_get_temp_dir() . '/bjlg-watch-phpt-' . getmypid();
@mkdir($dir);
$path = "$dir/journal";
@unlink($path);

$j = Journal::open($path);
var_dump($j->append(['type' => 'modified', 'path' => 'wp-content/uploads/a.jpg']));
var_dump($j->append(['type' => 'post_saved', 'tables' => ['wp_posts', 'wp_postmeta'], 'id' => 42, 'status' => 'publish']));
var_dump($j->append(['type' => 'moved', 'from' => 'wp-content/plugins/a', 'path' => 'wp-content/plugins/b']));
var_dump($j->append(['type' => 'modified', 'path' => 'wp-content/uploads/a.jpg']));
printf("mode %o\n", fileperms($path) & 0777);

$c = $j->changes(0);
echo count($c), ' ', $c[1]['seq'], ' ', json_encode($c[1]['event']), "\n";
var_dump(is_int($c[0]['at_ms']) && abs($c[0]['at_ms'] / 1000 - time()) < 60);
echo json_encode(array_column($j->changes(2), 'seq')), ' ', json_encode(array_column($j->changes(0, 2), 'seq')), "\n";
echo json_encode($j->stats(1)), "\n";

// Another handle on the same file sees the same numbers.
$k = Journal::open($path);
var_dump($k->append(['type' => 'deleted', 'path' => 'x.txt']));

$r = $j->compact(0);  // 1 is superseded by 4 (same path)
echo $r['kept'], ' ', $r['dropped'], ' ', $r['base'], ' ', $r['bytes_after'] < $r['bytes_before'] ? 'smaller' : 'bigger', "\n";
echo json_encode(array_column($j->changes(0), 'seq')), "\n";
var_dump($k->append(['type' => 'created', 'path' => 'y.txt']));
$j->compact(PHP_INT_MAX);
echo json_encode($j->stats()), "\n";
var_dump($j->append(['type' => 'created', 'path' => 'z.txt']));

unlink($path);
rmdir($dir);
?>
--EXPECT--
int(1)
int(2)
int(3)
int(4)
mode 600
4 2 {"id":42,"status":"publish","tables":["wp_posts","wp_postmeta"],"type":"post_saved"}
bool(true)
[3,4] [1,2]
{"last_seq":4,"damaged":0,"torn_tail":false,"pending":3}
int(5)
4 1 5 smaller
[2,3,4,5]
int(6)
{"last_seq":6,"damaged":0,"torn_tail":false,"pending":0}
int(7)
