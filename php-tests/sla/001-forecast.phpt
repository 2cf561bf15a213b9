--TEST--
Bjlg\Sla\Forecast::project: a line, a sawtooth, a glitch, unsorted samples, DateTimeInterface times, the legacy shapes
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\Forecast;

const T0 = 1767225600; // 2026-01-01T00:00:00Z
const GIB = 1073741824;

function daily(int $days, callable $used, ?int $quota = 100 * GIB): array
{
    $samples = [];
    for ($d = 0; $d < $days; $d++) {
        $samples[] = ['at' => T0 + $d * 86400, 'used_bytes' => $used($d), 'quota_bytes' => $quota];
    }
    return $samples;
}

// 10 GiB + 1 GiB a day, quota 100 GiB: 85% on day 75, full on day 90.
$f = Forecast::project(daily(30, fn ($d) => (10 + $d) * GIB), ['now' => T0 + 29 * 86400]);
echo $f['model'], ' ', $f['samples_used'], ' ', $f['risk_level'], "\n";
var_dump(abs($f['growth_bytes_per_day'] - GIB) < 1);
echo gmdate('Y-m-d', $f['threshold_at']), ' ', gmdate('Y-m-d', $f['full_at']), ' ', round($f['days_to_threshold'], 3), "\n";
echo $f['current_used_bytes'] === 39 * GIB ? "current ok\n" : "current wrong\n";
echo $f['threshold_bytes'], ' ', $f['current_ratio'], "\n";
var_dump($f['threshold_at_low'] <= $f['threshold_at'], $f['threshold_at'] <= $f['threshold_at_high']);
echo json_encode($f['legacy']['collector'], JSON_UNESCAPED_UNICODE), "\n";
echo $f['legacy']['purge_worker']['risk_level'], ' ', $f['legacy']['purge_worker']['trend_direction'], ' ',
    $f['legacy']['purge_worker']['lead_time_seconds'], "\n";
echo $f['legacy']['capacity']['hours_remaining'], ' ', $f['legacy']['capacity']['projection_label'], "\n";

// The same samples reversed, with DateTimeImmutable times and `now`: the same answer.
$dated = array_reverse(array_map(fn ($s) => ['at' => new DateTimeImmutable('@' . $s['at'])] + $s, daily(30, fn ($d) => (10 + $d) * GIB)));
$g = Forecast::project($dated, ['now' => new DateTimeImmutable('2026-01-30T00:00:00+00:00')]);
var_dump($g['threshold_at'] === $f['threshold_at']);

// A sawtooth: 1 GiB a day, a purge of 9 GiB every 10 days -> net 0.1 GiB a day.
$saw = Forecast::project(daily(120, fn ($d) => (int) ((10 + intdiv($d, 10) + $d % 10) * GIB), 40 * GIB), ['now' => T0 + 119 * 86400]);
echo $saw['model'], ' purges=', $saw['purges'], ' growth=', round($saw['growth_bytes_per_day'] / GIB, 2), " GiB/day\n";
var_dump($saw['threshold_at'] > T0 + 145 * 86400);

// A glitch (the provider answered 0) is dropped.
$glitch = daily(40, fn ($d) => (10 + $d) * GIB);
$glitch[20]['used_bytes'] = 0;
$h = Forecast::project($glitch, ['now' => T0 + 39 * 86400]);
echo 'outliers=', $h['outliers'], ' ', gmdate('Y-m-d', $h['threshold_at']), "\n";

// Options: a lower threshold, a quota override, risk bands.
$o = Forecast::project(daily(30, fn ($d) => (10 + $d) * GIB, null), [
    'now' => T0 + 29 * 86400, 'threshold' => 0.5, 'quota_bytes' => 100 * GIB,
    'risk_days' => ['critical' => 20, 'warning' => 40, 'watch' => 60], 'confidence' => 0.95, 'horizon_days' => 100,
]);
echo gmdate('Y-m-d', $o['threshold_at']), ' ', round($o['days_to_threshold']), ' ', $o['risk_level'], ' ', $o['confidence'], "\n";
?>
--EXPECT--
trend 30 watch
bool(true)
2026-03-17 2026-04-01 46
current ok
91268055040 0.39
bool(true)
bool(true)
{"daily_delta_bytes":1073741824,"days_to_threshold":46,"forecast_label":"Saturation estimée dans 46 jours","projection_intent":"watch","threshold_percent":85}
watch up 3974400
1104 Saturation estimée dans 46 jours
bool(true)
purge_envelope purges=11 growth=0.1 GiB/day
bool(true)
outliers=1 2026-03-17
2026-02-10 11 critical 0.95
