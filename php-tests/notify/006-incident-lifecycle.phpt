--TEST--
Bjlg\Notify\Incident over simulated time: notice, reminders, escalation rounds, acknowledgement, action plan, resolution broadcast, state round trip, reports
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Incident;

$policy = [
    'channels' => [
        'ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.com/services/T0/B0/secret-one'],
        'oncall' => ['type' => 'sms', 'webhook_url' => 'https://sms.example/send?key=secret-two'],
        'pd' => ['type' => 'pagerduty', 'routing_key' => 'secret-routing-key'],
    ],
    'notify' => ['ops'],
    'escalation' => ['levels' => [['after_minutes' => 15, 'channels' => ['oncall']], ['after_minutes' => 30, 'channels' => ['pd']]],
                     'max_rounds' => 2],
    'reminders' => ['base_interval' => 600, 'max_attempts' => 2],
    'locale' => 'en',
];
$t0 = 1767258000;  // 2026-01-01 09:00 UTC
function kinds(array $due): string {
    return implode(', ', array_map(fn ($d) => "{$d['kind']}:{$d['channel']}:{$d['level']}", $due)) ?: '-';
}

echo "-- never acknowledged: notice, reminders backing off, escalation repeating up to max_rounds\n";
$i = Incident::open(['event' => 'backup_failed', 'title' => 'Backup failed', 'severity' => 'critical',
    'lines' => ['Disk full'], 'id' => 'inc-1'], $policy, $t0);
var_dump($i->id(), $i->status());
$first = $i->due($t0);
echo kinds($first), "\n";
echo json_encode($first[0]['message'], JSON_UNESCAPED_SLASHES), "\n";
foreach ([0, 599, 600, 900, 1800, 2400, 3600, 99999] as $dt) {
    echo "+$dt: ", kinds($i->due($t0 + $dt)), "\n";
}

echo "-- acknowledged: escalation and reminders stop; an overdue action re-sends the plan once\n";
$j = Incident::open(['event' => 'backup_failed', 'title' => 'Again', 'severity' => 'critical'], $policy, $t0);
echo kinds($j->due($t0)), "\n";
$j->acknowledge('alice', 'on it', $t0 + 60);
var_dump($j->status());
echo '+99999: ', kinds($j->due($t0 + 99999)), "\n";
$id = $j->addAction('Free disk space', 'bob', $t0 + 3000, 'open', $t0 + 120);
var_dump($id);
echo '+2999: ', kinds($j->due($t0 + 2999)), "\n";
echo '+3001: ', kinds($j->due($t0 + 3001)), "\n";
echo '+3002: ', kinds($j->due($t0 + 3002)), "\n";
$j->updateAction($id, ['status' => 'done', 'note' => 'removed old archives'], 'bob', $t0 + 3700);

echo "-- resolved: the broadcast to every channel used, then the state round-trips\n";
$b = $j->resolve('alice', 'Disk freed, backup re-run', ['Purged 12 archives'], $t0 + 4000);
echo kinds($b), "\n";
echo json_encode($b[0]['message'], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT), "\n";
var_dump($j->status());
$state = $j->toArray();
echo implode(',', array_keys($state)), "\n";
$k = Incident::fromArray(json_decode(json_encode($state), true));
var_dump($k->toArray() === $state, $k->status(), $k->id() === $j->id());

echo "-- escalated then resolved: PagerDuty gets a resolve event\n";
$i->acknowledge('carol', '', $t0 + 100000);
foreach ($i->resolve('carol', 'Fixed', [], $t0 + 100100) as $d) {
    echo "{$d['channel']}: resolve=", var_export($d['message']['resolve'] ?? false, true), ' dedup=', $d['message']['dedup_key'], "\n";
}

