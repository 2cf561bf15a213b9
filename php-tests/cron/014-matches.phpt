--TEST--
matches(): the minute containing $at, in a zone
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$utc = new DateTimeZone('UTC');
$e = Expression::parse('*/15 9-17 * * 1-5');
foreach (['2025-01-15 09:00:00', '2025-01-15 09:15:59', '2025-01-15 09:16:00', '2025-01-15 17:45', '2025-01-15 18:00',
          '2025-01-18 10:00', '2025-01-15 09:00:00.999999'] as $t) {
    printf("%-27s %s\n", $t, var_export($e->matches(new DateTimeImmutable($t, $utc)), true));
}
// The zone decides the wall clock: 08:00 UTC is 09:00 in Paris.
$at = new DateTimeImmutable('2025-01-15 08:00', $utc);
var_dump($e->matches($at), $e->matches($at, 'Europe/Paris'), $e->matches($at, new DateTimeZone('Europe/Paris')),
         $e->matches($at->setTimezone(new DateTimeZone('Europe/Paris'))));
// Every run that next() returns matches; the minute before does not.
$x = Expression::parse('0 0 * * 5L');
$run = $x->next(new DateTimeImmutable('2025-01-01', $utc));
var_dump($x->matches($run), $x->matches($run->modify('-1 minute')));
// L and W days.
var_dump(Expression::parse('0 0 LW * *')->matches(new DateTimeImmutable('2025-05-30', $utc)),
         Expression::parse('0 0 LW * *')->matches(new DateTimeImmutable('2025-05-31', $utc)));
--EXPECT--
2025-01-15 09:00:00         true
2025-01-15 09:15:59         true
2025-01-15 09:16:00         false
2025-01-15 17:45            true
2025-01-15 18:00            false
2025-01-18 10:00            false
2025-01-15 09:00:00.999999  true
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
