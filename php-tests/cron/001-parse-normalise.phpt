--TEST--
Expression::parse() and __toString(): the normalised form, macros
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

foreach (['*/5 * * * *', '  0   3  *  *  *  ', '00 03 * * *', '0 0 * JAN-MAR MON', '0 0 * jan-mar mon',
          '@daily', '@midnight', '@hourly', '@weekly', '@monthly', '@yearly', '@annually', '@DAILY',
          '0 0 ? * 1', '0 0 L * ?', '0 0 LW * *', '0 0 15W * *', '0 0 * * 5L', '0 0 * * 5#3',
          '0 0 * * 7', '0 0 * * sun,7', "0\t0\t*\t*\t*"] as $text) {
    $e = Expression::parse($text);
    printf("%-22s -> %-20s macro=%s\n", json_encode($text), (string) $e, var_export($e->getMacro(), true));
}
var_dump(Expression::parse('@daily'));
echo Expression::parse('0 0 * * 1') . "\n";
--EXPECT--
"*\/5 * * * *"         -> */5 * * * *          macro=NULL
"  0   3  *  *  *  "   -> 0 3 * * *            macro=NULL
"00 03 * * *"          -> 0 3 * * *            macro=NULL
"0 0 * JAN-MAR MON"    -> 0 0 * JAN-MAR MON    macro=NULL
"0 0 * jan-mar mon"    -> 0 0 * JAN-MAR MON    macro=NULL
"@daily"               -> 0 0 * * *            macro='@daily'
"@midnight"            -> 0 0 * * *            macro='@midnight'
"@hourly"              -> 0 * * * *            macro='@hourly'
"@weekly"              -> 0 0 * * 0            macro='@weekly'
"@monthly"             -> 0 0 1 * *            macro='@monthly'
"@yearly"              -> 0 0 1 1 *            macro='@yearly'
"@annually"            -> 0 0 1 1 *            macro='@annually'
"@DAILY"               -> 0 0 * * *            macro='@daily'
"0 0 ? * 1"            -> 0 0 ? * 1            macro=NULL
"0 0 L * ?"            -> 0 0 L * ?            macro=NULL
"0 0 LW * *"           -> 0 0 LW * *           macro=NULL
"0 0 15W * *"          -> 0 0 15W * *          macro=NULL
"0 0 * * 5L"           -> 0 0 * * 5L           macro=NULL
"0 0 * * 5#3"          -> 0 0 * * 5#3          macro=NULL
"0 0 * * 7"            -> 0 0 * * 7            macro=NULL
"0 0 * * sun,7"        -> 0 0 * * SUN,7        macro=NULL
"0\t0\t*\t*\t*"        -> 0 0 * * *            macro=NULL
object(Bjlg\Cron\Expression)#1 (2) {
  ["expression"]=>
  string(9) "0 0 * * *"
  ["macro"]=>
  string(6) "@daily"
}
0 0 * * 1
