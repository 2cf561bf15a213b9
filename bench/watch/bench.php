<?php
// bench/watch: how fast a change is seen and backed up.
//  1. Detection: the inotify watcher (Bjlg\Watch\Watcher) against the plugin's approach, a full
//     scan comparing with the last manifest (stat + MD5 of every file, class-bjlg-incremental
//     §3.2), and against bjlg's own scan mode (stat only), on the same tree in the same run.
//  2. Idle CPU of the watcher while nothing changes.
//  3. RPO under a steady stream of changes: `bjlg watch` with --debounce D; RPO = archive
//     durable − first change seen, from the SLA history lines it writes.
// Size: BENCH_WATCH_FILES (default 50000) files in folders of 100; BENCH_WATCH_RPO_ROUNDS
// incrementals (default 12); BENCH_WATCH_MODULE: the bjlg.so the daemon loads.
declare(strict_types=1);

use Bjlg\Watch\Watcher;

$files = (int) (getenv('BENCH_WATCH_FILES') ?: 50000);
$root = dirname(__DIR__, 2);
$base = sys_get_temp_dir() . '/bjlg-watch-bench-' . getmypid();
$site = "$base/site";
$to = "$base/backups";

function cpu(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

function pct(array $v, float $p): float
{
    sort($v);
    return $v[min(count($v) - 1, (int) floor($p * (count($v) - 1) + 0.5))];
}

mkdir("$site/wp-content/uploads", 0777, true);
mkdir($to, 0777, true);
for ($i = 0; $i < $files; $i++) {
    $dir = sprintf('%s/wp-content/uploads/d%04d', $site, intdiv($i, 100));
    if ($i % 100 === 0) {
        mkdir($dir);
    }
    file_put_contents("$dir/f$i.txt", str_repeat(chr(97 + $i % 26), 200 + $i % 1800));
}

// The plugin's scan: every file stat'ed and hashed, compared with the stored hashes.
$manifest = [];
$scan = function () use ($site, &$manifest): array {
    $changed = [];
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($site, FilesystemIterator::SKIP_DOTS));
    foreach ($it as $f) {
        $p = $f->getPathname();
        $h = md5_file($p);
        if (($manifest[$p] ?? null) !== $h) {
            $changed[] = $p;
        }
        $manifest[$p] = $h;
    }
    return $changed;
};
$scan();  // first pass fills the manifest (and the page cache: the timed pass is the warm one)
$victim = "$site/wp-content/uploads/d0007/f777.txt";
file_put_contents($victim, 'changed');
$t = microtime(true);
$c = cpu();
$found = $scan();
$pluginWall = microtime(true) - $t;
$pluginCpu = cpu() - $c;
if ($found !== [$victim]) {
    fwrite(STDERR, "plugin scan found " . count($found) . " changes\n");
}

// bjlg's scan mode (stat only, compared with the previous walk).
$s = new Watcher(['' => $site], ['scan' => true]);
file_put_contents($victim, 'changed again!');
$t = microtime(true);
$c = cpu();
$ev = $s->wait(0);
$scanWall = microtime(true) - $t;
$scanCpu = cpu() - $c;
unset($s);

// inotify: set-up, then latency of 50 changes to random files.
$t = microtime(true);
$w = new Watcher(['' => $site]);
$setup = microtime(true) - $t;
$lat = [];
mt_srand(7);
for ($k = 0; $k < 50; $k++) {
    $i = mt_rand(0, $files - 1);
    $rel = sprintf('wp-content/uploads/d%04d/f%d.txt', intdiv($i, 100), $i);
    $t = microtime(true);
    file_put_contents("$site/$rel", "v$k");
    $seen = false;
    while (!$seen && microtime(true) - $t < 5) {
        foreach ($w->wait(1000) as $e) {
            $seen = $seen || $e['path'] === $rel;
        }
    }
    $lat[] = (microtime(true) - $t) * 1000;
    while ($w->wait(0) !== []) {
    }
}
// Idle: 5 s of waiting with nothing changing.
$c = cpu();
$t = microtime(true);
while (microtime(true) - $t < 5) {
    $w->wait(1000);
}
$idleCpu = cpu() - $c;
unset($w);

// RPO under steady changes: the daemon on the same tree.
$debounce = 2;
$module = getenv('BENCH_WATCH_MODULE') ?: $root . '/modules/bjlg.so';  // the daemon's bjlg.so
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . $module, "$root/bin/bjlg", 'watch', '--site', $site,
    '--to', $to, '--debounce', (string) $debounce, '--max-delay', '20', '--format=json'];
$p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$t = microtime(true);
$full = json_decode((string) fgets($pipes[1]), true);
$fullSeconds = microtime(true) - $t;
$rounds = (int) (getenv('BENCH_WATCH_RPO_ROUNDS') ?: 12);
$rpo = [];
$durations = [];
for ($k = 0; $k < $rounds; $k++) {
    // A burst of 1-5 edits, then quiet until the incremental lands.
    for ($n = 0, $m = mt_rand(1, 5); $n < $m; $n++) {
        $i = mt_rand(0, $files - 1);
        file_put_contents(sprintf('%s/wp-content/uploads/d%04d/f%d.txt', $site, intdiv($i, 100), $i), "rpo $k $n");
        usleep(200000);
    }
    $line = json_decode((string) fgets($pipes[1]), true);
    if (isset($line['rpo']['seconds'])) {
        $rpo[] = $line['rpo']['seconds'];
        $durations[] = $line['duration_seconds'];
    }
}
proc_terminate($p, SIGTERM);
proc_close($p);
exec('rm -rf ' . escapeshellarg($base));

printf("Tree: %d files in %d folders (200 B to 2 KB each), tmpfs/disk of `%s`.\n\n", $files, intdiv($files + 99, 100), sys_get_temp_dir());
echo "| detection of one changed file | wall | CPU | ratio to inotify p50 |\n|---|---:|---:|---:|\n";
$p50 = pct($lat, 0.5);
printf("| plugin: full scan, stat + MD5 of every file vs. the last manifest | %.0f ms | %.0f ms | %.0fx |\n", $pluginWall * 1000, $pluginCpu * 1000, $pluginWall * 1000 / $p50);
printf("| bjlg scan mode (no inotify): stat of every file vs. the last walk | %.0f ms | %.0f ms | %.0fx |\n", $scanWall * 1000, $scanCpu * 1000, $scanWall * 1000 / $p50);
printf("| bjlg inotify watcher, p50 of 50 changes (p95 %.2f ms, max %.2f ms) | %.2f ms | ≈0 | 1x |\n\n", pct($lat, 0.95), max($lat), $p50);
printf("inotify set-up: %.0f ms for %d folders; idle CPU over 5 s of waiting: %.1f ms (%.3f%%).\n\n", $setup * 1000, intdiv($files + 99, 100) + 3, $idleCpu * 1000, $idleCpu / 5 * 100);
printf("RPO under steady changes (`bjlg watch --debounce %d`, bursts of 1-5 edits 200 ms apart, %d incrementals; full backup first: %.1f s):\n\n", $debounce, count($rpo), $fullSeconds);
if ($rpo !== []) {
    printf("| RPO p50 | RPO p95 | incremental time p50 | target: debounce + incremental |\n|---:|---:|---:|---:|\n| %.2f s | %.2f s | %.2f s | %.2f s |\n",
        pct($rpo, 0.5), pct($rpo, 0.95), pct($durations, 0.5), $debounce + 0.8 + pct($durations, 0.95));
    echo "\n(The burst itself lasts up to 0.8 s: the RPO counts from its first change.)\n";
} else {
    echo "no incremental was reported\n";
}
