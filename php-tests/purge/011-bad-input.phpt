--TEST--
Bjlg\Remote\Purge: TypeError and ValueError for every argument and option of plan() and run(), destinations refused, missing destinations option, unknown options, malformed plans
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', str_replace($GLOBALS['dir'], 'DIR', $e->getMessage()), "\n";
    }
}
$dir = sys_get_temp_dir() . '/bjlg-purge-bad-' . getmypid();
@mkdir($dir, 0700, true);
for ($d = 1; $d <= 3; $d++) file_put_contents("$dir/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $d), 'x');
$dest = [['name' => 'nas', 'type' => 'local', 'path' => $dir]];
$now = time();
$plan = Purge::plan($dest, ['keep_last' => 1], ['now' => $now]);
$ok = ['destinations' => $dest, 'now' => $now];

echo "-- plan(): arguments\n";
attempt(fn () => Purge::plan('x', []));
attempt(fn () => Purge::plan($dest, 'x'));
attempt(fn () => Purge::plan($dest, [], 'x'));
attempt(fn () => Purge::plan($dest));
attempt(fn () => Purge::plan($dest, ['keep_last' => -1]));
attempt(fn () => Purge::plan($dest, ['keep_daily' => '7']));
attempt(fn () => Purge::plan($dest, ['keep_hourly' => 1]));
attempt(fn () => Purge::plan($dest, ['timezone' => 'Mars/Olympus']));
echo "-- plan(): destinations refused\n";
attempt(fn () => Purge::plan(['x'], []));
attempt(fn () => Purge::plan([['name' => 'x', 'type' => 'ftp']], []));
attempt(fn () => Purge::plan([['name' => 'x', 'type' => 'local']], []));
attempt(fn () => Purge::plan([['type' => 'local', 'path' => $dir]], []));
attempt(fn () => Purge::plan([['name' => 'x', 'type' => 'local', 'path' => $dir, 'colour' => 'red']], []));
attempt(fn () => Purge::plan([$dest[0], $dest[0]], []));
echo "-- plan(): options\n";
foreach ([['now' => 'x'], ['now' => 1.5], ['lang' => 'de'], ['lang' => 1], ['forecasts' => 'x'], ['forecasts' => [1, 2]],
          ['verified' => 'x'], ['verified' => [1]], ['timeout_ms' => 0], ['timeout_ms' => 3600001], ['timeout_ms' => '1'],
          ['retries' => 11], ['retries' => -1], ['retries' => true], ['retry_base_ms' => -1], ['retry_base_ms' => 60001],
          ['verify_tls' => 1], ['ca_bundle' => 1], ['ca_bundle' => ''], ['allow_private_network' => 'yes'],
          ['test_endpoints' => 1], ['max_plan_age' => 10], ['colour' => 1], [1]] as $o) {
    echo json_encode($o), ' ';
    attempt(fn () => Purge::plan($dest, [], $o));
}
echo "-- run(): arguments and options\n";
attempt(fn () => Purge::run('x', $ok));
attempt(fn () => Purge::run($plan, 'x'));
attempt(fn () => Purge::run($plan));
attempt(fn () => Purge::run($plan, ['now' => $now]));
attempt(fn () => Purge::run($plan, []));
foreach ([['destinations' => 'x'], ['destinations' => []], ['destinations' => [['name' => 'nas', 'type' => 'local']]],
          ['destinations' => [['name' => 'nas', 'type' => 'local', 'path' => $dir, 'colour' => 1]]],
          ['destinations' => [['name' => 'nas', 'type' => 'webdav', 'url' => 'https://dav.example/']]],
          ['destinations' => [['name' => 'nas', 'type' => 'gdrive', 'access_token' => 't']]],
          ['now' => 'x'], ['max_plan_age' => 0], ['max_plan_age' => 31536001], ['max_plan_age' => '1'],
          ['journal' => 1], ['journal' => ''], ['journal' => "a\0b"], ['parallel' => 0], ['parallel' => 65], ['parallel' => '4'],
          ['batch_size' => 0], ['batch_size' => 1001], ['batch_size' => 1.5], ['progress' => 'no_such_function'], ['progress' => 1],
          ['timeout_ms' => 0], ['retries' => 11], ['retry_base_ms' => 'x'], ['verify_tls' => 'x'], ['ca_bundle' => []],
          ['allow_private_network' => 1], ['test_endpoints' => 'x'], ['lang' => 'fr'], ['colour' => 1], [5 => 1]] as $o) {
    echo str_replace($dir, 'DIR', json_encode($o, JSON_UNESCAPED_SLASHES)), ' ';
    attempt(fn () => Purge::run($plan, $o + $ok));
}
echo "-- run(): malformed plans\n";
function with(array $plan, callable $change): array
{
    $change($plan);
    return $plan;
}
attempt(fn () => Purge::run([], $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['version'] = 2; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['version'] = '1'; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { unset($p['planned_at']); }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['planned_at'] = (string) $p['planned_at']; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { unset($p['destinations']); }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations'] = 'x'; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas'] = 'x'; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['delete'][0]['size'] = -1; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['keep'][0]['size'] = -5; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['delete'][1]['size'] = 1.5; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { unset($p['destinations']['nas']['delete'][0]['size']); }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { unset($p['destinations']['nas']['delete'][0]['name']); }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['delete'][0]['name'] = ''; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['delete'] = 'x'; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['keep'] = [1]; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['nas']['type'] = 's3'; }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { unset($p['destinations']['nas']['type']); }), $ok));
attempt(fn () => Purge::run(with($plan, function (&$p) { $p['destinations']['other'] = $p['destinations']['nas']; }), $ok));
// None of this deleted anything.
echo count(glob("$dir/*")), " archives left\n";
echo "-- loadDestinations(), the class\n";
attempt(fn () => Purge::loadDestinations(''));
attempt(fn () => Purge::loadDestinations("a\0b"));
attempt(fn () => Purge::loadDestinations([]));
attempt(fn () => new Purge());
foreach (glob("$dir/*") as $f) unlink($f);
rmdir($dir);
?>
--EXPECT--
-- plan(): arguments
TypeError: Bjlg\Remote\Purge::plan(): Argument #1 ($destinations) must be of type array, string given
TypeError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) must be of type array, string given
TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) must be of type array, string given
ArgumentCountError: Bjlg\Remote\Purge::plan() expects at least 2 arguments, 1 given
ValueError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) key "keep_last" must be an integer between 0 and 1000000, -1 given
ValueError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) key "keep_daily" must be an integer between 0 and 1000000, "7" given
ValueError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) unknown key "keep_hourly" (known: keep_last, keep_daily, keep_weekly, keep_monthly, keep_yearly, max_age_days, min_keep, keep_verified, timezone, target_ratio, lead_days)
ValueError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) key "timezone": unknown time zone "Mars/Olympus"
-- plan(): destinations refused
TypeError: Bjlg\Remote\Purge::plan(): Argument #1 ($destinations) destination #0: must be an array with string keys
Bjlg\Quota\InvalidDestinationException: destination #0 'x': key 'type' must be one of s3, azure, b2, gdrive, dropbox, onedrive, pcloud, webdav, sftp, local
Bjlg\Quota\InvalidDestinationException: destination #0 'x': key 'path' is required
Bjlg\Quota\InvalidDestinationException: destination #0: key 'name' is required
Bjlg\Quota\InvalidDestinationException: destination #0 'x': key 'colour' is not a setting of type local
Bjlg\Quota\InvalidDestinationException: destination #1 'nas': key 'name' is used by another destination; names must be unique
-- plan(): options
{"now":"x"} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "now" must be of type int|DateTimeInterface, string given
{"now":1.5} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "now" must be of type int|DateTimeInterface, float given
{"lang":"de"} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "lang" must be "en" or "fr"
{"lang":1} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "lang" must be of type string, int given
{"forecasts":"x"} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "forecasts" must be of type array, string given
{"forecasts":[1,2]} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "forecasts" must be an array keyed by destination
{"verified":"x"} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "verified" must be of type array, string given
{"verified":[1]} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "verified" must contain only strings, int given
{"timeout_ms":0} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "timeout_ms" must be between 1 and 3600000
{"timeout_ms":3600001} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "timeout_ms" must be between 1 and 3600000
{"timeout_ms":"1"} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "timeout_ms" must be of type int, string given
{"retries":11} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "retries" must be between 0 and 10
{"retries":-1} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "retries" must be between 0 and 10
{"retries":true} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "retries" must be of type int, bool given
{"retry_base_ms":-1} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "retry_base_ms" must be between 0 and 60000
{"retry_base_ms":60001} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "retry_base_ms" must be between 0 and 60000
{"verify_tls":1} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "verify_tls" must be of type bool, int given
{"ca_bundle":1} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "ca_bundle" must be of type string, int given
{"ca_bundle":""} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "ca_bundle" must be a non-empty path without null bytes
{"allow_private_network":"yes"} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "allow_private_network" must be of type bool, string given
{"test_endpoints":1} TypeError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "test_endpoints" must be of type bool, int given
{"max_plan_age":10} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) contains an unknown option "max_plan_age"
{"colour":1} Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) contains an unknown option "colour"
[1] ValueError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) must be an array with string keys
-- run(): arguments and options
TypeError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) must be of type array, string given
TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) must be of type array, string given
ArgumentCountError: Bjlg\Remote\Purge::run() expects exactly 2 arguments, 1 given
Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "destinations" is required: the destinations given to plan()
Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "destinations" is required: the destinations given to plan()
{"destinations":"x"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "destinations" must be of type array, string given
{"destinations":[]} ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' is not among the destinations given
{"destinations":[{"name":"nas","type":"local"}]} Bjlg\Quota\InvalidDestinationException: destination #0 'nas': key 'path' is required
{"destinations":[{"name":"nas","type":"local","path":"DIR","colour":1}]} Bjlg\Quota\InvalidDestinationException: destination #0 'nas': key 'colour' is not a setting of type local
{"destinations":[{"name":"nas","type":"webdav","url":"https://dav.example/"}]} ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' has another type than the destination given
{"destinations":[{"name":"nas","type":"gdrive","access_token":"t"}]} ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' has another type than the destination given
{"now":"x"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "now" must be of type int|DateTimeInterface, string given
{"max_plan_age":0} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "max_plan_age" must be between 1 and 31536000 seconds
{"max_plan_age":31536001} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "max_plan_age" must be between 1 and 31536000 seconds
{"max_plan_age":"1"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "max_plan_age" must be of type int, string given
{"journal":1} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "journal" must be of type string, int given
{"journal":""} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "journal" must be a non-empty path without null bytes
{"journal":"a\u0000b"} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "journal" must be a non-empty path without null bytes
{"parallel":0} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "parallel" must be between 1 and 64
{"parallel":65} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "parallel" must be between 1 and 64
{"parallel":"4"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "parallel" must be of type int, string given
{"batch_size":0} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "batch_size" must be between 1 and 1000
{"batch_size":1001} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "batch_size" must be between 1 and 1000
{"batch_size":1.5} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "batch_size" must be of type int, float given
{"progress":"no_such_function"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "progress" must be a valid callback
{"progress":1} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "progress" must be a valid callback
{"timeout_ms":0} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "timeout_ms" must be between 1 and 3600000
{"retries":11} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "retries" must be between 0 and 10
{"retry_base_ms":"x"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "retry_base_ms" must be of type int, string given
{"verify_tls":"x"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "verify_tls" must be of type bool, string given
{"ca_bundle":[]} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "ca_bundle" must be of type string, array given
{"allow_private_network":1} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "allow_private_network" must be of type bool, int given
{"test_endpoints":"x"} TypeError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "test_endpoints" must be of type bool, string given
{"lang":"fr"} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) contains an unknown option "lang"
{"colour":1} Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) contains an unknown option "colour"
{"5":1} ValueError: Bjlg\Remote\Purge::run(): Argument #2 ($options) must be an array with string keys
-- run(): malformed plans
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is not one Purge::plan() made (version 1)
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is not one Purge::plan() made (version 1)
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is not one Purge::plan() made (version 1)
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan has no integer planned_at
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan has no integer planned_at
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan has no destinations
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan has no destinations
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' must be an array
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete[0].size must be an integer >= 0
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.keep[0].size must be an integer >= 0
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete[1].size must be an integer >= 0
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete[0].size must be an integer >= 0
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete[0] must be an archive with a name
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete[0] must be an archive with a name
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.delete must be a list
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas'.keep[0] must be an archive with a name
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' has another type than the destination given
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'nas' has another type than the destination given
ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) plan destination 'other' is not among the destinations given
3 archives left
-- loadDestinations(), the class
ValueError: Bjlg\Remote\Purge::loadDestinations(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Remote\Purge::loadDestinations(): Argument #1 ($path) must not contain any null bytes
TypeError: Bjlg\Remote\Purge::loadDestinations(): Argument #1 ($path) must be of type string, array given
Error: Call to private Bjlg\Remote\Purge::__construct() from global scope
