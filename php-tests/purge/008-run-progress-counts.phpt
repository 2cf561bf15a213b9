--TEST--
Bjlg\Remote\Purge::run: one progress call per deletion after the list phase, per-destination counts with a journal and with a refused destination, event times on the clock
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

$root = sys_get_temp_dir() . '/bjlg-purge-progress-' . getmypid();
function fill(string $root): void
{
    foreach (['a' => 4, 'b' => 3] as $s => $n) {
        @mkdir("$root/$s", 0700, true);
        for ($d = 1; $d <= $n; $d++) {
            file_put_contents("$root/$s/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $d), str_repeat('x', $d));
        }
    }
}
fill($root);
$destinations = [['name' => 'a', 'type' => 'local', 'path' => "$root/a"], ['name' => 'b', 'type' => 'local', 'path' => "$root/b"]];
$t0 = time();
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $t0]);
$expected = [];
foreach ($plan['destinations'] as $name => $d) {
    foreach ($d['delete'] as $a) $expected[] = "$name: {$a['name']}";
}
sort($expected);

// One progress call per deletion (no rate limit), after the listing phase; both phases declared.
$calls = [];
$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0, 'parallel' => 1,
                        'progress' => function (array $p) use (&$calls) { $calls[] = $p; }]);
echo json_encode(array_keys($calls[0])), ' ', json_encode($calls[0]['phases']), "\n";
$purge = [];
foreach ($calls as $p) {
    if ($p['phase'] === 'list') {
        echo "list {$p['done']}/{$p['total']} {$p['unit']} index={$p['phase_index']}\n";
    } else {
        $purge[] = $p;
    }
}
echo 'purge calls: ', count($purge), ' for ', $r['deleted'], " deletions\n";
echo 'done: ', implode(' ', array_column($purge, 'done')), ' of ', implode(' ', array_unique(array_column($purge, 'total'))),
    ' ', implode(' ', array_unique(array_column($purge, 'unit'))), ' index=', implode(' ', array_unique(array_column($purge, 'phase_index'))), "\n";
$current = array_values(array_filter(array_column($purge, 'current')));
sort($current);
var_dump($current === $expected);

// Per destination, deletions a journal already records and archives refused count as well.
fill($root);
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $t0]);
$journal = "$root/journal.jsonl";
$first = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0, 'journal' => $journal]);
$second = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0, 'journal' => $journal]);
foreach ([$first, $second] as $r) {
    echo "deleted={$r['deleted']} already_gone={$r['already_gone']} failed={$r['failed']} bytes_freed={$r['bytes_freed']} ", json_encode($r['destinations']), "\n";
}
fill($root);
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $t0]);
unlink("$root/b/backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip");
$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $t0]);
echo "deleted={$r['deleted']} failed={$r['failed']} b: deleted={$r['destinations']['b']['deleted']} failed={$r['destinations']['b']['failed']}\n";

// Events are measured on the clock, whatever `now` says.
fill($root);
$past = strtotime('2026-03-12 12:00 UTC');
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $past]);
$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $past + 10]);
$t1 = time();
$clock = true;
foreach ($r['events'] as $e) $clock = $clock && $e['queued_at'] >= $t0 && $e['queued_at'] <= $t1;
var_dump($clock);

foreach (['a', 'b'] as $s) {
    foreach (glob("$root/$s/*") as $f) unlink($f);
    rmdir("$root/$s");
}
unlink($journal);
rmdir($root);
?>
--EXPECT--
["phase","done","total","unit","current","elapsed","phase_index","phases"] ["list","purge"]
list 0/2 destinations index=0
list 2/2 destinations index=0
purge calls: 6 for 5 deletions
done: 0 1 2 3 4 5 of 5 archives index=1
bool(true)
deleted=5 already_gone=0 failed=0 bytes_freed=9 {"a":{"already_gone":0,"deleted":3,"error":null,"failed":0},"b":{"already_gone":0,"deleted":2,"error":null,"failed":0}}
deleted=5 already_gone=0 failed=0 bytes_freed=9 {"a":{"already_gone":0,"deleted":3,"error":null,"failed":0},"b":{"already_gone":0,"deleted":2,"error":null,"failed":0}}
deleted=3 failed=2 b: deleted=0 failed=2
bool(true)
