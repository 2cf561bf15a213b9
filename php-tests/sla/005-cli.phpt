--TEST--
bjlg quota --record and bjlg sla forecast: table, json, csv, --destination, --out, errors and exit codes
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../cli/cli.inc.php';

$dir = sys_get_temp_dir() . '/bjlg-sla-cli-' . getmypid();
@mkdir($dir, 0700);
@mkdir("$dir/disk", 0700);

// bjlg quota --record appends one sample per destination, measured or not.
file_put_contents("$dir/q.yaml", "destinations:\n  - {name: disk, type: local, path: $dir/disk, quota_bytes: 1099511627776}\n"
    . "  - {name: gone, type: local, path: /nonexistent/bjlg}\n");
[$code] = bjlg_cli('quota', '--config', "$dir/q.yaml", '--record', "$dir/recorded.jsonl");
echo "quota exit $code\n";
foreach (file("$dir/recorded.jsonl") as $line) {
    $j = json_decode($line, true);
    echo $j['destination'], ' ', is_int($j['used_bytes']) ? 'measured' : 'null', ' ', $j['quota_bytes'] ?? 'null', ' ',
        count($j['errors']), ' ', preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', $j['at']), "\n";
}

// A history of two destinations: offsite grows 1 GiB a day towards 100 GiB, nas is flat.
$gib = 1073741824;
$t0 = 1767225600;
$lines = '';
for ($d = 0; $d < 30; $d++) {
    $lines .= json_encode(['destination' => 'offsite', 'at' => $t0 + $d * 86400, 'used_bytes' => (10 + $d) * $gib, 'quota_bytes' => 100 * $gib]) . "\n";
    $lines .= json_encode(['destination' => 'nas', 'at' => $t0 + $d * 86400, 'used_bytes' => 5 * $gib, 'quota_bytes' => 50 * $gib]) . "\n";
}
$lines .= json_encode(['destination' => 'nas', 'at' => $t0, 'used_bytes' => null, 'errors' => ['down']]) . "\n";
file_put_contents("$dir/h.jsonl", $lines);
$now = (string) ($t0 + 29 * 86400);

bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--now', $now);
bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--now', '2026-01-30T00:00:00Z', '--destination', 'offsite', '--format', 'csv');
[$code, $out] = bjlg_cli('sla', 'forecast', '--history', "$dir/h.jsonl", '--now', $now, '--format=json', '--threshold', '0.5');
$json = json_decode($out, true);
echo "json exit $code: ", implode(',', array_keys($json)), ' ', gmdate('Y-m-d', $json['offsite']['threshold_at']), ' ',
    $json['offsite']['legacy']['purge_worker']['risk_level'], "\n";
[$code, $out] = bjlg_cli('sla', 'forecast', '--history', "$dir/h.jsonl", '--now', $now, '--format=json', '--out', "$dir/f.json");
echo "out exit $code, stdout '", $out, "', file has ", count(json_decode(file_get_contents("$dir/f.json"), true)), " destinations\n";
var_dump(glob("$dir/.bjlg-partial-*") === []);

// Errors.
file_put_contents("$dir/dup.jsonl", $lines . json_encode(['destination' => 'nas', 'at' => $t0 + 86400, 'used_bytes' => 1]) . "\n");
bjlg_cli_show('sla', 'forecast', '--history', "$dir/dup.jsonl", '--now', $now);
bjlg_cli_show('sla', 'forecast', '--history', "$dir/missing.jsonl");
bjlg_cli_show('sla', 'forecast');
bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--format', 'xml');
bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--destination', 'tape');
bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--now', $now, '--threshold', '2');
bjlg_cli_show('sla', 'forecast', '--history', "$dir/h.jsonl", '--out', "$dir/no/such/f.txt", '--now', $now);
bjlg_cli_show('sla', 'frobnicate');
[$code, $out, $err] = bjlg_cli('sla');
echo "no subcommand: exit $code, ", strtok($err, "\n"), "\n";
[$code, $out] = bjlg_cli('help', 'sla');
echo "help: exit $code, ", strtok($out, "\n"), "\n";
array_map('unlink', glob("$dir/*.*"));
rmdir("$dir/disk");
rmdir($dir);
?>
--EXPECTF--
quota exit 1
disk measured 1099511627776 0 1
gone null null 1 1
$ bjlg sla forecast --history %s/h.jsonl --now 1769731200
DESTINATION      USED      QUOTA  % USED  GROWTH/DAY  THRESHOLD AT  INTERVAL                  FULL AT     RISK
nas           5.0 GiB   50.0 GiB   10.0%        +0 B  -             -                         -           ok
offsite      39.0 GiB  100.0 GiB   39.0%    +1.0 GiB  2026-03-17    2026-03-17 .. 2026-03-17  2026-04-01  watch
[exit 0]
$ bjlg sla forecast --history %s/h.jsonl --now 2026-01-30T00:00:00Z --destination offsite --format csv
destination,model,samples_used,current_used_bytes,quota_bytes,current_ratio,growth_bytes_per_day,threshold_bytes,threshold_at,threshold_at_low,threshold_at_high,full_at,days_to_threshold,risk_level
offsite,trend,30,41875931136,107374182400,0.39,%f,91268055040,1773705600,1773705600,1773705600,1775001600,46,watch
[exit 0]
json exit 0: nas,offsite 2026-02-10 warning
out exit 0, stdout '', file has 2 destinations
bool(true)
$ bjlg sla forecast --history %s/dup.jsonl --now 1769731200
[stderr] bjlg sla forecast: destination 'nas', line 62: sample 30: field "at" (2026-01-02T00:00:00+00:00) duplicates the time of sample 1
[exit 1]
$ bjlg sla forecast --history %s/missing.jsonl
[stderr] bjlg sla forecast: cannot open the history file %s/missing.jsonl: No such file or directory
[exit 1]
$ bjlg sla forecast
[stderr] bjlg sla forecast: --history FILE is required
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla forecast --history %s/h.jsonl --format xml
[stderr] bjlg sla forecast: --format must be one of table, json, csv, yaml, not 'xml'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla forecast --history %s/h.jsonl --destination tape
[stderr] bjlg sla forecast: no sample of destination 'tape' in the history
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla forecast --history %s/h.jsonl --now 1769731200 --threshold 2
[stderr] bjlg sla forecast: option "threshold" must be a ratio greater than 0 and at most 1
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla forecast --history %s/h.jsonl --out %s/no/such/f.txt --now 1769731200
[stderr] bjlg sla forecast: cannot write %s/no/such/f.txt: the folder %s/no/such does not exist or is not writable
[exit 1]
$ bjlg sla frobnicate
[stderr] bjlg sla frobnicate: unknown subcommand 'frobnicate'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
no subcommand: exit 2, Usage: bjlg sla <subcommand> [options]
help: exit 0, Usage: bjlg sla <subcommand> [options]
