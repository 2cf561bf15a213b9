--TEST--
Bjlg\Quota\Collector::collect(): wrong types are TypeErrors naming the destination and the key
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Quota\Collector;

function attempt(callable $f): void
{
    try {
        $f();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

attempt(fn() => Collector::collect('s3'));
attempt(fn() => Collector::collect(['not an array']));
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 'local', 'path' => '/', 'quota_bytes' => '100']]));
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 'local', 'path' => 42]]));
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 's3', 'bucket' => 'b', 'access_key' => 'k',
    'secret_key' => 's', 'path_style' => 'yes']]));
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 'local', 'path' => new stdClass()]]));
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 7]]));
$deep = 'leaf';
for ($i = 0; $i < 7; $i++) {
    $deep = [$deep];
}
attempt(fn() => Collector::collect([['name' => 'a', 'type' => 'local', 'path' => '/', 'x' => $deep]]));
attempt(fn() => Collector::collect([], ['timeout_ms' => '100']));
attempt(fn() => Collector::collect([], ['verify_tls' => 1]));
attempt(fn() => Collector::collect([], ['ca_bundle' => false]));
attempt(fn() => Collector::collectFromFile([]));
?>
--EXPECT--
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) must be of type array, string given
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0: must be an array with string keys
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 'a': key 'quota_bytes' must be an integer
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 'a': key 'path' must be a string
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 'a': key 'path_style' must be a boolean
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 must not be of type stdClass
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 'a': key 'type' must be a string
TypeError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) destination #0 is nested deeper than 7 levels
TypeError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "timeout_ms" must be of type int, string given
TypeError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "verify_tls" must be of type bool, int given
TypeError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "ca_bundle" must be of type string, bool given
TypeError: Bjlg\Quota\Collector::collectFromFile(): Argument #1 ($path) must be of type string, array given
