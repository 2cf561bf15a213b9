--TEST--
Bjlg\Quota\Collector: empty list, numeric names, YAML files, missing file, secrets kept out of backtraces, the class shape
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Quota\Collector;

var_dump(Collector::collect([]));
$r = Collector::collect([['name' => '123', 'type' => 'local', 'path' => '/']]);
var_dump(array_keys($r), $r[123]['name']);

$yaml = tempnam(sys_get_temp_dir(), 'bjlg-quota');
file_put_contents($yaml, <<<YAML
destinations:
  - name: disk
    type: local
    path: /
    quota_bytes: 5000
  - {name: tmp, type: local, path: /tmp}
YAML);
$r = Collector::collectFromFile($yaml);
var_dump(array_keys($r), $r['disk']['quota_bytes'], $r['disk']['quota_source']);

file_put_contents($yaml, "destinations:\n  - name: x\n    type: s3\n");
try {
    Collector::collectFromFile($yaml);
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    echo str_replace($yaml, 'FILE', $e->getMessage()), "\n";
}
file_put_contents($yaml, "destinations: [unclosed\n");
try {
    Collector::collectFromFile($yaml);
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    echo str_contains($e->getMessage(), 'not valid YAML') ? "invalid YAML refused\n" : $e->getMessage();
}
unlink($yaml);
try {
    Collector::collectFromFile($yaml);
} catch (Bjlg\Exception $e) {
    echo get_class($e), ': ', str_replace($yaml, 'FILE', $e->getMessage()), "\n";
}

// The destinations (with their secrets) never appear in a backtrace.
function collect_with_secret(): void
{
    Collector::collect([['name' => 'x', 'type' => 's3', 'access_key' => 'AK', 'secret_key' => 'TOP-SECRET']]);
}
try {
    collect_with_secret();
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    var_dump(str_contains($e->getTraceAsString(), 'TOP-SECRET'), str_contains(print_r($e->getTrace(), true), 'TOP-SECRET'));
}

$class = new ReflectionClass(Collector::class);
var_dump($class->isFinal(), $class->getMethod('collect')->isStatic(), $class->getMethod('collectFromFile')->isStatic());
?>
--EXPECT--
array(0) {
}
array(1) {
  [0]=>
  int(123)
}
string(3) "123"
array(2) {
  [0]=>
  string(4) "disk"
  [1]=>
  string(3) "tmp"
}
int(5000)
string(10) "configured"
FILE line 2: destination #0 'x': key 'bucket' is required
invalid YAML refused
Bjlg\Quota\IOException: cannot open destinations file FILE: No such file or directory
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
