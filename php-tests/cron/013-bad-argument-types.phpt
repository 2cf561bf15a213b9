--TEST--
Every method refuses wrong argument types with a TypeError (strict_types) or an Error
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Cron\Expression;

$e = Expression::parse('@hourly');
$calls = [
    fn () => Expression::parse(null),
    fn () => Expression::parse(['* * * * *']),
    fn () => Expression::parse(5),
    fn () => Expression::isValid(new stdClass),
    fn () => Expression::parse(),
    fn () => $e->next('2025-01-15'),
    fn () => $e->next(new stdClass),
    fn () => $e->next(null, 7200),
    fn () => $e->next(null, new DateTimeImmutable()),
    fn () => $e->next(null, null, 'yes'),
    fn () => $e->previous(1736935650),
    fn () => $e->nextRuns(),
    fn () => $e->nextRuns(3, 'now'),
    fn () => $e->matches(),
    fn () => $e->matches(null),
    fn () => $e->matches('2025-01-15'),
    fn () => $e->describe(null),
    fn () => $e->describe(['en']),
    fn () => $e->check('min_interval=300'),
    fn () => $e->neverFires(1),
    fn () => $e->next(null, null, false, 'extra'),
];
foreach ($calls as $call) {
    try { $call(); echo "no error\n"; } catch (Throwable $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
// A DateTime subclass whose constructor never ran.
class LazyDate extends DateTimeImmutable { public function __construct() {} }
class LazyZone extends DateTimeZone { public function __construct() {} }
try { $e->next(new LazyDate()); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $e->next(null, new LazyZone()); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
--EXPECT--
TypeError: Bjlg\Cron\Expression::parse(): Argument #1 ($expression) must be of type string, null given
TypeError: Bjlg\Cron\Expression::parse(): Argument #1 ($expression) must be of type string, array given
TypeError: Bjlg\Cron\Expression::parse(): Argument #1 ($expression) must be of type string, int given
TypeError: Bjlg\Cron\Expression::isValid(): Argument #1 ($expression) must be of type string, stdClass given
ArgumentCountError: Bjlg\Cron\Expression::parse() expects exactly 1 argument, 0 given
TypeError: Bjlg\Cron\Expression::next(): Argument #1 ($from) must be of type ?DateTimeInterface, string given
TypeError: Bjlg\Cron\Expression::next(): Argument #1 ($from) must be of type ?DateTimeInterface, stdClass given
TypeError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be of type DateTimeZone|string|null, int given
TypeError: Bjlg\Cron\Expression::next(): Argument #2 ($timezone) must be of type DateTimeZone|string|null, DateTimeImmutable given
TypeError: Bjlg\Cron\Expression::next(): Argument #3 ($inclusive) must be of type bool, string given
TypeError: Bjlg\Cron\Expression::previous(): Argument #1 ($from) must be of type ?DateTimeInterface, int given
ArgumentCountError: Bjlg\Cron\Expression::nextRuns() expects at least 1 argument, 0 given
TypeError: Bjlg\Cron\Expression::nextRuns(): Argument #2 ($from) must be of type ?DateTimeInterface, string given
ArgumentCountError: Bjlg\Cron\Expression::matches() expects at least 1 argument, 0 given
TypeError: Bjlg\Cron\Expression::matches(): Argument #1 ($at) must be of type DateTimeInterface, null given
TypeError: Bjlg\Cron\Expression::matches(): Argument #1 ($at) must be of type DateTimeInterface, string given
TypeError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be of type string, null given
TypeError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be of type string, array given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) must be of type array, string given
ArgumentCountError: Bjlg\Cron\Expression::neverFires() expects exactly 0 arguments, 1 given
ArgumentCountError: Bjlg\Cron\Expression::next() expects at most 3 arguments, 4 given
Error: The DateTimeInterface object has not been correctly initialized by its constructor
Error: The DateTimeZone object has not been correctly initialized by its constructor
