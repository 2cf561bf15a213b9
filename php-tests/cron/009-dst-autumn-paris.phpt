--TEST--
DST policy, autumn fold in Europe/Paris: fixed-time runs once, periodic runs twice
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
// Europe/Paris, 2025-10-26: clocks go back from 03:00 CEST to 02:00 CET.
use Bjlg\Cron\Expression;

$paris = new DateTimeZone('Europe/Paris');
$f = fn ($d) => $d->format('Y-m-d H:i T P U');
$from = new DateTimeImmutable('2025-10-26 01:10', $paris);
// A fixed time in the fold runs once, at its first occurrence.
echo implode("\n", array_map($f, Expression::parse('30 2 * * *')->nextRuns(2, $from))), "\n--\n";
// Periodic hours happen at every real hour: both 02:00.
echo implode("\n", array_map($f, Expression::parse('0 * * * *')->nextRuns(3, $from))), "\n--\n";
echo implode("\n", array_map($f, Expression::parse('*/30 * * * *')->nextRuns(6, $from))), "\n--\n";
// From the second 02:10 (CET), the fixed 02:30 is not repeated.
$second = (new DateTimeImmutable('2025-10-26 01:10 UTC'))->setTimezone($paris);
echo $f($second), ' -> ', $f(Expression::parse('30 2 * * *')->next($second)), "\n";
// previous() walks back over the fold.
$e = Expression::parse('0 * * * *');
echo implode("\n", array_map($f, [$e->previous(new DateTimeImmutable('2025-10-26 03:30', $paris)),
                                   $e->previous($e->previous(new DateTimeImmutable('2025-10-26 03:30', $paris)))])), "\n";
// matches(): the first 02:30 matches, the second does not.
$first = new DateTimeImmutable('2025-10-26 02:30 +02:00');
$again = new DateTimeImmutable('2025-10-26 02:30 +01:00');
var_dump(Expression::parse('30 2 * * *')->matches($first, $paris), Expression::parse('30 2 * * *')->matches($again, $paris),
         Expression::parse('30 * * * *')->matches($again, $paris));
--EXPECT--
2025-10-26 02:30 CEST +02:00 1761438600
2025-10-27 02:30 CET +01:00 1761528600
--
2025-10-26 02:00 CEST +02:00 1761436800
2025-10-26 02:00 CET +01:00 1761440400
2025-10-26 03:00 CET +01:00 1761444000
--
2025-10-26 01:30 CEST +02:00 1761435000
2025-10-26 02:00 CEST +02:00 1761436800
2025-10-26 02:30 CEST +02:00 1761438600
2025-10-26 02:00 CET +01:00 1761440400
2025-10-26 02:30 CET +01:00 1761442200
2025-10-26 03:00 CET +01:00 1761444000
--
2025-10-26 02:10 CET +01:00 1761441000 -> 2025-10-27 02:30 CET +01:00 1761528600
2025-10-26 03:00 CET +01:00 1761444000
2025-10-26 02:00 CET +01:00 1761440400
bool(true)
bool(false)
bool(true)
