--TEST--
Bjlg\Archive\Writer::addDeletion: an incremental lists what the previous backup held at a vanished file or folder, without scanning
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Archive\Reader;
use Bjlg\Archive\Writer;

$dir = sys_get_temp_dir() . '/bjlg-watch-phpt-del-' . getmypid();
exec('rm -rf ' . escapeshellarg($dir));
mkdir("$dir/site/wp-content/plugins/a", 0777, true);
mkdir("$dir/site/wp-content/uploads", 0777, true);
file_put_contents("$dir/site/wp-content/plugins/a/one.php", '1');
file_put_contents("$dir/site/wp-content/plugins/a/two.php", '2');
file_put_contents("$dir/site/wp-content/uploads/u.jpg", 'u');
file_put_contents("$dir/site/wp-content/uploads/keep.jpg", 'k');

function attempt(callable $f): void
{
    try {
        $f();
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$full = new Writer("$dir/full.zip");
attempt(fn () => $full->addDeletion('wp-content/uploads/u.jpg'));
$full->addDirectory("$dir/site", '');
$full->close();

$inc = new Writer("$dir/inc.zip", ['since' => "$dir/full.zip"]);
$inc->addDeletion('wp-content/plugins/a');          // a folder: everything under it
$inc->addDeletion('wp-content/uploads/u.jpg');
$inc->addDeletion('wp-content/uploads/never.jpg');  // not in the previous backup: nothing to list
attempt(fn () => $inc->addDeletion('../etc/passwd'));
attempt(fn () => $inc->addDeletion(['a']));
$s = $inc->close();
echo $s['deleted'], ' ', $s['files'], "\n";
echo json_encode(Reader::open("$dir/inc.zip")->deletedFiles(), JSON_UNESCAPED_SLASHES), "\n";
// keep.jpg was not looked at: carried in the index, so the chain still knows it.
$index = json_decode(stream_get_contents(Reader::open("$dir/inc.zip")->readEntry('backup-index.json')), true);
echo str_contains(json_encode($index, JSON_UNESCAPED_SLASHES), 'wp-content/uploads/keep.jpg') ? "carried\n" : "lost\n";
attempt(fn () => $inc->addDeletion('x'));
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
ValueError: a deletion can only be recorded in an incremental built on a bjlg backup
ValueError: invalid entry name "../etc/passwd": `.` or `..` path component
TypeError: Bjlg\Archive\Writer::addDeletion(): Argument #1 ($name) must be of type string, array given
3 0
["wp-content/plugins/a/one.php","wp-content/plugins/a/two.php","wp-content/uploads/u.jpg"]
carried
Error: Bjlg\Archive\Writer is closed
