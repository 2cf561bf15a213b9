--TEST--
bjlg watch: a full backup, then incrementals of exactly the changes; SIGTERM stops cleanly; SIGKILL and restart lose nothing and repeat nothing; full + incrementals restore the tree
--EXTENSIONS--
bjlg
--SKIPIF--
<?php if (!function_exists('pcntl_signal')) die('skip pcntl needed for SIGTERM'); ?>
--FILE--
<?php
use Bjlg\Archive\Reader;
use Bjlg\Watch\Journal;

$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
$base = sys_get_temp_dir() . '/bjlg-watch-phpt-cli-' . getmypid();
$site = "$base/site";
$to = "$base/backups";
exec('rm -rf ' . escapeshellarg($base));
mkdir("$site/wp-content/plugins/hello", 0777, true);
mkdir("$site/wp-content/uploads/2026", 0777, true);
mkdir("$site/wp-content/cache", 0777, true);
mkdir($to, 0777, true);
file_put_contents("$site/wp-config.php", '<?php // config');
file_put_contents("$site/wp-content/plugins/hello/hello.php", '<?php // hello');
file_put_contents("$site/wp-content/uploads/2026/old.jpg", str_repeat('j', 5000));
file_put_contents("$site/wp-content/uploads/2026/gone.jpg", 'bye');
file_put_contents("$site/wp-content/cache/page.html", 'cached');

// Under valgrind (which traces the daemon too) a step of the test can take over a second: a longer
// quiet period keeps each step's changes in one incremental.
define('DEBOUNCE', getenv('USE_ZEND_ALLOC') === '0' ? '4' : '1');

function start(string $root, string $site, string $to, array $extra = []): array
{
    $cmd = array_merge([PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so', $root . '/bin/bjlg', 'watch',
        '--site', $site, '--to', $to, '--debounce', DEBOUNCE, '--max-delay', '20', '--format=json'], $extra);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    stream_set_blocking($pipes[1], true);
    return [$p, $pipes];
}

function line(array $d): array
{
    $l = fgets($d[1][1]);
    if ($l === false) {
        echo "no line: ", stream_get_contents($d[1][2]), "\n";
        return [];
    }
    return json_decode($l, true);
}

function j(array $v): string
{
    return json_encode($v, JSON_UNESCAPED_SLASHES);
}

function names(string $archive): array
{
    $n = array_column(Reader::open($archive)->entries(), 'name');
    sort($n);
    return array_values(array_diff($n, ['backup-manifest.json', 'backup-index.json']));
}

function manifest(string $archive): array
{
    return json_decode(stream_get_contents(Reader::open($archive)->readEntry('backup-manifest.json')), true);
}

// 1. First start: a full backup of the site, caches excluded.
$d = start($root, $site, $to);
$full = line($d);
echo $full['type'], ' ', j(names($full['archive'])), "\n";

// 2. Changes: an edit, a new folder with a file, a rename, a deletion, a cache write; a
//    database event from the site's hooks through the same journal.
usleep(300000);
file_put_contents("$site/wp-content/plugins/hello/hello.php", '<?php // hello v2');
mkdir("$site/wp-content/plugins/new");
file_put_contents("$site/wp-content/plugins/new/new.php", '<?php // new');
rename("$site/wp-content/uploads/2026/old.jpg", "$site/wp-content/uploads/2026/moved.jpg");
unlink("$site/wp-content/uploads/2026/gone.jpg");
file_put_contents("$site/wp-content/cache/page.html", 'cached again');
Journal::open("$to/.bjlg-watch/journal")->append(['type' => 'post_saved', 'tables' => ['wp_posts'], 'id' => 7]);
$inc = line($d);
echo $inc['type'], ' ', j(names($inc['archive'])), "\n";
echo j(Reader::open($inc['archive'])->deletedFiles()), "\n";
$m = manifest($inc['archive']);
echo $m['type'], ' tables=', json_encode($m['bjlg_watch']['tables']), ' seq>full=', var_export($m['bjlg_watch']['journal_seq'] > manifest($full['archive'])['bjlg_watch']['journal_seq'], true), "\n";
var_dump($inc['rpo']['seconds'] > 0 && $inc['rpo']['seconds'] < 30);

// 3. SIGTERM: a clean stop.
proc_terminate($d[0], SIGTERM);
echo 'exit ', proc_close($d[0]), "\n";

// 4. Changes while nobody watches, then a SIGKILL right after a restart's archive.
file_put_contents("$site/wp-content/uploads/2026/offline.jpg", 'made while stopped');
$d = start($root, $site, $to);
$catch = line($d);
echo $catch['type'], ' ', j(names($catch['archive'])), "\n";
file_put_contents("$site/wp-content/uploads/2026/before-kill.jpg", 'k');
$k = line($d);
echo j(names($k['archive'])), "\n";
proc_terminate($d[0], SIGKILL);
proc_close($d[0]);
// Restart: nothing new changed, so nothing is archived again (the manifest's seq says so).
$d = start($root, $site, $to, ['--exit-after', '1']);
$again = line($d);
echo j(names($again['archive'])), "\n";
proc_terminate($d[0], SIGTERM);
proc_close($d[0]);

// 5. Restore: the full backup, then each incremental in order (files over, deletions applied),
//    equals the site without its caches.
$restore = "$base/restore";
mkdir($restore);
$archives = glob("$to/*-watch-*.zip");
sort($archives);
foreach ($archives as $a) {
    $r = Reader::open($a);
    $r->extractTo($restore, ['overwrite' => true]);
    foreach ($r->deletedFiles() as $gone) {
        @unlink("$restore/$gone");
    }
    @unlink("$restore/backup-manifest.json");
    @unlink("$restore/backup-index.json");
    @unlink("$restore/deleted-files.json");
}
function tree(string $dir): array
{
    $out = [];
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS));
    foreach ($it as $f) {
        if ($f->isFile()) {
            $out[substr($f->getPathname(), strlen($dir) + 1)] = md5_file($f->getPathname());
        }
    }
    ksort($out);
    return $out;
}
$want = tree($site);
unset($want['wp-content/cache/page.html']);
var_dump(tree($restore) === $want);
echo count($archives), " archives\n";
exec('rm -rf ' . escapeshellarg($base));
?>
--EXPECT--
full ["wp-config.php","wp-content/plugins/hello/hello.php","wp-content/uploads/2026/gone.jpg","wp-content/uploads/2026/old.jpg"]
incremental ["deleted-files.json","wp-content/plugins/hello/hello.php","wp-content/plugins/new/new.php","wp-content/uploads/2026/moved.jpg"]
["wp-content/uploads/2026/gone.jpg","wp-content/uploads/2026/old.jpg"]
incremental tables=["wp_posts"] seq>full=true
bool(true)
exit 0
incremental ["wp-content/uploads/2026/offline.jpg"]
["wp-content/uploads/2026/before-kill.jpg"]
[]
bool(true)
5 archives
