--TEST--
bjlg sla plan: first to saturate and ranked recommendations (text en/fr, json, csv), --quota, --target-days, errors
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../cli/cli.inc.php';

$dir = sys_get_temp_dir() . '/bjlg-sla-plan-' . getmypid();
@mkdir($dir, 0700);
$gib = 1073741824;
$t0 = 1767225600;
$lines = '';
for ($d = 0; $d < 60; $d++) {
    $lines .= json_encode(['destination' => 'offsite', 'at' => $t0 + $d * 86400, 'used_bytes' => (10 + $d) * $gib, 'quota_bytes' => 100 * $gib]) . "\n";
    $lines .= json_encode(['destination' => 'nas', 'at' => $t0 + $d * 86400, 'used_bytes' => 5 * $gib, 'quota_bytes' => null]) . "\n";
}
file_put_contents("$dir/h.jsonl", $lines);
$now = (string) ($t0 + 59 * 86400);

bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--now', $now, '--target-days', '180');
bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--now', $now, '--target-days', '180', '--quota', 'nas=536870912000', '--lang', 'fr');
bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--now', $now, '--quota', 'offsite=10000000000000');
[$code, $out] = bjlg_cli('sla', 'plan', '--history', "$dir/h.jsonl", '--now', $now, '--format', 'json');
$plan = json_decode($out, true);
echo "json exit $code: ", $plan['first_to_saturate'], ' ', $plan['recommendations'][0]['code'], "\n";
[$code, $out] = bjlg_cli('sla', 'plan', '--history', "$dir/h.jsonl", '--now', $now, '--format', 'csv', '--out', "$dir/plan.csv");
echo "csv exit $code\n", file_get_contents("$dir/plan.csv");
bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--quota', 'nas');
bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--lang', 'de');
bjlg_cli_show('sla', 'plan', '--history', "$dir/h.jsonl", '--target-days', '0');
bjlg_cli_show('sla', 'plan');
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
$ bjlg sla plan --history %s/h.jsonl --now 1772323200 --target-days 180
First to saturate: offsite (threshold on 2026-03-17)

 1. [raise_quota] Raise the quota of offsite to 292.9 GiB (+192.9 GiB) to stay under 85% for 180 days.
[exit 0]
$ bjlg sla plan --history %s/h.jsonl --now 1772323200 --target-days 180 --quota nas=536870912000 --lang fr
Première saturation : offsite (seuil le 2026-03-17)

 1. [raise_quota] Porter le quota de offsite à 292,9 Gio (+192,9 Gio) pour rester sous 85 % pendant 180 jours.
 2. [move_to_destination] Déplacer 69,0 Gio de sauvegardes de offsite vers nas, qui a de la place pour 180 jours : repousse la saturation de 69 jours.
[exit 0]
$ bjlg sla plan --history %s/h.jsonl --now 1772323200 --quota offsite=10000000000000
No destination reaches its threshold within the horizon.
No recommendation.
[exit 0]
json exit 0: offsite raise_quota
csv exit 0
rank,code,destination,bytes,days_gained,message_en,message_fr
1,raise_quota,offsite,%d,%f,"Raise the quota of offsite to %s","Porter le quota de offsite à %s"
$ bjlg sla plan --history %s/h.jsonl --quota nas
[stderr] bjlg sla plan: --quota must be NAME=BYTES with BYTES > 0, not 'nas'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla plan --history %s/h.jsonl --lang de
[stderr] bjlg sla plan: --lang must be one of en, fr, not 'de'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla plan --history %s/h.jsonl --target-days 0
[stderr] bjlg sla plan: --target-days must be an integer from 1 to 36500, not '0'
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
$ bjlg sla plan
[stderr] bjlg sla plan: --history FILE is required
[stderr] Run 'bjlg help sla' for usage.
[exit 2]
