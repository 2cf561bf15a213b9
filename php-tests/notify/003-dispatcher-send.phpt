--TEST--
Bjlg\Notify\Dispatcher::send() to local receivers: sent, retried after a 500 and a 429, refused, stalled; signed webhooks; progress and cancel
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../local-server.inc';
use Bjlg\Notify\{Dispatcher, Webhook};

$base = bjlg_local_server(__DIR__ . '/receiver.inc.php');
$port = parse_url($base, PHP_URL_PORT);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg(sys_get_temp_dir() . "/bjlg-notify-phpt-$port")));
// Under valgrind (which traces the local server too) an answer can take seconds.
$timeout = getenv('USE_ZEND_ALLOC') === '0' ? 9000 : 4000;

$msg = fn (array $channel) => ['channel' => $channel, 'event' => 'backup_failed', 'title' => 'Backup failed',
    'lines' => ['Disk full', 'Site: example.org'], 'severity' => 'critical', 'context' => ['site' => 'example.org']];
$progress = [];
$r = Dispatcher::send([
    $msg(['type' => 'slack', 'name' => 'ops', 'webhook_url' => "$base/ok/services/T0/B0/slack-secret"]),
    $msg(['type' => 'webhook', 'name' => 'hook', 'url' => "$base/flaky/hook", 'secret' => 'hook-secret']),
    $msg(['type' => 'discord', 'webhook_url' => "$base/throttle/api/webhooks/1/discord-secret"]),
    $msg(['type' => 'teams', 'name' => 'refused', 'webhook_url' => "$base/refuse/teams-secret"]),
    $msg(['type' => 'sms', 'name' => 'stall', 'webhook_url' => "$base/stall/sms-secret"]),
], ['allow_private_network' => true, 'retry_base_ms' => 50, 'timeout_ms' => $timeout,
    'progress' => function (array $p) use (&$progress) { $progress[] = $p; }]);
foreach ($r as $x) {
    printf("%s %s %s attempts=%d http=%d code=%s\n", $x['channel'], $x['type'], $x['status'], $x['attempts'],
        $x['http_code'], var_export($x['error_code'], true));
    if ($x['error'] !== null) {
        echo '  ', str_replace((string) $timeout, 'N', $x['error']), "\n";
    }
    if (!is_int($x['latency_ms']) || $x['latency_ms'] < 0) {
        echo "  bad latency\n";
    }
}
echo 'a secret in the results: ', var_export(str_contains(serialize($r), 'secret'), true), "\n";
$last = end($progress);
echo "progress: {$last['phase']} {$last['done']}/{$last['total']} {$last['unit']}\n";

$log = array_map(fn ($l) => json_decode($l, true), array_filter(explode("\n", file_get_contents("$base/log"))));
$hooks = array_values(array_filter($log, fn ($e) => $e['path'] === '/flaky/hook'));
echo count($hooks), " webhook requests, the same bytes each time: ", var_export($hooks[0]['body'] === $hooks[1]['body'], true), "\n";
$h = $hooks[1];
$headers = ['X-BJLG-Signature' => $h['headers']['HTTP_X_BJLG_SIGNATURE'],
    'X-BJLG-Timestamp' => $h['headers']['HTTP_X_BJLG_TIMESTAMP'],
    'X-BJLG-Signature-256' => $h['headers']['HTTP_X_BJLG_SIGNATURE_256']];
echo 'plugin signature (PHP hash_hmac): ', var_export(hash_equals(hash_hmac('sha256', $h['body'], 'hook-secret'), $headers['X-BJLG-Signature']), true), "\n";
echo 'replay-proof signature: ', var_export(hash_equals(hash_hmac('sha256', $headers['X-BJLG-Timestamp'] . '.' . $h['body'], 'hook-secret'),
    substr($headers['X-BJLG-Signature-256'], strpos($headers['X-BJLG-Signature-256'], 'v1=') + 3)), true), "\n";
echo 'Webhook::verify: ', var_export(Webhook::verify($h['body'], $headers, 'hook-secret'), true), "\n";
echo 'tampered body: ', var_export(Webhook::verify($h['body'] . ' ', $headers, 'hook-secret'), true), "\n";
echo 'wrong secret: ', var_export(Webhook::verify($h['body'], $headers, 'other-secret'), true), "\n";
$body = json_decode($h['body'], true);
echo implode(',', array_keys($body)), ' / ', implode(',', array_keys($body['data'])), "\n";
echo $h['headers']['CONTENT_TYPE'], "\n";
$slack = array_values(array_filter($log, fn ($e) => str_starts_with($e['path'], '/ok/')))[0];
echo $slack['body'], "\n";

// A progress callable that returns false cancels every message not yet finished.
try {
    Dispatcher::send([$msg(['type' => 'sms', 'webhook_url' => "$base/stall/a"]), $msg(['type' => 'sms', 'webhook_url' => "$base/stall/b"])],
        ['allow_private_network' => true, 'progress' => fn () => false]);
} catch (Bjlg\Notify\CancelledException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// An empty batch sends nothing.
var_dump(Dispatcher::send([]));
?>
--EXPECTF--
ops slack sent attempts=1 http=200 code=NULL
hook webhook sent attempts=2 http=200 code=NULL
discord discord sent attempts=2 http=200 code=NULL
refused teams failed attempts=1 http=400 code='rejected'
  [rejected] Teams webhook: HTTP 400 (invalid_payload)
stall sms failed attempts=1 http=0 code='timeout'
  [timeout] SMS gateway: no complete answer within N ms
a secret in the results: false
progress: send 5/5 messages
2 webhook requests, the same bytes each time: true
plugin signature (PHP hash_hmac): true
replay-proof signature: true
Webhook::verify: true
tampered body: false
wrong secret: false
event,timestamp,site_url,site_name,data / event,title,severity,lines,context
application/json%A
{"text":"*Backup failed*\nDisk full\nSite: example.org"}
Bjlg\Notify\CancelledException: sending cancelled
array(0) {
}
