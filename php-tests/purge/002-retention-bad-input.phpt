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
