--TEST--
Bjlg\Remote\Purge: an s3 secret_key never shows in a plan, a run result, an exception message, its string form or its trace (unreachable endpoint, refused destinations, bad arguments)
--EXTENSIONS--
bjlg
--INI--
zend.exception_ignore_args=0
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

$secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
$s3 = ['name' => 'offsite', 'type' => 's3', 'bucket' => 'backups', 'region' => 'us-east-1', 'access_key' => 'AKIDEXAMPLE',
       'secret_key' => $secret, 'endpoint' => 'http://127.0.0.1:1', 'path_style' => true, 'allow_private_network' => true];
$leaks = [];
function check(string $what, $value): void
{
    global $secret, $leaks;
    $text = print_r($value, true) . json_encode($value) . var_export($value, true);
    if (str_contains($text, $secret) || str_contains($text, rawurlencode($secret))) $leaks[] = $what;
}
function attempt(string $what, callable $f): void
{
    try {
        $f();
        echo "$what: no exception\n";
    } catch (\Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
        check("$what message", $e->getMessage());
        check("$what string", (string) $e);
        check("$what trace", $e->getTrace());
        check("$what trace string", $e->getTraceAsString());
        for ($p = $e->getPrevious(); $p !== null; $p = $p->getPrevious()) check("$what previous", (string) $p);
    }
}

// The check itself finds the secret (also URL-encoded) in a nested value.
check('self-test', ['deep' => ['x' => 'key=' . rawurlencode($secret)]]);
echo json_encode($leaks), "\n";
$leaks = [];

// An unreachable endpoint: a per-destination error, the secret nowhere in the plan.
$now = time();
$plan = Purge::plan([$s3], ['keep_last' => 1], ['now' => $now, 'timeout_ms' => 5000, 'retries' => 0]);
$d = $plan['destinations']['offsite'];
echo 'ok=', json_encode($d['ok']), ' code=', $d['error']['code'], ' message: ', $d['error']['message'], ' failed_destinations=', $plan['totals']['failed_destinations'], "\n";
check('plan', $plan);

// run() on a plan that deletes there: refused per destination, the secret nowhere in the result.
$plan['destinations']['offsite']['delete'] = [['name' => 'backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip', 'size' => 10]];
$r = Purge::run($plan, ['destinations' => [$s3], 'now' => $now, 'timeout_ms' => 5000, 'retries' => 0]);
echo "deleted={$r['deleted']} failed={$r['failed']} ", $r['events'][0]['status'], '/', $r['events'][0]['outcome'], ' ', $r['events'][0]['error_code'], "\n";
check('run', $r);

// Exceptions thrown while the destinations (plan's argument #1, run's argument #2) are in scope.
attempt('bad policy', fn () => Purge::plan([$s3], ['keep_last' => -1]));
attempt('bad option', fn () => Purge::plan([$s3], [], ['lang' => 'xx']));
attempt('refused destination', fn () => Purge::plan([$s3 + ['colour' => $secret]], []));
attempt('bad endpoint', fn () => Purge::plan([['endpoint' => 'ftp://' . $secret] + $s3], []));
attempt('mistyped secret', fn () => Purge::plan([['access_key' => ['x' => $secret]] + $s3], []));
attempt('run malformed plan', fn () => Purge::run(['version' => 2], ['destinations' => [$s3]]));
attempt('run bad option', fn () => Purge::run($plan, ['destinations' => [$s3], 'parallel' => 0]));
attempt('run stale plan', fn () => Purge::run($plan, ['destinations' => [$s3], 'now' => $now + 7200]));
attempt('run progress throws', fn () => Purge::run($plan, ['destinations' => [$s3], 'now' => $now, 'timeout_ms' => 5000,
    'progress' => function () use ($secret) { throw new RuntimeException('stop'); }]));
echo $leaks === [] ? "the secret appears nowhere\n" : 'LEAKED in: ' . implode(', ', $leaks) . "\n";
?>
--EXPECT--
["self-test"]
ok=false code=unreachable message: S3 ListObjectsV2: 127.0.0.1:1: Couldn't connect to server failed_destinations=1
deleted=0 failed=1 failed/refused unreachable
bad policy: ValueError: Bjlg\Remote\Purge::plan(): Argument #2 ($policy) key "keep_last" must be an integer between 0 and 1000000, -1 given
bad option: Bjlg\OptionError: Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "lang" must be "en" or "fr"
refused destination: Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'colour' is not a setting of type s3
bad endpoint: Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'endpoint' must start with http:// or https://
mistyped secret: TypeError: Bjlg\Remote\Purge::plan(): Argument #1 ($destinations) destination #0 'offsite': key 'access_key' must be a string
run malformed plan: ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is not one Purge::plan() made (version 1)
run bad option: Bjlg\OptionError: Bjlg\Remote\Purge::run(): Argument #2 ($options) option "parallel" must be between 1 and 64
run stale plan: ValueError: Bjlg\Remote\Purge::run(): Argument #1 ($plan) the plan is 7200 s old, more than max_plan_age (3600 s): plan again
run progress throws: Bjlg\Remote\CancelledException: purge cancelled
the secret appears nowhere
