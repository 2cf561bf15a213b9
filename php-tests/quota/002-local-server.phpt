--TEST--
Bjlg\Quota\Collector::collect() against a local server: Dropbox, OneDrive, WebDAV, and failures beside them
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/server.inc';
use Bjlg\Quota\Collector;

$base = bjlg_quota_server();
$start = microtime(true);
$r = Collector::collect([
    ['name' => 'dropbox', 'type' => 'dropbox', 'access_token' => 'phpt-token', 'api_base_url' => "$base/ok"],
    ['name' => 'onedrive', 'type' => 'onedrive', 'access_token' => 'phpt-token', 'api_base_url' => "$base/ok"],
    ['name' => 'nas', 'type' => 'webdav', 'url' => "$base/dav/", 'username' => 'u', 'password' => 'dav-password-1'],
    ['name' => 'bad-token', 'type' => 'dropbox', 'access_token' => 'stolen-token-value', 'api_base_url' => "$base/ok"],
    ['name' => 'garbage', 'type' => 'dropbox', 'access_token' => 'phpt-token', 'api_base_url' => "$base/garbage"],
    ['name' => 'stall', 'type' => 'dropbox', 'access_token' => 'phpt-token', 'api_base_url' => "$base/stall", 'timeout_ms' => 1500],
], ['test_endpoints' => true, 'allow_private_network' => true, 'timeout_ms' => 20000]);
$elapsed = microtime(true) - $start;

foreach ($r as $name => $u) {
    printf("%s: used=%s quota=%s free=%s source=%s codes=%s\n", $name, var_export($u['used_bytes'], true),
        var_export($u['quota_bytes'], true), var_export($u['free_bytes'], true), var_export($u['source'], true),
        implode(',', $u['error_codes']));
}
echo $r['bad-token']['errors'][0], "\n";
var_dump(str_contains(serialize($r), 'stolen-token-value'));
// The stall does not hold the others up. Under run-tests -m valgrind also traces the local
// server, so only the plain run can bound the wall time.
var_dump($r['stall']['latency_ms'] >= 1400, $elapsed < (getenv('USE_ZEND_ALLOC') === '0' ? 60 : 4.5));
?>
--EXPECTF--
dropbox: used=1000 quota=5000 free=4000 source='provider' codes=
onedrive: used=7 quota=NULL free=NULL source='provider' codes=
nas: used=400 quota=1000 free=600 source='provider' codes=
bad-token: used=NULL quota=NULL free=NULL source=NULL codes=auth
garbage: used=NULL quota=NULL free=NULL source=NULL codes=protocol
stall: used=NULL quota=NULL free=NULL source=NULL codes=timeout
[auth] Dropbox get_space_usage on 127.0.0.1:%d: HTTP 401
bool(false)
bool(true)
bool(true)
