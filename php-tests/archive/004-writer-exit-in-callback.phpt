--TEST--
Bjlg\Archive\Writer: exit() inside the progress callback abandons the archive cleanly
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('exit');
for ($i = 0; $i < 5; $i++) bjlg_put("$d/src/f$i.txt", str_repeat("x$i", 20000));
mkdir("$d/out");
register_shutdown_function(function () use ($d) {
    var_dump(scandir("$d/out"));
    bjlg_rmrf($d);
});
$w = new Bjlg\Archive\Writer("$d/out/a.zip", ['progress' => function () { echo "exiting\n"; exit(0); }]);
$w->addDirectory("$d/src");
echo "not reached\n";
?>
--EXPECT--
exiting
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
