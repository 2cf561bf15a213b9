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
        echo get_class($e), ' [', $e->error_code, ']: ', str_replace(dirname($path), 'DIR', $e->getMessage()), "\n";
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
