--TEST--
Hardening, unbounded nesting: a deeply nested or self-referencing manifest option is a ValueError before PHP's encoder recurses
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/harden.inc';
$d = bjlg_scratch('harden-manifest');

$deep = [];
for ($i = 0; $i < 100000; $i++) $deep = [$deep];
echo bjlg_throws(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['manifest' => ['x' => $deep]])), "\n";

$self = ['a' => 1];
$self['self'] = &$self;
echo bjlg_throws(fn() => new Bjlg\Archive\Writer("$d/b.zip", ['manifest' => $self])), "\n";

// 64 levels, the manifest object included, are accepted and written as given.
$ok = 'leaf';
for ($i = 0; $i < 63; $i++) $ok = [$ok];
$w = new Bjlg\Archive\Writer("$d/c.zip", ['threads' => 1, 'manifest' => ['x' => $ok]]);
$w->addFromString('a.txt', "a\n");
$w->close();
$m = json_decode(stream_get_contents(Bjlg\Archive\Reader::open("$d/c.zip")->readEntry('backup-manifest.json')), true);
$v = $m['x'];
for ($i = 0; $i < 63; $i++) $v = $v[0];
var_dump($v);
echo count(glob("$d/*")), " file\n";
bjlg_rmrf($d);
?>
--EXPECT--
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "manifest" is nested deeper than 64 levels or contains itself
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "manifest" is nested deeper than 64 levels or contains itself
string(4) "leaf"
1 file
