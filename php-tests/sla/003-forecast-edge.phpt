--TEST--
Bjlg\Sla\Forecast::project: no sample, one sample, flat, decreasing, over the threshold, no quota, beyond the horizon, huge values
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\Forecast;

const T0 = 1767225600;
function daily(int $days, callable $used, ?int $quota): array
{
    $s = [];
    for ($d = 0; $d < $days; $d++) {
        $s[] = ['at' => T0 + $d * 86400, 'used_bytes' => $used($d), 'quota_bytes' => $quota];
    }
    return $s;
}
function show(string $what, array $f): void
{
    printf("%-10s model=%s risk=%s growth=%s at=%s low=%s high=%s full=%s days=%s ratio=%s\n", $what, $f['model'],
        $f['risk_level'], var_export($f['growth_bytes_per_day'] === null ? null : round($f['growth_bytes_per_day']) + 0.0, true),
        var_export($f['threshold_at'] === null ? null : gmdate('Y-m-d', $f['threshold_at']), true),
        var_export($f['threshold_at_low'] === null ? null : gmdate('Y-m-d', $f['threshold_at_low']), true),
        var_export($f['threshold_at_high'] === null ? null : gmdate('Y-m-d', $f['threshold_at_high']), true),
        var_export($f['full_at'] === null ? null : gmdate('Y-m-d', $f['full_at']), true),
        var_export($f['days_to_threshold'], true), var_export($f['current_ratio'], true));
}
$now = ['now' => T0 + 29 * 86400];
show('none', Forecast::project([], $now));
show('one', Forecast::project(daily(1, fn ($d) => 50, 100), $now));
show('flat', Forecast::project(daily(30, fn ($d) => 50, 100), $now));
show('down', Forecast::project(daily(30, fn ($d) => 100 - $d, 200), $now));
show('over', Forecast::project(daily(30, fn ($d) => 90 + intdiv($d, 10), 100), $now));
show('no quota', Forecast::project(daily(30, fn ($d) => 10 + $d, null), $now));
show('quota 0', Forecast::project(daily(30, fn ($d) => 10 + $d, 0), $now));
show('horizon', Forecast::project(daily(30, fn ($d) => 1000000 + $d, PHP_INT_MAX), $now));
$huge = Forecast::project(daily(30, fn ($d) => 2 ** 60 + $d * 10 ** 16, PHP_INT_MAX), $now);
var_dump(is_int($huge['threshold_at']), $huge['threshold_at'] > T0, $huge['days_to_threshold'] < 730);
// Floats are accepted for bytes (what json_decode gives for big numbers).
show('floats', Forecast::project(daily(30, fn ($d) => (10.0 + $d) * 1e9, 100e9), $now));
?>
--EXPECT--
none       model=none risk=unknown growth=NULL at=NULL low=NULL high=NULL full=NULL days=NULL ratio=NULL
one        model=none risk=unknown growth=NULL at=NULL low=NULL high=NULL full=NULL days=NULL ratio=0.5
flat       model=trend risk=ok growth=0.0 at=NULL low=NULL high=NULL full=NULL days=NULL ratio=0.5
down       model=trend risk=ok growth=-1.0 at=NULL low=NULL high=NULL full=NULL days=NULL ratio=0.355
over       model=trend risk=critical growth=0.0 at='2026-01-30' low='2026-01-30' high='2026-01-30' full='2026-04-23' days=0.0 ratio=0.92
no quota   model=trend risk=unknown growth=1.0 at=NULL low=NULL high=NULL full=NULL days=NULL ratio=NULL
quota 0    model=trend risk=unknown growth=1.0 at=NULL low=NULL high=NULL full=NULL days=NULL ratio=NULL
horizon    model=trend risk=ok growth=1.0 at=NULL low=NULL high=NULL full=NULL days=NULL ratio=1.0842336143485066E-13
bool(true)
bool(true)
bool(true)
floats     model=trend risk=watch growth=1000000000.0 at='2026-03-17' low='2026-03-17' high='2026-03-17' full='2026-04-01' days=46.0 ratio=0.39
