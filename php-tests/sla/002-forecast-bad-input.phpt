--TEST--
Bjlg\Sla\Forecast::project: bad types and values of samples (InvalidInputException naming the sample and the field) and of options (TypeError, ValueError)
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\Forecast;

function attempt(array $samples, array $options = ['now' => 1767225600 + 10 * 86400]): void
{
    try {
        Forecast::project($samples, $options);
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$ok = ['at' => 1767225600, 'used_bytes' => 10, 'quota_bytes' => 100];

attempt([$ok, 'x']);
attempt([['used_bytes' => 1]]);
attempt([['at' => '2026-01-01', 'used_bytes' => 1]]);
attempt([['at' => 1.5, 'used_bytes' => 1]]);
attempt([['at' => 1767225600]]);
attempt([['at' => 1767225600, 'used_bytes' => '10']]);
attempt([['at' => 1767225600, 'used_bytes' => -1]]);
attempt([['at' => 1767225600, 'used_bytes' => -0.5]]);
attempt([['at' => 1767225600, 'used_bytes' => NAN]]);
attempt([['at' => 1767225600, 'used_bytes' => INF]]);
attempt([['at' => 1767225600, 'used_bytes' => 1, 'quota_bytes' => 'big']]);
attempt([['at' => 1767225600, 'used_bytes' => 1, 'quota_bytes' => -5]]);
attempt([$ok, ['at' => 1767225600 + 86400 * 365, 'used_bytes' => 1]]);
attempt([$ok, ['at' => 1767225600, 'used_bytes' => 11]]);
attempt([['at' => -5, 'used_bytes' => 1]]);

attempt([$ok], ['threshold' => '0.8']);
attempt([$ok], ['threshold' => 0]);
attempt([$ok], ['threshold' => 1.5]);
attempt([$ok], ['threshold' => NAN]);
attempt([$ok], ['confidence' => 1]);
attempt([$ok], ['confidence' => 0.2]);
attempt([$ok], ['horizon_days' => 0]);
attempt([$ok], ['horizon_days' => 1.5]);
attempt([$ok], ['quota_bytes' => 0]);
attempt([$ok], ['now' => 'tomorrow']);
attempt([$ok], ['risk_days' => 7]);
attempt([$ok], ['risk_days' => ['critical' => 40, 'warning' => 30]]);
attempt([$ok], ['risk_days' => ['soon' => 1]]);
attempt([$ok], ['risk_days' => ['critical' => '1']]);
attempt([$ok], ['treshold' => 0.8]);
attempt([$ok], [0.8]);

// Every refusal of the namespace is a Bjlg\Sla\Exception and a Bjlg\Exception.
try {
    Forecast::project([['at' => 1, 'used_bytes' => -1]]);
} catch (Bjlg\Sla\Exception $e) {
    var_dump($e instanceof Bjlg\Exception, $e->error_code);
}
try {
    Forecast::project('x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
Bjlg\Sla\InvalidInputException: sample 1 must be an array, string given
Bjlg\Sla\InvalidInputException: sample 0: field "at" is missing
Bjlg\Sla\InvalidInputException: sample 0: field "at" must be an int (Unix seconds) or a DateTimeInterface, string given
Bjlg\Sla\InvalidInputException: sample 0: field "at" must be an int (Unix seconds) or a DateTimeInterface, float given
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" is missing
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" must be an int or float >= 0, string given
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" must be >= 0, -1 given
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" must be >= 0, a negative float given
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" must be a finite number, NAN given
Bjlg\Sla\InvalidInputException: sample 0: field "used_bytes" must be a finite number, INF given
Bjlg\Sla\InvalidInputException: sample 0: field "quota_bytes" must be an int or float >= 0, string given
Bjlg\Sla\InvalidInputException: sample 0: field "quota_bytes" must be >= 0, -5 given
Bjlg\Sla\InvalidInputException: sample 1: field "at" (2027-01-01T00:00:00+00:00) is in the future (now is 2026-01-11T00:00:00+00:00)
Bjlg\Sla\InvalidInputException: sample 1: field "at" (2026-01-01T00:00:00+00:00) duplicates the time of sample 0
Bjlg\Sla\InvalidInputException: sample 0: field "at" is before 1970
TypeError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "threshold" must be of type float, string given
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "threshold" must be a ratio greater than 0 and at most 1
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "threshold" must be a ratio greater than 0 and at most 1
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "threshold" must be a ratio greater than 0 and at most 1
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "confidence" must be between 0.5 and 0.999
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "confidence" must be between 0.5 and 0.999
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "horizon_days" must be between 1 and 36500
TypeError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "horizon_days" must be of type int, float given
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "quota_bytes" must be greater than 0
TypeError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "now" must be of type int|DateTimeInterface, string given
TypeError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "risk_days" must be of type array, int given
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "risk_days" must hold 0 <= critical <= warning <= watch <= 36500 days
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "risk_days" must only have the keys critical, warning and watch
TypeError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "risk_days" must be of type array<string, int|float>, string given
Bjlg\OptionError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) contains an unknown option "treshold"
ValueError: Bjlg\Sla\Forecast::project(): Argument #2 ($options) must be an array with string keys
bool(true)
string(16) "invalid_argument"
Bjlg\Sla\Forecast::project(): Argument #1 ($samples) must be of type array, string given
