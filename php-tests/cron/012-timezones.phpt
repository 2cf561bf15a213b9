--TEST--
The $timezone argument: string, DateTimeZone, null (zone of $from, offset and abbreviation types), invalid zones
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$e = Expression::parse('0 9 * * *');
$f = fn ($d) => $d->format('Y-m-d H:i P') . ' type=' . json_decode(json_encode($d))->timezone_type . ' ' . $d->getTimezone()->getName();
$utcFrom = new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('UTC'));
// $timezone as a string, a DateTimeZone, or null (the zone of $from).
echo $f($e->next($utcFrom, 'Europe/Paris')), "\n";
echo $f($e->next($utcFrom, new DateTimeZone('America/New_York'))), "\n";
echo $f($e->next(new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('Asia/Tokyo')))), "\n";
// Offset zones (type 1) and abbreviations (type 2) give fixed offsets and keep their type.
echo $f($e->next(new DateTimeImmutable('2025-01-15 10:07:30+05:30'))), "\n";
echo $f($e->next($utcFrom, '-03:00')), "\n";
echo $f($e->next($utcFrom, new DateTimeZone('+01:00'))), "\n";
echo $f($e->next(new DateTimeImmutable('2025-07-15 10:07:30 EDT'))), "\n";
echo $f($e->next($utcFrom, 'EST')), "\n";
echo $f($e->next(new DateTimeImmutable('@1736935650'))), "\n";
// null $from: now, in the default zone (date.timezone).
date_default_timezone_set('Australia/Sydney');
echo $e->next()->getTimezone()->getName(), ' ', $e->next(null, 'UTC')->getTimezone()->getName(), "\n";
// An explicit zone overrides the zone of $from.
echo $f($e->next(new DateTimeImmutable('2025-01-15 10:07:30', new DateTimeZone('Asia/Tokyo')), 'UTC')), "\n";
// Invalid zones.
foreach (['Mars/Base', '', 'Europe/Paris ', "Europe/Paris\0", str_repeat('x', 1000), '+99:99'] as $bad) {
    try {
        $e->next($utcFrom, $bad);
        echo "accepted ", json_encode($bad), "\n";
    } catch (ValueError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
try { $e->previous($utcFrom, 'Mars/Base'); } catch (ValueError $x) { echo $x->getMessage(), "\n"; }
try { $e->nextRuns(2, $utcFrom, 'Mars/Base'); } catch (ValueError $x) { echo $x->getMessage(), "\n"; }
try { $e->matches($utcFrom, 'Mars/Base'); } catch (ValueError $x) { echo $x->getMessage(), "\n"; }
// The same zone used many times in one request (the per-request cache) gives identical results.
$a = $e->next($utcFrom, 'Europe/Paris'); $b = $e->next($utcFrom, new DateTimeZone('Europe/Paris'));
var_dump($a == $b, $a->getTimezone()->getName() === $b->getTimezone()->getName());
--EXPECT--
2025-01-16 09:00 +01:00 type=3 Europe/Paris
2025-01-15 09:00 -05:00 type=3 America/New_York
2025-01-16 09:00 +09:00 type=3 Asia/Tokyo
2025-01-16 09:00 +05:30 type=1 +05:30
2025-01-15 09:00 -03:00 type=1 -03:00
2025-01-16 09:00 +01:00 type=1 +01:00
2025-07-16 09:00 -04:00 type=2 EDT
2025-01-15 09:00 -05:00 type=2 EST
2025-01-16 09:00 +00:00 type=1 +00:00
Australia/Sydney UTC
2025-01-15 09:00 +00:00 type=3 UTC
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be a valid time zone, "Mars/Base" given
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be a valid time zone, "" given
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be a valid time zone, "Europe/Paris " given
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must not contain any null bytes
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be a valid time zone, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" given
ValueError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be a valid time zone, "+99:99" given
Bjlg\Cron\Expression::previous(): Argument #2 ($timezone) must be a valid time zone, "Mars/Base" given
Bjlg\Cron\Expression::nextRuns(): Argument #3 ($timezone) must be a valid time zone, "Mars/Base" given
Bjlg\Cron\Expression::matches(): Argument #2 ($timezone) must be a valid time zone, "Mars/Base" given
bool(true)
bool(true)
