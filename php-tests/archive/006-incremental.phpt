--TEST--
Bjlg\Archive\Writer: an incremental against the previous archive takes changes and lists deletions
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('incremental');
bjlg_put("$d/plugins/a/keep.php", 'keep');
bjlg_put("$d/plugins/a/edit.php", 'before');
bjlg_put("$d/plugins/b/gone.php", 'gone');
$w = new Bjlg\Archive\Writer("$d/full.zip");
$w->addDirectory("$d/plugins", 'wp-content/plugins');
$full = $w->close();

bjlg_put("$d/plugins/a/edit.php", 'after, longer');
unlink("$d/plugins/b/gone.php");
$w = new Bjlg\Archive\Writer("$d/inc.zip", ['since' => "$d/full.zip"]);
$w->addDirectory("$d/plugins", 'wp-content/plugins');
$inc = $w->close();
var_dump($full['type'], $inc['type'], $inc['files'], $inc['unchanged'], $inc['deleted']);
$r = Bjlg\Archive\Reader::open("$d/inc.zip");
echo implode("\n", array_column($r->entries(), 'name')), "\n";
var_dump($r->deletedFiles());
var_dump(json_decode(stream_get_contents($r->readEntry('backup-manifest.json')), true)['type']);
bjlg_rmrf($d);
?>
--EXPECT--
string(4) "full"
string(11) "incremental"
int(1)
int(1)
int(1)
backup-manifest.json
wp-content/plugins/a/edit.php
deleted-files.json
backup-index.json
array(1) {
  [0]=>
  string(29) "wp-content/plugins/b/gone.php"
}
string(11) "incremental"
