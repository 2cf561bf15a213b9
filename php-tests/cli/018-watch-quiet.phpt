--TEST--
bjlg CLI conventions, --quiet on the daemon: bjlg watch writes no line per archive with --quiet (the archives are made all the same), its JSON lines with --quiet --format=json; it stops cleanly on SIGTERM either way
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (!function_exists('pcntl_signal')) die('skip pcntl needed for SIGTERM');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip spawns many bjlg processes, too slow under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-watch-quiet-' . getmypid();
mkdir("$d/site", 0700, true);
file_put_contents("$d/site/index.php", '<?php // home');

/** Runs bjlg watch until it has made its full backup, then stops it; [exit status, stdout, archives]. */
function watch(string $d, string ...$extra): array
{
    $to = "$d/to-" . count(glob("$d/to-*"));
    mkdir($to);
    [$command, $root] = bjlg_cli_command(['watch', '--site', "$d/site", '--to', $to, '--debounce', '1', ...$extra]);
    $p = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root);
    for ($i = 0; $i < 300 && glob("$to/*.zip") === []; $i++) {
        usleep(50000);
    }
    usleep(300000);  // its line, if any, is written after the archive is renamed into place
    proc_terminate($p, 15);  // SIGTERM
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return [proc_close($p), $out, count(glob("$to/*.zip"))];
}

[$code, $out, $archives] = watch($d);
echo "watch: exit $code, $archives archive, ", preg_match('/^full backup-full-watch-\d+-[\d-]+\.zip: 1 files/', $out) ? 'a line for it' : "[$out]", "\n";
[$code, $out, $archives] = watch($d, '--quiet');
echo "watch --quiet: exit $code, $archives archive, ", $out === '' ? 'no line' : "[$out]", "\n";
[$code, $out, $archives] = watch($d, '--quiet', '--format=json');
echo "watch --quiet --format=json: exit $code, $archives archive, ", (json_decode($out, true)['type'] ?? null) === 'full' ? 'its JSON line' : "[$out]", "\n";
exec('rm -rf ' . escapeshellarg($d));
?>
--EXPECT--
watch: exit 0, 1 archive, a line for it
watch --quiet: exit 0, 1 archive, no line
watch --quiet --format=json: exit 0, 1 archive, its JSON line
