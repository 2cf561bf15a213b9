--TEST--
Bjlg\Remote\Purge::plan: a local folder with fulls, an incremental, an encrypted archive, the restorer's copy and foreign files under keep_last + keep_daily
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

function arch(string $prefix, string $when, string $id = '6751a2b3c4d5e12345678', string $ext = '.zip'): string
{
    return $prefix . gmdate('Y-m-d-H-i-s', strtotime("$when UTC")) . "-$id$ext";
}
function names(string $dir): array
{
    $n = array_values(array_diff(scandir($dir), ['.', '..']));
    sort($n);
    return $n;
}
function show(array $entry): void
{
    foreach (['delete', 'keep', 'foreign'] as $list) {
        foreach ($entry[$list] as $a) {
            printf("%-7s %-60s %5d %-10s %-12s %-8s %s\n", $list, $a['name'], $a['size'], $a['kind'],
                implode('+', $a['rules']), $a['time_source'] ?? 'null', $a['reason']);
        }
    }
}

$dir = sys_get_temp_dir() . '/bjlg-purge-plan-' . getmypid();
@mkdir($dir, 0700, true);
// Ten daily fulls (100..1000 bytes), an incremental on top of the last, an encrypted db backup,
// the restorer's copy, and three files that are not backup archives.
for ($d = 1; $d <= 10; $d++) {
    file_put_contents("$dir/" . arch('backup-full-', sprintf('2026-03-%02d 02:00', $d)), str_repeat('f', 100 * $d));
}
file_put_contents("$dir/" . arch('incremental-full-', '2026-03-10 14:00'), str_repeat('i', 7));
file_put_contents("$dir/" . arch('backup-db-uploads-', '2026-03-09 20:00', '6751a2b3c4d5e00000001', '.zip.enc'), str_repeat('e', 11));
file_put_contents("$dir/pre-restore-backup-2026-03-02-10-00-00.zip", str_repeat('p', 13));
file_put_contents("$dir/notes.txt", 'hello');
touch("$dir/notes.txt", 1767225600);
file_put_contents("$dir/backup-full-2026-13-01-02-00-00-6751a2b3c4d5e12345678.zip", 'bad month');
touch("$dir/backup-full-2026-13-01-02-00-00-6751a2b3c4d5e12345678.zip", 1767225600);
mkdir("$dir/sub");
$before = names($dir);

$now = strtotime('2026-03-12 12:00 UTC');
$destinations = [['name' => 'nas', 'type' => 'local', 'path' => $dir]];
$plan = Purge::plan($destinations, ['keep_last' => 2, 'keep_daily' => 4, 'timezone' => 'UTC'], ['now' => $now]);
echo json_encode(array_keys($plan)), ' version=', $plan['version'], ' planned_at=', $plan['planned_at'] === $now ? 'now' : $plan['planned_at'], "\n";
echo json_encode($plan['policy']), "\n";
$nas = $plan['destinations']['nas'];
echo json_encode(array_keys($nas)), "\n";
echo 'type=', $nas['type'], ' ok=', json_encode($nas['ok']), ' error=', json_encode($nas['error']), ' listed=', $nas['listed'], ' bytes_freed=', $nas['bytes_freed'], ' quota=', json_encode($nas['quota']), "\n";
echo json_encode($nas['counts']), ' ', json_encode($plan['totals']), "\n";
show($nas);
echo json_encode($nas['keep'][0]), "\n";
// A plan deletes nothing.
var_dump(names($dir) === $before);
// `now` as a DateTimeInterface gives the same plan.
$again = Purge::plan($destinations, ['keep_last' => 2, 'keep_daily' => 4, 'timezone' => 'UTC'], ['now' => new DateTimeImmutable('2026-03-12 12:00 UTC')]);
var_dump($again === $plan);
// The folder is left as it was.
foreach (array_diff(scandir($dir), ['.', '..', 'sub']) as $f) unlink("$dir/$f");
rmdir("$dir/sub");
rmdir($dir);
?>
--EXPECT--
["destinations","planned_at","policy","totals","version"] version=1 planned_at=now
{"keep_daily":4,"keep_last":2,"keep_monthly":0,"keep_verified":false,"keep_weekly":0,"keep_yearly":0,"lead_days":null,"max_age_days":null,"min_keep":0,"target_ratio":null,"timezone":"UTC"}
["bytes_freed","counts","delete","error","foreign","keep","listed","ok","quota","type"]
type=local ok=true error=null listed=15 bytes_freed=3013 quota=null
{"delete":8,"foreign":2,"keep":5} {"bytes_freed":3013,"delete":8,"failed_destinations":0,"foreign":2,"keep":5}
delete  backup-full-2026-03-09-02-00-00-6751a2b3c4d5e12345678.zip      900 full       no_rule      name     kept by no rule
delete  backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip      600 full       no_rule      name     kept by no rule
delete  backup-full-2026-03-05-02-00-00-6751a2b3c4d5e12345678.zip      500 full       no_rule      name     kept by no rule
delete  backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip      400 full       no_rule      name     kept by no rule
delete  backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip      300 full       no_rule      name     kept by no rule
delete  pre-restore-backup-2026-03-02-10-00-00.zip                      13 standalone no_rule      name     kept by no rule
delete  backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip      200 full       no_rule      name     kept by no rule
delete  backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip      100 full       no_rule      name     kept by no rule
keep    incremental-full-2026-03-10-14-00-00-6751a2b3c4d5e12345678.zip     7 incremental keep_last+keep_daily name     one of the last 2 archives; newest of day 2026-03-10, one of the last 4 days
keep    backup-full-2026-03-10-02-00-00-6751a2b3c4d5e12345678.zip     1000 full       keep_last    name     one of the last 2 archives
keep    backup-db-uploads-2026-03-09-20-00-00-6751a2b3c4d5e00000001.zip.enc    11 full       keep_daily   name     newest of day 2026-03-09, one of the last 4 days
keep    backup-full-2026-03-08-02-00-00-6751a2b3c4d5e12345678.zip      800 full       keep_daily   name     newest of day 2026-03-08, one of the last 4 days
keep    backup-full-2026-03-07-02-00-00-6751a2b3c4d5e12345678.zip      700 full       keep_daily   name     newest of day 2026-03-07, one of the last 4 days
foreign backup-full-2026-13-01-02-00-00-6751a2b3c4d5e12345678.zip        9 foreign    foreign      mtime    not a backup archive name: never touched
foreign notes.txt                                                        5 foreign    foreign      mtime    not a backup archive name: never touched
{"chain":"backup-full-2026-03-10-02-00-00-6751a2b3c4d5e12345678.zip","kind":"incremental","name":"incremental-full-2026-03-10-14-00-00-6751a2b3c4d5e12345678.zip","reason":"one of the last 2 archives; newest of day 2026-03-10, one of the last 4 days","rule":"keep_last","rules":["keep_last","keep_daily"],"size":7,"time":1773151200,"time_source":"name"}
bool(true)
bool(true)
