--TEST--
bjlg CLI conventions, colour: verdicts and warnings in colour (green ok, red failed, yellow warnings) only when stdout is a terminal; never when piped, never with NO_COLOR set (not empty), never with --no-color, on any command
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip spawns many bjlg processes, too slow under valgrind');
if (!@proc_open([PHP_BINARY, '-v'], [1 => ['pty'], 2 => ['pipe', 'w']], $p)) die('skip no pseudo-terminal');
?>
--FILE--
<?php
require __DIR__ . '/conventions.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-colour-' . getmypid();
$commands = conventions_fixture($d);
file_put_contents("$d/broken.yaml", "destinations:\n  - {name: gone, type: local, path: /nonexistent/bjlg}\npolicy: {keep_last: 2}\n");
$green = "\033[32m";
$red = "\033[31m";
$yellow = "\033[33m";
$esc = "\033[";

// At a terminal: the verdict of each command in its colour.
$noColor = ['NO_COLOR' => null];
[$code, $out] = bjlg_cli_tty($noColor, 'verify', "$d/s.zip");
echo "verify: exit $code, ", str_contains($out, "{$green}PASSED\033[0m") ? 'PASSED in green' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, 'restore-test', "$d/s.zip");
echo "restore-test: exit $code, ", str_contains($out, "{$green}PASSED\033[0m") && str_contains($out, "{$yellow}skipped\033[0m ") ? 'PASSED in green, skipped in yellow' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, 'cron', 'check', '*/2 * * * *', '--from=2025-01-15T10:07:30Z');
echo "cron check: exit $code, ", str_contains($out, "  {$red}error\033[0m [too_frequent]") ? 'error in red' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, 'cron', 'check', '0 3 * * *', '--tz=UTC', '--from=2025-01-15T10:07:30Z');
echo "cron check: exit $code, ", str_contains($out, "  {$green}no warnings\033[0m") ? 'no warnings in green' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, 'quota', '--config', "$d/broken.yaml");
echo "quota: exit $code, ", preg_match('/' . preg_quote($red, '/') . '\[\w+\] [^\033]+\033\[0m$/m', $out) ? 'error in red' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, 'purge', '--config', "$d/broken.yaml");
echo "purge: exit $code, ", str_contains($out, "gone (local): {$red}error\033[0m [not_found]") ? 'error in red' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, ...$commands['notify test']());
echo "notify test: exit $code, ", str_contains($out, "{$red}failed\033[0m") ? 'failed in red' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, ...$commands['sla forecast']());
echo "sla forecast: exit $code, ", preg_match('/  ' . preg_quote($red, '/') . 'critical\033\[0m$/m', $out) ? 'critical in red' : json_encode($out), "\n";
[$code, $out] = bjlg_cli_tty($noColor, ...[...$commands['sla forecast'](), '--out', "$d/forecast.txt"]);
echo "sla forecast --out at a terminal: exit $code, ", str_contains(file_get_contents("$d/forecast.txt"), $esc) ? 'colour in the file' : 'no colour in the file', "\n";
[$code, $out] = bjlg_cli_tty($noColor, ...$commands['list']());
echo "list: exit $code, ", str_contains($out, $esc) ? json_encode($out) : 'no colour (no verdict)', "\n";
// Columns stay aligned: the colour wraps the padded word.
[, $out] = bjlg_cli_tty($noColor, 'verify', "$d/s.zip");
[, $plain] = bjlg_cli('verify', "$d/s.zip");
echo 'verify without the colour codes is the piped text: ',
    preg_replace('/\d+/', 'N', preg_replace('/\033\[\d+m/', '', $out)) === preg_replace('/\d+/', 'N', $plain) ? 'yes' : "no\n$out\n$plain", "\n";

// Never when piped, with NO_COLOR, with --no-color: every command of the fixture and those above.
$all = array_map(fn ($args) => $args(), $commands) + [
    'verify' => ['verify', "$d/s.zip"],
    'restore-test' => ['restore-test', "$d/s.zip"],
    'cron check EXPR' => ['cron', 'check', '*/2 * * * *', '--from=2025-01-15T10:07:30Z'],
    'quota broken' => ['quota', '--config', "$d/broken.yaml"],
    'purge broken' => ['purge', '--config', "$d/broken.yaml"],
];
$bad = [];
foreach ($all as $name => $args) {
    $runs = [
        'piped' => bjlg_cli_env($noColor, ...$args),
        'NO_COLOR=1' => bjlg_cli_tty(['NO_COLOR' => '1'], ...$args),
        '--no-color' => bjlg_cli_tty($noColor, ...[...$args, '--no-color']),
    ];
    foreach ($runs as $how => [$code, $out, $err]) {
        if (str_contains($out . $err, $esc)) {
            $bad[] = "$name ($how)";
        }
    }
}
echo count($all), ' commands: ', $bad === [] ? 'no colour piped, with NO_COLOR or with --no-color' : 'colour in ' . implode(', ', $bad), "\n";

// NO_COLOR set but empty does not count (https://no-color.org).
[, $out] = bjlg_cli_tty(['NO_COLOR' => ''], 'verify', "$d/s.zip");
echo 'NO_COLOR empty: ', str_contains($out, $green) ? 'colour' : 'no colour', "\n";
conventions_cleanup($d);
?>
--EXPECT--
verify: exit 0, PASSED in green
restore-test: exit 0, PASSED in green, skipped in yellow
cron check: exit 1, error in red
cron check: exit 0, no warnings in green
quota: exit 1, error in red
purge: exit 1, error in red
notify test: exit 1, failed in red
sla forecast: exit 0, critical in red
sla forecast --out at a terminal: exit 0, no colour in the file
list: exit 0, no colour (no verdict)
verify without the colour codes is the piped text: yes
15 commands: no colour piped, with NO_COLOR or with --no-color
NO_COLOR empty: colour
