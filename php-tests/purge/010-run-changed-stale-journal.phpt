--TEST--
Bjlg\Remote\Purge::run: an archive removed by hand is already gone, a kept archive removed or resized refuses its destination, max_plan_age and future plans, a journal of another plan or not a journal
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
function arch(int $day): string
{
    return sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $day);
}
function fill(string $dir): void
{
    @mkdir($dir, 0700, true);
    foreach (glob("$dir/*") as $f) unlink($f);
    for ($d = 1; $d <= 4; $d++) file_put_contents("$dir/" . arch($d), str_repeat('x', 10 * $d));
}
function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', str_replace($GLOBALS['root'], 'DIR', $e->getMessage()), "\n";
    }
}
function summary(array $r): void
{
    echo "deleted={$r['deleted']} already_gone={$r['already_gone']} failed={$r['failed']} bytes_freed={$r['bytes_freed']}\n";
    foreach ($r['destinations'] as $name => $d) {
        echo "  $name: ", str_replace($GLOBALS['root'], 'DIR', json_encode($d, JSON_UNESCAPED_SLASHES)), "\n";
    }
    foreach ($r['events'] as $e) {
        echo "  {$e['destination']} {$e['archive']} {$e['status']}/{$e['outcome']} attempts={$e['attempts']} error_code=",
            json_encode($e['error_code']), "\n";
    }
}
$root = sys_get_temp_dir() . '/bjlg-purge-changed-' . getmypid();
$destinations = [['name' => 'a', 'type' => 'local', 'path' => "$root/a"], ['name' => 'b', 'type' => 'local', 'path' => "$root/b"]];
$policy = ['keep_last' => 2];
$now = time();

echo "-- an archive to delete removed by hand: already gone, the rest deleted\n";
fill("$root/a");
fill("$root/b");
$plan = Purge::plan($destinations, $policy, ['now' => $now]);
unlink("$root/a/" . arch(1));
summary(Purge::run($plan, ['destinations' => $destinations, 'now' => $now]));
echo implode(' ', names("$root/a")), "\n";

echo "-- a kept archive removed: that destination is refused and untouched, the other proceeds\n";
fill("$root/a");
fill("$root/b");
$plan = Purge::plan($destinations, $policy, ['now' => $now]);
unlink("$root/a/" . arch(4));
summary(Purge::run($plan, ['destinations' => $destinations, 'now' => $now]));
echo implode(' ', names("$root/a")), "\n", count(names("$root/b")), " left in b\n";

echo "-- a kept archive or an archive to delete that changed size\n";
fill("$root/a");
fill("$root/b");
$plan = Purge::plan($destinations, $policy, ['now' => $now]);
file_put_contents("$root/a/" . arch(3), 'changed');
file_put_contents("$root/b/" . arch(1), 'changed');
$r = Purge::run($plan, ['destinations' => $destinations, 'now' => $now]);
echo "deleted={$r['deleted']} failed={$r['failed']}\n  ", $r['destinations']['a']['error']['message'], "\n  ", $r['destinations']['b']['error']['message'], "\n";
echo count(names("$root/a")), ' ', count(names("$root/b")), " left\n";

echo "-- the plan's age: max_plan_age (default 3600 s) is inclusive; a plan from the future\n";
fill("$root/a");
fill("$root/b");
$plan = Purge::plan($destinations, $policy, ['now' => $now]);
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => $now + 3601]));
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => new DateTimeImmutable('@' . ($now + 601)), 'max_plan_age' => 600]));
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => $now - 301]));
echo count(names("$root/a")), " left after the refusals\n";
echo Purge::run($plan, ['destinations' => $destinations, 'now' => $now + 3600])['deleted'], " deleted at exactly max_plan_age\n";

echo "-- a journal of another plan is refused before anything is deleted\n";
fill("$root/a");
fill("$root/b");
$plan = Purge::plan($destinations, $policy, ['now' => $now]);
Purge::run(Purge::plan($destinations, $policy, ['now' => $now - 10]), ['destinations' => $destinations, 'now' => $now, 'journal' => "$root/j1"]);
fill("$root/a");
fill("$root/b");
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => $now, 'journal' => "$root/j1"]));
echo count(names("$root/a")), " left\n";
// A journal that is not one: refused too; one that cannot be written: an IOException.
file_put_contents("$root/j2", "not a journal\n");
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => $now, 'journal' => "$root/j2"]));
attempt(fn () => Purge::run($plan, ['destinations' => $destinations, 'now' => $now, 'journal' => "$root/missing/j"]));
echo count(names("$root/a")), " left\n";

foreach (['a', 'b'] as $s) {
    foreach (glob("$root/$s/*") as $f) unlink($f);
    rmdir("$root/$s");
}
foreach (glob("$root/*") as $f) unlink($f);
rmdir($root);
?>
--EXPECT--
-- an archive to delete removed by hand: already gone, the rest deleted
deleted=3 already_gone=1 failed=0 bytes_freed=50
  a: {"already_gone":1,"deleted":1,"error":null,"failed":0}
  b: {"already_gone":0,"deleted":2,"error":null,"failed":0}
  a backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip completed/already_gone attempts=0 error_code=null
  a backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1 error_code=null
  b backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1 error_code=null
  b backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1 error_code=null
backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip
-- a kept archive removed: that destination is refused and untouched, the other proceeds
deleted=2 already_gone=0 failed=2 bytes_freed=30
  a: {"already_gone":0,"deleted":0,"error":{"code":"rejected","message":"destination 'a' changed since the plan: the kept archive 'backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip' is gone; plan again"},"failed":2}
  b: {"already_gone":0,"deleted":2,"error":null,"failed":0}
  a backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip failed/refused attempts=0 error_code="rejected"
  a backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip failed/refused attempts=0 error_code="rejected"
  b backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1 error_code=null
  b backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip completed/deleted attempts=1 error_code=null
backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip
2 left in b
-- a kept archive or an archive to delete that changed size
deleted=0 failed=4
  destination 'a' changed since the plan: the kept archive 'backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip' changed size; plan again
  destination 'b' changed since the plan: 'backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip' changed size; plan again
4 4 left
-- the plan's age: max_plan_age (default 3600 s) is inclusive; a plan from the future
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is 3601 s old, more than max_plan_age (3600 s): plan again
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is 601 s old, more than max_plan_age (600 s): plan again
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan's planned_at is in the future
4 left after the refusals
4 deleted at exactly max_plan_age
-- a journal of another plan is refused before anything is deleted
Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "journal": purge journal DIR/j1 belongs to another plan: give another journal path or remove it
4 left
Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "journal": DIR/j2 is not a purge journal (a line is not a JSON object)
Bjlg\Remote\IOException: purge journal DIR/missing/j: cannot open: No such file or directory
4 left
