--TEST--
Bjlg\Remote\Purge::loadDestinations: a refused destination names the file and the line (as its stub says, and as Retention::loadPolicy does)
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Remote\Purge;

$file = sys_get_temp_dir() . '/bjlg-purge-line-' . getmypid() . '.yaml';
// Line 6 holds the unknown key.
file_put_contents($file, "# two destinations\ndestinations:\n  - name: dav\n    type: webdav\n    url: https://dav.example/backups/\n    colour: red\n  - name: nas\n    type: local\n    path: /srv/backups\n");
try {
    Purge::loadDestinations($file);
    echo "no exception\n";
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    $m = $e->getMessage();
    echo 'names the file: ', str_contains($m, $file) ? 'yes' : "no ($m)", "\n";
    echo 'names the key: ', str_contains($m, "'colour'") ? 'yes' : "no ($m)", "\n";
    echo 'names line 6: ', preg_match('/\bline 6\b/', $m) ? 'yes' : 'no (' . str_replace($file, 'FILE', $m) . ')', "\n";
}
unlink($file);
?>
--EXPECT--
names the file: yes
names the key: yes
names line 6: yes
