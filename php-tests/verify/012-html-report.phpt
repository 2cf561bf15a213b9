--TEST--
Bjlg\Verify\Verifier / RestoreTest "html" report for people: options locale and timezone (wrong types TypeError, unknown values ValueError), verdict first, local times with the offset, readable sizes, the chart of past runs with a history; the CLI's --locale/--timezone
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
require __DIR__ . '/../cli/cli.inc.php';
$d = bjlg_scratch('verify-html');
$zip = bjlg_backup($d, bjlg_dump(3));

// The first run has no past run to chart; the second charts the first.
Bjlg\Verify\Verifier::verify($zip, ['html' => "$d/1.html", 'history' => "$d/h.jsonl", 'locale' => 'fr', 'timezone' => 'Europe/Paris']);
Bjlg\Verify\Verifier::verify($zip, ['html' => "$d/2.html", 'history' => "$d/h.jsonl", 'locale' => 'fr', 'timezone' => 'Europe/Paris']);
$first = file_get_contents("$d/1.html");
$html = file_get_contents("$d/2.html");
var_dump(str_contains($first, '<svg'), str_contains($html, '<svg'));
var_dump(strpos($html, 'Réussi : Tous les contrôles ont réussi') < strpos($html, 'id="checks"'));
var_dump((bool) preg_match('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00/', $html));
var_dump((bool) preg_match('/\d+,\d Kio/', $html), str_contains($html, '<pre>'), str_contains($html, $d));
printf("%o\n", fileperms("$d/2.html") & 0777);

// English and UTC by default.
Bjlg\Verify\Verifier::verify($zip, ['html' => "$d/3.html"]);
$en = file_get_contents("$d/3.html");
var_dump(str_contains($en, '<html lang="en">'), str_contains($en, 'Passed: Every check passed'), (bool) preg_match('/:\d\d \+00:00/', $en));

// The restore test takes the same options.
$t = Bjlg\Verify\RestoreTest::run($zip, ['sandbox' => $d, 'html' => "$d/rt.html", 'locale' => 'fr', 'timezone' => '+05:30']);
$rt = file_get_contents("$d/rt.html");
var_dump($t['status'], str_contains($rt, 'Test de restauration'), str_contains($rt, ' +05:30'));

$cases = [
    ['locale' => 1],
    ['timezone' => []],
    ['locale' => 'de'],
    ['locale' => ''],
    ['timezone' => 'Mars/Olympus'],
];
foreach ($cases as $options) {
    foreach (['Bjlg\Verify\Verifier::verify', 'Bjlg\Verify\RestoreTest::run'] as $f) {
        try {
            $f($zip, $options + ['html' => "$d/bad.html"]);
            echo "no error\n";
        } catch (Throwable $e) {
            echo get_class($e), ": ", $e->getMessage(), "\n";
        }
    }
}
var_dump(file_exists("$d/bad.html"));

// The CLI: --locale and --timezone, checked like bjlg sla's.
[$code] = bjlg_cli('verify', $zip, '--html', "$d/cli.html", '--locale', 'fr', '--timezone', 'America/New_York');
$cli = file_get_contents("$d/cli.html");
var_dump($code, str_contains($cli, 'Réussi'), (bool) preg_match('/ -0[45]:00/', $cli));
[$code, , $err] = bjlg_cli('verify', $zip, '--html', "$d/cli2.html", '--locale', 'de');
echo "[$code] ", trim($err), "\n";
[$code, , $err] = bjlg_cli('restore-test', $zip, '--sandbox', $d, '--html', "$d/cli2.html", '--timezone', 'Nowhere/Land');
echo "[$code] ", trim($err), "\n";
bjlg_rmrf($d);
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
600
bool(true)
bool(true)
bool(true)
string(6) "passed"
bool(true)
bool(true)
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "locale" must be of type string, int given
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "locale" must be of type string, int given
TypeError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "timezone" must be of type string, array given
TypeError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "timezone" must be of type string, array given
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "locale" must be "en" or "fr"
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "locale" must be "en" or "fr"
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "locale" must be "en" or "fr"
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "locale" must be "en" or "fr"
Bjlg\OptionError: Bjlg\Verify\Verifier::verify(): Argument #2 ($options) option "timezone" is not a known time zone: Mars/Olympus
Bjlg\OptionError: Bjlg\Verify\RestoreTest::run(): Argument #2 ($options) option "timezone" is not a known time zone: Mars/Olympus
bool(false)
int(0)
bool(true)
bool(true)
[2] bjlg: --locale must be one of en, fr, not 'de'
[2] bjlg: option "timezone" is not a known time zone: Nowhere/Land
