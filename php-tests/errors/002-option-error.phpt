--TEST--
Bjlg\OptionError: a bad option is a ValueError that names the option; a refused list element gives its position in `item`
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\Forecast;

$samples = [['at' => 1767225600, 'used_bytes' => 10], ['at' => 1767312000, 'used_bytes' => 20]];
$calls = [
    // refused by the glue's option reader (type known, value out of range in the core)
    'range' => fn() => Forecast::project($samples, ['confidence' => 2.0, 'now' => 1767398400]),
    // a name no option has
    'unknown' => fn() => Forecast::project($samples, ['confidance' => 0.9]),
    // refused by the core's own option check (Purge's options, InvalidOption in src/)
    'core' => fn() => Bjlg\Remote\Purge::plan([], ['keep_last' => 1], ['lang' => 'de']),
];
foreach ($calls as $what => $call) {
    try {
        $call();
        echo "$what: no exception\n";
    } catch (Bjlg\OptionError $e) {
        printf("%s: %s, a ValueError: %s\n  option=%s\n  reason=%s\n  message=%s\n", $what, get_class($e),
            $e instanceof ValueError ? 'yes' : 'no', $e->option, $e->reason, $e->getMessage());
    }
}

// A sample refused by the core: its position, not its wording, tells which one.
$dup = [['at' => 1767225600, 'used_bytes' => 10], ['at' => 1767312000, 'used_bytes' => 20], ['at' => 1767312000, 'used_bytes' => 30]];
try {
    Forecast::project($dup, ['now' => 1767398400]);
} catch (Bjlg\Sla\InvalidInputException $e) {
    var_dump($e->item);
    echo $e->getMessage(), "\n";
}
// ... and one refused while it is read from PHP.
try {
    Forecast::project([['at' => 1767225600, 'used_bytes' => 1], ['at' => 'yesterday', 'used_bytes' => 2]]);
} catch (Bjlg\Sla\InvalidInputException $e) {
    var_dump($e->item);
}
// A failure about no element in particular leaves it null.
try {
    Bjlg\Archive\Reader::open(sys_get_temp_dir() . '/bjlg-no-such-archive-' . getmypid() . '.zip');
} catch (Bjlg\IOException $e) {
    var_dump($e->item);
}
?>
--EXPECTF--
range: Bjlg\OptionError, a ValueError: yes
  option=confidence
  reason=option "confidence" %s
  message=Bjlg\Sla\Forecast::project(): Argument #2 ($options) option "confidence" %s
unknown: Bjlg\OptionError, a ValueError: yes
  option=confidance
  reason=contains an unknown option "confidance"
  message=Bjlg\Sla\Forecast::project(): Argument #2 ($options) contains an unknown option "confidance"
core: Bjlg\OptionError, a ValueError: yes
  option=lang
  reason=option "lang" must be "en" or "fr"
  message=Bjlg\Remote\Purge::plan(): Argument #3 ($options) option "lang" must be "en" or "fr"
int(2)
sample 2: field "at" %s duplicates the time of sample 1
int(1)
NULL
