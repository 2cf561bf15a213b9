--TEST--
bjlg purge: dry-run table (en, fr), --policy, JSON, --yes with --record then bjlg sla purge over the events, --journal, progress (json, bar), a destination that cannot be purged, usage errors
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-purge-' . getmypid();
@mkdir("$d/nas", 0700, true);
function fill(string $d): void
{
    foreach (glob("$d/nas/*") as $f) unlink($f);
    for ($i = 1; $i <= 6; $i++) {
        file_put_contents("$d/nas/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $i), str_repeat('x', 1000 * $i));
    }
    file_put_contents("$d/nas/pre-restore-backup-2026-03-03-10-00-00.zip", str_repeat('p', 50));
    file_put_contents("$d/nas/notes.txt", 'not a backup');
}
function show(string ...$args): array
{
    global $d;
    [$code, $out, $err] = bjlg_cli(...$args);
    echo '$ bjlg ', str_replace($d, 'DIR', implode(' ', $args)), "\n", str_replace($d, 'DIR', $out);
    if ($err !== '') echo '[stderr] ', str_replace([$d, "\n"], ['DIR', "\n[stderr] "], rtrim($err)), "\n";
    echo "[exit $code]\n";
    return [$code, $out, $err];
}
function left(string $d): string
{
    return count(glob("$d/nas/*")) . ' files left';
}
fill($d);
file_put_contents("$d/config.yaml", "destinations:\n  - {name: nas, type: local, path: $d/nas}\npolicy:\n  keep_last: 2\n  timezone: Europe/Paris\n");
file_put_contents("$d/two.yaml", "destinations:\n  - {name: nas, type: local, path: $d/nas}\n  - {name: drive, type: gdrive, access_token: not-a-token}\npolicy: {keep_last: 2}\n");
file_put_contents("$d/nopolicy.yaml", "- {name: nas, type: local, path: $d/nas}\n");
file_put_contents("$d/policy.yaml", "keep_last: 5\n");

echo "-- help\n";
[$code, $out] = bjlg_cli('help', 'purge');
echo strtok($out, "\n"), " [exit $code]\n";
foreach (['--config', '--policy', '--dry-run', '--yes', '--format', '--record', '--journal', '--lang', '--parallel', '--timeout-ms', '--retries', '--ca-bundle', '--progress'] as $o) {
    if (!str_contains($out, "  $o")) echo "help misses $o\n";
}
[$code2, $out2] = bjlg_cli('purge', '--help');
var_dump($code2 === 0 && $out2 === $out);

echo "-- dry run (the default): the table, nothing deleted\n";
show('purge', '--config', "$d/config.yaml");
echo left($d), "\n";
// French reasons; --dry-run wins over --yes.
[$code, $out] = bjlg_cli('purge', '--config', "$d/config.yaml", '--lang=fr', '--yes', '--dry-run');
echo "exit $code: ", preg_match('/aucune règle ne la conserve/', $out) ? 'French reasons' : $out, ', ', left($d), "\n";
// --policy replaces the config's policy; a destination that cannot be purged: exit 1.
show('purge', '--config', "$d/two.yaml", '--policy', "$d/policy.yaml");

echo "-- dry run as JSON\n";
[$code, $out] = bjlg_cli('purge', '--config', "$d/config.yaml", '--format=json');
$j = json_decode($out, true);
echo "exit $code: dry_run=", json_encode($j['dry_run']), ' keys=', implode(',', array_keys($j)), ' version=', $j['plan']['version'],
    ' totals=', json_encode($j['plan']['totals']), ' timezone=', $j['plan']['policy']['timezone'], "\n";

echo "-- --yes: deleted, recorded, progress as JSON on stderr\n";
[$code, $out, $err] = bjlg_cli('purge', '--config', "$d/config.yaml", '--yes', '--record', "$d/events.jsonl",
                               '--journal', "$d/j1.jsonl", '--progress=json', '--parallel=2');
echo str_replace($d, 'DIR', $out), "[exit $code]\n", left($d), ': ', implode(' ', array_map('basename', glob("$d/nas/*"))), "\n";
$progress = array_map(fn ($l) => json_decode($l, true), explode("\n", trim($err)));
$purge = array_values(array_filter($progress, fn ($p) => ($p['event'] ?? '') === 'progress' && $p['phase'] === 'purge'));
echo count($progress), ' progress records, purge done: ', implode(' ', array_column($purge, 'done')), "\n";
$events = array_map(fn ($l) => json_decode($l, true), file("$d/events.jsonl", FILE_IGNORE_NEW_LINES));
echo count($events), ' events recorded: ', implode(' ', array_map(fn ($e) => "{$e['status']}/{$e['outcome']}", $events)), "\n";
echo count(file("$d/j1.jsonl")), " journal lines\n";

echo "-- bjlg sla purge reads the recorded events\n";
[$code, $out, $err] = bjlg_cli('sla', 'purge', '--events', "$d/events.jsonl", '--format=json');
$sla = json_decode($out, true)['purge'] ?? null;
echo "exit $code: completed=", $sla['completed'] ?? '?', ' failed=', $sla['failed'] ?? '?', ' backlog=', $sla['backlog']['count'] ?? '?',
    ' latency count=', $sla['latency']['count'] ?? '?', ' destinations=', implode(',', array_keys($sla['destinations'] ?? [])), $err, "\n";

echo "-- --yes again, as JSON: nothing left to delete; the record grows by nothing\n";
[$code, $out] = bjlg_cli('purge', '--config', "$d/config.yaml", '--yes', '--format', 'json', '--record', "$d/events.jsonl");
$j = json_decode($out, true);
echo "exit $code: keys=", implode(',', array_keys($j)), ' dry_run=', json_encode($j['dry_run']), ' deleted=', $j['run']['deleted'],
    ' events=', count($j['run']['events']), ' recorded=', count(file("$d/events.jsonl")), "\n";

echo "-- --yes with a destination that cannot be purged: the other is purged, exit 1\n";
fill($d);
show('purge', '--config', "$d/two.yaml", '--yes', '--record', "$d/events.jsonl");
echo left($d), ', ', count(file("$d/events.jsonl")), " events recorded\n";

echo "-- --progress=bar: the bar on stderr, cleared before the summary\n";
fill($d);
[$code, $out, $err] = bjlg_cli('purge', '--config', "$d/config.yaml", '--yes', '--progress=bar');
var_dump($code, str_contains($err, "\r["), str_contains($err, '100% purge 2/2 5/5'), str_ends_with($err, "\r"), str_starts_with($out, 'NAME'));

echo "-- the journal of another plan is refused\n";
fill($d);
show('purge', '--config', "$d/config.yaml", '--policy', "$d/policy.yaml", '--yes', '--journal', "$d/j1.jsonl");
echo left($d), "\n";

echo "-- usage errors\n";
foreach ([['purge'], ['purge', 'extra', '--config', "$d/config.yaml"], ['purge', '--config', "$d/config.yaml", '--bogus'],
          ['purge', '--config', "$d/config.yaml", '--format', 'xml'], ['purge', '--config', "$d/config.yaml", '--lang=de'],
          ['purge', '--config', "$d/config.yaml", '--parallel', '0'], ['purge', '--config', "$d/config.yaml", '--timeout-ms=fast'],
          ['purge', '--config', "$d/config.yaml", '--retries', '11'], ['purge', '--config', "$d/config.yaml", '--record='],
          ['purge', '--config', "$d/config.yaml", '--progress=loud'], ['purge', '--config', "$d/config.yaml", '--ca-bundle', "$d/none.pem"],
          ['purge', '--config', "$d/config.yaml", '--yes=1'], ['purge', '--config'], ['purge', '--config', "$d/missing.yaml"],
          ['purge', '--config', "$d/nopolicy.yaml"], ['purge', '--config', "$d/config.yaml", '--policy', "$d/missing.yaml"],
          ['purge', '--config', "$d/policy.yaml"], ['purge', '--config', "$d/config.yaml", '--key', 'x']] as $args) {
    [$code, $out, $err] = bjlg_cli(...$args);
    echo "exit $code: ", str_replace($d, 'DIR', strtok($err, "\n")), $out === '' ? '' : ' (stdout not empty)', "\n";
}
echo left($d), "\n";

foreach (glob("$d/nas/*") as $f) unlink($f);
rmdir("$d/nas");
foreach (glob("$d/*") as $f) unlink($f);
rmdir($d);
?>
--EXPECT--
-- help
Usage: bjlg purge --config FILE.yaml [--policy POLICY.yaml] [--yes] [options] [exit 0]
bool(true)
-- dry run (the default): the table, nothing deleted
$ bjlg purge --config DIR/config.yaml
nas (local): 8 listed, 5 to delete (9.8 KiB), 2 kept, 1 foreign
  DELETE                                                        SIZE  DATE (Europe/Paris)  REASON
  backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345678.zip  3.9 KiB  2026-03-04 03:00     kept by no rule
  pre-restore-backup-2026-03-03-10-00-00.zip                    50 B  2026-03-03 11:00     kept by no rule
  backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345678.zip  2.9 KiB  2026-03-03 03:00     kept by no rule
  backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip  2.0 KiB  2026-03-02 03:00     kept by no rule
  backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip   1000 B  2026-03-01 03:00     kept by no rule

Total: 5 to delete (9.8 KiB), 2 kept, 1 foreign; 0 of 1 destinations failed
Dry run: nothing was deleted. Run again with --yes to delete.
[exit 0]
8 files left
exit 0: French reasons, 8 files left
$ bjlg purge --config DIR/two.yaml --policy DIR/policy.yaml
drive (gdrive): error [rejected] destination 'drive': a purge on gdrive needs the key 'folder_id' (the folder holding the backups); bjlg never purges a whole drive

nas (local): 8 listed, 2 to delete (2.9 KiB), 5 kept, 1 foreign
  DELETE                                                        SIZE  DATE (UTC)        REASON
  backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip  2.0 KiB  2026-03-02 02:00  kept by no rule
  backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip   1000 B  2026-03-01 02:00  kept by no rule

Total: 2 to delete (2.9 KiB), 5 kept, 1 foreign; 1 of 2 destinations failed
Dry run: nothing was deleted. Run again with --yes to delete.
[exit 1]
-- dry run as JSON
exit 0: dry_run=true keys=dry_run,plan version=1 totals={"bytes_freed":10050,"delete":5,"failed_destinations":0,"foreign":1,"keep":2} timezone=Europe/Paris
-- --yes: deleted, recorded, progress as JSON on stderr
NAME  DELETED  ALREADY GONE  FAILED    FREED  ERROR
nas         5             0       0  9.8 KiB
Total: 5 deleted (9.8 KiB freed), 0 already gone, 0 failed
Journal: DIR/j1.jsonl
[exit 0]
3 files left: backup-full-2026-03-05-02-00-00-6751a2b3c4d5e12345678.zip backup-full-2026-03-06-02-00-00-6751a2b3c4d5e12345678.zip notes.txt
8 progress records, purge done: 0 1 2 3 4 5
5 events recorded: completed/deleted completed/deleted completed/deleted completed/deleted completed/deleted
11 journal lines
-- bjlg sla purge reads the recorded events
exit 0: completed=5 failed=0 backlog=0 latency count=5 destinations=nas
-- --yes again, as JSON: nothing left to delete; the record grows by nothing
exit 0: keys=dry_run,plan,run dry_run=false deleted=0 events=0 recorded=5
-- --yes with a destination that cannot be purged: the other is purged, exit 1
$ bjlg purge --config DIR/two.yaml --yes --record DIR/events.jsonl
NAME   DELETED  ALREADY GONE  FAILED    FREED  ERROR
drive        0             0       0        -  [rejected] destination 'drive': a purge on gdrive needs the key 'folder_id' (the folder holding the backups); bjlg never purges a whole drive
nas          5             0       0  9.8 KiB
Total: 5 deleted (9.8 KiB freed), 0 already gone, 0 failed
[exit 1]
3 files left, 10 events recorded
-- --progress=bar: the bar on stderr, cleared before the summary
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
-- the journal of another plan is refused
$ bjlg purge --config DIR/config.yaml --policy DIR/policy.yaml --yes --journal DIR/j1.jsonl
[stderr] bjlg purge: --journal: purge journal DIR/j1.jsonl belongs to another plan: give another journal path or remove it
[exit 2]
8 files left
-- usage errors
exit 2: bjlg purge: --config FILE is required
exit 2: bjlg purge: unexpected argument 'extra'
exit 2: bjlg purge: unknown option --bogus for bjlg purge
exit 2: bjlg purge: --format must be one of table, json, csv, yaml, not 'xml'
exit 2: bjlg purge: --lang must be one of en, fr, not 'de'
exit 2: bjlg purge: --parallel must be an integer from 1 to 64, not '0'
exit 2: bjlg purge: --timeout-ms must be an integer from 1 to 3600000, not 'fast'
exit 2: bjlg purge: --retries must be an integer from 0 to 10, not '11'
exit 2: bjlg purge: --record needs a file name
exit 2: bjlg purge: --progress must be one of auto, bar, json, none, not 'loud'
exit 2: bjlg purge: --ca-bundle: cannot read DIR/none.pem
exit 2: bjlg purge: option --yes takes no value
exit 2: bjlg purge: option --config needs a value
exit 2: bjlg purge: cannot open destinations file DIR/missing.yaml: No such file or directory
exit 2: bjlg purge: DIR/nopolicy.yaml has no 'policy' map: add one (policy: {keep_daily: 7, ...}) or give --policy FILE
exit 2: bjlg purge: cannot open policy file DIR/missing.yaml: No such file or directory
exit 2: bjlg purge: DIR/policy.yaml: no 'destinations' list
exit 2: bjlg purge: --key is refused: a secret on the command line leaks; use --key-file or BJLG_ENCRYPTION_KEY
8 files left
