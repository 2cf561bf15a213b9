--TEST--
Bjlg\Archive\Writer: a backup of a small site from a folder, a file, a string and a stream
--EXTENSIONS--
bjlg
--SKIPIF--
<?php if (!shell_exec('command -v unzip') || !shell_exec('command -v python3')) die('skip unzip and python3 needed'); ?>
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('backup');
bjlg_put("$d/site/plugins/hello/hello.php", str_repeat("<?php echo 'hello';\n", 500));
bjlg_put("$d/site/plugins/hello/cache/x.html", "excluded by the defaults");
bjlg_put("$d/site/plugins/hello/notes.tmp", "excluded by the caller");
bjlg_put("$d/site/uploads/photo.jpg", random_bytes(5000));
bjlg_put("$d/extra.txt", "extra");

$w = new Bjlg\Archive\Writer("$d/backup.zip", [
    'level' => 6, 'threads' => 2, 'exclude' => ['*.tmp'],
    'manifest' => ['version' => '2.0.3', 'site_url' => 'https://example.org'],
]);
$w->addFromStream('database.sql', fopen('data://text/plain,' . urlencode("-- dump\nSELECT 1;\n"), 'r'));
$w->addDirectory("$d/site/plugins", 'wp-content/plugins');
$w->addDirectory("$d/site/uploads", 'wp-content/uploads/');
$w->addFile("$d/extra.txt", 'wp-content/extra.txt');
$w->addFromString('notes/readme.txt', 'from a string');
$s = $w->close();

var_dump($s['type'], $s['entries'], $s['files'], $s['skipped'], $s['warnings']);
var_dump($s['sha256'] === hash_file('sha256', "$d/backup.zip"), $s['bytes_out'] === filesize("$d/backup.zip"));
var_dump(bjlg_external_check("$d/backup.zip"));

$r = Bjlg\Archive\Reader::open("$d/backup.zip");
echo implode("\n", array_column($r->entries(), 'name')), "\n";
$m = json_decode(stream_get_contents($r->readEntry('backup-manifest.json')), true);
$index = stream_get_contents($r->readEntry('backup-index.json'));
var_dump($m['version'], $m['type'], $m['contains'], $m['file_count'], $m['checksum'] === hash('sha256', $index));
var_dump(array_keys($m) === ['version', 'wp_version', 'php_version', 'type', 'contains', 'created_at',
    'site_url', 'site_name', 'db_prefix', 'theme_active', 'plugins_active', 'multisite',
    'file_count', 'checksum', 'checksum_algorithm', 'checksum_of', 'generator']);
var_dump(count(json_decode($index, true)['entries']));
var_dump(scandir($d));
// A closed writer cannot be used again.
try { $w->addFromString('late', 'x'); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
bjlg_rmrf($d);
?>
--EXPECT--
string(4) "full"
int(7)
int(5)
array(0) {
}
array(0) {
}
bool(true)
bool(true)
string(2) "ok"
backup-manifest.json
database.sql
wp-content/plugins/hello/hello.php
wp-content/uploads/photo.jpg
wp-content/extra.txt
notes/readme.txt
backup-index.json
string(5) "2.0.3"
string(4) "full"
array(3) {
  [0]=>
  string(2) "db"
  [1]=>
  string(7) "plugins"
  [2]=>
  string(7) "uploads"
}
int(5)
bool(true)
bool(true)
int(5)
array(5) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
  [2]=>
  string(10) "backup.zip"
  [3]=>
  string(9) "extra.txt"
  [4]=>
  string(4) "site"
}
Error: Bjlg\Archive\Writer is closed
