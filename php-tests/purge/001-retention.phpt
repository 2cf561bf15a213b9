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
