--TEST--
cli/ArchiveCommand.php: backup, list and extract, with usage and failure exit codes
--EXTENSIONS--
bjlg
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/archive.inc';
require getenv('BJLG_SOURCE_DIR') . '/cli/ArchiveCommand.php';
$d = bjlg_scratch('cli');
bjlg_put("$d/wp/plugins/p/p.php", str_repeat('<?php // plugin', 100));
bjlg_put("$d/wp/plugins/p/error.log", 'excluded');
bjlg_put("$d/dump.sql", "-- dump\n");
$err = fopen('php://memory', 'w+');
$cli = new Bjlg\Cli\ArchiveCommand($err);
function show($err) { rewind($err); echo stream_get_contents($err); ftruncate($err, 0); rewind($err); }

ob_start();
$rc = $cli->run(['backup', '--out', "$d/a.zip", '--level=9', '--threads', '2', "$d/wp/plugins=wp-content/plugins", "$d/dump.sql=database.sql"]);
$out = ob_get_clean();
var_dump($rc, (bool) preg_match('/a\.zip: full backup, 4 entries \(2 files, 1 excluded \(8 B\)\), 1\.[0-9] KiB -> [0-9.]+ KiB in [0-9.]+ s, /', $out), (bool) preg_match('/^sha256 [0-9a-f]{64}$/m', $out));
var_dump(bjlg_external_check("$d/a.zip"));
var_dump($cli->run(['list', "$d/a.zip"]));
var_dump($cli->run(['extract', "$d/a.zip", "$d/out"]));
var_dump(file_get_contents("$d/out/database.sql"));
var_dump($cli->run(['backup', "$d/wp"]));
show($err);
var_dump($cli->run(['backup', '--out', "$d/b.zip", '--level', '12', "$d/wp"]));
show($err);
var_dump($cli->run(['backup', '--out', "$d/b.zip", '--colour', "$d/wp"]));
show($err);
var_dump($cli->run(['backup', '--out', "$d/missing/b.zip", "$d/wp"]));
show($err);
file_put_contents("$d/bad.zip", 'not a zip');
var_dump($cli->run(['list', "$d/bad.zip"]));
show($err);
var_dump($cli->run(['frobnicate']));
show($err);
bjlg_rmrf($d);
?>
--EXPECTF--
int(0)
bool(true)
bool(true)
string(2) "ok"
%w%d %w%d store   backup-manifest.json
%w%d %w%d deflate wp-content/plugins/p/p.php
%w8 %w8 store   database.sql
%w%d %w%d deflate backup-index.json
int(0)
4 files, 3 folders, %d bytes extracted into %s/out
int(0)
string(8) "-- dump
"
int(2)
bjlg: backup needs --out FILE
Run 'bjlg help backup' for usage.
int(2)
bjlg: --level must be an integer from 0 to 9, not '12'
Run 'bjlg help backup' for usage.
int(2)
bjlg: unknown option --colour for bjlg backup
Run 'bjlg help backup' for usage.
int(1)
bjlg: archive folder %s/missing does not exist
int(1)
bjlg: %sbad.zip: Not a zip archive
int(2)
bjlg: unknown archive command 'frobnicate'
Run 'bjlg help backup' for usage.
