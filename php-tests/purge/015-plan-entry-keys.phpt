--TEST--
Bjlg\Remote\Purge::plan: every destination entry has the documented keys (type, ok, error, listed, delete, keep, foreign, bytes_freed, counts, quota), a failed one included
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Remote\Purge;

$dir = sys_get_temp_dir() . '/bjlg-purge-keys-' . getmypid();
@mkdir($dir, 0700, true);
file_put_contents("$dir/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip", 'x');
$plan = Purge::plan([['name' => 'nas', 'type' => 'local', 'path' => $dir],
                     ['name' => 'gone', 'type' => 'local', 'path' => "$dir/missing"],
                     ['name' => 'drive', 'type' => 'gdrive', 'access_token' => 't']], ['keep_last' => 1]);
$documented = ['bytes_freed', 'counts', 'delete', 'error', 'foreign', 'keep', 'listed', 'ok', 'quota', 'type'];
foreach ($plan['destinations'] as $name => $d) {
    $keys = array_keys($d);
    sort($keys);
    echo $name, ': ', $keys === $documented ? 'documented keys' : 'keys ' . implode(',', $keys), ', counts ',
        json_encode($d['counts'] ?? null), "\n";
}
unlink("$dir/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip");
rmdir($dir);
?>
--EXPECT--
drive: documented keys, counts {"delete":0,"foreign":0,"keep":0}
gone: documented keys, counts {"delete":0,"foreign":0,"keep":0}
nas: documented keys, counts {"delete":0,"foreign":0,"keep":1}
