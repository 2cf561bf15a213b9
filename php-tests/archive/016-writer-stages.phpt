--TEST--
Bjlg\Archive\Writer: close() says where the time went, stage by stage
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
$d = bjlg_scratch('stages');
for ($i = 0; $i < 40; $i++) {
    bjlg_put("$d/site/page-$i.php", str_repeat("<?php echo 'page $i';\n", 3000));
}

function stages_of(array $summary): array {
    $t = $summary['stages'];
    $caller = array_sum($t) - $t['deflate'] - $t['checksum'];  // those two run on other threads
    return [
        'keys' => implode(',', array_keys($t)),
        'all floats, none negative' => count(array_filter($t, fn ($v) => is_float($v) && $v >= 0)) === count($t),
        'calling thread within the duration' => $caller <= $summary['duration'] + 1e-3,
        'compressed' => $t['deflate'] > 0,
        'read and hashed' => $t['read'] > 0 && $t['hash'] > 0,
        'verified, checksummed, synced' => $t['verify'] > 0 && $t['checksum'] > 0 && $t['sync'] > 0,
        'encrypted' => $t['encrypt'] > 0,
    ];
}

$w = new Bjlg\Archive\Writer("$d/plain.zip", ['level' => 6, 'threads' => 2]);
$w->addDirectory("$d/site", 'site');
var_dump(stages_of($w->close()));

$w = new Bjlg\Archive\Writer("$d/sealed.zip.enc", ['level' => 6, 'threads' => 2,
    'encrypt' => Bjlg\Crypto\Key::generate()]);
$w->addDirectory("$d/site", 'site');
var_dump(stages_of($w->close())['encrypted']);
bjlg_rmrf($d);
?>
--EXPECT--
array(7) {
  ["keys"]=>
  string(62) "scan,read,hash,deflate,wait,write,verify,checksum,sync,encrypt"
  ["all floats, none negative"]=>
  bool(true)
  ["calling thread within the duration"]=>
  bool(true)
  ["compressed"]=>
  bool(true)
  ["read and hashed"]=>
  bool(true)
  ["verified, checksummed, synced"]=>
  bool(true)
  ["encrypted"]=>
  bool(false)
}
bool(true)
