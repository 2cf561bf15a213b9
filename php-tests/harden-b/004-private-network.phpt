--TEST--
Bjlg\Quota\Collector: link-local endpoints are always refused, loopback and private ones unless allow_private_network; bad types and values of the option (issue 16, class 7)
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Quota\Collector;

$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
$dav = fn(string $name, string $url, array $more = []) =>
    ['name' => $name, 'type' => 'webdav', 'url' => $url, 'username' => 'u', 'password' => 'dav-password'] + $more;

// Refused before connecting: the listener never sees a connection.
$r = Collector::collect([
    $dav('nas', "http://127.0.0.1:$port/dav/"),
    $dav('lan', 'http://192.168.1.10/dav/'),
    $dav('meta', 'http://169.254.169.254/latest/meta-data/', ['allow_private_network' => true]),
], ['timeout_ms' => 5000, 'retries' => 0]);
foreach ($r as $name => $u) echo $name, ': ', implode(',', $u['error_codes']), ' ', $u['errors'][0], "\n";
stream_set_blocking($probe, false);
var_dump(@stream_socket_accept($probe, 0));

// Allowed by the collector option: the request reaches the listener (which never answers).
$r = Collector::collect([$dav('nas', "http://127.0.0.1:$port/dav/")],
    ['allow_private_network' => true, 'timeout_ms' => 500, 'retries' => 0]);
echo implode(',', $r['nas']['error_codes']), "\n";
var_dump(is_resource(@stream_socket_accept($probe, 1)));

// Bad types: the option and the destination key are booleans.
foreach ([fn() => Collector::collect([], ['allow_private_network' => 1]),
          fn() => Collector::collect([$dav('nas', 'http://127.0.0.1/', ['allow_private_network' => 'yes'])])] as $f) {
    try { $f(); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECTF--
nas: unreachable [unreachable] destination #0 (nas): 127.0.0.1 is a loopback address (set allow_private_network to reach it)
lan: unreachable [unreachable] destination #1 (lan): 192.168.1.10 is a private address (set allow_private_network to reach it)
meta: unreachable [unreachable] destination #2 (meta): 169.254.169.254 is a link-local address
bool(false)
timeout
bool(true)
TypeError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "allow_private_network" must be of type bool, int given
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 'nas': key 'allow_private_network' must be a boolean
