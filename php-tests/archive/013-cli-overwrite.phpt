--TEST--
bjlg backup: an existing --out file is replaced only with --force or --yes; without it, a usage error and the file untouched
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../cli/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-overwrite-' . getmypid();
mkdir("$d/site", 0700, true);
file_put_contents("$d/site/index.php", "<?php // v1\n");
file_put_contents("$d/a.zip", 'an older backup');

[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/a.zip", "$d/site=site");
echo "exit $code: ", strtok($err, "\n") === "bjlg: $d/a.zip exists: give --force (or --yes) to replace it" ? 'refused, named' : $err, "\n";
var_dump(file_get_contents("$d/a.zip"));
foreach (['--force', '--yes'] as $flag) {
    [$code, $out, $err] = bjlg_cli('backup', '--out', "$d/a.zip", $flag, "$d/site=site");
    echo "$flag: exit $code, ", Bjlg\Archive\Reader::open("$d/a.zip")->entries()[1]['name'], "\n";
}
exec('rm -rf ' . escapeshellarg($d));
?>
--EXPECT--
exit 2: refused, named
string(15) "an older backup"
--force: exit 0, site/index.php
--yes: exit 0, site/index.php
