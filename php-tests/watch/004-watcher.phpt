--TEST--
Bjlg\Watch\Watcher: one bounded wait reports creations, changes, moves and deletions; excluded folders are silent
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Watch\Watcher;

$site = sys_get_temp_dir() . '/bjlg-watch-phpt-site-' . getmypid();
@mkdir("$site/wp-content/uploads", 0777, true);
@mkdir("$site/wp-content/cache", 0777, true);
file_put_contents("$site/wp-content/uploads/old.txt", 'old');

function collect(Watcher $w): array
{
    $all = [];
    while (($batch = $w->wait(200)) !== []) {
        array_push($all, ...$batch);
    }
    $lines = array_map(fn ($e) => $e['type'] . ' ' . (isset($e['from']) ? $e['from'] . ' -> ' : '') . $e['path'], $all);
    // A file written in a folder just created may be seen by the folder's walk (created) before
    // its watch exists (no modified): keep "created" alone for such files.
    $lines = array_values(array_unique(array_filter($lines, fn ($l) => !(str_starts_with($l, 'modified ')
        && in_array('created ' . substr($l, 9), $lines, true)))));
    sort($lines);
    return $lines;
}

$w = new Watcher(['' => $site]);
echo $w->mode(), "\n";
var_dump($w->warning());
var_dump($w->wait(0));

$start = microtime(true);
var_dump($w->wait(150), microtime(true) - $start >= 0.1);

file_put_contents("$site/wp-content/uploads/new.txt", 'new');
file_put_contents("$site/wp-content/cache/page.html", 'cached');
rename("$site/wp-content/uploads/old.txt", "$site/wp-content/uploads/renamed.txt");
mkdir("$site/wp-content/uploads/2026");
file_put_contents("$site/wp-content/uploads/2026/a.jpg", 'jpg');
echo implode("\n", collect($w)), "\n--\n";
unlink("$site/wp-content/uploads/new.txt");
echo implode("\n", collect($w)), "\n--\n";

// A prefix maps a folder to its place in the site.
$u = new Watcher(['wp-content/uploads' => "$site/wp-content/uploads"], ['scan' => true]);
echo $u->mode(), ' ', $u->warning() !== null ? 'warned' : 'silent', "\n";
file_put_contents("$site/wp-content/uploads/2026/b.jpg", 'b');
echo implode("\n", collect($u)), "\n";

exec('rm -rf ' . escapeshellarg($site));
?>
--EXPECT--
inotify
NULL
array(0) {
}
array(0) {
}
bool(true)
created wp-content/uploads/2026
created wp-content/uploads/2026/a.jpg
created wp-content/uploads/new.txt
moved wp-content/uploads/old.txt -> wp-content/uploads/renamed.txt
--
deleted wp-content/uploads/new.txt
--
scan warned
created wp-content/uploads/2026/b.jpg
