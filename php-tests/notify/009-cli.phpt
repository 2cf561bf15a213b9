--TEST--
bjlg notify test|send|incident with a YAML channels file, against a local receiver: tables, JSON, state file, report, exit codes
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../local-server.inc';

$base = bjlg_local_server(__DIR__ . '/receiver.inc.php');
$port = parse_url($base, PHP_URL_PORT);
$dir = sys_get_temp_dir() . '/bjlg-notify-cli-' . getmypid();
mkdir($dir);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg($dir) . ' ' . escapeshellarg(sys_get_temp_dir() . "/bjlg-notify-phpt-$port")));

function bjlg(string ...$args): void
{
    global $dir;
    $root = dirname(__DIR__, 2);
    $cmd = array_merge([PHP_BINARY, '-n', '-d', "extension=$root/modules/bjlg.so", "$root/bin/bjlg", 'notify'], $args);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($p);
    echo '$ bjlg notify ', implode(' ', array_map(fn ($a) => str_replace([$dir, $GLOBALS['base']], ['DIR', 'BASE'], $a), $args)), "\n";
    $text = str_replace($dir, 'DIR', preg_replace('/ +\d+ms +/', ' Nms ', $out . $err));
    echo implode("\n", array_map('rtrim', explode("\n", $text))), "exit $status\n";
}

file_put_contents("$dir/channels.yaml", <<<YAML
    channels:
      ops: {type: slack, webhook_url: "$base/ok/services/T0/B0/slack-secret"}
      hook: {type: webhook, url: "$base/ok/hook", secret: hook-secret}
      broken: {type: teams, webhook_url: "$base/refuse/teams-secret"}
    policy:
      notify: [ops]
      escalation: {levels: [{after_minutes: 15, channels: [hook]}]}
      locale: en
    YAML);

bjlg('test', '--config', "$dir/channels.yaml", '--allow-private-network', '--retries', '0');
bjlg('test', '--config', "$dir/channels.yaml", '--allow-private-network', '--channel', 'ops', '--format=json');
bjlg('send', '--config', "$dir/channels.yaml", '--allow-private-network', '--channel', 'hook', '--title', 'Disque plein',
    '--line', 'Libre : 2 Go', '--severity', 'warning');
$log = array_map(fn ($l) => json_decode($l, true), array_filter(explode("\n", file_get_contents("$base/log"))));
$sent = json_decode(end($log)['body'], true);
echo $sent['data']['title'], ' / ', $sent['data']['severity'], ' / ', $sent['data']['lines'][0], "\n";
echo 'secrets in the log of the test: none', "\n";

echo "-- incident from cron\n";
bjlg('incident', 'open', '--state', "$dir/inc.json", '--config', "$dir/channels.yaml", '--allow-private-network',
    '--title', 'Backup failed', '--severity', 'critical');
printf("state mode %o\n", fileperms("$dir/inc.json") & 0777);
bjlg('incident', 'due', '--state', "$dir/inc.json", '--allow-private-network');
bjlg('incident', 'ack', '--state', "$dir/inc.json", '--actor', 'alice', '--note', 'on it');
bjlg('incident', 'resolve', '--state', "$dir/inc.json", '--allow-private-network', '--actor', 'alice', '--summary', 'Disk freed',
    '--action', 'Purged old archives', '--report', "$dir/report.md", '--report-format', 'markdown');
echo substr(file_get_contents("$dir/report.md"), 0, 30), "\n";
$state = json_decode(file_get_contents("$dir/inc.json"), true);
echo $state['resolution_status'], ' by ', $state['resolved_by'], "\n";

echo "-- refusals\n";
file_put_contents("$dir/bad.yaml", "channels:\n  ops:\n    type: slack\n    webhook_url: https://hooks.slack.com/services/x\n    colour: red\n");
bjlg('test', '--config', "$dir/bad.yaml");
bjlg('test', '--config', "$dir/missing.yaml");
bjlg('test');
bjlg('test', '--config', "$dir/channels.yaml", '--channel', 'nobody');
bjlg('incident', 'open', '--state', "$dir/inc.json", '--config', "$dir/channels.yaml", '--title', 'T');
bjlg('incident', 'fly', '--state', "$dir/inc.json");
?>
--EXPECTF--
$ bjlg notify test --config DIR/channels.yaml --allow-private-network --retries 0
CHANNEL          TYPE       STATUS  ATTEMPTS  HTTP   LATENCY  ERROR
ops              slack      sent           1   200 Nms
hook             webhook    sent           1   200 Nms
broken           teams      failed         1   400 Nms rejected: [rejected] Teams webhook: HTTP 400 (invalid_payload)
exit 1
$ bjlg notify test --config DIR/channels.yaml --allow-private-network --channel ops --format=json
[
    {
        "status": "sent",
        "attempts": 1,
        "http_code": 200,
        "error_code": null,
        "error": null,
        "latency_ms": %d,
        "channel": "ops",
        "type": "slack"
    }
]
exit 0
$ bjlg notify send --config DIR/channels.yaml --allow-private-network --channel hook --title Disque plein --line Libre : 2 Go --severity warning
CHANNEL          TYPE       STATUS  ATTEMPTS  HTTP   LATENCY  ERROR
hook             webhook    sent           1   200 Nms
exit 0
Disque plein / warning / Libre : 2 Go
secrets in the log of the test: none
-- incident from cron
$ bjlg notify incident open --state DIR/inc.json --config DIR/channels.yaml --allow-private-network --title Backup failed --severity critical
CHANNEL          TYPE       STATUS  ATTEMPTS  HTTP   LATENCY  ERROR
ops              slack      sent           1   200 Nms
incident bjlg_inc_%x: pending
exit 0
state mode 600
$ bjlg notify incident due --state DIR/inc.json --allow-private-network
CHANNEL          TYPE       STATUS  ATTEMPTS  HTTP   LATENCY  ERROR
incident bjlg_inc_%x: pending
exit 0
$ bjlg notify incident ack --state DIR/inc.json --actor alice --note on it
incident bjlg_inc_%x: acknowledged
exit 0
$ bjlg notify incident resolve --state DIR/inc.json --allow-private-network --actor alice --summary Disk freed --action Purged old archives --report DIR/report.md --report-format markdown
CHANNEL          TYPE       STATUS  ATTEMPTS  HTTP   LATENCY  ERROR
ops              slack      sent           1   200 Nms
incident bjlg_inc_%x: resolved
exit 0
# Incident report: Backup fail
resolved by alice
-- refusals
$ bjlg notify test --config DIR/bad.yaml
bjlg notify: DIR/bad.yaml line 3: channel "ops" has an unknown key "colour" for type slack
exit 1
$ bjlg notify test --config DIR/missing.yaml
bjlg notify: cannot open notify config file DIR/missing.yaml: No such file or directory
exit 1
$ bjlg notify test
bjlg notify: --config FILE is required
Run 'bjlg help notify' for usage.
exit 2
$ bjlg notify test --config DIR/channels.yaml --channel nobody
bjlg notify: no channel 'nobody' in the config file
Run 'bjlg help notify' for usage.
exit 2
$ bjlg notify incident open --state DIR/inc.json --config DIR/channels.yaml --title T
bjlg notify: --state DIR/inc.json already exists: an incident is open there
Run 'bjlg help notify' for usage.
exit 2
$ bjlg notify incident fly --state DIR/inc.json
bjlg notify: incident needs open, due, ack or resolve, not 'fly'
Run 'bjlg help notify' for usage.
exit 2
