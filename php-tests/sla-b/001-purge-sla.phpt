--TEST--
Bjlg\Sla\PurgeSla::compute(): backlog, time to purge, throughput, failures, clearance, quota link, legacy shape
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/sla.inc';
$events = [];
for ($i = 0; $i < 14; $i++) {  // two purges a day for a week, each taking 1 h then 3 h
    $q = NOW - 6 * DAY + $i * 10 * HOUR;
    $events[] = ['archive' => "a$i.zip", 'destination' => 's3', 'queued_at' => $q, 'started_at' => $q,
                 'finished_at' => $q + ($i % 2 ? 3 : 1) * HOUR, 'status' => 'completed', 'bytes' => 1000, 'attempts' => 1];
}
$events[] = ['archive' => 'late.zip', 'destination' => 'ftp', 'queued_at' => date(DATE_ATOM, NOW - 3 * DAY),
             'finished_at' => date(DATE_ATOM, NOW - DAY), 'bytes' => 10];
$events[] = ['archive' => 'x.zip', 'destination' => 's3', 'queued_at' => NOW - 2 * DAY, 'status' => 'pending', 'bytes' => 5e8];
$events[] = ['archive' => 'y.zip', 'destination' => 's3', 'queued_at' => NOW - HOUR, 'status' => 'pending', 'bytes' => 5e8];
$events[] = ['archive' => 'z.zip', 'destination' => 'ftp', 'queued_at' => NOW - DAY, 'finished_at' => NOW - DAY + 60,
             'status' => 'failed', 'message' => '550 Permission denied'];

$forecast = ['current_used_bytes' => 8e9, 'growth_bytes_per_day' => 1e8, 'threshold_bytes' => 8.5e9, 'threshold_at' => NOW + 5 * DAY];
$r = Bjlg\Sla\PurgeSla::compute($events, ['now' => NOW, 'forecasts' => ['s3' => $forecast]]);

printf("backlog %d, %.0f bytes, oldest %d h, over target %s\n", $r['backlog']['count'], $r['backlog']['bytes'],
       $r['backlog']['oldest_age_seconds'] / HOUR, var_export($r['backlog']['over_target'], true));
printf("latency n=%d p50=%d p95=%d max=%d h, within 1 day %.3f\n", $r['latency']['count'], $r['latency']['p50_seconds'],
       $r['latency']['p95_seconds'], $r['latency']['max_seconds'] / HOUR, $r['latency']['within_target_share']);
printf("s3 p50 %d s, ftp max %d h\n", $r['destinations']['s3']['latency']['p50_seconds'], $r['destinations']['ftp']['latency']['max_seconds'] / HOUR);
printf("throughput %.2f/day, failures %d rate %.3f \"%s\"\n", $r['throughput']['items_per_day'], $r['failures']['total'],
       $r['failures']['rate'], $r['failures']['last_message']);
printf("clears in %.1f h\n", $r['clearance']['seconds'] / HOUR);
$q = $r['quotas']['s3'];
printf("threshold in %d days, %d days after purging 1 GB (gains %.0f)\n", ($q['threshold_at'] - NOW) / DAY,
       ($q['threshold_at_after_purge'] - NOW) / DAY, $q['days_gained']);
echo implode(',', array_keys($r['legacy'])), "\n";
echo implode(',', array_keys($r['legacy']['pending'])), "\n";
printf("legacy p95 %d, pending %d, over 600 s %d\n", $r['legacy']['durations']['overall']['p95_seconds'],
       $r['legacy']['pending']['total'], $r['legacy']['pending']['over_threshold']);
echo count($r['samples']), " samples, ", count($r['backlog_series']), " backlog steps\n";

// now as a DateTimeInterface, a target, an empty list.
$r2 = Bjlg\Sla\PurgeSla::compute($events, ['now' => new DateTimeImmutable('@' . NOW), 'target_seconds' => 2 * HOUR]);
printf("within 2 h %.3f\n", $r2['latency']['within_target_share']);
$e = Bjlg\Sla\PurgeSla::compute([], ['now' => NOW]);
var_dump($e['backlog']['count'], $e['latency']['p95_seconds'], $e['clearance']['seconds'], $e['failures']['rate']);
?>
--EXPECT--
backlog 2, 1000000000 bytes, oldest 48 h, over target true
latency n=15 p50=10800 p95=59399 max=48 h, within 1 day 0.933
s3 p50 7200 s, ftp max 48 h
throughput 2.14/day, failures 1 rate 0.062 "550 Permission denied"
clears in 22.4 h
threshold in 5 days, 15 days after purging 1 GB (gains 10)
durations,failures,forecast,pending,throughput,updated_at,version
average_seconds,destination_oldest,destinations,oldest_seconds,over_threshold,total
legacy p95 59399, pending 2, over 600 s 2
15 samples, 32 backlog steps
within 2 h 0.467
int(0)
NULL
float(0)
NULL
