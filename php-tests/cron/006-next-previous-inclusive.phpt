--TEST--
next() and previous(): strictly after/before, inclusive, seconds and microseconds of $from
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$utc = new DateTimeZone('UTC');
$min = Expression::parse('* * * * *');
$hourly = Expression::parse('0 * * * *');
$f = fn ($d) => $d->format('Y-m-d H:i:s.u P');
foreach (['10:07:30', '10:08:00', '10:08:00.000001', '10:07:59.999999'] as $t) {
    $from = new DateTimeImmutable("2025-01-15 $t", $utc);
    printf("from %-15s next %s | incl %s | previous %s | incl %s\n", $t, $f($min->next($from)),
           $f($min->next($from, null, true)), $f($min->previous($from)), $f($min->previous($from, null, true)));
}
$at = new DateTimeImmutable('2025-01-15 10:00:00', $utc);
echo $f($hourly->next($at)), ' ', $f($hourly->next($at, inclusive: true)), "\n";
echo $f($hourly->previous($at)), ' ', $f($hourly->previous($at, inclusive: true)), "\n";
// DateTime (mutable) works as well and is not modified.
$mutable = new DateTime('2025-01-15 10:07:30', $utc);
echo $f($hourly->next($mutable)), ' ', $f($mutable), "\n";
// previous() across a year and a leap day.
echo $f(Expression::parse('0 0 29 2 *')->previous(new DateTimeImmutable('2027-06-01', $utc))), "\n";
echo $f(Expression::parse('@yearly')->previous(new DateTimeImmutable('2025-01-01 00:00:00', $utc))), "\n";
// next() without $from is after now, previous() before now.
$now = time();
$n = $min->next()->getTimestamp();
$p = $min->previous()->getTimestamp();
var_dump($n > $now - 1 && $n <= $now + 120, $p <= $now + 60 && $p > $now - 121, $n % 60, $p % 60);
// Named arguments.
echo $f($hourly->next(from: $at, timezone: 'Asia/Tokyo')), "\n";
--EXPECT--
from 10:07:30        next 2025-01-15 10:08:00.000000 +00:00 | incl 2025-01-15 10:08:00.000000 +00:00 | previous 2025-01-15 10:07:00.000000 +00:00 | incl 2025-01-15 10:07:00.000000 +00:00
from 10:08:00        next 2025-01-15 10:09:00.000000 +00:00 | incl 2025-01-15 10:08:00.000000 +00:00 | previous 2025-01-15 10:07:00.000000 +00:00 | incl 2025-01-15 10:08:00.000000 +00:00
from 10:08:00.000001 next 2025-01-15 10:09:00.000000 +00:00 | incl 2025-01-15 10:09:00.000000 +00:00 | previous 2025-01-15 10:08:00.000000 +00:00 | incl 2025-01-15 10:08:00.000000 +00:00
from 10:07:59.999999 next 2025-01-15 10:08:00.000000 +00:00 | incl 2025-01-15 10:08:00.000000 +00:00 | previous 2025-01-15 10:07:00.000000 +00:00 | incl 2025-01-15 10:07:00.000000 +00:00
2025-01-15 11:00:00.000000 +00:00 2025-01-15 10:00:00.000000 +00:00
2025-01-15 09:00:00.000000 +00:00 2025-01-15 10:00:00.000000 +00:00
2025-01-15 11:00:00.000000 +00:00 2025-01-15 10:07:30.000000 +00:00
2024-02-29 00:00:00.000000 +00:00
2024-01-01 00:00:00.000000 +00:00
bool(true)
bool(true)
int(0)
int(0)
2025-01-15 20:00:00.000000 +09:00
