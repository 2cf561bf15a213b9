--TEST--
Expression::parse(): a 10 MB string, the length limit, NUL bytes and invalid UTF-8
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;
use Bjlg\Cron\SyntaxError;

// A 10 MB string is refused before it is read.
$huge = str_repeat('1,', 5 * 1024 * 1024) . '1 * * * *';
var_dump(strlen($huge), Expression::isValid($huge));
try {
    Expression::parse($huge);
} catch (SyntaxError $e) {
    echo $e->getMessage(), "\n";
    var_dump($e->field, $e->position, strlen($e->getMessage()) < 200);
}
// Just over and just under the limit.
$ok = '0 0 * * ' . str_repeat(' ', 1024 - 9) . '1';
var_dump(strlen($ok), Expression::isValid($ok), Expression::isValid($ok . ' '));
// NUL bytes anywhere, invalid UTF-8, control characters.
foreach (["\0", "0 0 * * *\0", "\0@daily", "0 0 * * *\x80", "0 0 * * *\r\n", "0 0 * * *\n", "\x07"] as $text) {
    var_dump(Expression::isValid($text));
}
--EXPECT--
int(10485769)
bool(false)
position 1024: the expression is 10485769 bytes long; at most 1024 are accepted
NULL
int(1024)
bool(true)
int(1024)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
bool(false)
