--TEST--
Bjlg\Archive\Reader::open() refuses an overlapping-entry zip bomb before anything is written; honest archives still open (issue 16, class 3)
--EXTENSIONS--
bjlg
zlib
--FILE--
<?php
require __DIR__ . '/zip.inc';
$d = hb_scratch('bomb');

// The bomb is real: entry 0, read alone as an unsuspecting reader would, inflates past a MiB
// and matches its CRC.
$bomb = hb_overlapping_bomb(64, 1 << 20);
var_dump(strlen($bomb) < 8192);
$h = unpack('Vsig/vver/vflags/vmethod/Vtime/Vcrc/Vcsize/Vsize/vnlen/vxlen', $bomb);
$first = gzinflate(substr($bomb, 30 + $h['nlen'], $h['csize']));
var_dump(strlen($first) === $h['size'], strlen($first) > (1 << 20), crc32($first) === $h['crc']);

file_put_contents("$d/bomb.zip", $bomb);
try {
    Bjlg\Archive\Reader::open("$d/bomb.zip");
    echo "opened\n";
} catch (Bjlg\Archive\CorruptArchiveException $e) {
    echo get_class($e), ' ', $e->error_code, "\n", str_replace($d, 'DIR', $e->getMessage()), "\n";
}
var_dump(glob("$d/*") === ["$d/bomb.zip"]);

// A single entry declaring far more than 1032 times its compressed bytes.
$payload = str_repeat('x', 4096);
$data = gzdeflate($payload);
$lying = hb_local('big.bin', 8, crc32($payload), strlen($data), 4000000000) . $data;
$lying .= hb_central([['name' => 'big.bin', 'method' => 8, 'crc' => crc32($payload), 'csize' => strlen($data), 'size' => 4000000000, 'offset' => 0]], strlen($lying));
file_put_contents("$d/lying.zip", $lying);
try {
    Bjlg\Archive\Reader::open("$d/lying.zip");
} catch (Bjlg\CorruptDataException $e) {
    echo str_replace($d, 'DIR', $e->getMessage()), "\n";
}

// Edge: an empty archive and an honest one open as before.
file_put_contents("$d/empty.zip", hb_central([], 0));
var_dump(Bjlg\Archive\Reader::open("$d/empty.zip")->entries());
file_put_contents("$d/ok.zip", hb_zip(['a.txt' => str_repeat('a', 5000), 'b/c.txt' => 'hello']));
$r = Bjlg\Archive\Reader::open("$d/ok.zip");
var_dump(count($r->entries()), $r->extractTo("$d/out")['files'], file_get_contents("$d/out/b/c.txt"));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
Bjlg\Archive\CorruptArchiveException corrupt
DIR/bomb.zip: unsafe zip layout: entry "bomb/1.txt" starts at %d, inside entry "bomb/0.txt" (0 to %d): overlapping entries (zip bomb)
bool(true)
DIR/lying.zip: unsafe zip layout: the entries declare 4000000000 bytes in total, more than their %d compressed bytes can produce (zip bomb)
array(0) {
}
int(2)
int(2)
string(5) "hello"
