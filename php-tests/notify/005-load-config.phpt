--TEST--
Bjlg\Notify\Dispatcher::loadConfig(): YAML and JSON channel files, refusals with file, line and key, unreadable files
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Dispatcher;

function t(callable $f) {
    try { $r = $f(); echo json_encode($r), "\n"; return $r; }
    catch (Throwable $e) { echo get_class($e), ': ', str_replace(DIR, 'DIR', $e->getMessage()), "\n"; return $e; }
}
define('DIR', sys_get_temp_dir() . '/bjlg-notify-config-' . getmypid());
mkdir(DIR);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg(DIR)));
function put(string $name, string $text): string { file_put_contents(DIR . "/$name", $text); return DIR . "/$name"; }

echo "-- YAML, channels in the file's order, policy checked against them\n";
$c = Dispatcher::loadConfig(put('ch.yaml', <<<'YAML'
    # one file for the site: destinations are ignored here
    destinations: [{name: s3, type: s3}]
    channels:
      ops: {type: slack, webhook_url: "https://hooks.slack.com/services/T/B/very-secret"}
      on-call:
        type: telegram
        bot_token: "123:abc"
        chat_id: -1001234567890
      mail:
        type: email
        smtp: smtps://mail.example.org:465
        from: backup@example.org
        to: [ops@example.org, boss@example.org]
    policy:
      notify: [ops, mail]
      escalation: {levels: [{after_minutes: 15, channels: [on-call]}], max_rounds: 3}
      quiet_hours: {start: "22:00", end: "07:00", timezone: Europe/Paris}
      locale: fr
    YAML));
echo implode(',', array_keys($c)), ' / ', implode(',', array_keys($c['channels'])), "\n";
var_dump($c['channels']['on-call']['chat_id'], $c['channels']['mail']['to'], $c['policy']['quiet_hours']);
// What loadConfig() returns is what send() and Incident::open() take.
$i = Bjlg\Notify\Incident::open(['event' => 'e', 'title' => 'T', 'severity' => 'critical'], $c['policy'] + ['channels' => $c['channels']], 0);
echo implode(',', array_column($i->due(0), 'channel')), "\n";

echo "-- JSON is YAML too; no policy, no policy key\n";
var_dump(Dispatcher::loadConfig(put('ch.json', '{"channels": {"hook": {"type": "webhook", "url": "https://h.example/x", "secret": "s\/1"}}}')));

echo "-- refusals name the file, the line and the key, never a value\n";
t(fn () => Dispatcher::loadConfig(put('empty.yaml', '')));
t(fn () => Dispatcher::loadConfig(put('list.yaml', "- a\n- b\n")));
t(fn () => Dispatcher::loadConfig(put('none.yaml', "channels: {}\n")));
t(fn () => Dispatcher::loadConfig(put('broken.yaml', "channels: {a: [1\n")));
$e = t(fn () => Dispatcher::loadConfig(put('key.yaml', "channels:\n  ok: {type: teams, webhook_url: 'https://h.example/u'}\n  bad:\n    type: slack\n    webhook_url: https://hooks.slack.com/services/very-secret\n    colour: red\n")));
var_dump(str_contains($e->getMessage(), 'very-secret'));
t(fn () => Dispatcher::loadConfig(put('type.yaml', "channels:\n  x: {type: fax}\n")));
t(fn () => Dispatcher::loadConfig(put('to.yaml', "channels:\n  x: {type: email, smtp: 'smtp://h:25', from: a@b, to: [12]}\n")));
t(fn () => Dispatcher::loadConfig(put('notify.yaml', "channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy:\n  notify: [b]\n")));
t(fn () => Dispatcher::loadConfig(put('pch.yaml', "channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy:\n  channels: {}\n")));
t(fn () => Dispatcher::loadConfig(put('plist.yaml', "channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy: [1]\n")));
t(fn () => Dispatcher::loadConfig(put('qh.yaml', "channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy:\n  quiet_hours: {start: '25:00', end: '07:00'}\n")));
$bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
foreach (range('b', 'h') as $k => $n) {
    $p = chr(ord($n) - 1);
    $bomb .= "$n: &$n [" . implode(', ', array_fill(0, 10, "*$p")) . "]\n";
}
t(fn () => Dispatcher::loadConfig(put('bomb.yaml', $bomb . "channels:\n  x: {type: webhook, url: 'https://h.example/u', secret: *h}\n")));

