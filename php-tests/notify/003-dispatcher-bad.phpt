--TEST--
Bjlg\Notify\Dispatcher::send(): bad types and values are refused before anything is sent, naming the message and key, never a value
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Dispatcher;

function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; return $e; }
}
$slack = ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.test/services/T/B/very-secret-key'];
$m = ['channel' => $slack, 'event' => 'backup_failed', 'title' => 'T'];
t(fn () => Dispatcher::send('x'));
t(fn () => Dispatcher::send(['a' => $m]));
t(fn () => Dispatcher::send([42]));
t(fn () => Dispatcher::send([['event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([['channel' => ['type' => 'fax'], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([$m, ['channel' => ['type' => 'slack'], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([['channel' => $slack + ['token' => 'x'], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([['channel' => ['type' => 'slack', 'webhook_url' => 'ftp://x/very-secret-key'], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([$m + ['severity' => 'fatal']]));
t(fn () => Dispatcher::send([$m + ['lines' => 'one line']]));
t(fn () => Dispatcher::send([$m + ['colour' => 'red']]));
t(fn () => Dispatcher::send([['channel' => ['type' => 'email', 'smtp' => 'smtp://127.0.0.1:1', 'from' => 'a@b.c', 'to' => ['x y@b.c']], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([['channel' => ['type' => 'email', 'smtp' => 'http://x', 'from' => 'a@b.c', 'to' => ['x@b.c']], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([['channel' => ['type' => 'twilio', 'account_sid' => 'AC', 'auth_token' => 'tok', 'from' => '+1'], 'event' => 'e', 'title' => 't']]));
t(fn () => Dispatcher::send([$m + ['context' => ['o' => new stdClass()]]]));
t(fn () => Dispatcher::send([$m], ['timeout' => 5]));
t(fn () => Dispatcher::send([$m], ['timeout_ms' => 0]));
t(fn () => Dispatcher::send([$m], ['retries' => '2']));
t(fn () => Dispatcher::send([$m], ['retries' => 11]));
t(fn () => Dispatcher::send([$m], ['verify_tls' => 1]));
t(fn () => Dispatcher::send([$m], ['progress' => 'not a function']));
$e = t(fn () => Dispatcher::send([['channel' => ['type' => 'slack', 'webhook_url' => 'ftp://x/very-secret-key'], 'event' => 'e', 'title' => 't']]));
var_dump($e instanceof Bjlg\Notify\NotifyException, str_contains($e->getTraceAsString(), 'very-secret-key'));
var_dump(Dispatcher::send([]));
?>
--EXPECTF--
%a
