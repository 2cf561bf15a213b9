--TEST--
Bjlg\Archive\Reader::extractTo(): a damaged entry never replaces the live file; hard and symbolic links at the target are replaced, not written through (issue 16, class 4)
--EXTENSIONS--
bjlg
zlib
--FILE--
<?php
require __DIR__ . '/zip.inc';
$d = hb_scratch('replace');
$leftovers = fn(string $dir) => count(glob("$dir/.bjlg-partial-*"));

// Restoring a damaged backup over a live site: the live copy stays as it was.
mkdir("$d/site");
file_put_contents("$d/site/a.txt", 'the live copy');
file_put_contents("$d/damaged.zip", hb_zip(['a.txt' => str_repeat('n', 200000)], damage: true));
try {
    Bjlg\Archive\Reader::open("$d/damaged.zip")->extractTo("$d/site");
    echo "extracted\n";
} catch (Bjlg\Archive\CorruptArchiveException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(file_get_contents("$d/site/a.txt"), $leftovers("$d/site"));

// Overwrite off (the option's edge): an existing file is refused and kept.
file_put_contents("$d/good.zip", hb_zip(['a.txt' => 'from the archive']));
try {
    Bjlg\Archive\Reader::open("$d/good.zip")->extractTo("$d/site", ['overwrite' => false]);
} catch (Bjlg\Archive\IOException $e) {
    echo get_class($e), ' ', $e->error_code, "\n";
}
var_dump(file_get_contents("$d/site/a.txt"), $leftovers("$d/site"));

// A hard link at the target: the other name keeps its content.
mkdir("$d/elsewhere");
file_put_contents("$d/elsewhere/keep.txt", "another file's content");
unlink("$d/site/a.txt");
link("$d/elsewhere/keep.txt", "$d/site/a.txt");
Bjlg\Archive\Reader::open("$d/good.zip")->extractTo("$d/site");
clearstatcache();
var_dump(file_get_contents("$d/site/a.txt"), file_get_contents("$d/elsewhere/keep.txt"), stat("$d/elsewhere/keep.txt")['nlink']);

// A symbolic link at the target is replaced by the file.
unlink("$d/site/a.txt");
symlink("$d/elsewhere/keep.txt", "$d/site/a.txt");
Bjlg\Archive\Reader::open("$d/good.zip")->extractTo("$d/site");
clearstatcache();
var_dump(is_link("$d/site/a.txt"), file_get_contents("$d/site/a.txt"), file_get_contents("$d/elsewhere/keep.txt"));
?>
--EXPECT--
Bjlg\Archive\CorruptArchiveException: a.txt: CRC-32 mismatch
string(13) "the live copy"
int(0)
Bjlg\Archive\IOException io
string(13) "the live copy"
int(0)
string(16) "from the archive"
string(22) "another file's content"
int(1)
bool(false)
string(16) "from the archive"
string(22) "another file's content"
