--TEST--
Bjlg\Notify\Incident: bad types and values of every method, closed incidents, states refused by fromArray()
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Incident;

function t(callable $f) {
    try { $r = $f(); echo is_object($r) ? get_class($r) : json_encode($r, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n"; return $r; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; return $e; }
}
$policy = ['channels' => ['ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.com/services/T0/B0/secret-one']], 'locale' => 'en'];
$event = ['event' => 'backup_failed', 'title' => 'T', 'severity' => 'warning'];
echo "-- open\n";
t(fn () => Incident::open('x', $policy));
t(fn () => Incident::open($event, 'p'));
t(fn () => Incident::open($event, $policy, 'now'));
t(fn () => Incident::open($event, $policy, -1));
t(fn () => Incident::open($event + ['context' => ['o' => new stdClass]], $policy, 0));
t(fn () => Incident::open([], $policy, 0));
t(fn () => Incident::open(['event' => 'e'], $policy, 0));
t(fn () => Incident::open(['severity' => 'fatal'] + $event, $policy, 0));
t(fn () => Incident::open(['lines' => 'x'] + $event, $policy, 0));
t(fn () => Incident::open(['colour' => 'x'] + $event, $policy, 0));
t(fn () => Incident::open($event, [], 0));
t(fn () => Incident::open($event, ['channels' => []], 0));
t(fn () => Incident::open($event, ['channels' => ['x' => ['type' => 'slack']]], 0));
t(fn () => Incident::open($event, $policy + ['notify' => ['nobody']], 0));
t(fn () => Incident::open($event, ['locale' => 'de'] + $policy, 0));
t(fn () => Incident::open($event, $policy + ['escalation' => ['levels' => [['after_minutes' => 0]]]], 0));
t(fn () => Incident::open($event, $policy + ['quiet_hours' => ['start' => '25:00', 'end' => '07:00']], 0));
t(fn () => Incident::open($event, $policy + ['quiet_hours' => ['start' => '22:00', 'end' => '07:00', 'timezone' => 'Mars/Olympus']], 0));
t(fn () => Incident::open($event, $policy + ['reminders' => ['base_interval' => 5]], 0));
t(fn () => Incident::open($event, $policy + ['colour' => 1], 0));
$e = t(fn () => Incident::open($event, ['locale' => 'xx'] + $policy, 0));
echo 'secret in the trace: ', var_export(str_contains($e->getTraceAsString(), 'secret-one'), true), "\n";
t(fn () => new Incident());

echo "-- methods\n";
$i = Incident::open($event, $policy, 1000);
t(fn () => $i->due(-1));
t(fn () => $i->due('soon'));
t(fn () => $i->acknowledge(''));
t(fn () => $i->acknowledge('a', 'n', -5));
t(fn () => $i->acknowledge('a', 'n', 999));
t(fn () => $i->addAction(''));
t(fn () => $i->addAction('A', 'o', -1));
t(fn () => $i->addAction('A', 'o', null, 'later'));
$id = t(fn () => $i->addAction('A', 'o', 5000, 'open', 1001));
t(fn () => $i->updateAction('nope', ['status' => 'done']));
t(fn () => $i->updateAction($id, ['status' => 'finished']));
t(fn () => $i->updateAction($id, ['colour' => 'red']));
t(fn () => $i->updateAction($id, ['due_at' => 'tomorrow']));
t(fn () => $i->updateAction($id, 'done'));
t(fn () => $i->resolve('a', 's', ['k' => 'v']));
t(fn () => $i->resolve('a', 's', [1, 2]));
t(fn () => $i->resolve('', 's'));
t(fn () => $i->resolve('a', 's', [], 999));
t(fn () => $i->report('pdf'));
t(fn () => $i->report('html', 'de'));
echo "-- edges: resolving without an acknowledgement acknowledges; a resolved incident is closed\n";
$b = t(fn () => $i->resolve('a', 's', [['title' => 'Checked disks', 'status' => 'done', 'owner' => 'ops']], 2000));
var_dump($i->status(), $i->toArray()['acknowledged_at'], $i->toArray()['acknowledged_by']);
t(fn () => $i->resolve('a', 's', [], 2001));
t(fn () => $i->acknowledge('a', '', 2002));
t(fn () => $i->due(3000));

echo "-- fromArray\n";
$s = $i->toArray();
t(fn () => Incident::fromArray([]));
t(fn () => Incident::fromArray(['id' => 'x']));
t(fn () => Incident::fromArray(array_merge($s, ['status' => 'resolved'])));
t(fn () => Incident::fromArray(array_merge($s, ['created_at' => 'yesterday'])));
t(fn () => Incident::fromArray(array_merge($s, ['created_at' => -4])));
t(fn () => Incident::fromArray(array_merge($s, ['severity' => 'apocalyptic'])));
t(fn () => Incident::fromArray(array_merge($s, ['policy' => []])));
t(fn () => Incident::fromArray(array_merge($s, ['steps' => 'x'])));
t(fn () => Incident::fromArray(array_merge($s, ['title' => ''])));
t(fn () => Incident::fromArray(array_merge($s, ['resolved_at' => 5])));
t(fn () => Incident::fromArray('x'));
echo "-- not serializable, not cloneable\n";
t(fn () => serialize($i));
t(fn () => clone $i);
?>
--EXPECTF--
-- open
TypeError: Bjlg\Notify\Incident::open(): Argument #1 ($event) must be of type array, string given
TypeError: Bjlg\Notify\Incident::open(): Argument #2 ($policy) must be of type array, string given
TypeError: Bjlg\Notify\Incident::open(): Argument #3 ($now) must be of type ?int, string given
ValueError: Bjlg\Notify\Incident::open(): Argument #3 ($now) must not be negative
TypeError: Bjlg\Notify\Incident::open(): Argument #1 ($event) must not be of type stdClass
Bjlg\Notify\InvalidInputException: event needs key "event"
Bjlg\Notify\InvalidInputException: event needs key "title"
Bjlg\Notify\InvalidInputException: event key "severity" must be info, warning or critical
Bjlg\Notify\InvalidInputException: event key "lines" must be a list of strings
Bjlg\Notify\InvalidInputException: event has an unknown key "colour"
Bjlg\Notify\InvalidInputException: policy key "channels" must map channel names to channel arrays
Bjlg\Notify\InvalidInputException: policy key "channels" must map channel names to channel arrays
Bjlg\Notify\InvalidInputException: policy channel "x" (slack) needs key "webhook_url"
Bjlg\Notify\InvalidInputException: policy key "notify" names a channel not in policy "channels"
Bjlg\Notify\InvalidInputException: policy key "locale" must be fr or en
Bjlg\Notify\InvalidInputException: policy escalation level #0 key "after_minutes" must be between 1 and 525600
Bjlg\Notify\InvalidInputException: policy quiet_hours key "start" must be HH:MM
Bjlg\Notify\InvalidInputException: policy quiet_hours key "timezone" is not a known time zone
Bjlg\Notify\InvalidInputException: policy reminders key "base_interval" must be between 60 and 604800
Bjlg\Notify\InvalidInputException: policy has an unknown key "colour"
Bjlg\Notify\InvalidInputException: policy key "locale" must be fr or en
secret in the trace: false
Error: Call to private Bjlg\Notify\Incident::__construct() from global scope
-- methods
ValueError: Bjlg\Notify\Incident::due(): Argument #1 ($now) must not be negative
TypeError: Bjlg\Notify\Incident::due(): Argument #1 ($now) must be of type int, string given
Bjlg\Notify\InvalidInputException: actor must not be empty
Bjlg\Notify\InvalidInputException: now is before the incident opened
Bjlg\Notify\InvalidInputException: now is before the incident opened
Bjlg\Notify\InvalidInputException: title must not be empty
Bjlg\Notify\InvalidInputException: due_at must not be negative
Bjlg\Notify\InvalidInputException: status must be open, in_progress, done or cancelled
"a1"
Bjlg\Notify\InvalidInputException: no action "nope" in incident bjlg_inc_%x
Bjlg\Notify\InvalidInputException: changes key "status" must be open, in_progress, done or cancelled
Bjlg\Notify\InvalidInputException: changes has an unknown key "colour"
Bjlg\Notify\InvalidInputException: changes key "due_at" must be a non-negative int
TypeError: Bjlg\Notify\Incident::updateAction(): Argument #2 ($changes) must be of type array, string given
ValueError: Bjlg\Notify\Incident::resolve(): Argument #3 ($actions) must be a list
Bjlg\Notify\InvalidInputException: actions #0 must be a string or an array with a title and a status open, in_progress, done or cancelled
Bjlg\Notify\InvalidInputException: actor must not be empty
Bjlg\Notify\InvalidInputException: now is before the incident opened
ValueError: Bjlg\Notify\Incident::report(): Argument #1 ($format) must be one of "html", "markdown", "json" or "text"
ValueError: Bjlg\Notify\Incident::report(): Argument #2 ($locale) must be "en" or "fr"
-- edges: resolving without an acknowledgement acknowledges; a resolved incident is closed
[{"kind":"resolution","channel":"ops","level":0,"message":{"channel":{"type":"slack","webhook_url":"https://hooks.slack.com/services/T0/B0/secret-one","name":"ops"},"event":"backup_failed","title":"Resolved: T","lines":["The incident “T” is closed.","Summary: s","Resolution timeline:","[1970-01-01 00:16 UTC] System — Notification created for \"T\".","[1970-01-01 00:16 UTC] o — Action added: A","[1970-01-01 00:33 UTC] a — s","Actions:","• [open] A — o","• [done] Checked disks — ops"],"severity":"warning","context":{"incident_id":"bjlg_inc_%x"},"dedup_key":"bjlg_inc_%x","resolve":true}}]
string(8) "resolved"
int(2000)
string(1) "a"
Bjlg\Notify\InvalidInputException: incident bjlg_inc_%x is already resolved
Bjlg\Notify\InvalidInputException: incident bjlg_inc_%x is already resolved
[]
-- fromArray
Bjlg\Notify\InvalidInputException: incident state needs key "policy"
Bjlg\Notify\InvalidInputException: incident state needs key "policy"
Bjlg\Notify\InvalidInputException: incident state has an unknown key "status"
Bjlg\Notify\InvalidInputException: incident state key "created_at" must be a non-negative int
Bjlg\Notify\InvalidInputException: incident state key "created_at" must be a non-negative int
Bjlg\Notify\InvalidInputException: incident state key "severity" must be info, warning or critical
Bjlg\Notify\InvalidInputException: incident state: policy must be an array with string keys
Bjlg\Notify\InvalidInputException: incident state key "steps" must be a list
Bjlg\Notify\InvalidInputException: incident state key "title" must not be empty
Bjlg\Notify\InvalidInputException: incident state key "resolved_at" must not be before created_at
TypeError: Bjlg\Notify\Incident::fromArray(): Argument #1 ($state) must be of type array, string given
-- not serializable, not cloneable
Exception: Serialization of 'Bjlg\Notify\Incident' is not allowed
Error: Trying to clone an uncloneable object of class Bjlg\Notify\Incident
