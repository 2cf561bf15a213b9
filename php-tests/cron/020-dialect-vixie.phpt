--TEST--
Dialect: Vixie/dragonmantank where the plugin has quirks (design §6.1 rows marked Q)
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
// Where the plugin's own parser has quirks (marked Q in design §6.1), bjlg follows Vixie cron and
// dragonmantank/cron-expression. From 2025-01-15 10:07:30 UTC, a Wednesday.
use Bjlg\Cron\Expression;

$from = new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('UTC'));
$show = function (string $text, string $format = 'Y-m-d D H:i') use ($from) {
    try {
        $runs = Expression::parse($text)->nextRuns(6, $from);
        printf("%-16s %s\n", $text, implode(', ', array_map(fn ($d) => $d->format($format), $runs)));
    } catch (Bjlg\Cron\SyntaxError $e) {
        printf("%-16s SyntaxError: %s\n", $text, $e->getMessage());
    }
};
$show('5/15 * * * *', 'H:i');      // 5,20,35,50 (plugin: minute 5 only)
$show('0 0 * * 0-7', 'D');         // every day (plugin: Sunday only)
$show('0 0 * * 5-7', 'D');         // Friday to Sunday (plugin: 0-5)
$show('0 12 * * 5-1');             // reversed range: an error (plugin: swapped)
$show('0,1 * * * *', 'H:i');       // :00 and :01 (plugin's preview: hourly)
$show('0-1 * * * *', 'H:i');
$show('0 0 * * mon/2', 'D');       // Vixie: MON-SUN/2 (plugin: Monday only)
$show('*/90 * * * *', 'H:i');      // refused: the step exceeds the range
$show('0 0 1,,2 * *');             // refused: empty list item (plugin: ignored)
$show('0 0 */2 * 1', 'D d');       // OR of both day fields, as dragonmantank (Vixie: AND)
--EXPECT--
5/15 * * * *     10:20, 10:35, 10:50, 11:05, 11:20, 11:35
0 0 * * 0-7      Thu, Fri, Sat, Sun, Mon, Tue
0 0 * * 5-7      Fri, Sat, Sun, Fri, Sat, Sun
0 12 * * 5-1     SyntaxError: day-of-week field, position 9: reversed range 5-1: the start must not come after the end (try: 1-5)
0,1 * * * *      11:00, 11:01, 12:00, 12:01, 13:00, 13:01
0-1 * * * *      11:00, 11:01, 12:00, 12:01, 13:00, 13:01
0 0 * * mon/2    Fri, Sun, Mon, Wed, Fri, Sun
*/90 * * * *     SyntaxError: minute field, position 2: step 90 is larger than the minute range 0-59, so it would fire only once per hour
0 0 1,,2 * *     SyntaxError: day-of-month field, position 6: empty item in the list
0 0 */2 * 1      Fri 17, Sun 19, Mon 20, Tue 21, Thu 23, Sat 25
