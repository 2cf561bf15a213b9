--TEST--
Bjlg\Remote\Purge::run: a progress callable returning false cancels (CancelledException), the same plan and journal resume and finish with each archive in one done line, a throwing callable cancels
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;
use Bjlg\Remote\CancelledException;

function names(string $dir): array
{
    $n = array_values(array_diff(scandir($dir), ['.', '..']));
    sort($n);
    return $n;
}
$root = sys_get_temp_dir() . '/bjlg-purge-cancel-' . getmypid();
@mkdir("$root/nas", 0700, true);
for ($d = 1; $d <= 6; $d++) {
    file_put_contents("$root/nas/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $d), str_repeat('x', $d));
}
$destinations = [['name' => 'nas', 'type' => 'local', 'path' => "$root/nas"]];
$now = time();
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $now]);
$journal = "$root/purge.journal";

// Cancelled in the list phase: nothing deleted, nothing journalled as done.
try {
    Purge::run($plan, ['destinations' => $destinations, 'now' => $now, 'journal' => "$root/early.journal",
                       'progress' => fn () => false]);
    echo "no exception\n";
} catch (CancelledException $e) {
    echo get_class($e), ' [', $e->error_code, ']: ', str_replace($root, 'DIR', $e->getMessage()), "\n";
}
echo count(names("$root/nas")), " archives left\n";

// Cancelled after the second deletion: a CancelledException (a Bjlg\Exception, a RemoteException).
$calls = 0;
try {
    Purge::run($plan, ['destinations' => $destinations, 'now' => $now, 'journal' => $journal, 'parallel' => 1,
                       'progress' => function (array $p) use (&$calls) {
                           $calls++;
                           return !($p['phase'] === 'purge' && $p['done'] >= 2);
                       }]);
    echo "no exception\n";
} catch (CancelledException $e) {
    echo get_class($e), ' [', $e->error_code, ']: ', str_replace($root, 'DIR', $e->getMessage()), "\n";
    var_dump($e instanceof Bjlg\Exception, $e instanceof Bjlg\Remote\RemoteException);
}
echo implode("\n", names("$root/nas")), "\n";
$lines = array_map(fn ($l) => json_decode($l, true), file($journal, FILE_IGNORE_NEW_LINES));
echo json_encode(array_keys($lines[0])), ' ', count(array_filter($lines, fn ($l) => isset($l['done']))), " done lines\n";

// The same plan and journal again: it finishes, counting what the journal says was deleted.
$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $now + 5, 'journal' => $journal]);
echo "deleted={$r['deleted']} already_gone={$r['already_gone']} failed={$r['failed']} bytes_freed={$r['bytes_freed']} journal=",
    str_replace($root, 'DIR', $r['journal']), ' same plan=', json_encode($r['plan_id'] === $lines[0]['plan']), "\n";
foreach ($r['events'] as $e) echo "{$e['archive']} {$e['status']}/{$e['outcome']} attempts={$e['attempts']}\n";
echo implode("\n", names("$root/nas")), "\n";
// Every archive of the plan is in exactly one `done` line of the journal, and nothing else is.
$done = [];
foreach (file($journal, FILE_IGNORE_NEW_LINES) as $line) {
    $l = json_decode($line, true);
    if (isset($l['done'])) {
        $done[$l['archive']] = ($done[$l['archive']] ?? 0) + 1;
        if ($l['done'] !== 'nas' || $l['outcome'] !== 'deleted') echo 'odd line: ', $line, "\n";
    }
}
ksort($done);
$planned = array_column($plan['destinations']['nas']['delete'], 'name');
sort($planned);
var_dump(array_keys($done) === $planned, array_unique(array_values($done)) === [1]);

// A progress callable that throws: cancelled, with its exception as the previous one, nothing deleted.
file_put_contents("$root/nas/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip", 'x');
$plan = Purge::plan($destinations, ['keep_last' => 1], ['now' => $now]);
try {
    Purge::run($plan, ['destinations' => $destinations, 'now' => $now,
                       'progress' => function (array $p) { if ($p['phase'] === 'purge') throw new RuntimeException('stop here'); }]);
    echo "no exception\n";
} catch (CancelledException $e) {
    echo get_class($e), ' <- ', get_class($e->getPrevious()), ': ', $e->getPrevious()->getMessage(), "\n";
}
echo count(names("$root/nas")), " archives left\n";

foreach (glob("$root/nas/*") as $f) unlink($f);
rmdir("$root/nas");
foreach (glob("$root/*") as $f) unlink($f);
rmdir($root);
?>
--EXPECT--
Bjlg\Remote\CancelledException [cancelled]: purge cancelled
6 archives left
Bjlg\Remote\CancelledException [cancelled]: purge cancelled after 2 deletions; the journal DIR/purge.journal lets a later run resume
bool(true)
bool(true)
backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip
backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip
backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip
backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip
["plan"] 2 done lines
deleted=5 already_gone=0 failed=0 bytes_freed=15 journal=DIR/purge.journal same plan=true
backup-full-2026-03-05-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=0
backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=0
backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1
backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1
backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1
backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip
bool(true)
bool(true)
Bjlg\Remote\CancelledException <- RuntimeException: stop here
2 archives left
