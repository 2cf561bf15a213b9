--TEST--
Bjlg\Remote\Retention::evaluate: quota-driven early purge from a Bjlg\Sla\Forecast::project() array
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Remote\Retention;
use Bjlg\Sla\Forecast;

const GIB = 1073741824;
$archives = [];
foreach ([1, 4, 7, 10] as $d) {
    $archives[] = ['name' => sprintf('backup-full-2026-03-%02d-02-00-00-abc%d.zip', $d, $d), 'size' => 5 * GIB];
}
// 1 GiB a day for 20 days up to 76 of 100 GiB: 80% in 4 days.
$samples = [];
for ($i = 0; $i < 20; $i++) {
    $samples[] = ['at' => 1773000000 + $i * 86400, 'used_bytes' => (57 + $i) * GIB, 'quota_bytes' => 100 * GIB];
}
$now = 1773000000 + 19 * 86400;
$forecast = Forecast::project($samples, ['now' => $now, 'threshold' => 0.8]);
$policy = ['keep_last' => 10, 'target_ratio' => 0.8, 'lead_days' => 7];
$r = Retention::evaluate($archives, $policy, ['now' => $now, 'forecast' => $forecast]);
foreach ($r['delete'] as $a) echo $a['name'], ' ', $a['rule'], ' ', $a['reason'], "\n";
echo json_encode($r['quota']), "\n";
// Far from the threshold: nothing early.
$calm = Retention::evaluate($archives, ['keep_last' => 10, 'target_ratio' => 0.99, 'lead_days' => 1], ['now' => $now, 'forecast' => $forecast]);
echo count($calm['delete']), ' ', json_encode($calm['quota']['triggered']), "\n";
// Without a forecast there is no quota section.
var_dump(Retention::evaluate($archives, $policy, ['now' => $now])['quota']);
try {
    Retention::evaluate($archives, $policy, ['forecast' => 'x']);
} catch (\TypeError $e) {
    echo $e->getMessage(), "\n";
}
try {
    Retention::evaluate($archives, $policy, ['forecast' => ['quota_bytes' => 'x']]);
} catch (\ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
backup-full-2026-03-01-02-00-00-abc1.zip quota deleted early: 80% of the quota reached in 4.0 days, within the 7-day lead
{"archives":1,"bytes_gained":5368709120,"days_gained":5,"days_to_threshold_after":9,"days_to_threshold_before":4,"lead_days":7,"target_ratio":0.8,"threshold_bytes":85899345920,"triggered":true}
0 false
NULL
Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) option "forecast" must be of type array, string given
Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) option "forecast" field "quota_bytes" must be a number or null
