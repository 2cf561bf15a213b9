--TEST--
bjlg CLI: unknown command and subcommand, unknown option naming the command, missing value, value on a flag, a --format outside the command's formats refused (exit 2) for every command that has --format, "--" ends the options
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (dozens of bjlg processes refused by the PHP parser before the extension is called: under valgrind they check no extension memory)');
?>
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
require getenv('BJLG_SOURCE_DIR') . '/cli/Commands.php';
use Bjlg\Cli\Commands;

function show(string ...$args): void
{
    [$code, $out, $err] = bjlg_cli(...$args);
    echo "[$code] ", implode(' ', $args), "\n", $err, $out === '' ? '' : "[stdout] $out";
}

show('frobnicate');
show('help', 'frobnicate');
show('help', 'sla', 'frobnicate');
show('quota', '--config', 'x.yaml', '--colour=red');
show('cron', 'next', '@daily', '--count=3');
show('sla', 'forecast', '--history');
show('backup', '--out', 'x.zip', '--verify=yes', 'src');
show('encrypt', 'a', 'b', '--password', 'open sesame');

// --format: for every command whose definition has it, a value outside its list is a usage
// error that lists the allowed ones, before anything else is done.
$bad = [];
foreach (Commands::all() as $path => $d) {
    if (!isset($d['options']['format'])) {
        continue;
    }
    $words = explode(' ', $path);
    $args = [...$words, ...($path === 'notify incident' ? ['due'] : []), '--format=xml'];
    [$code, $out, $err] = bjlg_cli(...$args);
    $expected = "--format must be one of " . implode(', ', $d['options']['format']['allowed']) . ", not 'xml'";
    if ($code !== 2 || !str_contains($err, $expected) || $out !== '') {
        $bad[] = implode(' ', $args) . " (exit $code): $err";
    }
}
echo $bad === [] ? "--format=xml refused by every command with --format\n" : implode("\n", $bad) . "\n";
// text, the name of table before WP-CLI's conventions, is still read as table.
show('list', 'missing.zip', '--format=text');

// "--" ends the options: what follows is a positional, even --help.
show('cron', 'describe', '--locale=fr', '--', '@daily');
show('cron', 'next', '--', '--help');
?>
--EXPECTF--
[2] frobnicate
bjlg: unknown command 'frobnicate'
Run 'bjlg help' for the list of commands.
[2] help frobnicate
bjlg: no help for unknown command 'frobnicate'
Run 'bjlg help' for the list of commands.
[2] help sla frobnicate
bjlg: no help for unknown subcommand 'frobnicate' of bjlg sla
Run 'bjlg help' for the list of commands.
[2] quota --config x.yaml --colour=red
bjlg quota: unknown option --colour for bjlg quota
Run 'bjlg help quota' for usage.
[2] cron next @daily --count=3
bjlg: unknown option --count for bjlg cron next
Run 'bjlg help cron next' for usage.
[2] sla forecast --history
bjlg sla forecast: option --history needs a value
Run 'bjlg help sla' for usage.
[2] backup --out x.zip --verify=yes src
bjlg: option --verify takes no value
Run 'bjlg help backup' for usage.
[2] encrypt a b --password open sesame
bjlg: --password is refused: a secret on the command line leaks; use --password-file or BJLG_ENCRYPTION_KEY
--format=xml refused by every command with --format
[%d] list missing.zip --format=text
bjlg: %s missing.zip%s
[0] cron describe --locale=fr -- @daily
%s
[2] cron next -- --help
bjlg: invalid cron expression '--help': %s
Run 'bjlg help cron next' for usage.
