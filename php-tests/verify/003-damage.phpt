--TEST--
Bjlg\Verify\Verifier::verify(): a damaged backup is a "failed" report naming the check and the entry, never an exception
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('verify-damage');

// A flipped byte in the stored photo.
$zip = bjlg_backup($d, bjlg_dump(10));
$photo = file_get_contents("$d/site/uploads/photo.jpg");
$data = file_get_contents($zip);
$at = strpos($data, substr($photo, 5000, 32));
$data[$at] = chr(ord($data[$at]) ^ 1);
file_put_contents($zip, $data);
$r = Bjlg\Verify\Verifier::verify($zip);
echo bjlg_statuses($r), "\n", bjlg_check($r, 'entry_data')['message'], "\n";

// A truncated dump.
$dump = bjlg_dump(3000);
$zip = bjlg_backup($d, substr($dump, 0, (int) (strlen($dump) * 0.6)), 'cut.zip');
$r = Bjlg\Verify\Verifier::verify($zip);
echo bjlg_statuses($r), "\n", bjlg_check($r, 'database')['message'], "\n";

// Not an archive at all.
file_put_contents("$d/x.zip", "hello");
$r = Bjlg\Verify\Verifier::verify("$d/x.zip");
echo bjlg_statuses($r), "\n";

// An empty file.
file_put_contents("$d/empty.zip", "");
echo bjlg_statuses(Bjlg\Verify\Verifier::verify("$d/empty.zip")), "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
failed: zip_structure=passed entry_names=passed entry_data=failed index=passed manifest=passed database=passed
damaged entry data: 'wp-content/uploads/photo.jpg': CRC-32 %x, the headers declare %x
failed: zip_structure=passed entry_names=passed entry_data=passed index=passed manifest=passed database=failed
database.sql: truncated: the dump ends inside a quoted string of the statement at byte %d ('INSERT INTO %s') (byte %d)
failed: zip_structure=failed
failed: zip_structure=failed
