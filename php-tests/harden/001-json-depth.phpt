--TEST--
Hardening, unbounded nesting: JSON nested 100,000 deep in a backup's manifest, index or deletion list is refused by name, never a crash
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/harden.inc';
$d = bjlg_scratch('harden-json');
$deep = bjlg_deep_json(100000);
$deep_objects = str_repeat('{"a":', 100000) . '1' . str_repeat('}', 100000);

// The manifest: the verifier's manifest check fails and says why.
$zip = bjlg_zip("$d/manifest.zip", [
    ['name' => 'backup-manifest.json', 'data' => $deep],
    ['name' => 'database.sql', 'data' => "SELECT 1;\n"],
]);
$r = Bjlg\Verify\Verifier::verify($zip);
echo $r['status'], ': ', bjlg_check($r, 'manifest')['message'], "\n";
$zip = bjlg_zip("$d/manifest-objects.zip", [['name' => 'backup-manifest.json', 'data' => $deep_objects]]);
echo bjlg_check(Bjlg\Verify\Verifier::verify($zip), 'manifest')['message'], "\n";

// The index.
$zip = bjlg_zip("$d/index.zip", [
    ['name' => 'backup-manifest.json', 'data' => '{"version":"1","type":"full","contains":[],"created_at":"2026-12-05T06:00:00+00:00"}'],
    ['name' => 'backup-index.json', 'data' => $deep_objects],
]);
$r = Bjlg\Verify\Verifier::verify($zip);
echo $r['status'], ': ', bjlg_check($r, 'index')['message'], "\n";

// The deletion list, read by Archive\Reader.
$zip = bjlg_zip("$d/deleted.zip", [
    ['name' => 'backup-manifest.json', 'data' => '{"type":"incremental"}'],
    ['name' => 'deleted-files.json', 'data' => $deep],
]);
$reader = Bjlg\Archive\Reader::open($zip);
echo count($reader->entries()), " entries\n";
echo bjlg_throws(fn() => $reader->deletedFiles()), "\n";

// Up to the limit is fine.
$zip = bjlg_zip("$d/ok.zip", [
    ['name' => 'backup-manifest.json', 'data' => '{"type":"incremental"}'],
    ['name' => 'deleted-files.json', 'data' => '{"paths":["wp-content/uploads/a.txt"],"x":' . bjlg_deep_json(63) . '}'],
]);
var_dump(Bjlg\Archive\Reader::open($zip)->deletedFiles());
bjlg_rmrf($d);
?>
--EXPECTF--
failed: backup-manifest.json is nested deeper than 64 levels
backup-manifest.json is nested deeper than 64 levels
failed: backup-index.json is not a valid index: backup index is nested deeper than 64 levels
2 entries
Bjlg\Archive\CorruptArchiveException [corrupt]: deleted-files.json is nested deeper than 64 levels
array(1) {
  [0]=>
  string(24) "wp-content/uploads/a.txt"
}
