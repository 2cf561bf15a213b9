--TEST--
bjlg CLI: a reader that closes the pipe early ends bjlg quietly with the status of SIGPIPE (141), not PHP's 255
--EXTENSIONS--
bjlg
--FILE--
<?php
$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
/* Runs bjlg, reads one line of its output, closes the pipe, and reports the exit status and stderr. */
function first_line_then_close(string $root, array $args): void {
    $command = array_merge([PHP_BINARY, '-n', '-d', "extension=$root/modules/bjlg.so", "$root/bin/bjlg"], $args);
    $p = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $line = fgets($pipes[1]);
    fclose($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[2]);
    printf("%s -> %s, exit %d, stderr %s\n", $args[0], str_replace('T', ' ', trim($line)), proc_close($p), var_export($err, true));
}
first_line_then_close($root, ['cron', 'preview', '0 0 * * *', '--count=10000', '--from=2026-01-01T00:00:00Z']);
// A run that finishes normally keeps its status.
$p = proc_open([PHP_BINARY, '-n', '-d', "extension=$root/modules/bjlg.so", "$root/bin/bjlg", 'cron', 'next', '0 0 * * *'],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
stream_get_contents($pipes[1]);
var_dump(proc_close($p));
?>
--EXPECTF--
cron -> 2026-01-0%d %s, exit 141, stderr ''
int(0)
