--TEST--
Expression: not constructible with new, not serialisable, clonable, final, compared by normalised form
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

try { new Expression(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try {
    (new ReflectionClass(Expression::class))->newInstanceWithoutConstructor();
} catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$e = Expression::parse('@weekly');
try { serialize($e); } catch (Throwable $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { unserialize('O:20:"Bjlg\Cron\Expression":0:{}'); } catch (Throwable $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $e->foo = 1; } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
$c = clone $e;
unset($e);
echo $c, ' ', $c->getMacro(), ' ', $c->next(new DateTimeImmutable('2025-01-15 10:07:30'))->format('c'), "\n";
var_dump((new ReflectionClass(Expression::class))->isFinal());
var_dump(Expression::parse('0 0 * * *') == Expression::parse('@daily'));
echo json_encode(Expression::parse('@daily')), "\n";
var_dump(Expression::parse('0 0 * * *') == Expression::parse('* * * * *'));
var_dump(Expression::parse('0 0 * * *') != Expression::parse('0 0 * * 1'));
var_dump(Expression::parse('0 0 * * *') == new stdClass);
--EXPECT--
Error: Call to private Bjlg\Cron\Expression::__construct() from global scope
ReflectionException: Class Bjlg\Cron\Expression is an internal class marked as final that cannot be instantiated without invoking its constructor
Exception: Serialization of 'Bjlg\Cron\Expression' is not allowed
Exception: Unserialization of 'Bjlg\Cron\Expression' is not allowed
Error: Cannot create dynamic property Bjlg\Cron\Expression::$foo
0 0 * * 0 @weekly 2025-01-19T00:00:00+00:00
bool(true)
bool(true)
{}
bool(false)
bool(true)
bool(false)
