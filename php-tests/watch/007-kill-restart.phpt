--TEST--
bjlg watch killed with SIGKILL at random moments and restarted: no change lost (full + incrementals restore the tree), no journal range archived twice
--EXTENSIONS--
bjlg
--SKIPIF--
<?php if (!function_exists('pcntl_signal')) die('skip pcntl needed for SIGTERM');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip timing test: some twenty daemons under valgrind cannot meet its waits (006 covers the daemon under valgrind)'); ?>
--FILE--
<?php
use Bjlg\Archive\Reader;

$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
$base = sys_get_temp_dir() . '/bjlg-watch-phpt-kill-' . getmypid();
$site = "$base/site";
$to = "$base/backups";
exec('rm -rf ' . escapeshellarg($base));
mkdir("$site/wp-content/uploads", 0777, true);
mkdir($to);
for ($i = 0; $i < 200; $i++) {
    @mkdir("$site/wp-content/uploads/d" . ($i % 10));
    file_put_contents("$site/wp-content/uploads/d" . ($i % 10) . "/f$i.txt", "v0 $i");
}

function start(string $root, string $site, string $to): array
{
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so', $root . '/bin/bjlg', 'watch',
        '--site', $site, '--to', $to, '--debounce', '0', '--max-delay', '1', '--format=json'];
    $p = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    return [$p, $pipes];
}

function churn(string $site, float $seconds): void
{
    $end = microtime(true) + $seconds;
    while (microtime(true) < $end) {
        $i = mt_rand(0, 260);
        $path = "$site/wp-content/uploads/d" . ($i % 10) . "/f$i.txt";
        match (mt_rand(0, 5)) {
            0 => @unlink($path),
            1 => @rename($path, "$site/wp-content/uploads/d" . (($i + 3) % 10) . "/f$i.txt"),
            default => file_put_contents($path, 'v' . mt_rand() . str_repeat('x', mt_rand(0, 3000))),
        };
        usleep(mt_rand(1000, 30000));
    }
}

mt_srand(12345);
$d = start($root, $site, $to);
usleep(1500000);  // the full backup
for ($round = 0; $round < 6; $round++) {
    churn($site, mt_rand(3, 15) / 10);
    proc_terminate($d[0], SIGKILL);  // at a random moment: idle, journaling, or writing an archive
    proc_close($d[0]);
    churn($site, 0.2);  // changes while nobody watches
    $d = start($root, $site, $to);
    usleep(mt_rand(100000, 900000));
}
// Quiet now: let the last start's rescan and pending changes be archived, then stop cleanly.
$deadline = microtime(true) + 20;
$count = fn () => count(glob("$to/*-watch-*.zip"));
$before = -1;
while (microtime(true) < $deadline && $before !== $count()) {
    $before = $count();
    sleep(3);
}
proc_terminate($d[0], SIGTERM);
echo 'exit ', proc_close($d[0]), "\n";
// One more start on the quiet site: its start-up rescan must keep the chain contiguous.
$d = start($root, $site, $to);
sleep(3);
proc_terminate($d[0], SIGTERM);
proc_close($d[0]);

$archives = glob("$to/*-watch-*.zip");
sort($archives);
$restore = "$base/restore";
mkdir($restore);
$prevSeq = null;
$overlap = 0;
$gens = [];
foreach ($archives as $a) {
    preg_match('/-watch-(\d{8})-/', $a, $m);
    $gens[] = (int) $m[1];
    $r = Reader::open($a);
    $manifest = json_decode(stream_get_contents($r->readEntry('backup-manifest.json')), true)['bjlg_watch'];
    if ($prevSeq !== null && ($manifest['first_seq'] ?? null) !== $prevSeq + 1) {
        $overlap++;
        echo "archive $a starts at {$manifest['first_seq']}, previous ended at $prevSeq\n";
    }
    $prevSeq = $manifest['journal_seq'];
    $r->extractTo($restore, ['overwrite' => true]);
    foreach ($r->deletedFiles() as $gone) {
        @unlink("$restore/$gone");
    }
    foreach (['backup-manifest.json', 'backup-index.json', 'deleted-files.json'] as $own) {
        @unlink("$restore/$own");
    }
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
$got = tree($restore);
$want = tree($site);
var_dump($got === $want);
if ($got !== $want) {
    echo 'missing or stale: ', json_encode(array_keys(array_diff_assoc($want, $got))), "\n";
    echo 'extra: ', json_encode(array_keys(array_diff_key($got, $want))), "\n";
}
echo 'overlaps ', $overlap, "\n";
var_dump($gens === range(1, count($gens)), count($archives) >= 7);
exec('rm -rf ' . escapeshellarg($base));
?>
--EXPECT--
exit 0
bool(true)
overlaps 0
bool(true)
bool(true)
