--TEST--
Bjlg\Quota\Collector::collect() on local paths: the plugin's keys, used + free = quota, a missing path
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Quota\Collector;

$r = Collector::collect([
    ['name' => 'tmp', 'type' => 'local', 'path' => sys_get_temp_dir()],
    ['name' => 'gone', 'type' => 'local', 'path' => '/nonexistent/bjlg-quota'],
    ['name' => 'capped', 'type' => 'local', 'path' => '/', 'quota_bytes' => 1],
]);
var_dump(array_keys($r));
$t = $r['tmp'];
var_dump(array_keys($t));
var_dump(is_int($t['used_bytes']), is_int($t['free_bytes']), $t['used_bytes'] + $t['free_bytes'] === $t['quota_bytes']);
var_dump($t['errors'], $t['source'], $t['quota_source'], $t['object_count'], $t['latency_ms'] >= 0);
var_dump(abs($t['collected_at'] - time()) < 60);
var_dump($r['gone']['used_bytes'], $r['gone']['error_codes'], $r['gone']['errors']);
var_dump($r['capped']['quota_bytes'], $r['capped']['free_bytes'], $r['capped']['quota_source']);
?>
--EXPECT--
array(3) {
  [0]=>
  string(3) "tmp"
  [1]=>
  string(4) "gone"
  [2]=>
  string(6) "capped"
}
array(12) {
  [0]=>
  string(4) "name"
  [1]=>
  string(4) "type"
  [2]=>
  string(10) "used_bytes"
  [3]=>
  string(11) "quota_bytes"
  [4]=>
  string(10) "free_bytes"
  [5]=>
  string(10) "latency_ms"
  [6]=>
  string(6) "errors"
  [7]=>
  string(11) "error_codes"
  [8]=>
  string(12) "object_count"
  [9]=>
  string(6) "source"
  [10]=>
  string(12) "quota_source"
  [11]=>
  string(12) "collected_at"
}
bool(true)
bool(true)
bool(true)
array(0) {
}
string(8) "provider"
string(8) "provider"
NULL
bool(true)
bool(true)
NULL
array(1) {
  [0]=>
  string(9) "not_found"
}
array(1) {
  [0]=>
  string(70) "[not_found] statvfs /nonexistent/bjlg-quota: No such file or directory"
}
int(1)
int(0)
string(10) "configured"
