--TEST--
Bjlg\Archive\Writer: bad types and values are TypeError/ValueError, environment failures IOException
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('badargs');
function attempt(callable $f): void {
    try { $f(); echo "no exception\n"; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['level' => 10]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['level' => '6']));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['threads' => -1]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['colour' => 'red']));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['progress' => 'no_such_function']));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['exclude' => [1]]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['manifest' => 'x']));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['manifest' => [1, 2]]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['manifest' => ['x' => "\xff"]]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['manifest' => ['x' => new class implements JsonSerializable {
    public function jsonSerialize(): mixed { throw new LogicException('not serializable'); }
}]]));
attempt(fn() => new Bjlg\Archive\Writer("$d/a.zip", ['since' => "$d/missing.json"]));
attempt(fn() => new Bjlg\Archive\Writer(''));
attempt(fn() => new Bjlg\Archive\Writer("$d/no/such/folder/a.zip"));
attempt(fn() => new Bjlg\Archive\Writer("$d"));
attempt(fn() => new Bjlg\Archive\Writer("$d/a\0.zip"));

$w = new Bjlg\Archive\Writer("$d/a.zip");
attempt(fn() => $w->addFromString('../escape.txt', 'x'));
attempt(fn() => $w->addFromString('/abs.txt', 'x'));
attempt(fn() => $w->addFromString("bad\xff.txt", 'x'));
attempt(fn() => $w->addFromString('backup-manifest.json', 'x'));
attempt(fn() => $w->addFromString('ok.txt', 'x'));
attempt(fn() => $w->addFromString('ok.txt', 'again'));
attempt(fn() => $w->addFile("$d/missing.txt", 'm.txt'));
attempt(fn() => $w->addFile($d, 'dir'));
attempt(fn() => $w->addDirectory("$d/missing"));
attempt(fn() => $w->addDirectory($d, '../up'));
attempt(fn() => $w->addFromStream('s.txt', 'not a stream'));
attempt(fn() => $w->addFromString([], 'x'));
$s = $w->close();
var_dump($s['files']);
$w2 = new Bjlg\Archive\Writer("$d/b.zip");
$w2->abort();
attempt(fn() => $w2->close());
var_dump(file_exists("$d/b.zip"));
attempt(fn() => serialize($w2));
attempt(fn() => clone $w2);
bjlg_rmrf($d);
?>
--EXPECTF--
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "level" must be between 0 and 9
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "level" must be of type int, string given
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "threads" must be between 0 and 256
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) contains an unknown option "colour"
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "progress" must be a valid callback
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "exclude" must contain only strings, int given
TypeError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "manifest" must be of type array, string given
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "manifest" must be an array with string keys
Bjlg\OptionError: Bjlg\Archive\Writer::__construct(): Argument #2 ($options) option "manifest" cannot be encoded as JSON
LogicException: not serializable
Bjlg\Archive\IOException: cannot open "since" file %smissing.json: No such file or directory
ValueError: Bjlg\Archive\Writer::__construct(): Argument #1 ($path) cannot be empty
Bjlg\Archive\IOException: archive folder %s/no/such/folder does not exist
ValueError: archive path %s is a directory
ValueError: Bjlg\Archive\Writer::__construct(): Argument #1 ($path) must not contain any null bytes
ValueError: invalid entry name "../escape.txt": `.` or `..` path component
ValueError: invalid entry name "/abs.txt": absolute
ValueError: invalid entry name "bad%s.txt": not valid UTF-8
ValueError: entry name "backup-manifest.json" is reserved by bjlg
no exception
ValueError: entry name "ok.txt" is already in the archive
Bjlg\Archive\IOException: %smissing.txt: no such file
ValueError: %s: not a regular file
Bjlg\Archive\IOException: %smissing: No such file or directory
ValueError: prefix: invalid entry name "../up": `.` or `..` path component
TypeError: Bjlg\Archive\Writer::addFromStream(): Argument #2 ($stream) must be of type resource, string given
TypeError: Bjlg\Archive\Writer::addFromString(): Argument #1 ($name) must be of type string, array given
int(1)
Error: Bjlg\Archive\Writer is closed
bool(false)
Exception: Serialization of 'Bjlg\Archive\Writer' is not allowed
Error: Trying to clone an uncloneable object of class Bjlg\Archive\Writer
