--TEST--
An expression that never fires: valid, neverFires(), next()/previous()/nextRuns() throw NoRunException, check() reports never_fires
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;
use Bjlg\Cron\NoRunException;

foreach (['0 0 30 2 *', '0 0 31 4 *', '0 0 31 2,4,6,9,11 *', '0 0 30,31 2 ?'] as $text) {
    var_dump(Expression::isValid($text));
    $e = Expression::parse($text);
    var_dump($e->neverFires());
    foreach (['next', 'previous'] as $method) {
        try { $e->$method(new DateTimeImmutable('2025-01-15')); } catch (NoRunException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
    }
    try { $e->nextRuns(5); } catch (NoRunException $x) { echo $x->getMessage(), "\n"; }
    var_dump($e->matches(new DateTimeImmutable('2025-02-28')));
}
var_dump(new NoRunException('x') instanceof Bjlg\Exception);
// Rare but possible expressions do fire.
var_dump(Expression::parse('0 0 29 2 *')->neverFires(), Expression::parse('0 0 31 * *')->neverFires(),
         Expression::parse('0 0 30 2 1')->neverFires());
$report = Expression::parse('0 0 30 2 *')->check(['from' => new DateTimeImmutable('2025-01-15')]);
echo json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
--EXPECT--
bool(true)
bool(true)
Bjlg\Cron\NoRunException: The cron expression "0 0 30 2 *" never fires
Bjlg\Cron\NoRunException: The cron expression "0 0 30 2 *" never fires
The cron expression "0 0 30 2 *" never fires
bool(false)
bool(true)
bool(true)
Bjlg\Cron\NoRunException: The cron expression "0 0 31 4 *" never fires
Bjlg\Cron\NoRunException: The cron expression "0 0 31 4 *" never fires
The cron expression "0 0 31 4 *" never fires
bool(false)
bool(true)
bool(true)
Bjlg\Cron\NoRunException: The cron expression "0 0 31 2,4,6,9,11 *" never fires
Bjlg\Cron\NoRunException: The cron expression "0 0 31 2,4,6,9,11 *" never fires
The cron expression "0 0 31 2,4,6,9,11 *" never fires
bool(false)
bool(true)
bool(true)
Bjlg\Cron\NoRunException: The cron expression "0 0 30,31 2 ?" never fires
Bjlg\Cron\NoRunException: The cron expression "0 0 30,31 2 ?" never fires
The cron expression "0 0 30,31 2 ?" never fires
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
{
    "warnings": [
        {
            "code": "never_fires",
            "severity": "error",
            "message": "This expression never fires: no date matches its day-of-month (30) and month (2) fields together.",
            "evidence": {
                "day_of_month": "30",
                "day_of_week": "*",
                "fields": [
                    "day-of-month",
                    "month"
                ],
                "month": "2"
            }
        }
    ],
    "min_interval": null,
    "runs_per_day": 0
}
