--TEST--
check(): codes, severities, min_interval, runs_per_day, overlaps, defaults from the INI
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$from = new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('UTC'));
$show = function (string $text, array $options = []) use ($from) {
    $report = Expression::parse($text)->check($options + ['from' => $from, 'timezone' => 'UTC']);
    printf("%-20s min_interval=%s runs_per_day=%s codes=%s\n", $text, var_export($report['min_interval'], true),
           var_export($report['runs_per_day'], true),
           implode(',', array_map(fn ($w) => $w['code'] . '/' . $w['severity'], $report['warnings'])));
    return $report;
};
$show('*/5 * * * *');
$show('*/4 * * * *');
$show('0,1 * * * *');                                  // the plugin's preview misses this one
$show('0 * * * *', ['min_interval' => 7200]);
$show('0,30 9-17 * * mon-fri');
$show('0 3 * * *');
$show('0 0 1 1 *');
$show('0 0 29 2 *');
$show('0 0 1,15 * 1');
$show('0 0 30 2 *');
$show('30 2 * * *', ['timezone' => 'Europe/Paris']);
$show('0 * * * *', ['timezone' => new DateTimeZone('Europe/Paris')]);
$show('0 3 * * *', ['timezone' => 'Europe/Paris']);
$show('0 2 * * *', ['duration' => 3600, 'schedules' => [['name' => 'db', 'expression' => '30 2 * * *', 'duration' => 600]]]);
$show('0 2 * * *', ['duration' => 600, 'schedules' => [['name' => 'db', 'expression' => Expression::parse('30 2 * * *')]]]);
// The shape of a report and of a warning, in French.
$r = Expression::parse('*/2 * * * *')->check(['from' => $from, 'timezone' => 'UTC', 'locale' => 'fr']);
var_dump(array_keys($r), array_keys($r['warnings'][0]), is_array($r['warnings'][0]['evidence']), is_float($r['runs_per_day']));
echo $r['warnings'][0]['message'], "\n";
$r = Expression::parse('0 2 * * *')->check(['from' => $from, 'timezone' => 'UTC', 'duration' => 3600,
    'schedules' => [['name' => 'db', 'expression' => '30 2 * * *', 'duration' => 600]]]);
echo json_encode($r['warnings'][0], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
// Defaults: now, the default zone, the INI minimum interval.
ini_set('bjlg.cron_min_interval', '60');
var_dump(count(Expression::parse('*/2 * * * *')->check()['warnings']));
ini_set('bjlg.cron_min_interval', '300');
var_dump(Expression::parse('*/2 * * * *')->check()['warnings'][0]['code']);
--EXPECT--
*/5 * * * *          min_interval=300 runs_per_day=288.0 codes=
*/4 * * * *          min_interval=240 runs_per_day=360.0 codes=too_frequent/error
0,1 * * * *          min_interval=60 runs_per_day=48.0 codes=too_frequent/error
0 * * * *            min_interval=3600 runs_per_day=24.0 codes=too_frequent/error
0,30 9-17 * * mon-fri min_interval=1800 runs_per_day=12.857142857142858 codes=
0 3 * * *            min_interval=86400 runs_per_day=1.0 codes=
0 0 1 1 *            min_interval=31536000 runs_per_day=0.002737907006988508 codes=rare/warning
0 0 29 2 *           min_interval=126230400 runs_per_day=0.000663942449194713 codes=rare/warning
0 0 1,15 * 1         min_interval=86400 runs_per_day=0.19920326906096633 codes=dom_dow_or/warning
0 0 30 2 *           min_interval=NULL runs_per_day=0.0 codes=never_fires/error
30 2 * * *           min_interval=86400 runs_per_day=1.0 codes=dst_moved/warning,dst_skipped/warning
0 * * * *            min_interval=3600 runs_per_day=24.0 codes=dst_skipped/warning,dst_repeated/warning
0 3 * * *            min_interval=86400 runs_per_day=1.0 codes=
0 2 * * *            min_interval=86400 runs_per_day=1.0 codes=overlap/warning
0 2 * * *            min_interval=86400 runs_per_day=1.0 codes=
array(3) {
  [0]=>
  string(8) "warnings"
  [1]=>
  string(12) "min_interval"
  [2]=>
  string(12) "runs_per_day"
}
array(4) {
  [0]=>
  string(4) "code"
  [1]=>
  string(8) "severity"
  [2]=>
  string(7) "message"
  [3]=>
  string(8) "evidence"
}
bool(true)
bool(true)
Deux exécutions peuvent n’être espacées que de 2 minutes (2025-01-15 10:08 et 2025-01-15 10:10) ; choisissez un intervalle d’au moins 5 minutes (ex. « */5 * * * * »).
{
    "code": "overlap",
    "severity": "warning",
    "message": "This schedule overlaps “db” by 10 minutes: its run at 2025-01-16 02:00 (1 hour) and the run of “db” at 2025-01-16 02:30 (10 minutes).",
    "evidence": {
        "duration_seconds": 3600,
        "other": "db",
        "other_duration_seconds": 600,
        "other_run": "2025-01-16T02:30:00+00:00",
        "overlap_seconds": 600,
        "run": "2025-01-16T02:00:00+00:00"
    }
}
int(0)
string(12) "too_frequent"
