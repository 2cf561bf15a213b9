--TEST--
bjlg list/extract: an encrypted archive read in place with --key-file, --password-file or BJLG_ENCRYPTION_KEY, no plaintext file; --format=table|json|csv, others refused
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../cli/cli.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-encrypted-list-' . getmypid();
mkdir("$d/site", 0700, true);
file_put_contents("$d/site/index.php", "<?php // Silence is golden.\n");
bjlg_cli('keygen', '--out', "$d/k.key");
file_put_contents("$d/p.txt", "correct horse\n");
[$code] = bjlg_cli('backup', '--out', "$d/k.zip.enc", '--encrypt', '--key-file', "$d/k.key", "$d/site=site");
[$code2] = bjlg_cli('backup', '--out', "$d/p.zip.enc", '--encrypt', '--password-file', "$d/p.txt", '--encrypt-format', 'bjlgenc1', "$d/site=site");
echo "backups: $code $code2\n";

[$code, $out, $err] = bjlg_cli('list', "$d/k.zip.enc", '--key-file', "$d/k.key");
echo "list --key-file: exit $code, ", str_contains($out, 'site/index.php') ? 'entries shown' : $out . $err, "\n";
[$code, $out, $err] = bjlg_cli('list', "$d/k.zip.enc");
echo "list without a secret: exit $code, ", str_contains($err, 'encrypted') ? 'says it is encrypted' : $err, "\n";
putenv('BJLG_ENCRYPTION_KEY=' . trim(file_get_contents("$d/k.key")));
[$code, $out, $err] = bjlg_cli('list', "$d/k.zip.enc", '--format=csv');
echo "list with BJLG_ENCRYPTION_KEY, csv: exit $code\n", implode("\n", array_slice(explode("\n", $out), 0, 1)), "\n";
[$code, $out, $err] = bjlg_cli('list', "$d/p.zip.enc", '--password-file', "$d/p.txt", '--format=json');
echo "list --password-file bjlgenc1, json: exit $code, ", json_decode($out, true)[1]['name'] ?? $err, "\n";
putenv('BJLG_ENCRYPTION_KEY');

[$code, $out, $err] = bjlg_cli('extract', "$d/p.zip.enc", "$d/out", '--password-file', "$d/p.txt");
echo "extract: exit $code, ", file_get_contents("$d/out/site/index.php");
// Nothing but the archives, the secrets, the site and the extracted folder: no plaintext zip.
$names = scandir($d);
sort($names);
echo implode(' ', $names), "\n";

[$code, $out, $err] = bjlg_cli('list', "$d/k.zip.enc", '--key-file', "$d/k.key", '--format=xml');
echo "exit $code: ", strtok($err, "\n"), "\n";
exec('rm -rf ' . escapeshellarg($d));
?>
--EXPECT--
backups: 0 0
list --key-file: exit 0, entries shown
list without a secret: exit 1, says it is encrypted
list with BJLG_ENCRYPTION_KEY, csv: exit 0
name,size,compressed_size,method,crc,mtime,mode,is_dir,is_symlink
list --password-file bjlgenc1, json: exit 0, site/index.php
extract: exit 0, <?php // Silence is golden.
. .. k.key k.zip.enc out p.txt p.zip.enc site
exit 2: bjlg: --format must be one of table, json, csv, yaml, not 'xml'
