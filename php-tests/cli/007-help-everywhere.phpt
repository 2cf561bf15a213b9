--TEST--
bjlg CLI: every command the main help lists has its help, as `bjlg help CMD` and as `bjlg CMD --help`, on stdout with status 0
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
[$code, $main] = bjlg_cli('--help');
// The command names, read from the main help itself: a command listed there must have help.
preg_match_all('/^  ([a-z][a-z-]*)(?: |$)/m', substr($main, strpos($main, 'Commands:')), $m);
$commands = array_values(array_unique($m[1]));
echo count($commands) >= 14 ? "listed: " . implode(' ', $commands) : "too few commands: $main", "\n";
$bad = [];
foreach ($commands as $c) {
    foreach ([['help', $c], [$c, '--help']] as $args) {
        [$code, $out, $err] = bjlg_cli(...$args);
        if ($code !== 0 || !str_contains($out, 'Usage:') || $err !== '') {
            $bad[] = implode(' ', $args) . " (exit $code)";
        }
    }
}
echo $bad === [] ? "every command has its help\n" : 'missing: ' . implode(', ', $bad) . "\n";
[$code, $out, $err] = bjlg_cli('help', 'frobnicate');
echo "exit $code: ", strtok($err, "\n"), "\n";
?>
--EXPECTF--
listed: %s
every command has its help
exit 2: bjlg: no help for unknown command 'frobnicate'
