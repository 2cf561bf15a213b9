--TEST--
Bjlg\Config\Policy: refusals give the line and column and never a value; inlined secrets refused; empty documents; files
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Config\Policy;
use Bjlg\Config\ConfigException;

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
attempt(fn() => Policy::parse(str_repeat('[', 100)));

echo "-- bad types\n";
attempt(fn() => Policy::parse([]));
attempt(fn() => Policy::fromArray(['schedules' => [new stdClass()]]));
attempt(fn() => Policy::fromArray(['schedules' => 'nightly']));
attempt(fn() => Policy::fromArray(['schedules' => [['name' => 'a', 'cron' => '@daily', 'enabled' => 'yes']]]));
attempt(fn() => Policy::fromArray(['targets' => ['rpo_hours' => 1.5]]));

echo "-- files\n";
$dir = sys_get_temp_dir() . '/bjlg-config-policy-' . getmypid();
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
