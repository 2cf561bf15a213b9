--TEST--
check(): unknown keys, wrong types and bad values name the option
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

$e = Expression::parse('0 3 * * *');
$cases = [
    ['foo' => 1],
    [0 => 'x'],
    ['min_interval' => '300'],
    ['min_interval' => -1],
    ['min_interval' => 1.5],
    ['duration' => null],
    ['duration' => -5],
    ['horizon_days' => 0],
    ['horizon_days' => 100000],
    ['locale' => 'de'],
    ['locale' => 1],
    ['timezone' => 'Mars/Base'],
    ['timezone' => 3600],
    ['timezone' => "UTC\0"],
    ['from' => '2025-01-15'],
    ['from' => new stdClass],
    ['schedules' => 'db'],
    ['schedules' => ['a' => ['expression' => '* * * * *']]],
    ['schedules' => ['0 * * * *']],
    ['schedules' => [['name' => 'db']]],
    ['schedules' => [['name' => 'db', 'expression' => '61 * * * *']]],
    ['schedules' => [['name' => 'db', 'expression' => 61]]],
    ['schedules' => [['name' => 7, 'expression' => '0 * * * *']]],
    ['schedules' => [['name' => 'db', 'expression' => '0 * * * *', 'duration' => '60']]],
    ['schedules' => [['name' => 'db', 'expression' => '0 * * * *', 'duration' => -60]]],
    ['schedules' => [['name' => 'db', 'expression' => '0 * * * *', 'timezone' => 'UTC']]],
    ['schedules' => [['name' => 'ok', 'expression' => '0 * * * *'], ['expression' => new DateTime()]]],
];
foreach ($cases as $options) {
    try {
        $e->check($options);
        echo "accepted\n";
    } catch (TypeError|ValueError $x) {
        echo get_class($x), ': ', $x->getMessage(), "\n";
    }
}
// Accepted: every key, a schedule without name or duration, a reference.
$from = new DateTimeImmutable('2025-01-15');
$list = [['expression' => '0 3 * * *']];
$ref = &$list;
var_dump(count($e->check(['min_interval' => 0, 'timezone' => new DateTimeZone('UTC'), 'from' => $from, 'locale' => 'fr',
    'duration' => 60, 'schedules' => $ref, 'horizon_days' => 30])['warnings']));
--EXPECT--
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) contains an unknown option "foo"
ValueError: Bjlg\Cron\Expression::check(): Argument #1 ($options) must be an array with string keys
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "min_interval" must be of type int, string given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "min_interval" must be greater than or equal to 0
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "min_interval" must be of type int, float given
accepted
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "duration" must be greater than or equal to 0
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "horizon_days" must be between 1 and 3660
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "horizon_days" must be between 1 and 3660
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "locale" must be a supported locale ("en" or "fr"), "de" given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "locale" must be of type string, int given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "timezone" must be a valid time zone, "Mars/Base" given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "timezone" must be of type DateTimeZone|string, int given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "timezone" must not contain any null bytes
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "from" must be of type DateTimeInterface, string given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "from" must be of type DateTimeInterface, stdClass given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules" must be of type array, string given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules" must be a list
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0] must be of type array, string given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0] must have a key "expression"
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0]["expression"] is not a valid cron expression: minute field, position 0: value 61 is out of range 0-59 (try: 0-59)
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0]["expression"] must be of type Bjlg\Cron\Expression|string, int given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0]["name"] must be of type string, int given
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0]["duration"] must be of type int, string given
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0]["duration"] must be greater than or equal to 0
Bjlg\OptionError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[0] has an unknown key "timezone"
TypeError: Bjlg\Cron\Expression::check(): Argument #1 ($options) option "schedules"[1]["expression"] must be of type Bjlg\Cron\Expression|string, DateTime given
int(1)
