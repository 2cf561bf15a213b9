--TEST--
bjlg loads under its name and defines Bjlg\Exception as the base of its exceptions
--EXTENSIONS--
bjlg
--FILE--
<?php
var_dump(extension_loaded('bjlg'));
var_dump(phpversion('bjlg') === '0.1.0');
$e = new Bjlg\Exception('boom', 7);
var_dump($e instanceof \Exception, $e->getMessage(), $e->getCode());
var_dump((new ReflectionClass(Bjlg\Exception::class))->isInternal());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(4) "boom"
int(7)
bool(true)
