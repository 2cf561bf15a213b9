--TEST--
bjlg list and quota: --format=table|json|csv|yaml (WP-CLI's formats for what prints a list); yaml holds the same items as json; text is read as table
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-formats-' . getmypid();
mkdir("$d/site", 0700, true);
mkdir("$d/nas");
file_put_contents("$d/site/a.txt", "hello\n");
bjlg_cli('backup', '--out', "$d/s.zip", "$d/site=site");

[$code, $json] = bjlg_cli('list', "$d/s.zip", '--format=json');
[$code2, $yaml] = bjlg_cli('list', "$d/s.zip", '--format=yaml');
$entries = json_decode($json, true);
echo "list json: exit $code, ", count($entries), " entries\n";
echo "list yaml: exit $code2, ", substr_count($yaml, "\n-\n"), " items, first line ", strtok($yaml, "\n"),
    str_contains($yaml, "  name: \"site/a.txt\"\n  size: 6\n") ? ', site/a.txt with its size' : ", $yaml", "\n";
[$code, $csv] = bjlg_cli('list', "$d/s.zip", '--format=csv');
echo "list csv: exit $code, ", strtok($csv, "\n"), ', ', substr_count($csv, "\n") - 1, " rows\n";
[$code, $table] = bjlg_cli('list', "$d/s.zip");
[$code2, $text] = bjlg_cli('list', "$d/s.zip", '--format=text');
var_dump($code === 0 && $text === $table && str_contains($table, 'site/a.txt'));

file_put_contents("$d/d.yaml", "- {name: nas, type: local, path: $d/nas}\n");
[$code, $csv] = bjlg_cli('quota', '--config', "$d/d.yaml", '--format=csv');
echo "quota csv: exit $code, ", strtok($csv, "\n"), "\n", preg_match('/^nas,local,\d+,\d+,\d+,\d+,\[\],\[\],/m', $csv) ? "nas row\n" : $csv;
[$code, $yaml] = bjlg_cli('quota', '--config', "$d/d.yaml", '--format', 'yaml');
echo "quota yaml: exit $code, ", preg_match('/^---\n-\n  name: "nas"\n  type: "local"\n  used_bytes: \d+\n/', $yaml) ? 'nas item' : $yaml,
    str_contains($yaml, "  errors: []\n") ? ', no error' : '', "\n";

array_map('unlink', array_merge(glob("$d/site/*"), glob("$d/*.*")));
rmdir("$d/site");
rmdir("$d/nas");
rmdir($d);
?>
--EXPECT--
list json: exit 0, 3 entries
list yaml: exit 0, 3 items, first line ---, site/a.txt with its size
list csv: exit 0, name,size,compressed_size,method,crc,mtime,mode,is_dir,is_symlink, 3 rows
bool(true)
quota csv: exit 0, name,type,used_bytes,quota_bytes,free_bytes,latency_ms,errors,error_codes,object_count,source,quota_source,collected_at
nas row
quota yaml: exit 0, nas item, no error
