--TEST--
bjlg sla purge | objectives | report: tables, JSON, a report written through --out, exit codes 0, 1 and 2
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/sla.inc';
require __DIR__ . '/../cli/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-sla-b-cli-' . getmypid();
@mkdir($d, 0700, true);
$events = '';
for ($i = 0; $i < 14; $i++) {
    $q = NOW - 7 * DAY + $i * 12 * HOUR;
    $events .= json_encode(['archive' => "a$i.zip", 'destination' => 's3', 'queued_at' => $q, 'finished_at' => $q + 2 * HOUR, 'bytes' => 100]) . "\n";
}
$events .= json_encode(['archive' => 'w.zip', 'destination' => 's3', 'queued_at' => NOW - 3 * HOUR, 'status' => 'pending', 'bytes' => 400]) . "\n";
file_put_contents("$d/events.jsonl", $events . '{"archive": "torn');  // a writer killed mid-line
$runs = '';
foreach ([3, 2, 1] as $day) {
    $runs .= json_encode(['kind' => 'verify', 'status' => 'passed', 'finished_at' => NOW - $day * DAY + HOUR,
                          'backup' => ['created_at' => gmdate(DATE_ATOM, NOW - $day * DAY)]]) . "\n";
}
$runs .= json_encode(['kind' => 'restore-test', 'status' => 'passed', 'finished_at' => NOW - DAY, 'rto' => ['seconds' => 1500]]) . "\n";
file_put_contents("$d/runs.jsonl", $runs);
file_put_contents("$d/bad.jsonl", "{\"queued_at\": 1}\nnot json\n{\"queued_at\": 2}\n");

bjlg_cli_show('sla', 'purge', '--events', "$d/events.jsonl", '--now', (string) NOW);
bjlg_cli_show('sla', 'objectives', '--runs', "$d/runs.jsonl", '--rpo-target', '36h', '--rto-target', '30m', '--window', '2d', '--now', (string) NOW);
[$code, $out] = bjlg_cli('sla', 'purge', '--events', "$d/events.jsonl", '--now', (string) NOW, '--format', 'json');
$j = json_decode($out, true);
echo "[$code] json verdict ", $j['verdict']['level'], ", backlog ", $j['purge']['backlog']['count'], "\n";
[$code, $out] = bjlg_cli('sla', 'objectives', '--runs', "$d/runs.jsonl", '--format', 'csv', '--now', (string) NOW);
echo "[$code] csv ", strtok($out, "\n"), "\n";
bjlg_cli_show('sla', 'report', '--events', "$d/events.jsonl", '--runs', "$d/runs.jsonl", '--rpo-target', '1d',
              '--now', (string) NOW, '--locale', 'fr', '--out', "$d/report.html");
$html = file_get_contents("$d/report.html");
echo substr_count($html, '<svg '), " charts, ", str_contains($html, 'lang="fr"') ? 'fr' : 'en', ", leftovers: ",
     count(glob("$d/.bjlg-partial-*")), "\n";
