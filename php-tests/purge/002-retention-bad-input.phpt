--TEST--
Bjlg\Remote\Retention::evaluate: bad types and values name the argument, the archive or the key
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Remote\Retention;

function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$ok = [['name' => 'backup-full-2026-03-01-02-00-00-abc.zip', 'size' => 1]];
attempt(fn () => Retention::evaluate('x', []));
attempt(fn () => Retention::evaluate($ok, ['keep_daily' => -1]));
attempt(fn () => Retention::evaluate($ok, ['keep_daily' => '7']));
attempt(fn () => Retention::evaluate($ok, ['keep_hourly' => 1]));
attempt(fn () => Retention::evaluate($ok, ['max_age_days' => 0]));
attempt(fn () => Retention::evaluate($ok, ['keep_verified' => 'yes']));
attempt(fn () => Retention::evaluate($ok, ['timezone' => 'Mars/Olympus']));
attempt(fn () => Retention::evaluate($ok, ['target_ratio' => 2]));
attempt(fn () => Retention::evaluate($ok, ['lead_days' => 3]));
attempt(fn () => Retention::evaluate($ok, [1, 2]));
attempt(fn () => Retention::evaluate($ok, ['keep_last' => new stdClass()]));
attempt(fn () => Retention::evaluate([['size' => 1]], []));
attempt(fn () => Retention::evaluate([['name' => '']], []));
attempt(fn () => Retention::evaluate([['name' => 'a', 'size' => -5]], []));
attempt(fn () => Retention::evaluate([['name' => 'a', 'size' => 1.5]], []));
attempt(fn () => Retention::evaluate([['name' => 'a', 'mtime' => 'yesterday']], []));
attempt(fn () => Retention::evaluate([['name' => 'a', 'verified' => 1]], []));
attempt(fn () => Retention::evaluate(['nope'], []));
attempt(fn () => Retention::evaluate(['x' => ['name' => 'a']], []));
attempt(fn () => Retention::evaluate([['name' => 'a'], ['name' => 'a']], []));
attempt(fn () => Retention::evaluate($ok, [], ['lang' => 'de']));
attempt(fn () => Retention::evaluate($ok, [], ['lang' => 1]));
attempt(fn () => Retention::evaluate($ok, [], ['now' => 'today']));
attempt(fn () => Retention::evaluate($ok, [], ['color' => 'red']));
attempt(fn () => new Retention());
?>
--EXPECT--
TypeError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) must be of type array, string given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "keep_daily" must be an integer between 0 and 1000000, -1 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "keep_daily" must be an integer between 0 and 1000000, "7" given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) unknown key "keep_hourly" (known: keep_last, keep_daily, keep_weekly, keep_monthly, keep_yearly, max_age_days, min_keep, keep_verified, timezone, target_ratio, lead_days)
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "max_age_days" must be an integer between 1 and 36500, 0 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "keep_verified" must be true or false, "yes" given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "timezone": unknown time zone "Mars/Olympus"
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "target_ratio" must be a number > 0 and <= 1, 2 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) key "lead_days" needs "target_ratio" (the share of the quota to stay under)
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) the policy must be a map of keys
TypeError: Bjlg\Remote\Retention::evaluate(): Argument #2 ($policy) must not be of type stdClass
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "name" is missing
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "name" must be a non-empty string, "" given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "size" must be an integer >= 0, -5 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "size" must be an integer >= 0, 1.5 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "mtime" must be Unix seconds or an ISO 8601 date, "yesterday" given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0: field "verified" must be true or false, 1 given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 0 must be an array with a "name", "nope" given
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) must be a list of archives
ValueError: Bjlg\Remote\Retention::evaluate(): Argument #1 ($archives) archive 1: the name "a" is listed twice
Bjlg\OptionError: Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) option "lang" must be "en" or "fr"
TypeError: Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) option "lang" must be of type string, int given
TypeError: Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) option "now" must be of type int|DateTimeInterface, string given
Bjlg\OptionError: Bjlg\Remote\Retention::evaluate(): Argument #3 ($options) contains an unknown option "color"
Error: Call to private Bjlg\Remote\Retention::__construct() from global scope
