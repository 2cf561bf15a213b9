--TEST--
Bjlg\Sla\Objectives::evaluate(): bad types and values are named
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/sla.inc';
$ok = ['kind' => 'verify', 'status' => 'passed', 'finished_at' => NOW];
$o = ['now' => NOW];
sla_try(fn() => Bjlg\Sla\Objectives::evaluate('runs', []));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok]));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], 3600));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate(['x'], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['kind' => 'verify']], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['kind' => 'snapshot', 'finished_at' => NOW]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW + 3 * DAY]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW, 'created_at' => NOW + 60]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW, 'rto_seconds' => -1]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW, 'rto' => ['seconds' => 'slow']]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW, 'verified' => 1]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => NOW, 'status' => ['passed']]], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([['finished_at' => '2026-13-45T00:00:00Z']], [], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], ['rpo' => 60], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], ['rpo_seconds' => 0], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], ['rto_seconds' => NAN], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], ['rto_seconds' => '30 min'], $o));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], [], ['window_seconds' => -1]));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], [], ['window_days' => 1]));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([$ok], [], ['now' => 1.5]));
sla_try(fn() => Bjlg\Sla\Objectives::evaluate([new stdClass()], [], $o));
?>
--EXPECT--
TypeError: Bjlg\Sla\Objectives::evaluate(): Argument #1 ($runs) must be of type array, string given
ArgumentCountError: Bjlg\Sla\Objectives::evaluate() expects at least 2 arguments, 1 given
TypeError: Bjlg\Sla\Objectives::evaluate(): Argument #2 ($targets) must be of type array, int given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0] must be an array of run fields
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].finished_at is required
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].kind must be backup, verify or restore-test, "snapshot" given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].finished_at is in the future (after now + 1 hour)
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0]: the backup was created after the run finished
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].rto_seconds must be a finite number >= 0
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].rto.seconds must be a number, string given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].verified must be a bool
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].status must be a string or an int, array given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): runs[0].finished_at must be a Unix time or an ISO 8601 date between 1970 and 9999
Bjlg\OptionError: Bjlg\Sla\Objectives::evaluate(): Argument #2 ($targets) contains an unknown option "rpo"
ValueError: Bjlg\Sla\Objectives::evaluate(): Argument #2 ($targets) target "rpo_seconds" must be a number of seconds > 0
ValueError: Bjlg\Sla\Objectives::evaluate(): Argument #2 ($targets) target "rto_seconds" must be a number of seconds > 0
TypeError: Bjlg\Sla\Objectives::evaluate(): Argument #2 ($targets) option "rto_seconds" must be of type float, string given
Bjlg\OptionError: Bjlg\Sla\Objectives::evaluate(): Argument #3 ($options) option "window_seconds" must be a number of seconds > 0
Bjlg\OptionError: Bjlg\Sla\Objectives::evaluate(): Argument #3 ($options) contains an unknown option "window_days"
TypeError: Bjlg\Sla\Objectives::evaluate(): Argument #3 ($options) option "now" must be of type int|DateTimeInterface, float given
TypeError: Bjlg\Sla\Objectives::evaluate(): Argument #1 ($runs) must not be of type stdClass
