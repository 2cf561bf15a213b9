<?php
// Runs bin/bjlg with this PHP and the bjlg extension; returns [exit code, stdout, stderr].
function bjlg_cli(string ...$args): array
{
    $root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
    $command = array_merge([PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so',
                            '-d', 'date.timezone=UTC', $root . '/bin/bjlg'], $args);
    $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return [proc_close($process), $out, $err];
}

function bjlg_cli_show(string ...$args): void
{
    [$code, $out, $err] = bjlg_cli(...$args);
    echo '$ bjlg ', implode(' ', array_map(fn ($a) => preg_match('/^[\w=.:\/-]+$/', $a) ? $a : "'$a'", $args)), "\n";
    echo $out;
    if ($err !== '') echo '[stderr] ', str_replace("\n", "\n[stderr] ", rtrim($err)), "\n";
    echo "[exit $code]\n";
}
