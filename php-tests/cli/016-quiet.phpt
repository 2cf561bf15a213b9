--TEST--
bjlg CLI conventions, --quiet: no informational output (summaries, hints, "written" lines) and no progress bar on any command; data, and what --format asks for, still printed; errors still on stderr; exit statuses unchanged
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip spawns many bjlg processes, too slow under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/conventions.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-quiet-' . getmypid();
$commands = conventions_fixture($d);
file_put_contents("$d/k.key", bjlg_cli('keygen')[1]);

// The commands that print rows print them as they would without --quiet (figures that change
// between two runs, latencies and dates, aside), less their informational lines.
// Numbers vary from run to run (latencies), and so does the padding of their columns.
$mask = fn (string $s) => preg_replace(['/\d+/', '/ +/'], ['N', ' '], $s);
foreach ($commands as $path => $args) {
    [$code, $out] = bjlg_cli(...$args());
    [$quietCode, $quiet, $err] = conventions_run($args, '--quiet');
    $dropped = array_diff(explode("\n", $mask($out)), explode("\n", $mask($quiet)));
    $kept = $quiet !== '' && str_contains($mask($out), $mask($quiet));
    echo "$path --quiet: ", $kept && $code === $quietCode ? "the rows, exit $code" : "exit $quietCode, [$quiet] vs [$out]",
        $dropped === [] ? '' : ', without: ' . implode(' | ', $dropped), "\n";
}

// The commands whose output says what was done print nothing; with --format=json their JSON.
$informational = [  // name => [arguments, the files it makes (removed before each run)]
    'backup' => [['backup', '--out', "$d/b.zip", '--force', "$d/site=site"], []],
    'extract' => [['extract', "$d/s.zip", "$d/out"], ["$d/out/site/a.txt", "$d/out/site", "$d/out"]],
    'keygen --out' => [['keygen', '--out', "$d/new.key"], ["$d/new.key"]],
    'encrypt' => [['encrypt', "$d/s.zip", "$d/s.zip.bjlg", '--key-file', "$d/k.key"], ["$d/s.zip.bjlg"]],
    'decrypt' => [['decrypt', "$d/s.zip.bjlg", "$d/back.zip", '--key-file', "$d/k.key"], ["$d/back.zip"]],
    'verify' => [['verify', "$d/s.zip"], []],
    'restore-test' => [['restore-test', "$d/s.zip"], []],
    'sla report --out' => [['sla', 'report', '--history', "$d/h.jsonl", '--out', "$d/r.html"], []],
];
foreach ($informational as $name => [$args, $made]) {
    $fresh = fn () => array_map(fn ($f) => is_dir($f) ? @rmdir($f) : @unlink($f), $made);
    $fresh();
    [$loudCode, $loud] = bjlg_cli(...$args);
    $fresh();
    [$code, $out, $err] = bjlg_cli(...[...$args, '--quiet']);
    echo "$name: ", $loud !== '' ? 'says what it did' : 'says nothing', "; --quiet: exit $code (was $loudCode), ",
        $out === '' ? 'nothing' : "[$out]", $err === '' ? '' : " [stderr $err]", "\n";
}
[$code, $out] = bjlg_cli('backup', '--out', "$d/b.zip", '--force', '--quiet', '--format=json', "$d/site=site");
echo 'backup --quiet --format=json: exit ', $code, ', ', json_decode($out, true)['type'] ?? $out, "\n";
[$code, $out] = bjlg_cli('verify', "$d/s.zip", '--quiet', '--format=json');
echo 'verify --quiet --format=json: exit ', $code, ', ', json_decode($out, true)['status'] ?? $out, "\n";
[$code, $out] = bjlg_cli('inspect', "$d/s.zip.bjlg", '--quiet');
echo 'inspect --quiet (data): exit ', $code, ', ', strtok($out, "\n"), "\n";
[$code, $out] = bjlg_cli('keygen', '--quiet');
echo 'keygen --quiet (the key is the data): exit ', $code, ', ', strlen(trim($out)) > 20 ? 'a key' : "[$out]", "\n";
[$code, $out] = bjlg_cli('version', '--quiet');
echo 'version --quiet: exit ', $code, ', ', strtok($out, ' '), "\n";

// No progress bar with --quiet; the JSON events a script asks for are still written.
[, , $err] = bjlg_cli('backup', '--out', "$d/b.zip", '--force', '--progress=bar', "$d/site=site");
[, , $quietErr] = bjlg_cli('backup', '--out', "$d/b.zip", '--force', '--progress=bar', '--quiet', "$d/site=site");
[, , $jsonErr] = bjlg_cli('backup', '--out', "$d/b.zip", '--force', '--progress=json', '--quiet', "$d/site=site");
echo '--progress=bar: ', str_contains($err, '[') ? 'a bar' : 'no bar', '; with --quiet: ', $quietErr === '' ? 'nothing' : "[$quietErr]",
    '; --progress=json --quiet: ', str_starts_with($jsonErr, '{"event":"progress"') ? 'the events' : "[$jsonErr]", "\n";

// Errors still on stderr, with their exit status.
foreach ([['list', "$d/missing.zip", '--quiet'], ['quota', '--quiet'], ['cron', 'next', 'not cron', '--quiet'],
          ['decrypt', "$d/s.zip.bjlg", "$d/x.zip", '--password-file', "$d/k.key", '--quiet']] as $args) {
    [$code, $out, $err] = bjlg_cli(...$args);
    echo implode(' ', array_map(fn ($a) => str_replace($d, 'DIR', $a), $args)), ": exit $code, ", $out === '' ? '' : "[$out] ", strtok(str_replace($d, 'DIR', $err), "\n"), "\n";
}
conventions_cleanup($d);
?>
--EXPECTF--
list --quiet: the rows, exit 0
quota --quiet: the rows, exit 0
purge --quiet: the rows, exit 0, without: Dry run: nothing was deleted. Run again with --yes to delete.
cron preview --quiet: the rows, exit 0
cron check --quiet: the rows, exit 0
sla forecast --quiet: the rows, exit 0
sla plan --quiet: the rows, exit 0
notify test --quiet: the rows, exit 1
notify send --quiet: the rows, exit 1
notify incident --quiet: the rows, exit 1, without: incident %s: %s
backup: says what it did; --quiet: exit 0 (was 0), nothing
extract: says what it did; --quiet: exit 0 (was 0), nothing
keygen --out: says what it did; --quiet: exit 0 (was 0), nothing
encrypt: says what it did; --quiet: exit 0 (was 0), nothing
decrypt: says what it did; --quiet: exit 0 (was 0), nothing
verify: says what it did; --quiet: exit 0 (was 0), nothing
restore-test: says what it did; --quiet: exit 0 (was 0), nothing
sla report --out: says what it did; --quiet: exit 0 (was 0), nothing
backup --quiet --format=json: exit 0, full
verify --quiet --format=json: exit 0, passed
inspect --quiet (data): exit 0, %s
keygen --quiet (the key is the data): exit 0, a key
version --quiet: exit 0, bjlg
--progress=bar: a bar; with --quiet: nothing; --progress=json --quiet: the events
list DIR/missing.zip --quiet: exit 1, bjlg: %s
quota --quiet: exit 2, bjlg quota: --config FILE is required
cron next not cron --quiet: exit 2, bjlg: invalid cron expression %s
decrypt DIR/s.zip.bjlg DIR/x.zip --password-file DIR/k.key --quiet: exit 1, bjlg: %s
