--TEST--
Results are identical to DateTimeImmutable objects PHP builds itself, across DST
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
// Results are built without parsing a string once per zone and offset period; they must be
// exactly what PHP itself builds: same fields, same serialisation, same behaviour under modify().
use Bjlg\Cron\Expression;

$bad = 0;
$n = 0;
foreach (['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', '+05:30', 'EST', 'EDT'] as $name) {
    $tz = new DateTimeZone($name);
    foreach (['*/7 * * * *', '0 * * * *', '30 2 * * *', '0 0 1 * *'] as $text) {
        foreach (Expression::parse($text)->nextRuns(800, new DateTimeImmutable('2025-03-01 00:00', $tz)) as $run) {
            $ref = (new DateTimeImmutable('@' . $run->getTimestamp()))->setTimezone($tz);
            $n++;
            if (serialize($run) !== serialize($ref)
                || $run->format('c T I U e Z u') !== $ref->format('c T I U e Z u')
                || $run->modify('+1 hour')->format('c T') !== $ref->modify('+1 hour')->format('c T')
                || $run->modify('+0 seconds')->format('c T') !== $ref->modify('+0 seconds')->format('c T')
                || $run->setTime(2, 30)->format('c T') !== $ref->setTime(2, 30)->format('c T')
                || $run != $ref || var_export($run, true) !== var_export($ref, true)
                || $run->diff($ref)->days !== 0 || $run->getOffset() !== $ref->getOffset()) {
                if ($bad++ < 5) echo "$name $text: ", $run->format('c T'), ' vs ', $ref->format('c T'), "\n";
            }
        }
    }
}
echo "$n runs, $bad differ\n";
$run = Expression::parse('0 12 * * *')->next(new DateTimeImmutable('2025-01-15', new DateTimeZone('Europe/Paris')));
var_dump($run, unserialize(serialize($run)) == $run, clone $run == $run);
--EXPECT--
25600 runs, 0 differ
object(DateTimeImmutable)#7 (3) {
  ["date"]=>
  string(26) "2025-01-15 12:00:00.000000"
  ["timezone_type"]=>
  int(3)
  ["timezone"]=>
  string(12) "Europe/Paris"
}
bool(true)
bool(true)
