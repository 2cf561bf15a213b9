--TEST--
DST policy, spring gap in Europe/Paris: fixed-time runs move after the gap, periodic runs skip it
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
// Europe/Paris, 2025-03-30: clocks jump from 02:00 to 03:00.
use Bjlg\Cron\Expression;

$paris = new DateTimeZone('Europe/Paris');
$f = fn ($d) => $d->format('Y-m-d H:i T P');
$from = new DateTimeImmutable('2025-03-29 12:00', $paris);
// A fixed time inside the gap runs once, at the first instant after the gap.
echo implode("\n", array_map($f, Expression::parse('30 2 * * *')->nextRuns(3, $from))), "\n--\n";
echo implode("\n", array_map($f, Expression::parse('0 2 * * *')->nextRuns(2, $from))), "\n--\n";
// Periodic hours happen at every real hour: none in the gap.
echo implode("\n", array_map($f, Expression::parse('0 * * * *')->nextRuns(4, new DateTimeImmutable('2025-03-30 00:30', $paris)))), "\n--\n";
echo implode("\n", array_map($f, Expression::parse('*/30 * * * *')->nextRuns(4, new DateTimeImmutable('2025-03-30 01:10', $paris)))), "\n--\n";
// previous() from after the gap finds the moved run.
echo $f(Expression::parse('30 2 * * *')->previous(new DateTimeImmutable('2025-03-30 12:00', $paris))), "\n";
// matches(): the moved run matches at 03:00, a wall time in the gap cannot be reached.
$e = Expression::parse('30 2 * * *');
var_dump($e->matches(new DateTimeImmutable('2025-03-30 03:00', $paris)), $e->matches(new DateTimeImmutable('2025-03-31 02:30', $paris)),
         $e->matches(new DateTimeImmutable('2025-03-31 03:00', $paris)));
// The same expression in UTC is not affected.
echo $f($e->next($from, 'UTC')), "\n";
--EXPECT--
2025-03-30 03:00 CEST +02:00
2025-03-31 02:30 CEST +02:00
2025-04-01 02:30 CEST +02:00
--
2025-03-30 03:00 CEST +02:00
2025-03-31 02:00 CEST +02:00
--
2025-03-30 01:00 CET +01:00
2025-03-30 03:00 CEST +02:00
2025-03-30 04:00 CEST +02:00
2025-03-30 05:00 CEST +02:00
--
2025-03-30 01:30 CET +01:00
2025-03-30 03:00 CEST +02:00
2025-03-30 03:30 CEST +02:00
2025-03-30 04:00 CEST +02:00
--
2025-03-30 03:00 CEST +02:00
bool(true)
bool(true)
bool(false)
2025-03-30 02:30 UTC +00:00
