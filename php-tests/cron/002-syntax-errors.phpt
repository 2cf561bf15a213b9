--TEST--
Expression::parse(): SyntaxError with field, position, reason and suggestion
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;
use Bjlg\Cron\SyntaxError;

$cases = ['', '   ', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * 32 * *', '* * * 13 *', '* * * * 8',
          '*/0 * * * *', '5-1 * * * *', '0 12 * * 5-1', '0 0 * * funday', '0 0 * foo *', '* * * *',
          '* * * * * *', '@dayly', '@reboot', '0,,1 * * * *', '1- * * * *', '*/ * * * *', "0\0 * * * *",
          "\xff * * * *", "0 0 * * \xc3\xa9", '0 0 * * 1#6', '0 0 L * L', '0 0 32W * *', '-1 * * * *',
          '99999999999999999999 * * * *'];
foreach ($cases as $text) {
    try {
        Expression::parse($text);
        echo json_encode($text), ": parsed\n";
    } catch (SyntaxError $e) {
        printf("%s: field=%s position=%d suggestion=%s\n  %s\n", json_encode($text, JSON_INVALID_UTF8_SUBSTITUTE),
               var_export($e->field, true), $e->position, var_export($e->suggestion, true), $e->getMessage());
    }
}
--EXPECT--
"": field=NULL position=0 suggestion=NULL
  position 0: the expression is empty
"   ": field=NULL position=0 suggestion=NULL
  position 0: the expression is empty
"60 * * * *": field='minute' position=0 suggestion='0-59'
  minute field, position 0: value 60 is out of range 0-59 (try: 0-59)
"* 24 * * *": field='hour' position=2 suggestion='0-23'
  hour field, position 2: value 24 is out of range 0-23 (try: 0-23)
"* * 0 * *": field='day-of-month' position=4 suggestion='1-31'
  day-of-month field, position 4: value 0 is out of range 1-31 (try: 1-31)
"* * 32 * *": field='day-of-month' position=4 suggestion='1-31'
  day-of-month field, position 4: value 32 is out of range 1-31 (try: 1-31)
"* * * 13 *": field='month' position=6 suggestion='1-12'
  month field, position 6: value 13 is out of range 1-12 (try: 1-12)
"* * * * 8": field='day-of-week' position=8 suggestion='0-7'
  day-of-week field, position 8: value 8 is out of range 0-7 (try: 0-7)
"*\/0 * * * *": field='minute' position=2 suggestion=NULL
  minute field, position 2: step 0 is not allowed: a step must be at least 1
"5-1 * * * *": field='minute' position=0 suggestion='1-5'
  minute field, position 0: reversed range 5-1: the start must not come after the end (try: 1-5)
"0 12 * * 5-1": field='day-of-week' position=9 suggestion='1-5'
  day-of-week field, position 9: reversed range 5-1: the start must not come after the end (try: 1-5)
"0 0 * * funday": field='day-of-week' position=8 suggestion=NULL
  day-of-week field, position 8: unknown name 'FUNDAY' (day-of-week names are SUN-SAT)
"0 0 * foo *": field='month' position=6 suggestion=NULL
  month field, position 6: unknown name 'FOO' (month names are JAN-DEC)
"* * * *": field=NULL position=7 suggestion=NULL
  position 7: expected 5 fields (minute hour day-of-month month day-of-week), found 4: the day-of-week field is missing
"* * * * * *": field=NULL position=0 suggestion='* * * * *'
  position 0: expected 5 fields (minute hour day-of-month month day-of-week), found 6: the first field looks like seconds (Quartz style), which this dialect does not have (try: * * * * *)
"@dayly": field=NULL position=0 suggestion='@daily'
  position 0: unknown macro @dayly; known: @yearly @annually @monthly @weekly @daily @midnight @hourly (try: @daily)
"@reboot": field=NULL position=0 suggestion=NULL
  position 0: @reboot has no schedule and is not supported
"0,,1 * * * *": field='minute' position=2 suggestion=NULL
  minute field, position 2: empty item in the list
"1- * * * *": field='minute' position=2 suggestion=NULL
  minute field, position 2: a value is missing
"*\/ * * * *": field='minute' position=2 suggestion=NULL
  minute field, position 2: the step after '/' is missing
"0\u0000 * * * *": field=NULL position=1 suggestion=NULL
  position 1: NUL byte in the expression
"\ufffd * * * *": field=NULL position=0 suggestion=NULL
  position 0: byte 0xFF is not allowed: use ASCII digits, names, spaces and * , - / ? L W # @
"0 0 * * \u00e9": field=NULL position=8 suggestion=NULL
  position 8: byte 0xC3 is not allowed: use ASCII digits, names, spaces and * , - / ? L W # @
"0 0 * * 1#6": field='day-of-week' position=10 suggestion='1-5'
  day-of-week field, position 10: occurrence #6 is out of range 1-5 (try: 1-5)
"0 0 L * L": field='day-of-week' position=8 suggestion='5L'
  day-of-week field, position 8: L alone is ambiguous in the day-of-week field; write nL for the last weekday n of the month (try: 5L)
"0 0 32W * *": field='day-of-month' position=4 suggestion='1-31'
  day-of-month field, position 4: value 32 is out of range 1-31 (try: 1-31)
"-1 * * * *": field='minute' position=0 suggestion=NULL
  minute field, position 0: unexpected character '-'
"99999999999999999999 * * * *": field='minute' position=0 suggestion='0-59'
  minute field, position 0: value 99999999999999999999 is out of range 0-59 (try: 0-59)
