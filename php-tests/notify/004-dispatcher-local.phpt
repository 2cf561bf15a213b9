--TEST--
Bjlg\Notify\Dispatcher::send() on loopback: private addresses refused by default, unreachable receivers, results in order, progress and cancellation
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Notify\Dispatcher;

$s = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
fclose($s);  // a port nothing listens on
$msg = fn ($name) => ['channel' => ['type' => 'slack', 'name' => $name, 'webhook_url' => "http://127.0.0.1:$port/services/T/B/hidden-key"],
                      'event' => 'backup_failed', 'title' => 'T', 'lines' => ['a']];
$r = Dispatcher::send([$msg('first'), $msg('second')], ['timeout_ms' => 2000, 'retries' => 0]);
var_dump(array_keys($r[0]));
foreach ($r as $x) {
    echo $x['channel'], ' ', $x['type'], ' ', $x['status'], ' ', $x['error_code'], ' ', $x['http_code'], ' ',
         str_contains($x['error'], 'hidden-key') ? 'LEAK' : 'clean', "\n";
}
$r = Dispatcher::send([$msg('allowed')], ['timeout_ms' => 2000, 'retries' => 0, 'allow_private_network' => true]);
echo $r[0]['status'], ' ', $r[0]['error_code'], ' ', $r[0]['attempts'], "\n";

$seen = [];
$r = Dispatcher::send([$msg('p1'), $msg('p2')], ['allow_private_network' => true, 'retries' => 0,
    'progress' => function (array $p) use (&$seen) { $seen[] = $p['phase'] . ' ' . $p['unit'] . ' ' . $p['done'] . '/' . $p['total']; }]);
var_dump(end($seen));
try {
    Dispatcher::send([$msg('c')], ['allow_private_network' => true, 'progress' => fn () => false]);
} catch (Bjlg\Notify\CancelledException $e) {
    echo get_class($e), ': ', $e->getMessage(), ' ', $e->error_code, "\n";
}
?>
--EXPECTF--
%a
