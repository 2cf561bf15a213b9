--TEST--
Bjlg\Remote\Purge::run: deletes exactly the plan's delete list on two local folders, events (shape, statuses, times on the clock), a second run finds them already gone, an empty plan
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

function names(string $dir): array
{
    $n = array_values(array_diff(scandir($dir), ['.', '..']));
    sort($n);
    return $n;
}
$root = sys_get_temp_dir() . '/bjlg-purge-run-' . getmypid();
@mkdir("$root/a", 0700, true);
@mkdir("$root/b", 0700, true);
for ($d = 1; $d <= 6; $d++) {
    file_put_contents("$root/a/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $d), str_repeat('a', $d));
}
file_put_contents("$root/a/notes.txt", 'keep me');
foreach (['2026-01-01', '2026-02-01', '2026-03-01'] as $day) {
    file_put_contents("$root/b/pre-restore-backup-$day-10-00-00.zip", str_repeat('b', 100));
}
$destinations = [['name' => 'a', 'type' => 'local', 'path' => "$root/a"], ['name' => 'b', 'type' => 'local', 'path' => "$root/b"]];
$t0 = time();
$plan = Purge::plan($destinations, ['keep_last' => 2], ['now' => $t0]);
$planned = [];
foreach ($plan['destinations'] as $name => $d) {
    foreach ($d['delete'] as $a) $planned[] = "$name/{$a['name']}";
}
sort($planned);
echo implode("\n", $planned), "\n";

$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0, 'parallel' => 2]);
$t1 = time();
echo json_encode(array_keys($r)), "\n";
echo 'deleted=', $r['deleted'], ' already_gone=', $r['already_gone'], ' failed=', $r['failed'], ' bytes_freed=', $r['bytes_freed'],
    ' journal=', json_encode($r['journal']), ' plan_id=', preg_match('/^[0-9a-f]{32}$/', $r['plan_id']) ? 'hex32' : $r['plan_id'], "\n";
echo json_encode($r['destinations']), "\n";
// Exactly the plan's delete list is gone; the kept archives and the foreign file are there.
echo implode(' ', names("$root/a")), "\n", implode(' ', names("$root/b")), "\n";
$gone = [];
foreach ($planned as $p) if (!file_exists("$root/$p")) $gone[] = $p;
var_dump($gone === $planned);

// One event per archive to delete, on the clock.
$keys = ['archive', 'attempts', 'bytes', 'destination', 'duration_ms', 'error_code', 'finished_at', 'message', 'outcome',
         'queued_at', 'started_at', 'status'];
$seen = [];
foreach ($r['events'] as $e) {
    $k = array_keys($e);
    sort($k);
    $timed = $e['queued_at'] >= $t0 && $e['queued_at'] <= $e['started_at'] && $e['started_at'] <= $e['finished_at']
        && $e['finished_at'] <= $t1 && is_int($e['duration_ms']) && $e['duration_ms'] >= 0;
    printf("%s %s/%s bytes=%d attempts=%d %s/%s error=%s timed=%s\n", $k === $keys ? 'shape-ok' : json_encode($k),
        $e['destination'], $e['archive'], $e['bytes'], $e['attempts'], $e['status'], $e['outcome'],
        json_encode([$e['error_code'], $e['message']]), $timed ? 'yes' : json_encode($e));
    $seen[] = "{$e['destination']}/{$e['archive']}";
}
sort($seen);
var_dump($seen === $planned);

// The same plan again: everything it deletes is already gone, which counts as done.
$again = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0 + 60]);
echo 'deleted=', $again['deleted'], ' already_gone=', $again['already_gone'], ' failed=', $again['failed'], ' bytes_freed=', $again['bytes_freed'],
    ' same plan_id=', json_encode($again['plan_id'] === $r['plan_id']), "\n";
foreach ($again['events'] as $e) {
    echo "{$e['destination']}/{$e['archive']} {$e['status']}/{$e['outcome']} attempts={$e['attempts']} started_at=", json_encode($e['started_at']), "\n";
}
echo implode(' ', names("$root/a")), "\n";

// A plan with nothing to delete runs to an empty result.
$nothing = Purge::plan($destinations, [], ['now' => $t0]);
$r = Purge::run($nothing, ['destinations' => $destinations, 'now' => $t0]);
echo json_encode($r['events']), ' ', $r['deleted'], ' ', json_encode($r['destinations']), "\n";

foreach (['a', 'b'] as $s) {
    foreach (glob("$root/$s/*") as $f) unlink($f);
    rmdir("$root/$s");
}
rmdir($root);
?>
--EXPECT--
a/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip
a/backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip
a/backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip
a/backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip
b/pre-restore-backup-2026-01-01-10-00-00.zip
["already_gone","bytes_freed","deleted","destinations","events","failed","journal","plan_id"]
deleted=5 already_gone=0 failed=0 bytes_freed=110 journal=null plan_id=hex32
{"a":{"already_gone":0,"deleted":4,"error":null,"failed":0},"b":{"already_gone":0,"deleted":1,"error":null,"failed":0}}
backup-full-2026-03-05-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip notes.txt
pre-restore-backup-2026-02-01-10-00-00.zip pre-restore-backup-2026-03-01-10-00-00.zip
bool(true)
shape-ok a/backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip bytes=4 attempts=1 completed/deleted error=[null,null] timed=yes
shape-ok a/backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip bytes=3 attempts=1 completed/deleted error=[null,null] timed=yes
shape-ok a/backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip bytes=2 attempts=1 completed/deleted error=[null,null] timed=yes
shape-ok a/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip bytes=1 attempts=1 completed/deleted error=[null,null] timed=yes
shape-ok b/pre-restore-backup-2026-01-01-10-00-00.zip bytes=100 attempts=1 completed/deleted error=[null,null] timed=yes
bool(true)
deleted=0 already_gone=5 failed=0 bytes_freed=0 same plan_id=true
a/backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip completed/already_gone attempts=0 started_at=null
a/backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip completed/already_gone attempts=0 started_at=null
a/backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip completed/already_gone attempts=0 started_at=null
a/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip completed/already_gone attempts=0 started_at=null
b/pre-restore-backup-2026-01-01-10-00-00.zip completed/already_gone attempts=0 started_at=null
backup-full-2026-03-05-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip notes.txt
[] 0 []
