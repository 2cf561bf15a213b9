--TEST--
Bjlg\Sla\PurgeSla::compute(): bad types and values are named
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/sla.inc';
$ok = ['queued_at' => NOW - HOUR];
sla_try(fn() => Bjlg\Sla\PurgeSla::compute('events'));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], 'now'));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([42], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['destination' => 's3']], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok, ['queued_at' => 'yesterday']], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => -1]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NAN]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => PHP_INT_MAX]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NOW + 2 * DAY]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NOW, 'bytes' => -5]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NOW, 'bytes' => '5']], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NOW, 'finished_at' => NOW - 10]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => NOW, 'status' => 'done']], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([['queued_at' => new DateTime()]], ['now' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['nowe' => NOW]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['now' => '2026-01-01']));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['now' => -5]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['target_seconds' => 0]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['target_seconds' => 'day']));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['window_seconds' => INF]));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['forecasts' => 's3']));
sla_try(fn() => Bjlg\Sla\PurgeSla::compute([$ok], ['forecasts' => ['s3' => 12]]));
sla_try(fn() => new Bjlg\Sla\PurgeSla());
?>
--EXPECTF--
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #1 ($events) must be of type array, string given
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) must be of type array, string given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0] must be an array of event fields
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].queued_at is required
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[1].queued_at must be a Unix time or an ISO 8601 date between 1970 and 9999
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].queued_at must be a Unix time between 0 and 253402300799
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].queued_at must be a finite Unix time between 0 and 253402300799
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].queued_at must be a Unix time between 0 and 253402300799
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].queued_at is in the future (after now + 1 hour)
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].bytes must be a finite number >= 0
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].bytes must be a number, string given
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].finished_at is before its queued_at
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): events[0].status must be pending, running, completed or failed, "done" given
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #1 ($events) %s
Bjlg\OptionError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) contains an unknown option "nowe"
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "now" must be of type int|DateTimeInterface, string given
Bjlg\OptionError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "now" must be between 1970 and 9999
Bjlg\OptionError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "target_seconds" must be a number of seconds > 0
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "target_seconds" must be of type float, string given
Bjlg\OptionError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "window_seconds" must be a number of seconds > 0
TypeError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "forecasts" must be of type array, string given
Bjlg\OptionError: Bjlg\Sla\PurgeSla::compute(): Argument #2 ($options) option "forecasts" entry "s3" must be a Forecast::project() result
Error: Call to private Bjlg\Sla\PurgeSla::__construct() from global scope
