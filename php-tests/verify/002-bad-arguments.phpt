--TEST--
Bjlg\Verify\Verifier::verify(): wrong types and values are TypeError/ValueError; a missing archive is a Bjlg\Verify\IOException (a VerifyException, a Bjlg\IOException)
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify-args');
$zip = bjlg_backup($d, bjlg_dump(3));
$cases = [
    [$zip, ['nope' => 1]],
    [$zip, [0 => 'x']],
    [$zip, ['sample' => 0]],
    [$zip, ['sample' => 1.5]],
    [$zip, ['sample' => 'half']],
    [$zip, ['threads' => -1]],
    [$zip, ['key' => 42]],
    [$zip, ['key' => '']],
    [$zip, ['password' => '']],
    [$zip, ['password' => 42]],
    [$zip, ['key' => Bjlg\Crypto\Key::generate(), 'password' => 'x']],
    [$zip, ['progress' => 'no_such_function']],
    [$zip, ['report' => '']],
    [$zip, ['html' => "a\0b"]],
    ['', []],
    ["$d/missing.zip", []],
    [$zip, ['history' => "$d/no/such/dir/history.jsonl"]],
    [$zip, ['report' => "$d/no/such/dir/r.json"]],
];
foreach ($cases as [$archive, $options]) {
    try {
        Bjlg\Verify\Verifier::verify($archive, $options);
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ": ", str_replace($d, 'D', $e->getMessage()), "\n";
    }
}
var_dump(interface_exists('Bjlg\Verify\VerifyException'),
         is_subclass_of('Bjlg\Verify\IOException', 'Bjlg\Verify\VerifyException'),
         is_subclass_of('Bjlg\Verify\IOException', 'Bjlg\IOException'));
try { new Bjlg\Verify\Verifier(); } catch (Error $e) { echo get_class($e), "\n"; }
// The secret never appears in a trace.
function f($o) { return Bjlg\Verify\Verifier::verify('/nonexistent/x.zip', $o); }
try { f(['password' => 'hunter2']); } catch (Bjlg\Verify\VerifyException $e) { var_dump(str_contains($e->getTraceAsString(), 'hunter2')); }
bjlg_rmrf($d);
?>
--EXPECT--
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) contains an unknown option "nope"
ValueError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) must be an array with string keys
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "sample" must be a fraction greater than 0 and at most 1
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "sample" must be a fraction greater than 0 and at most 1
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "sample" must be of type float, string given
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "threads" must be between 0 and 256
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "key" must be of type Bjlg\Crypto\Key|string, int given
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "key" must be a Bjlg\Crypto\Key or a non-empty password
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "password" must not be empty
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "password" must be of type string, int given
ValueError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) must not give both "key" and "password"
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "progress" must be a valid callback
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "report" must be a non-empty path without null bytes
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "html" must be a non-empty path without null bytes
ValueError: Bjlg\Verify\Verifier::verify(): Argument #1 ($archive) must not be empty
Bjlg\Verify\IOException: no archive at D/missing.zip
Bjlg\Verify\IOException: cannot open the history file D/no/such/dir/history.jsonl: No such file or directory
Bjlg\Verify\IOException: cannot create a file in D/no/such/dir: No such file or directory
bool(true)
bool(true)
bool(true)
Error
bool(false)
