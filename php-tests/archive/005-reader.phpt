--TEST--
Bjlg\Archive\Reader: entries, streamed reads, extraction, and every refusal rule on crafted archives
--EXTENSIONS--
bjlg
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('reader');
$w = new Bjlg\Archive\Writer("$d/a.zip");
$w->addFromString('database.sql', str_repeat("INSERT INTO t VALUES (1);\n", 10000));
$w->addFromString('wp-content/uploads/a..b.txt', 'dots');
$w->close();

$r = Bjlg\Archive\Reader::open("$d/a.zip");
$e = $r->entries()[1];
var_dump(array_keys($e), $e['name'], $e['size'], $e['method'], $e['compressed_size'] < 1000, $e['crc'] === crc32(str_repeat("INSERT INTO t VALUES (1);\n", 10000)));
$s = $r->readEntry('database.sql');
var_dump(strlen(fread($s, 100)), strlen(stream_get_contents($s)), feof($s));
fclose($s);
$r->verify();
var_dump($r->extractTo("$d/out"), file_get_contents("$d/out/wp-content/uploads/a..b.txt"));
var_dump($r->deletedFiles());
try { $r->readEntry('database.sql', 100); } catch (Bjlg\Archive\CorruptArchiveException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $r->readEntry('nope'); } catch (Bjlg\Archive\IOException $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $r->extractTo("$d/x", ['max_ratio' => 0]); } catch (ValueError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $r->extractTo("$d/x", ['depth' => 1]); } catch (ValueError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $r->extractTo("$d/x", ['overwrite' => 1]); } catch (TypeError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
try { $r->extractTo("$d/x", ['max_entries' => -5]); } catch (ValueError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }

// The reader survives its last reference while an entry stream is open.
$s = $r->readEntry('database.sql');
unset($r);
var_dump(strlen(stream_get_contents($s)));
fclose($s);

foreach (['dotdot', 'absolute', 'drive', 'backslash', 'nested-dotdot', 'symlink', 'crc'] as $kind) {
    $zip = bjlg_craft($kind, "$d/$kind.zip");
    try {
        Bjlg\Archive\Reader::open($zip)->extractTo("$d/x-$kind");
        echo "$kind: extracted\n";
    } catch (Bjlg\Archive\CorruptArchiveException $x) {
        echo "$kind: ", preg_replace('/"[^"]*"/', '"…"', $x->getMessage()), "\n";
    }
    var_dump(file_exists("$d/x-$kind/ok.txt"));
}
$bomb = Bjlg\Archive\Reader::open(bjlg_craft('bomb', "$d/bomb.zip"));
try { $bomb->extractTo("$d/b", ['max_ratio' => 50]); } catch (Bjlg\Archive\CorruptArchiveException $x) { echo $x->getMessage(), "\n"; }
try { $bomb->extractTo("$d/b", ['max_entry_size' => 1 << 20]); } catch (Bjlg\Archive\CorruptArchiveException $x) { echo $x->getMessage(), "\n"; }
$del = Bjlg\Archive\Reader::open(bjlg_craft('deleted-traversal', "$d/del.zip"));
try { $del->deletedFiles(); } catch (Bjlg\Archive\CorruptArchiveException $x) { echo $x->getMessage(), "\n"; }
file_put_contents("$d/not.zip", "not a zip");
try { Bjlg\Archive\Reader::open("$d/not.zip"); } catch (Bjlg\Archive\CorruptArchiveException $x) { echo get_class($x), "\n"; }
try { Bjlg\Archive\Reader::open("$d/missing.zip"); } catch (Bjlg\Archive\IOException $x) { echo get_class($x), "\n"; }
try { new Bjlg\Archive\Reader(); } catch (Error $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
bjlg_rmrf($d);
?>
--EXPECTF--
array(9) {
  [0]=>
  string(4) "name"
  [1]=>
  string(4) "size"
  [2]=>
  string(15) "compressed_size"
  [3]=>
  string(3) "crc"
  [4]=>
  string(6) "method"
  [5]=>
  string(5) "mtime"
  [6]=>
  string(4) "mode"
  [7]=>
  string(6) "is_dir"
  [8]=>
  string(10) "is_symlink"
}
string(12) "database.sql"
int(260000)
int(8)
bool(true)
bool(true)
int(100)
int(259900)
bool(true)
array(3) {
  ["files"]=>
  int(4)
  ["directories"]=>
  int(2)
  ["bytes"]=>
  int(%d)
}
string(4) "dots"
array(0) {
}
Bjlg\Archive\CorruptArchiveException: unsafe entry "database.sql": declares 260000 bytes, over the limit
Bjlg\Archive\IOException: no entry "nope" in %sa.zip
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "max_ratio" must be greater than 0
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) contains an unknown option "depth"
TypeError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "overwrite" must be of type bool, int given
Bjlg\OptionError: Bjlg\Archive\Reader::extractTo(): Argument #2 ($options) option "max_entries" must be greater than 0
int(260000)
dotdot: unsafe entry name "…": `..` component
bool(false)
absolute: unsafe entry name "…": absolute
bool(false)
drive: unsafe entry name "…": drive letter
bool(false)
backslash: unsafe entry name "…": `..` component
bool(false)
nested-dotdot: unsafe entry name "…": `..` component
bool(false)
symlink: unsafe entry "…": symbolic link
bool(false)
crc: data.bin: CRC-32 mismatch
bool(false)
unsafe entry "zeros.bin": compression ratio over 50 (zip bomb)
unsafe entry "zeros.bin": declares 20971520 bytes, over the limit of 1048576
deleted-files.json: invalid entry name "wp-content/plugins/../../victim.php": `.` or `..` path component
Bjlg\Archive\CorruptArchiveException
Bjlg\Archive\IOException
Error: Call to private Bjlg\Archive\Reader::__construct() from global scope
