--TEST--
Bjlg\Config\Policy: refusals give the line and column and never a value; inlined secrets refused; empty documents; files
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Config\Policy;
use Bjlg\Config\ConfigException;

$dir = sys_get_temp_dir() . '/bjlg-config-policy-' . getmypid();

function attempt(callable $f): void
{
    try {
        $p = $f();
        echo 'ok: ', json_encode($p->toArray()), "\n";
    } catch (ConfigException $e) {
        echo get_class($e), ' [', $e->error_code, ']: ', str_replace($GLOBALS['dir'], 'DIR', $e->getMessage()), "\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- empty documents\n";
attempt(fn() => Policy::parse(''));
attempt(fn() => Policy::parse("# nothing yet\n"));
attempt(fn() => Policy::fromArray([]));
attempt(fn() => Policy::parse("schedules: []\n"));
echo Policy::parse('')->toYaml();

echo "-- secrets are referenced, never inlined\n";
attempt(fn() => Policy::parse("destinations:\n  - name: offsite\n    type: s3\n    bucket: b\n    access_key: {env: AK}\n    secret_key: wJalrXUtnFEMI\n"));
attempt(fn() => Policy::parse("channels:\n  hook:\n    type: webhook\n    url: https://h.example/x\n    secret: s3cr3t\n"));
attempt(fn() => Policy::parse("channels:\n  mail: {type: email, smtp: 'smtps://m.example:465', from: a@example.org, to: b@example.org, password: hunter2}\n"));
attempt(fn() => Policy::parse("channels:\n  hook: {type: webhook, url: 'https://h.example/x', secret: {vault: x}}\n"));
attempt(fn() => Policy::fromArray(['destinations' => [['name' => 'd', 'type' => 'webdav', 'url' => 'https://d.example/', 'password' => 'pw']]]));
echo "-- references are kept as they are\n";
attempt(fn() => Policy::parse("channels:\n  hook: {type: webhook, url: 'https://h.example/x', secret: {env: HOOK_SECRET}}\n"));

echo "-- bad values, with their line\n";
attempt(fn() => Policy::parse("schedules:\n  - name: nightly\n    cron: '61 3 * * *'\n"));
attempt(fn() => Policy::parse("version: 1\n\nschedule: []\n"));
attempt(fn() => Policy::parse("retention:\n  keep_daily: seven\n"));
attempt(fn() => Policy::parse("targets:\n  rpo_hours: 0\n"));
attempt(fn() => Policy::parse("destinations:\n  - {name: nas, type: local}\n"));
attempt(fn() => Policy::parse("schedules: [a, b\n"));
attempt(fn() => Policy::parse("- a\n"));
attempt(fn() => Policy::parse(str_repeat('#', (1 << 20) + 1)));
attempt(fn() => Policy::parse('targets: ' . str_repeat('[', 100) . str_repeat(']', 100)));

echo "-- bad types\n";
attempt(fn() => Policy::parse([]));
attempt(fn() => Policy::fromArray(['schedules' => [new stdClass()]]));
attempt(fn() => Policy::fromArray(['schedules' => 'nightly']));
attempt(fn() => Policy::fromArray(['schedules' => [['name' => 'a', 'cron' => '@daily', 'enabled' => 'yes']]]));
attempt(fn() => Policy::fromArray(['targets' => ['rpo_hours' => 1.5]]));

echo "-- files\n";
@mkdir($dir);
file_put_contents("$dir/p.yaml", "targets:\n  rto_minutes: 30\n");
attempt(fn() => Policy::fromFile("$dir/p.yaml"));
file_put_contents("$dir/bad.yaml", "targets:\n  rto_minutes: 30\n  rpo: 2\n");
attempt(fn() => Policy::fromFile("$dir/bad.yaml"));
attempt(fn() => Policy::fromFile("$dir/missing.yaml"));
attempt(fn() => Policy::fromFile($dir));
attempt(fn() => Policy::fromFile(''));
attempt(fn() => Policy::fromFile("a\0b"));
foreach (glob("$dir/*") as $f) unlink($f);
rmdir($dir);

$e = null;
try { Policy::parse('version: 2'); } catch (Bjlg\Exception $e) {}
var_dump($e instanceof ConfigException, $e instanceof Bjlg\Config\InvalidPolicyException);
?>
--EXPECT--
-- empty documents
ok: {"version":1}
ok: {"version":1}
ok: {"version":1}
ok: {"version":1,"schedules":[]}
version: 1
-- secrets are referenced, never inlined
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 6, column 5: destination #0 'offsite': key 'secret_key' holds a secret written in the policy: secrets are referenced, never inlined; write {env: NAME}, {file: /path} or {option: name} instead
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 5, column 5: channel 'hook' key 'secret' holds a secret written in the policy: secrets are referenced, never inlined; write {env: NAME}, {file: /path} or {option: name} instead
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 94: channel 'mail' key 'password' holds a secret written in the policy: secrets are referenced, never inlined; write {env: NAME}, {file: /path} or {option: name} instead
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 53: channel 'hook' key 'secret' must be a reference with one key env, file or option, not 'vault'
ValueError: Bjlg\Config\Policy::fromArray(): Argument #1 ($policy) destination #0 'd': key 'password' holds a secret written in the policy: secrets are referenced, never inlined; write {env: NAME}, {file: /path} or {option: name} instead
-- references are kept as they are
ok: {"version":1,"channels":{"hook":{"type":"webhook","url":"https:\/\/h.example\/x","secret":{"env":"HOOK_SECRET"}}}}
-- bad values, with their line
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 3, column 5: schedules[0] ('nightly') key 'cron' is not a cron expression: minute field, position 0: value 61 is out of range 0-59 (try: 0-59)
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 3, column 1: unknown section 'schedule' (known: version, schedules, destinations, retention, channels, targets)
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 3: retention: key "keep_daily" must be an integer between 0 and 1000000, "seven" given
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 3: targets key 'rpo_hours' must be an integer between 1 and 8760, 0 given
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 5: destination #0 'nas': key 'path' is required
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 2, column 1: not valid YAML: end of sequence flow not found
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy line 1, column 1: the policy must be a map of sections (schedules, destinations, retention, channels, targets)
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy: the policy is larger than 1048576 bytes
Bjlg\Config\InvalidPolicyException [invalid_argument]: policy is nested deeper than 64 levels
-- bad types
TypeError: Bjlg\Config\Policy::parse(): Argument #1 ($yaml) must be of type string, array given
TypeError: Bjlg\Config\Policy::fromArray(): Argument #1 ($policy) must not be of type stdClass
ValueError: Bjlg\Config\Policy::fromArray(): Argument #1 ($policy) section 'schedules' must be a list, a string given
ValueError: Bjlg\Config\Policy::fromArray(): Argument #1 ($policy) schedules[0] ('a') key 'enabled' must be true or false, a string given
ValueError: Bjlg\Config\Policy::fromArray(): Argument #1 ($policy) targets key 'rpo_hours' must be an integer between 1 and 8760, a decimal number given
-- files
ok: {"version":1,"targets":{"rto_minutes":30}}
Bjlg\Config\InvalidPolicyException [invalid_argument]: DIR/bad.yaml line 3, column 3: targets has an unknown key 'rpo' (known: rpo_hours, rto_minutes)
Bjlg\Config\IOException [not_found]: cannot open policy file DIR/missing.yaml: No such file or directory
Bjlg\Config\IOException [io]: policy file DIR is a folder, not a regular file
ValueError: Bjlg\Config\Policy::fromFile(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Config\Policy::fromFile(): Argument #1 ($path) must not contain any null bytes
bool(true)
bool(true)
