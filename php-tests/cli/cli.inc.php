<?php
// The command line that runs bin/bjlg with this PHP and the bjlg extension, and its folder.
function bjlg_cli_command(array $args): array
{
    $root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
    return [array_merge([PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so',
                         '-d', 'date.timezone=UTC', $root . '/bin/bjlg'], $args), $root];
}

// Runs bin/bjlg with this PHP and the bjlg extension; returns [exit code, stdout, stderr].
function bjlg_cli(string ...$args): array
{
    return bjlg_cli_env([], ...$args);
}

// bjlg_cli() with $env added to the environment (a null value removes the variable).
function bjlg_cli_env(array $env, string ...$args): array
{
    [$command, $root] = bjlg_cli_command($args);
    $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root, bjlg_cli_environment($env));
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

function bjlg_cli_environment(array $env): array
{
    return array_filter($env + getenv(), fn ($v) => $v !== null);
}

// bjlg_cli_env() with stdout on a terminal (a pseudo-terminal; its "\r\n" read back as "\n"),
// stderr a pipe: what a user at a terminal sees.
function bjlg_cli_tty(array $env, string ...$args): array
{
    [$command, $root] = bjlg_cli_command($args);
    $process = proc_open($command, [1 => ['pty'], 2 => ['pipe', 'w']], $pipes, $root, bjlg_cli_environment($env));
    stream_set_blocking($pipes[1], false);
    $out = '';
    $code = null;
    while (true) {
        $chunk = @fread($pipes[1], 65536);
        if ($chunk !== false && $chunk !== '') {
            $out .= $chunk;
            continue;
        }
        if ($code !== null) {
            break;  // exited, and everything it wrote has been read
        }
        $status = proc_get_status($process);
        if (!$status['running']) {
            $code = $status['exitcode'];
            continue;
        }
        usleep(10000);
    }
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    proc_close($process);
    return [$code, str_replace("\r\n", "\n", $out), $err];
}
