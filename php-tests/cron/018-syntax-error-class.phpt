--TEST--
SyntaxError: a Bjlg\Exception with readonly field, position, reason and suggestion
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;
use Bjlg\Cron\SyntaxError;

try {
    Expression::parse('0 25 * * *');
} catch (SyntaxError $e) {
    var_dump($e instanceof Bjlg\Exception, $e instanceof Exception, $e->getCode());
    var_dump($e->field, $e->position, $e->reason, $e->suggestion, $e->getMessage());
    try { $e->field = 'x'; } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
    try { unset($e->reason); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
    echo $e->getTrace()[0]['function'] ?? '(no frame)', "\n";
}
$r = new ReflectionClass(SyntaxError::class);
foreach ($r->getProperties(ReflectionProperty::IS_READONLY) as $p) echo $p->getName(), ': ', $p->getType(), "\n";
// A user-thrown SyntaxError has uninitialised properties, like any readonly class.
$mine = new SyntaxError('mine');
try { var_dump($mine->field); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
--EXPECT--
bool(true)
bool(true)
int(0)
string(4) "hour"
int(2)
string(29) "value 25 is out of range 0-23"
string(4) "0-23"
string(65) "hour field, position 2: value 25 is out of range 0-23 (try: 0-23)"
Error: Cannot modify readonly property Bjlg\Cron\SyntaxError::$field
Error: Cannot unset readonly property Bjlg\Cron\SyntaxError::$reason
parse
field: ?string
position: int
reason: string
suggestion: ?string
Error: Typed property Bjlg\Cron\SyntaxError::$field must not be accessed before initialization