bjlg_cli_show('sla', 'report', '--now', (string) NOW);
bjlg_cli_show('sla', 'purge');
bjlg_cli_show('sla', 'purge', '--events', "$d/missing.jsonl");
bjlg_cli_show('sla', 'purge', '--events', "$d/bad.jsonl");
bjlg_cli_show('sla', 'purge', '--events', "$d/events.jsonl", '--target', '-5');
bjlg_cli_show('sla', 'purge', '--events', "$d/events.jsonl", '--format', 'pdf');
bjlg_cli_show('sla', 'report', '--runs', "$d/runs.jsonl", '--timezone', 'Mars/Olympus');
bjlg_cli_show('sla', 'objectives', '--runs', "$d/runs.jsonl", '--now', (string) (NOW - 10 * DAY));
// A quota history links the purge backlog to the saturation date, and feeds the report's forecasts.
$samples = [];
for ($day = 30; $day >= 0; $day--) {
    $samples[] = ['destination' => 's3', 'at' => NOW - $day * DAY, 'used_bytes' => 7000 + (30 - $day) * 20, 'quota_bytes' => 10000];
}
Bjlg\Sla\History::append("$d/quota.jsonl", $samples);
[$code, $out] = bjlg_cli('sla', 'purge', '--events', "$d/events.jsonl", '--history', "$d/quota.jsonl", '--now', (string) NOW);
echo "[$code] ", trim(explode("\n", trim($out))[5]), "\n";
[$code, $out] = bjlg_cli('sla', 'report', '--history', "$d/quota.jsonl", '--now', (string) NOW, '--format', 'json');
$j = json_decode($out, true);
echo "[$code] ", $j['forecasts'][0]['name'], " ", $j['forecasts'][0]['forecast']['risk_level'], ", objectives: ", isset($j['objectives']) ? 'yes' : 'no', "\n";
array_map('unlink', glob("$d/*"));
rmdir($d);
?>
--EXPECTF--
$ bjlg sla purge --events /tmp/bjlg-sla-b-cli-%d/events.jsonl --now 1767225600
backlog      1 archives, 400 bytes, oldest waiting 3.0 h
time to purge mean 2.0 h, p50 2.0 h, p95 2.0 h, max 2.0 h (14 purges)
within 1.0 d   100.0 %
throughput   2.0 purges/day; failure rate 0.0 %
clears       2026-01-01 12:00 UTC
  s3                   backlog 1, p95 2.0 h
[exit 0]
$ bjlg sla objectives --runs /tmp/bjlg-sla-b-cli-%d/runs.jsonl --rpo-target 36h --rto-target 30m --window 2d --now 1767225600
verdict      met
RPO now      1.0 d (target 1.5 d)
worst RPO    1.0 d at 2025-12-30 01:00 UTC
RTO          last 25.0 min, p50 25.0 min, p95 25.0 min (target 30.0 min; 1 tests, 0 failed)
[exit 0]
[0] json verdict ok, backlog 1
[0] csv section,subject,metric,value
$ bjlg sla report --events /tmp/bjlg-sla-b-cli-%d/events.jsonl --runs /tmp/bjlg-sla-b-cli-%d/runs.jsonl --rpo-target 1d --now 1767225600 --locale fr --out /tmp/bjlg-sla-b-cli-%d/report.html
wrote /tmp/bjlg-sla-b-cli-%d/report.html (verdict: watch)
[exit 0]
4 charts, fr, leftovers: 0
$ bjlg sla report --now 1767225600
[stderr] bjlg sla report: report needs at least one of --history, --events, --runs, --backup, --verify
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla purge
[stderr] bjlg sla purge: needs --events FILE
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla purge --events /tmp/bjlg-sla-b-cli-%d/missing.jsonl
[stderr] bjlg sla purge: cannot read /tmp/bjlg-sla-b-cli-%d/missing.jsonl
[exit 1]
$ bjlg sla purge --events /tmp/bjlg-sla-b-cli-%d/bad.jsonl
[stderr] bjlg sla purge: /tmp/bjlg-sla-b-cli-%d/bad.jsonl line 2 is not JSON: Syntax error
[exit 1]
$ bjlg sla purge --events /tmp/bjlg-sla-b-cli-%d/events.jsonl --target -5
[stderr] bjlg sla purge: --target must be a duration > 0 such as 3600, 90s, 30m, 12h or 7d, not '-5'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla purge --events /tmp/bjlg-sla-b-cli-%d/events.jsonl --format pdf
[stderr] bjlg sla purge: --format must be one of table, json, csv, html, not 'pdf'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla report --runs /tmp/bjlg-sla-b-cli-%d/runs.jsonl --timezone Mars/Olympus
[stderr] bjlg sla report: option "timezone" is not a known time zone: Mars/Olympus
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla objectives --runs /tmp/bjlg-sla-b-cli-%d/runs.jsonl --now 1766361600
[stderr] bjlg sla objectives: runs[0].finished_at is in the future (after now + 1 hour)
[exit 1]
[0] s3                   backlog 1, p95 2.0 h, threshold 2026-02-15 00:00 UTC, 2026-03-07 00:00 UTC once purged
[0] s3 watch, objectives: no
