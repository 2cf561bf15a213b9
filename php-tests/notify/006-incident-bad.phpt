--TEST--
Bjlg\Notify\Incident and Digest: bad types and values for every method, a broken state refused, clone refused
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\{Incident, Digest};

function t(callable $f) {
    try { $r = $f(); echo is_object($r) ? get_class($r) : var_export($r, true), "\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
$policy = ['channels' => ['ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.test/T/B/key']]];
$event = ['event' => 'backup_failed', 'title' => 'T', 'severity' => 'warning'];
t(fn () => Incident::open('e', $policy));
t(fn () => Incident::open($event, []));
t(fn () => Incident::open($event, ['channels' => ['ops' => ['type' => 'fax']]]));
t(fn () => Incident::open($event + ['mood' => 'sad'], $policy));
t(fn () => Incident::open(['event' => 'e', 'title' => 't', 'severity' => 'huge'], $policy));
t(fn () => Incident::open($event, $policy + ['notify' => ['nobody']]));
t(fn () => Incident::open($event, $policy + ['quiet_hours' => ['start' => '25:00']]));
t(fn () => Incident::open($event, $policy + ['quiet_hours' => ['timezone' => 'Mars/Olympus']]));
t(fn () => Incident::open($event, $policy + ['escalation' => ['levels' => [['after_minutes' => 0, 'channels' => ['ops']]]]]));
t(fn () => Incident::open($event, $policy + ['reminders' => ['backoff_multiplier' => 'x']]));
t(fn () => Incident::open($event, $policy + ['locale' => 'de']));
t(fn () => Incident::open($event, $policy, -1));
$i = Incident::open($event, $policy, 1000);
t(fn () => $i->due(-5));
t(fn () => $i->due('now'));
t(fn () => $i->acknowledge(''));
t(fn () => $i->acknowledge('a', 'n', 10));
t(fn () => $i->addAction(''));
t(fn () => $i->addAction('x', 'o', null, 'maybe'));
t(fn () => $i->updateAction('a99', ['status' => 'done']));
$id = $i->addAction('x', 'o', null, 'open', 1001);
t(fn () => $i->updateAction($id, ['status' => 'maybe']));
t(fn () => $i->updateAction($id, ['due_at' => -1]));
t(fn () => $i->updateAction($id, ['mood' => 'x']));
t(fn () => $i->resolve('a', 's', ['k' => 'v']));
t(fn () => $i->resolve('a', 's', [['status' => 'done']]));
t(fn () => $i->report('pdf'));
t(fn () => $i->report('html', 'de'));
t(fn () => clone $i);
t(fn () => serialize($i));
t(fn () => Incident::fromArray(['policy' => $policy]));
$s = $i->toArray();
t(fn () => Incident::fromArray(['severity' => 'x'] + $s));
t(fn () => Incident::fromArray(array_merge($s, ['pending' => [['channel' => 'ghost', 'kind' => 'notice']]])));
t(fn () => Incident::fromArray(array_merge($s, ['created_at' => 'yesterday'])));
t(fn () => Incident::fromArray(array_merge($s, ['context' => ['o' => new stdClass()]])));
t(fn () => Digest::summarize([1], 0, 10));
t(fn () => Digest::summarize([], 10, 0));
t(fn () => Digest::summarize([['id' => 'x']], 0, 10));
t(fn () => new Incident());
$i->resolve('a', 's', [], 2000);
t(fn () => $i->resolve('a', 's', [], 2001));
t(fn () => $i->acknowledge('a', '', 2001));
?>
--EXPECTF--
%a
