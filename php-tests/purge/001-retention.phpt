--TEST--
Bjlg\Remote\Retention::evaluate: GFS rules, chains, foreign files, verified, min_keep, reasons in English and French
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Retention;

function name(string $prefix, string $when): string
{
    return $prefix . gmdate('Y-m-d-H-i-s', strtotime($when . ' UTC')) . '-6751a2b3c4d5e12345678.zip';
}
function show(array $r): void
{
    foreach (['keep', 'delete', 'foreign'] as $list) {
        foreach ($r[$list] as $a) {
            printf("%-7s %-52s %-12s %s\n", $list, $a['name'], $a['rule'], $a['reason']);
        }
    }
    echo 'bytes_freed=', $r['bytes_freed'], ' counts=', json_encode($r['counts']), "\n";
}

// 40 daily fulls in March-April 2026, a chain of incrementals, the restorer's copy, foreign files.
$archives = [];
for ($d = 0; $d < 40; $d++) {
    $archives[] = ['name' => name('backup-full-', "2026-03-01 02:00 +$d days"), 'size' => 1000];
}
$now = strtotime('2026-04-10 12:00 UTC');
$r = Retention::evaluate($archives, ['keep_daily' => 3, 'keep_weekly' => 2, 'keep_monthly' => 2], ['now' => $now]);
echo count($r['keep']), ' kept, ', count($r['delete']), " deleted\n";
foreach ($r['keep'] as $a) echo $a['name'], ' ', implode('+', $a['rules']), "\n";
echo $r['delete'][0]['rule'], ' ', $r['bytes_freed'], ' ', $r['policy']['timezone'], "\n";

// A chain: keeping the newest incremental keeps its full and the incrementals before it.
$chain = [
    ['name' => name('backup-full-', '2026-03-01 02:00'), 'size' => 5000],
    ['name' => name('incremental-full-', '2026-03-02 02:00'), 'size' => 10],
    ['name' => name('incremental-db-', '2026-03-03 02:00'), 'size' => 20],
    ['name' => name('backup-full-', '2026-02-01 02:00'), 'size' => 4000, 'verified' => true],
    ['name' => name('backup-full-', '2026-01-01 02:00'), 'size' => 4000],
    ['name' => 'notes.txt', 'size' => 3, 'mtime' => 1700000000],
    ['name' => 'restore_5f0e1d2c_site.zip', 'size' => 3, 'mtime' => '2026-03-03T00:00:00+00:00'],
    ['name' => 'pre-restore-backup-2026-01-15-10-00-00-2.zip', 'size' => 7],
];
show(Retention::evaluate($chain, ['keep_last' => 1, 'keep_verified' => true], ['now' => $now]));
show(Retention::evaluate($chain, ['max_age_days' => 60, 'min_keep' => 2], ['now' => $now, 'lang' => 'fr']));

// The entry shape, and the empty policy that deletes nothing.
$e = Retention::evaluate($chain, [], ['now' => $now]);
echo json_encode($e['keep'][0]), "\n";
echo json_encode($e['foreign'][0]), "\n";
echo count($e['delete']), ' ', $e['keep'][0]['rule'], "\n";
var_dump(Retention::evaluate([], ['keep_last' => 1])['counts']);

// Weeks are the policy zone's: in Paris 22:30Z on 29 March 2026 is Monday (DST began that day).
$dst = [['name' => name('backup-full-', '2026-03-29 22:30')], ['name' => name('backup-full-', '2026-03-29 21:30')]];
foreach (['Europe/Paris', 'UTC'] as $tz) {
    $w = Retention::evaluate($dst, ['keep_weekly' => 2, 'timezone' => $tz], ['now' => $now]);
    echo $tz, ': ', count($w['keep']), ' kept ', implode(' ', array_map(fn ($a) => $a['reason'], $w['keep'])), "\n";
}
// Without a timezone key, the site's (PHP's default zone).
date_default_timezone_set('Europe/Paris');
echo Retention::evaluate($dst, ['keep_weekly' => 2], ['now' => new DateTimeImmutable('@' . $now)])['policy']['timezone'], "\n";
?>
--EXPECT--
5 kept, 35 deleted
backup-full-2026-04-09-02-00-00-6751a2b3c4d5e12345678.zip keep_daily+keep_weekly+keep_monthly
backup-full-2026-04-08-02-00-00-6751a2b3c4d5e12345678.zip keep_daily
backup-full-2026-04-07-02-00-00-6751a2b3c4d5e12345678.zip keep_daily
backup-full-2026-04-05-02-00-00-6751a2b3c4d5e12345678.zip keep_weekly
backup-full-2026-03-31-02-00-00-6751a2b3c4d5e12345678.zip keep_monthly
no_rule 35000 UTC
keep    incremental-db-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip keep_last    one of the last 1 archives
keep    incremental-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip chain        needed to restore the incremental incremental-db-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip
keep    backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip chain        needed to restore the incremental incremental-db-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip
keep    backup-full-2026-02-01-02-00-00-6751a2b3c4d5e12345678.zip keep_verified newest archive whose restore test passed
delete  pre-restore-backup-2026-01-15-10-00-00-2.zip         no_rule      kept by no rule
delete  backup-full-2026-01-01-02-00-00-6751a2b3c4d5e12345678.zip no_rule      kept by no rule
foreign notes.txt                                            foreign      not a backup archive name: never touched
foreign restore_5f0e1d2c_site.zip                            foreign      not a backup archive name: never touched
bytes_freed=4007 counts={"delete":2,"foreign":2,"keep":4}
keep    incremental-db-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip max_age_days plus récente que 60 jours
keep    incremental-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip max_age_days plus récente que 60 jours
keep    backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip max_age_days plus récente que 60 jours
delete  backup-full-2026-02-01-02-00-00-6751a2b3c4d5e12345678.zip too_old      plus ancienne que 60 jours, aucune règle ne la conserve
delete  pre-restore-backup-2026-01-15-10-00-00-2.zip         too_old      plus ancienne que 60 jours, aucune règle ne la conserve
delete  backup-full-2026-01-01-02-00-00-6751a2b3c4d5e12345678.zip too_old      plus ancienne que 60 jours, aucune règle ne la conserve
foreign notes.txt                                            foreign      pas un nom d'archive de sauvegarde : jamais touché
foreign restore_5f0e1d2c_site.zip                            foreign      pas un nom d'archive de sauvegarde : jamais touché
bytes_freed=8007 counts={"delete":3,"foreign":2,"keep":3}
{"chain":"backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip","kind":"incremental","name":"incremental-db-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip","reason":"the policy has no rule: nothing is deleted","rule":"no_policy","rules":["no_policy"],"size":20,"time":1772503200,"time_source":"name"}
{"chain":null,"kind":"foreign","name":"notes.txt","reason":"not a backup archive name: never touched","rule":"foreign","rules":["foreign"],"size":3,"time":1700000000,"time_source":"mtime"}
0 no_policy
array(3) {
  ["delete"]=>
  int(0)
  ["foreign"]=>
  int(0)
  ["keep"]=>
  int(0)
}
Europe/Paris: 2 kept newest of week 2026-W14, one of the last 2 weeks newest of week 2026-W13, one of the last 2 weeks
UTC: 1 kept newest of week 2026-W13, one of the last 2 weeks
Europe/Paris
