--TEST--
bjlg CLI --progress: json events of the one record for backup (plain and encrypted), encrypt, decrypt, verify, restore-test and extract; a bar that clears; bad values
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-progress-' . getmypid();
mkdir("$d/site", 0700, true);
for ($i = 0; $i < 5; $i++) file_put_contents("$d/site/f$i.bin", random_bytes(300000));
[$code] = bjlg_cli('keygen', '--out', "$d/k.key");

/* The JSON events on stderr: every one a full record; one bar that never goes back (the phase
 * index only moves on, `done` only grows within a phase); the last one complete. */
function check_events(string $what, string $stderr): void {
    $events = array_map(fn ($l) => json_decode($l, true), array_filter(explode("\n", $stderr)));
    $keys = ['event', 'phase', 'done', 'total', 'unit', 'current', 'elapsed', 'phase_index', 'phases'];
    $ok = $events !== [];
    $position = -1.0;
    foreach ($events as $e) {
        $ok = $ok && is_array($e) && array_keys($e) === $keys && $e['event'] === 'progress'
            && $e['phases'][$e['phase_index']] === $e['phase'] && $e['done'] <= $e['total'];
        if (!$ok) break;
        $overall = ($e['phase_index'] + ($e['total'] ? $e['done'] / $e['total'] : 0)) / count($e['phases']);
        $ok = $overall >= $position;
        $position = $overall;
    }
    $last = end($events);
    printf("%s: %s, phases %s, last %s\n", $what, $ok ? 'one forward bar' : 'BROKEN: ' . $stderr,
        implode('>', $last['phases'] ?? []), ($last['done'] ?? -1) === ($last['total'] ?? -2) ? 'complete' : 'incomplete');
}

[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/a.zip", '--progress=json', "$d/site=site");
echo "exit $code\n";
check_events('backup', $err);
[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/a.zip.enc", '--encrypt', '--key-file', "$d/k.key", '--progress', 'json', "$d/site=site");
echo "exit $code\n";
check_events('encrypted backup', $err);
[$code, $out, $err] = bjlg_cli('encrypt', "$d/site/f0.bin", "$d/f0.enc", '--key-file', "$d/k.key", '--progress=json');
check_events('encrypt', $err);
[$code, $out, $err] = bjlg_cli('decrypt', "$d/f0.enc", "$d/f0.back", '--key-file', "$d/k.key", '--progress=json');
check_events('decrypt', $err);
var_dump(file_get_contents("$d/f0.back") === file_get_contents("$d/site/f0.bin"));
[$code, $out, $err] = bjlg_cli('verify', "$d/a.zip", '--progress=json');
echo "exit $code\n";
check_events('verify', $err);
mkdir("$d/boxes");
[$code, $out, $err] = bjlg_cli('restore-test', "$d/a.zip.enc", '--key-file', "$d/k.key", '--sandbox', "$d/boxes", '--progress=json');
echo "exit $code\n";
check_events('restore-test', $err);
[$code, $out, $err] = bjlg_cli('extract', "$d/a.zip", "$d/extracted", '--progress=json');
echo "exit $code\n";
check_events('extract', $err);

// The bar: carriage returns, then the line cleared before the summary; nothing without a terminal.
[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/b.zip", '--progress=bar', "$d/site=site");
var_dump($code, str_contains($err, "\r["), str_contains($err, '100% archive'), str_ends_with($err, "\r"));
[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/c.zip", "$d/site=site");
var_dump($err);

// Bad values are usage errors, and nothing is written.
foreach ([['backup', '--out', "$d/d.zip", '--progress=loud', "$d/site=site"],
          ['verify', "$d/a.zip", '--progress=yes'],
          ['encrypt', "$d/site/f0.bin", "$d/f1.enc", '--key-file', "$d/k.key", '--progress=']] as $args) {
    [$code, $out, $err] = bjlg_cli(...$args);
    echo "exit $code: ", strtok($err, "\n"), "\n";
}
var_dump(file_exists("$d/d.zip"), file_exists("$d/f1.enc"));
exec('rm -rf ' . escapeshellarg($d));
?>
--EXPECT--
exit 0
backup: one forward bar, phases archive, last complete
exit 0
encrypted backup: one forward bar, phases archive>encrypt>authenticate, last complete
encrypt: one forward bar, phases encrypt, last complete
decrypt: one forward bar, phases decrypt, last complete
bool(true)
exit 0
verify: one forward bar, phases read, last complete
exit 0
restore-test: one forward bar, phases decrypt>extract>files, last complete
exit 0
extract: one forward bar, phases extract, last complete
int(0)
bool(true)
bool(true)
bool(true)
string(0) ""
exit 2: bjlg: --progress must be one of auto, bar, json, none, not 'loud'
exit 2: bjlg: --progress must be one of auto, bar, json, none, not 'yes'
exit 2: bjlg: --progress must be one of auto, bar, json, none, not ''
bool(false)
bool(false)
