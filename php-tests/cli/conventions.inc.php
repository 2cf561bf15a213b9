<?php
// The commands that print rows, each with arguments that make it print some, on files made in
// $d: an archive, a local destination holding backups (quota, purge), a quota history (sla),
// a webhook channel nobody listens to (notify: one failed row, exit status 1).
require_once __DIR__ . '/cli.inc.php';

/** @return array<string, callable(): list<string>> command path => its arguments (fresh for each run) */
function conventions_fixture(string $d): array
{
    mkdir("$d/site", 0700, true);
    mkdir("$d/nas");
    file_put_contents("$d/site/a.txt", "hello\n");
    bjlg_cli('backup', '--out', "$d/s.zip", "$d/site=site");
    for ($i = 1; $i <= 4; $i++) {
        file_put_contents(sprintf('%s/nas/backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e12345678.zip', $d, $i), str_repeat('x', 100 * $i));
    }
    file_put_contents("$d/dest.yaml", "destinations:\n  - {name: nas, type: local, path: $d/nas}\npolicy: {keep_last: 2}\n");
    // offsite grows 1 GiB a day towards its 40 GiB quota: a forecast, and recommendations.
    $gib = 1073741824;
    $t0 = 1767225600;
    $lines = '';
    for ($day = 0; $day < 20; $day++) {
        $lines .= json_encode(['destination' => 'offsite', 'at' => $t0 + $day * 86400, 'used_bytes' => (10 + $day) * $gib, 'quota_bytes' => 40 * $gib]) . "\n";
    }
    file_put_contents("$d/h.jsonl", $lines);
    $now = (string) ($t0 + 19 * 86400);
    file_put_contents("$d/channels.yaml", "channels:\n  hook: {type: webhook, url: \"http://127.0.0.1:9/hook\", secret: s}\npolicy: {notify: [hook]}\n");
    $notify = ['--config', "$d/channels.yaml", '--allow-private-network', '--retries', '0', '--timeout-ms', '3000'];
    return [
        'list' => fn () => ['list', "$d/s.zip"],
        'quota' => fn () => ['quota', '--config', "$d/dest.yaml"],
        'purge' => fn () => ['purge', '--config', "$d/dest.yaml"],
        'cron preview' => fn () => ['cron', 'preview', '@daily', '--from=2026-01-01T00:00:00Z', '--count=2'],
        'cron check' => fn () => ['cron', 'check', '--config', dirname(__DIR__, 2) . '/docs/examples/schedules.json', '--from=2025-01-15T10:07:30Z'],
        'sla forecast' => fn () => ['sla', 'forecast', '--history', "$d/h.jsonl", '--now', $now],
        'sla plan' => fn () => ['sla', 'plan', '--history', "$d/h.jsonl", '--now', $now],
        'notify test' => fn () => ['notify', 'test', ...$notify],
        'notify send' => fn () => ['notify', 'send', ...$notify, '--title', 'Backup failed'],
        'notify incident' => fn () => ['notify', 'incident', 'open', '--state', "$d/incident-" . uniqid() . '.json', ...$notify, '--title', 'Backup failed'],
    ];
}

/** bjlg_cli() with the arguments of $args (a fixture entry) followed by $extra. */
function conventions_run(callable $args, string ...$extra): array
{
    return bjlg_cli(...array_merge($args(), $extra));
}

function conventions_cleanup(string $d): void
{
    exec('rm -rf ' . escapeshellarg($d));
}
