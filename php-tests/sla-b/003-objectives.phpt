--TEST--
Bjlg\Sla\Objectives::evaluate(): RPO now, worst RPO and breaches, RTO of restore tests, per site, verify history lines
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/sla.inc';
// Daily backups verified an hour later (the verify history's lines), none on days 6 and 5.
$runs = [];
foreach ([9, 8, 7, 4, 3, 2, 1] as $d) {
    $runs[] = ['kind' => 'verify', 'status' => 'passed', 'archive' => "b$d.zip",
               'finished_at' => date(DATE_ATOM, NOW - $d * DAY + HOUR),
               'backup' => ['created_at' => date(DATE_ATOM, NOW - $d * DAY)], 'site' => 1];
}
$runs[] = ['kind' => 'restore-test', 'status' => 'passed', 'finished_at' => NOW - 3 * DAY, 'rto' => ['seconds' => 900.5]];
$runs[] = ['kind' => 'restore-test', 'status' => 'passed', 'finished_at' => NOW - DAY, 'rto_seconds' => 2400];
$runs[] = ['kind' => 'restore-test', 'status' => 'failed', 'finished_at' => NOW - 2 * DAY];
$runs[] = ['kind' => 'backup', 'status' => 'success', 'started_at' => NOW - 2 * HOUR, 'finished_at' => NOW - HOUR, 'site' => 2];

$r = Bjlg\Sla\Objectives::evaluate($runs, ['rpo_seconds' => 1.5 * DAY, 'rto_seconds' => 1800], ['now' => NOW, 'window_seconds' => 8 * DAY]);
printf("verdict %s\n", $r['verdict']);
printf("RPO now %d h, within %s, worst %.2f d at -%.2f d, share %.4f\n", $r['rpo']['now_seconds'] / HOUR,
       var_export($r['rpo']['within_target'], true), $r['rpo']['worst_seconds'] / DAY,
       (NOW - $r['rpo']['worst_at']) / DAY, $r['rpo']['share_within_target']);
foreach ($r['rpo']['breaches'] as $b) {
    printf("breach -%.2f d .. -%.2f d (%.2f d)%s\n", (NOW - $b['start']) / DAY, (NOW - $b['end']) / DAY, $b['seconds'] / DAY, $b['ongoing'] ? ' ongoing' : '');
}
printf("RTO tests %d failed %d last %d p50 %.1f p95 %.1f within %s\n", $r['rto']['tests'], $r['rto']['failed'],
       $r['rto']['last_seconds'], $r['rto']['p50_seconds'], $r['rto']['p95_seconds'], var_export($r['rto']['within_target'], true));
echo implode(',', array_keys($r['sites'])), "\n";
// Site 2's backup was never verified: no recovery point.
var_dump($r['sites']['2']['rpo']['now_seconds'], $r['sites']['1']['rpo']['now_seconds'] / HOUR);
printf("runs %s\n", json_encode($r['runs']));

// No targets: measured, not judged. now as DateTimeInterface. No runs at all.
$m = Bjlg\Sla\Objectives::evaluate($runs, [], ['now' => new DateTimeImmutable('@' . NOW)]);
var_dump($m['verdict'], $m['rpo']['within_target'], $m['rpo']['now_seconds'] / HOUR);
$n = Bjlg\Sla\Objectives::evaluate([], ['rpo_seconds' => 3600], ['now' => NOW]);
var_dump($n['verdict'], $n['rpo']['now_seconds'], count($n['rpo']['breaches']), $n['rpo']['share_within_target']);
?>
--EXPECT--
verdict breached
RPO now 24 h, within true, worst 3.04 d at -3.96 d, share 0.8073
breach -5.50 d .. -3.96 d (1.54 d)
RTO tests 3 failed 1 last 2400 p50 1650.2 p95 2325.0 within false
1,2
NULL
int(24)
runs {"backups":1,"failed":1,"restore_tests":3,"verifications":7}
string(7) "unknown"
NULL
int(24)
string(8) "breached"
NULL
int(1)
float(0)
