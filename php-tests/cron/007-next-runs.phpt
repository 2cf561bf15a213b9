--TEST--
nextRuns(): a list of DateTimeImmutable, count 1 to 10000
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Cron\Expression;

$e = Expression::parse('*/20 * * * *');
$from = new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('UTC'));
foreach ($e->nextRuns(4, $from) as $i => $run) echo $i, ' ', get_class($run), ' ', $run->format('c'), "\n";
echo implode(' ', array_map(fn ($d) => $d->format('H:i'), $e->nextRuns(2, new DateTimeImmutable('2025-01-15 10:20', new DateTimeZone('UTC')), null, true))), "\n";
var_dump(count($e->nextRuns(10000, $from)), $e->nextRuns(10000, $from)[9999]->format('c'));
var_dump(array_is_list($e->nextRuns(3, $from)));
foreach ([0, -1, 10001, PHP_INT_MAX, PHP_INT_MIN] as $count) {
    try { $e->nextRuns($count, $from); } catch (ValueError|TypeError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
foreach (['3', 3.0, null, [3]] as $count) {
    try { echo count($e->nextRuns($count, $from)), "\n"; } catch (TypeError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
// The runs agree with next() called in a loop.
$loop = [];
$at = $from;
$x = Expression::parse('0 9-17/4 * * mon-fri');
for ($i = 0; $i < 50; $i++) { $at = $x->next($at); $loop[] = $at->format('c'); }
var_dump($loop === array_map(fn ($d) => $d->format('c'), $x->nextRuns(50, $from)));
// Near year 9999 fewer runs come back.
$late = new DateTimeImmutable('9999-12-31 22:00', new DateTimeZone('UTC'));
echo implode(' ', array_map(fn ($d) => $d->format('Y-m-d H:i'), Expression::parse('0 * * * *')->nextRuns(5, $late))), "\n";
try { Expression::parse('0 * * * *')->next(new DateTimeImmutable('9999-12-31 23:30', new DateTimeZone('UTC'))); }
catch (Bjlg\Cron\NoRunException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
--EXPECT--
0 DateTimeImmutable 2025-01-15T10:20:00+00:00
1 DateTimeImmutable 2025-01-15T10:40:00+00:00
2 DateTimeImmutable 2025-01-15T11:00:00+00:00
3 DateTimeImmutable 2025-01-15T11:20:00+00:00
10:20 10:40
int(10000)
string(25) "2025-06-03T07:20:00+00:00"
bool(true)
ValueError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be between 1 and 10000
ValueError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be between 1 and 10000
ValueError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be between 1 and 10000
ValueError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be between 1 and 10000
ValueError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be between 1 and 10000
TypeError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be of type int, string given
TypeError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be of type int, float given
TypeError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be of type int, null given
TypeError: Bjlg\Cron\Expression::nextRuns(): Argument #1 ($count) must be of type int, array given
bool(true)
9999-12-31 23:00
Bjlg\Cron\NoRunException: The cron expression "0 * * * *" has no run after this date before year 10000
