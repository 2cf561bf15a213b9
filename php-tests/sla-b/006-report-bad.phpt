--TEST--
Bjlg\Sla\Report::render(): bad types and values are named
--EXTENSIONS--
bjlg
dom
--FILE--
<?php
require __DIR__ . '/sla.inc';
sla_try(fn() => Bjlg\Sla\Report::render('data'));
sla_try(fn() => Bjlg\Sla\Report::render([], 'pdf'));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', 'fr'));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', ['locale' => 'de']));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', ['locale' => 1]));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', ['timezone' => 'Mars/Olympus']));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', ['now' => '2026']));
sla_try(fn() => Bjlg\Sla\Report::render([], 'html', ['lang' => 'fr']));
sla_try(fn() => Bjlg\Sla\Report::render(['purges' => []]));
sla_try(fn() => Bjlg\Sla\Report::render(['title' => 5]));
sla_try(fn() => Bjlg\Sla\Report::render(['forecasts' => ['s3' => []]]));
sla_try(fn() => Bjlg\Sla\Report::render(['forecasts' => [['samples' => []]]]));
sla_try(fn() => Bjlg\Sla\Report::render(['forecasts' => [['name' => 's3', 'samples' => 5]]]));
sla_try(fn() => Bjlg\Sla\Report::render(['forecasts' => [['name' => 's3', 'forecast' => 'soon']]]));
sla_try(fn() => Bjlg\Sla\Report::render(['purge' => 'none']));
sla_try(fn() => Bjlg\Sla\Report::render(['backup' => ['archive' => new DateTime()]]));
sla_try(fn() => Bjlg\Sla\Report::render([0 => ['x']]));
// Junk inside a section is shown as missing ("—"), never a crash.
$html = Bjlg\Sla\Report::render(['purge' => ['backlog' => 'x', 'latency' => [1, 2], 'samples' => [['seconds' => NAN], 5]],
                                 'objectives' => ['rpo' => ['series' => [['at' => -5, 'seconds' => INF]]]],
                                 'forecasts' => [['name' => 'x', 'samples' => [['at' => 'soon', 'used_bytes' => -1]],
                                                  'forecast' => ['current_used_bytes' => 1e300, 'growth_bytes_per_day' => 1e300,
                                                                 'threshold_at' => PHP_INT_MAX]]]], 'html', ['now' => NOW]);
var_dump((new DOMDocument())->loadXML($html), substr_count($html, '<svg '));
?>
--EXPECT--
TypeError: Bjlg\Sla\Report::render(): Argument #1 ($data) must be of type array, string given
ValueError: Bjlg\Sla\Report::render(): Argument #2 ($format) must be "html", "json" or "csv"
TypeError: Bjlg\Sla\Report::render(): Argument #3 ($options) must be of type array, string given
Bjlg\OptionError: Bjlg\Sla\Report::render(): Argument #3 ($options) option "locale" must be "en" or "fr"
TypeError: Bjlg\Sla\Report::render(): Argument #3 ($options) option "locale" must be of type string, int given
Bjlg\OptionError: Bjlg\Sla\Report::render(): Argument #3 ($options) option "timezone" is not a known time zone: Mars/Olympus
TypeError: Bjlg\Sla\Report::render(): Argument #3 ($options) option "now" must be of type int|DateTimeInterface, string given
Bjlg\OptionError: Bjlg\Sla\Report::render(): Argument #3 ($options) contains an unknown option "lang"
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data contains an unknown section "purges" (known: title, forecasts, purge, objectives, backup)
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "title" must be a string
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "forecasts" must be a list
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "forecasts"[0] must have a non-empty string "name"
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "forecasts"[0] "samples" must be a list
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "forecasts"[0] "forecast" must be a Forecast::project() result
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data "purge" must be an array with string keys
TypeError: Bjlg\Sla\Report::render(): Argument #1 ($data) must not be of type DateTime
Bjlg\Sla\InvalidInputException (Bjlg\Sla\Exception): data must be an array of report sections
bool(true)
int(5)
