--TEST--
Bjlg\Remote\Retention::loadPolicy: YAML policies, errors with file and line, unreadable files
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Remote\Retention;
use Bjlg\Remote\RemoteException;

$dir = sys_get_temp_dir() . '/bjlg-purge-policy-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/p.yaml", "# retention\nkeep_daily: 7\nkeep_weekly: 4\nkeep_monthly: 6\nmin_keep: 2\nkeep_verified: true\ntimezone: Europe/Paris\ntarget_ratio: 0.85\nlead_days: 3\n");
$p = Retention::loadPolicy("$dir/p.yaml");
echo json_encode($p), "\n";
file_put_contents("$dir/config.yaml", "destinations:\n  - {name: nas, type: local, path: /tmp}\npolicy:\n  keep_last: 5\n");
echo Retention::loadPolicy("$dir/config.yaml")['keep_last'], "\n";

// The loaded policy drives evaluate() as it is.
$r = Retention::evaluate([['name' => 'backup-full-2026-03-01-02-00-00-abc.zip']], $p, ['now' => 1773000000]);
echo $r['keep'][0]['rule'], "\n";

function attempt(string $path): void
{
    try {
        Retention::loadPolicy($path);
        echo "no exception\n";
    } catch (RemoteException $e) {
        echo get_class($e), ' [', $e->error_code, ']: ', str_replace($GLOBALS['dir'], 'DIR', $e->getMessage()), "\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
file_put_contents("$dir/bad.yaml", "keep_daily: 7\n\nkeep_weekly: four\n");
attempt("$dir/bad.yaml");
file_put_contents("$dir/unknown.yaml", "keep_dayly: 7\n");
attempt("$dir/unknown.yaml");
file_put_contents("$dir/list.yaml", "- 1\n");
attempt("$dir/list.yaml");
file_put_contents("$dir/broken.yaml", "keep_daily: [7\n");
attempt("$dir/broken.yaml");
attempt("$dir/missing.yaml");
attempt($dir);
attempt('');
attempt("a\0b");
foreach (glob("$dir/*") as $f) unlink($f);
rmdir($dir);
?>
--EXPECT--
{"keep_daily":7,"keep_last":0,"keep_monthly":6,"keep_verified":true,"keep_weekly":4,"keep_yearly":0,"lead_days":3,"max_age_days":null,"min_keep":2,"target_ratio":0.85,"timezone":"Europe\/Paris"}
5
keep_daily
Bjlg\Remote\InvalidPolicyException [invalid_argument]: DIR/bad.yaml line 3: key "keep_weekly" must be an integer between 0 and 1000000, "four" given
Bjlg\Remote\InvalidPolicyException [invalid_argument]: DIR/unknown.yaml line 1: unknown key "keep_dayly" (known: keep_last, keep_daily, keep_weekly, keep_monthly, keep_yearly, max_age_days, min_keep, keep_verified, timezone, target_ratio, lead_days)
Bjlg\Remote\InvalidPolicyException [invalid_argument]: DIR/list.yaml line 1: the policy must be a map of keys (keep_daily: 7, ...)
Bjlg\Remote\InvalidPolicyException [invalid_argument]: DIR/broken.yaml: not valid YAML: yaml-cpp: error at line 2, column 1: end of sequence flow not found
Bjlg\Remote\IOException [not_found]: cannot open policy file DIR/missing.yaml: No such file or directory
Bjlg\Remote\IOException [io]: policy file DIR is a folder, not a regular file
ValueError: Bjlg\Remote\Retention::loadPolicy(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Remote\Retention::loadPolicy(): Argument #1 ($path) must not contain any null bytes