echo "-- files\n";
t(fn () => Dispatcher::loadConfig(DIR . '/missing.yaml'));
t(fn () => Dispatcher::loadConfig(DIR));
exec('mkfifo ' . escapeshellarg(DIR . '/fifo'));
t(fn () => Dispatcher::loadConfig(DIR . '/fifo'));
t(fn () => Dispatcher::loadConfig(put('big.yaml', "channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\n#" . str_repeat('x', 1 << 20) . "\n")));
t(fn () => Dispatcher::loadConfig(''));
t(fn () => Dispatcher::loadConfig("a\0b"));
t(fn () => Dispatcher::loadConfig([]));
?>
--EXPECTF--
-- YAML, channels in the file's order, policy checked against them
channels,policy / ops,on-call,mail
int(-1001234567890)
array(2) {
  [0]=>
  string(15) "ops@example.org"
  [1]=>
  string(16) "boss@example.org"
}
array(3) {
  ["start"]=>
  string(5) "22:00"
  ["end"]=>
  string(5) "07:00"
  ["timezone"]=>
  string(12) "Europe/Paris"
}
ops,mail
-- JSON is YAML too; no policy, no policy key
array(1) {
  ["channels"]=>
  array(1) {
    ["hook"]=>
    array(3) {
      ["type"]=>
      string(7) "webhook"
      ["url"]=>
      string(19) "https://h.example/x"
      ["secret"]=>
      string(3) "s/1"
    }
  }
}
-- refusals name the file, the line and the key, never a value
Bjlg\Notify\InvalidInputException: DIR/empty.yaml: needs a "channels" map of channel name => channel
Bjlg\Notify\InvalidInputException: DIR/list.yaml: needs a "channels" map of channel name => channel
Bjlg\Notify\InvalidInputException: DIR/none.yaml: needs a "channels" map of channel name => channel
Bjlg\Notify\InvalidInputException: DIR/broken.yaml: not valid YAML: yaml-cpp: error at line 2, column 1: end of sequence flow not found
Bjlg\Notify\InvalidInputException: DIR/key.yaml line 4: channel "bad" has an unknown key "colour" for type slack
bool(false)
Bjlg\Notify\InvalidInputException: DIR/type.yaml line 2: channel "x" key "type" must be one of email, slack, discord, teams, sms, webhook, telegram, twilio, pagerduty
Bjlg\Notify\InvalidInputException: DIR/to.yaml line 2: channel "x" key "to" must be a list of strings
Bjlg\Notify\InvalidInputException: DIR/notify.yaml line 4: policy key "notify" names a channel not in policy "channels"
Bjlg\Notify\InvalidInputException: DIR/pch.yaml line 4: "policy" takes its channels from the top-level "channels" map: remove policy.channels
Bjlg\Notify\InvalidInputException: DIR/plist.yaml line 3: "policy" must be a map
Bjlg\Notify\InvalidInputException: DIR/qh.yaml line 4: policy quiet_hours key "start" must be HH:MM
Bjlg\Notify\InvalidInputException: DIR/bomb.yaml expands to more than 20000 nodes (aliases count each time they are used)
-- files
Bjlg\Notify\IOException: cannot open notify config file DIR/missing.yaml: No such file or directory
Bjlg\Notify\IOException: notify config file DIR is a folder, not a regular file
Bjlg\Notify\IOException: notify config file DIR/fifo is a FIFO, not a regular file
Bjlg\Notify\InvalidInputException: notify config file DIR/big.yaml is larger than the 1 MiB limit
ValueError: Bjlg\Notify\Dispatcher::loadConfig(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Notify\Dispatcher::loadConfig(): Argument #1 ($path) must not contain any null bytes
TypeError: Bjlg\Notify\Dispatcher::loadConfig(): Argument #1 ($path) must be of type string, array given
