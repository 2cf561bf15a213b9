--TEST--
bjlg CLI: every command and subcommand of cli/commands/definitions.php has its help, as `bjlg help PATH` and `bjlg PATH --help` (and -h), on stdout, exit 0, starting with its synopsis; the main help lists every command
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (about ninety bjlg processes of pure PHP help: under valgrind they outlast the timeout of the test and check no extension memory)');
?>
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
require getenv('BJLG_SOURCE_DIR') . '/cli/Commands.php';
use Bjlg\Cli\Commands;

[$code, $main, $err] = bjlg_cli('help');
$missing = array_filter(Commands::topLevel(), fn ($c) => !preg_match('/^  ' . preg_quote($c, '/') . ' /m', $main));
echo "bjlg help: exit $code, ", $missing === [] ? 'every command listed' : 'not listed: ' . implode(', ', $missing), $err === '' ? '' : " stderr: $err", "\n";
[$code2, $main2] = bjlg_cli('--help');
var_dump($code2 === 0 && $main2 === $main);

$bad = [];
$paths = array_keys(Commands::all());
foreach ($paths as $path) {
    $words = explode(' ', $path);
    $synopsis = 'Usage: ' . Commands::get($path)['synopsis'] . "\n";
    $forms = [['help', ...$words], [...$words, '--help'], [...$words, '-h']];
    foreach ($forms as $args) {
        [$code, $out, $err] = bjlg_cli(...$args);
        if ($code !== 0 || !str_starts_with($out, $synopsis) || $err !== '') {
            $bad[] = implode(' ', $args) . " (exit $code" . ($err === '' ? '' : ', ' . strtok($err, "\n")) . ')';
        }
    }
    // Every option of the definition is in the help, with its allowed values.
    [, $out] = bjlg_cli('help', ...$words);
    $out = preg_replace('/\s+/', ' ', $out);  // an allowed list may be wrapped
    foreach (Commands::get($path)['options'] ?? [] as $name => $o) {
        if (!str_contains($out, " --$name") || (isset($o['allowed']) && !str_contains($out, implode(', ', $o['allowed'])))) {
            $bad[] = "help $path misses --$name";
        }
    }
}
echo count($paths), " commands: ", $bad === [] ? "every help form works\n" : "\n" . implode("\n", $bad) . "\n";

// A group's help lists its subcommands; --help after the options still gives the help.
[$code, $out] = bjlg_cli('help', 'sla');
echo "help sla: exit $code, ", str_contains($out, "Subcommands:\n  forecast") ? 'subcommands listed' : $out, "\n";
[$code, $out] = bjlg_cli('quota', '--config', 'x.yaml', '--format=json', '--help');
echo "quota ... --help: exit $code, ", strtok($out, "\n"), "\n";
?>
--EXPECTF--
bjlg help: exit 0, every command listed
bool(true)
%d commands: every help form works
help sla: exit 0, subcommands listed
quota ... --help: exit 0, Usage: bjlg quota --config FILE.yaml [options]