echo "-- reports\n";
foreach (['html', 'markdown', 'json', 'text'] as $f) {
    foreach (['en', 'fr'] as $l) {
        $r = $j->report($f, $l);
        echo "$f/$l: ", str_contains($r, 'Again') ? 'title' : 'NO TITLE', ', ', str_contains($r, 'secret') ? 'LEAK' : 'no secret', "\n";
    }
}
echo $j->report('text'), "\n";
$json = json_decode($j->report('json'), true);
echo implode(',', array_keys($json)), "\n";
var_dump($json['time_to_acknowledge_seconds'], $json['time_to_resolve_seconds'], count($json['timeline']), $json['actions_open']);
$html = $j->report('html', 'fr');
var_dump(str_starts_with($html, '<!DOCTYPE html>'), str_contains($html, '<html lang="fr">'), str_ends_with(rtrim($html), '</html>'));
echo substr($j->report('markdown', 'fr'), 0, strpos($j->report('markdown', 'fr'), "\n")), "\n";
?>
--EXPECTF--
-- never acknowledged: notice, reminders backing off, escalation repeating up to max_rounds
string(5) "inc-1"
string(7) "pending"
notice:ops:0
{"channel":{"type":"slack","webhook_url":"https://hooks.slack.com/services/T0/B0/secret-one","name":"ops"},"event":"backup_failed","title":"Backup failed","lines":["Disk full"],"severity":"critical","context":{"incident_id":"inc-1"},"dedup_key":"inc-1"}
+0: -
+599: -
+600: reminder:ops:1
+900: escalation:oncall:1
+1800: escalation:pd:2, reminder:ops:2
+2400: -
+3600: escalation:oncall:3, escalation:pd:4
+99999: -
-- acknowledged: escalation and reminders stop; an overdue action re-sends the plan once
notice:ops:0
string(12) "acknowledged"
+99999: -
string(2) "a1"
+2999: -
+3001: action_plan:ops:0
+3002: -
-- resolved: the broadcast to every channel used, then the state round-trips
resolution:ops:0
{
    "channel": {
        "type": "slack",
        "webhook_url": "https://hooks.slack.com/services/T0/B0/secret-one",
        "name": "ops"
    },
    "event": "backup_failed",
    "title": "Resolved: Again",
    "lines": [
        "The incident “Again” is closed.",
        "Summary: Disk freed, backup re-run",
        "Resolution timeline:",
        "[2026-01-01 09:00 UTC] System — Notification created for \"Again\".",
        "[2026-01-01 09:01 UTC] alice — on it",
        "[2026-01-01 09:02 UTC] bob — Action added: Free disk space",
        "[2026-01-01 10:01 UTC] bob — Action updated: Free disk space [done]",
        "[2026-01-01 10:06 UTC] alice — Disk freed, backup re-run",
        "Actions:",
        "• [done] Free disk space — bob",
        "• [done] Purged 12 archives"
    ],
    "severity": "critical",
    "context": {
        "incident_id": "bjlg_inc_%x"
    },
    "dedup_key": "bjlg_inc_%x",
    "resolve": true
}
string(8) "resolved"
id,event,title,severity,lines,context,created_at,acknowledged_at,acknowledged_by,resolved_at,resolved_by,resolution_status,resolution_summary,steps,actions,notes,notice_sent,escalation,reminders,pending,channels_used,next_action,policy
bool(true)
string(8) "resolved"
bool(true)
-- escalated then resolved: PagerDuty gets a resolve event
ops: resolve=true dedup=inc-1
oncall: resolve=true dedup=inc-1
pd: resolve=true dedup=inc-1
-- reports
html/en: title, no secret
html/fr: title, no secret
markdown/en: title, no secret
markdown/fr: title, no secret
json/en: title, no secret
json/fr: title, no secret
text/en: title, no secret
text/fr: title, no secret
Incident report: Again

Status: resolved
Severity: critical
Event: backup_failed
Opened: 2026-01-01 09:00 UTC
Acknowledged: 2026-01-01 09:01 UTC (by alice)
Resolved: 2026-01-01 10:06 UTC (by alice)
Time to acknowledge: 1 min
Time to resolve: 1 h 6 min

Summary:
  - Disk freed, backup re-run

Timeline:
  - [2026-01-01 09:00 UTC] System — Notification created for "Again".
  - [2026-01-01 09:01 UTC] alice — on it
  - [2026-01-01 09:02 UTC] bob — Action added: Free disk space
  - [2026-01-01 10:01 UTC] bob — Action updated: Free disk space [done]
  - [2026-01-01 10:06 UTC] alice — Disk freed, backup re-run

Actions taken:
  - Free disk space [done], owner bob, due 2026-01-01 09:50 UTC (!)
  - Purged 12 archives [done]

Actions still open:
  none

Operator notes:
  - on it
  - Free disk space: removed old archives

id,event,title,severity,status,created_at,acknowledged_at,acknowledged_by,resolved_at,resolved_by,time_to_acknowledge_seconds,time_to_resolve_seconds,summary,timeline,actions_done,actions_open,notes
int(60)
int(4000)
int(5)
array(0) {
}
bool(true)
bool(true)
bool(true)
# Rapport d’incident: Again
