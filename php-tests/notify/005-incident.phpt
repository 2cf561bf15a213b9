--TEST--
Bjlg\Notify\Incident: open, due over simulated time, acknowledge, actions, resolve with broadcast, state round trip, report; Digest
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Notify\{Incident, Digest};

$t0 = 1796464800;
$policy = [
    'channels' => ['ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.test/T/B/key'],
                   'pd' => ['type' => 'pagerduty', 'routing_key' => str_repeat('r', 32)]],
    'notify' => ['ops'],
    'escalation' => ['levels' => [['after_minutes' => 15, 'channels' => ['pd']]], 'max_rounds' => 2],
    'reminders' => ['base_interval' => 600, 'max_attempts' => 2],
    'locale' => 'en',
];
$i = Incident::open(['event' => 'backup_failed', 'title' => 'Backup failed', 'severity' => 'critical', 'lines' => ['disk full'], 'id' => 'inc-1'], $policy, $t0);
var_dump($i->id(), $i->status());
$kinds = fn (array $due) => implode(',', array_map(fn ($d) => $d['kind'] . ':' . $d['channel'], $due));
echo $kinds($i->due($t0)), "\n";
echo $kinds($i->due($t0 + 600)), "\n";
$due = $i->due($t0 + 900);
echo $kinds($due), "\n";
var_dump($due[0]['message']['dedup_key'], $due[0]['message']['title']);
echo $kinds($i->due($t0 + 1800)), "|\n";   // the second reminder (600 + 1200) and the second round
$state = $i->toArray();
$j = Incident::fromArray($state);
var_dump($j->toArray() === $state);
$id = $j->addAction('Raise quota', 'carol', $t0 + 7200, 'open', $t0 + 1900);
var_dump($id);
$j->acknowledge('alice', 'looking', $t0 + 2000);
var_dump($j->status(), $j->due($t0 + 5000));
echo $kinds($j->due($t0 + 7200)), "\n";
$j->updateAction($id, ['status' => 'done', 'note' => 'now 2 TB'], 'carol', $t0 + 7300);
$b = $j->resolve('alice', 'Disk extended', ['Purged old archives'], $t0 + 7400);
echo $kinds($b), "\n";
var_dump($b[0]['message']['title'], $b[0]['message']['lines'][0], $b[1]['message']['resolve']);
var_dump($j->status());
$s = $j->toArray();
var_dump($s['resolution_status'], $s['acknowledged_at'] - $t0, $s['resolved_at'] - $t0, count($s['actions']));
echo $j->report('markdown', 'en');
$json = json_decode($j->report('json'), true);
var_dump($json['time_to_acknowledge_seconds'], $json['time_to_resolve_seconds']);
var_dump(str_contains($j->report('html', 'fr'), 'Délai de résolution'));
var_dump(str_contains($j->report('text', 'fr'), 'Notes des opérateurs'));
$d = Digest::summarize([$j, $state], $t0, $t0 + 86400);
var_dump($d['incidents'], $d['resolved'], $d['mtta_seconds'], $d['mttr_seconds'], array_keys($d['by_channel']));
var_dump($j);
?>
--EXPECTF--
%a
