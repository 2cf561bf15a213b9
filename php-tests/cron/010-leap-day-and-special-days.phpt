--TEST--
Leap day, L, LW, nW, nL and n#k
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$utc = new DateTimeZone('UTC');
$from = new DateTimeImmutable('2025-01-15', $utc);
$show = function (string $text, int $n = 4) use ($from) {
    $runs = Expression::parse($text)->nextRuns($n, $from);
    printf("%-14s %s\n", $text, implode(', ', array_map(fn ($d) => $d->format('Y-m-d D'), $runs)));
};
$show('0 0 29 2 *', 3);     // leap days only
$show('0 0 * 2 5#5', 2);    // a fifth Friday in February: leap years whose February starts on a Friday
$show('0 0 L * *');         // last day of the month
$show('0 0 L 2 *');
$show('0 0 LW * *');        // last weekday of the month
$show('0 0 15W * *');       // weekday nearest the 15th
$show('0 0 1W * *');        // never jumps to the previous month
$show('0 0 31W * *');
$show('0 0 * * 5L');        // last Friday
$show('0 0 * * 1#1');       // first Monday
$show('0 0 * * MON#2,FRI#3');
$show('0 0 13 * FRI');      // OR: the 13th or a Friday
$show('0 0 ? * FRI');
--EXPECT--
0 0 29 2 *     2028-02-29 Tue, 2032-02-29 Sun, 2036-02-29 Fri
0 0 * 2 5#5    2036-02-29 Fri, 2064-02-29 Fri
0 0 L * *      2025-01-31 Fri, 2025-02-28 Fri, 2025-03-31 Mon, 2025-04-30 Wed
0 0 L 2 *      2025-02-28 Fri, 2026-02-28 Sat, 2027-02-28 Sun, 2028-02-29 Tue
0 0 LW * *     2025-01-31 Fri, 2025-02-28 Fri, 2025-03-31 Mon, 2025-04-30 Wed
0 0 15W * *    2025-02-14 Fri, 2025-03-14 Fri, 2025-04-15 Tue, 2025-05-15 Thu
0 0 1W * *     2025-02-03 Mon, 2025-03-03 Mon, 2025-04-01 Tue, 2025-05-01 Thu
0 0 31W * *    2025-01-31 Fri, 2025-03-31 Mon, 2025-05-30 Fri, 2025-07-31 Thu
0 0 * * 5L     2025-01-31 Fri, 2025-02-28 Fri, 2025-03-28 Fri, 2025-04-25 Fri
0 0 * * 1#1    2025-02-03 Mon, 2025-03-03 Mon, 2025-04-07 Mon, 2025-05-05 Mon
0 0 * * MON#2,FRI#3 2025-01-17 Fri, 2025-02-10 Mon, 2025-02-21 Fri, 2025-03-10 Mon
0 0 13 * FRI   2025-01-17 Fri, 2025-01-24 Fri, 2025-01-31 Fri, 2025-02-07 Fri
0 0 ? * FRI    2025-01-17 Fri, 2025-01-24 Fri, 2025-01-31 Fri, 2025-02-07 Fri
