--TEST--
Bjlg\Sla\History::append and ::read: whole lines, a torn last line ignored, runs beside samples, bad input
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\History;

$dir = sys_get_temp_dir() . '/bjlg-sla-history-' . getmypid();
@mkdir($dir, 0700);
$path = "$dir/quota.jsonl";
@unlink($path);

var_dump(History::append($path, [
    ['destination' => 'offsite', 'at' => 1764921600, 'used_bytes' => 500, 'quota_bytes' => 1000, 'object_count' => 3],
    ['destination' => 'nas', 'at' => new DateTimeImmutable('2025-12-05T09:00:00+01:00'), 'used_bytes' => null,
     'errors' => ['[timeout] no answer in 30000 ms']],
]));
var_dump(History::append($path, []));
printf("%o\n", fileperms($path) & 0777);
echo file_get_contents($path);

// A writer killed mid-line, then a verify run and a new sample.
file_put_contents($path, '{"destination":"offsite","at":"2025-12-06', FILE_APPEND);
$torn = History::read($path);
var_dump(count($torn['samples']), $torn['torn_last_line']);
file_put_contents($path, "\n" . '{"kind":"restore_test","status":"passed","archive":"b.zip","rto":{"seconds":42}}' . "\n", FILE_APPEND);
History::append($path, [['destination' => 'offsite', 'used_bytes' => 600]]);  // at: now
$h = History::read($path);
echo count($h['samples']), ' samples, ', count($h['runs']), ' run, skipped lines ', json_encode($h['skipped_lines']), "\n";
$last = end($h['samples']);
// "Now" within two minutes: the test machines' clocks have been seen to step back mid-test.
var_dump(abs($last['at'] - time()) <= 120, $last['line']);
echo json_encode($h['samples'][1]), "\n";
echo $h['runs'][0]['rto']['seconds'], "\n";

// Errors: a missing file, a folder, a file that is not a history, a bad field.
foreach (["$dir/missing.jsonl", $dir] as $p) {
    try {
        History::read($p);
    } catch (Bjlg\Sla\IOException $e) {
        echo get_class($e), ' ', $e->error_code, ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
}
file_put_contents("$dir/bad.jsonl", "PK\x03\x04 not a history\n");
file_put_contents("$dir/field.jsonl", '{"destination":"a","at":1,"used_bytes":1}' . "\n" . '{"destination":"a","at":2,"used_bytes":"lots"}' . "\n");
foreach (["$dir/bad.jsonl", "$dir/field.jsonl"] as $p) {
    try {
        History::read($p);
    } catch (Bjlg\Sla\CorruptHistoryException $e) {
        echo get_class($e), ' ', $e->error_code, ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
        var_dump($e instanceof Bjlg\CorruptDataException, $e instanceof Bjlg\Sla\Exception);
    }
}

// Bad samples to append: nothing is written.
$size = filesize($path);
foreach ([
    ['x'],
    [['used_bytes' => 1]],
    [['destination' => '', 'used_bytes' => 1]],
    [['destination' => 'a', 'used_bytes' => -1]],
    [['destination' => 'a', 'used_bytes' => 1.5]],
    [['destination' => 'a', 'quota_bytes' => '1']],
    [['destination' => 'a', 'at' => 'now']],
    [['destination' => 'a', 'errors' => 'x']],
    [['destination' => 'a'], ['destination' => 'b', 'errors' => [1]]],
] as $samples) {
    try {
        History::append($path, $samples);
    } catch (Bjlg\Sla\InvalidInputException $e) {
        echo $e->getMessage(), "\n";
    }
}
var_dump(filesize($path) === $size);
try {
    History::append("$dir/no/such/folder.jsonl", [['destination' => 'a']]);
} catch (Bjlg\Sla\IOException $e) {
    echo $e->error_code, "\n";
}
foreach ([fn () => History::read(''), fn () => History::append('', []), fn () => History::read([]), fn () => History::append($path, 'x')] as $call) {
    try {
        $call();
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
int(2)
int(0)
600
{"destination":"offsite","at":"2025-12-05T08:00:00+00:00","used_bytes":500,"quota_bytes":1000,"object_count":3,"errors":[]}
{"destination":"nas","at":"2025-12-05T08:00:00+00:00","used_bytes":null,"quota_bytes":null,"object_count":null,"errors":["[timeout] no answer in 30000 ms"]}
int(2)
bool(true)
3 samples, 1 run, skipped lines [3]
bool(true)
int(5)
{"at":1764921600,"destination":"nas","errors":["[timeout] no answer in 30000 ms"],"line":2,"object_count":null,"quota_bytes":null,"used_bytes":null}
42
Bjlg\Sla\IOException not_found: cannot open the history file DIR/missing.jsonl: No such file or directory
Bjlg\Sla\IOException io: cannot read the history file DIR: it is a folder
Bjlg\Sla\CorruptHistoryException corrupt: DIR/bad.jsonl: not a history: no line is a JSON object (line 1 is not)
bool(true)
bool(true)
Bjlg\Sla\CorruptHistoryException corrupt: DIR/field.jsonl: line 2: field "used_bytes" must be null or an integer >= 0
bool(true)
bool(true)
sample 0 must be an array, string given
sample 0: field "destination" is missing
sample 0: field "destination" must be a non-empty string
sample 0: field "used_bytes" must be >= 0, -1 given
sample 0: field "used_bytes" must be null or an int >= 0, float given
sample 0: field "quota_bytes" must be null or an int >= 0, string given
sample 0: field "at" must be an int (Unix seconds) or a DateTimeInterface, string given
sample 0: field "errors" must be a list of strings, string given
sample 1: field "errors" must be a list of strings, one is int
bool(true)
not_found
ValueError: Bjlg\Sla\History::read(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Sla\History::append(): Argument #1 ($path) must not be empty
TypeError: Bjlg\Sla\History::read(): Argument #1 ($path) must be of type string, array given
TypeError: Bjlg\Sla\History::append(): Argument #2 ($samples) must be of type array, string given
