--TEST--
bjlg: usage errors on stderr with exit 2, help, version, re-execution with the extension
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
foreach ([[], ['frobnicate'], ['cron'], ['cron', 'later', '@daily'], ['cron', 'next'], ['cron', 'next', '0', '3', '*', '*', '*'],
          ['cron', 'next', '61 * * * *'], ['cron', 'next', '@daily', '--tz=Mars/Base'], ['cron', 'next', '@daily', '--count=3'],
          ['cron', 'preview', '@daily', '--count=0'], ['cron', 'preview', '@daily', '--count=abc'], ['cron', 'next', '@daily', '--from=yesterdayish'],
          ['cron', 'next', '@daily', '--format=xml'], ['cron', 'describe', '@daily', '--locale=de'], ['cron', 'next', '@daily', '--bogus'],
          ['cron', 'next', '@daily', '--tz'], ['cron', 'check', '@daily', '--config=x.json'], ['help', 'nothing']] as $args) {
    [$code, $out, $err] = bjlg_cli(...$args);
    echo $code, ' ', json_encode(implode(' ', $args)), ' ', strtok($err, "\n"), ($out !== '' ? ' [stdout not empty]' : ''), "\n";
}
[$code, $out] = bjlg_cli('--help');
echo $code, ' ', strtok($out, "\n"), "\n";
[$code, $out] = bjlg_cli('help', 'cron');
echo $code, ' ', strtok($out, "\n"), ' ', substr_count($out, '--'), "\n";
[$code, $out] = bjlg_cli('cron', 'next', '--help');
echo $code, ' ', strtok($out, "\n"), "\n";
[$code, $out] = bjlg_cli('version');
echo $code, ' ', preg_match('/^bjlg \d+\.\d+\.\d+ \(PHP 8\.2\.\d+\)$/', strtok($out, "\n")), "\n";
// Without the extension, bin/bjlg re-executes itself with modules/bjlg.so.
$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
$p = proc_open([PHP_BINARY, '-n', '-d', 'date.timezone=UTC', $root . '/bin/bjlg', 'cron', 'next', '@daily', '--from=2025-01-15T10:07:30Z'],
               [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
echo stream_get_contents($pipes[1]), stream_get_contents($pipes[2]), proc_close($p), "\n";
--EXPECT--
2 "" Usage: bjlg <command> [arguments]
2 "frobnicate" bjlg: unknown command 'frobnicate'
2 "cron" bjlg: cron needs an action: next, preview, describe or check
2 "cron later @daily" bjlg: unknown cron action 'later'
2 "cron next" bjlg: cron next needs a cron expression
2 "cron next 0 3 * * *" bjlg: cron next takes one expression; quote it: bjlg cron next '0 3 * * *'
2 "cron next 61 * * * *" bjlg: invalid cron expression '61 * * * *': minute field, position 0: value 61 is out of range 0-59 (try: 0-59)
2 "cron next @daily --tz=Mars\/Base" bjlg: --tz: unknown time zone 'Mars/Base'
2 "cron next @daily --count=3" bjlg: unknown option --count for bjlg cron next
2 "cron preview @daily --count=0" bjlg: --count must be a number from 1 to 10000, '0' given
2 "cron preview @daily --count=abc" bjlg: --count must be a number from 1 to 10000, 'abc' given
2 "cron next @daily --from=yesterdayish" bjlg: --from must be a date such as 2025-01-15T10:07:30Z, 'yesterdayish' given
2 "cron next @daily --format=xml" bjlg: --format must be one of text, json, not 'xml'
2 "cron describe @daily --locale=de" bjlg: --locale must be one of en, fr, not 'de'
2 "cron next @daily --bogus" bjlg: unknown option --bogus for bjlg cron next
2 "cron next @daily --tz" bjlg: option --tz needs a value
2 "cron check @daily --config=x.json" bjlg: cron check takes either EXPR or --config FILE, not both
2 "help nothing" bjlg: no help for unknown command 'nothing'
0 Usage: bjlg <command> [arguments]
0 Usage: bjlg cron <next|preview|describe|check> EXPR [options] 12
0 Usage: bjlg cron next EXPR [--tz=ZONE] [--from=DATE] [--format=text|json]
0 1
2025-01-16T00:00:00+00:00
0
