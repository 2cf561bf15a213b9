<?php
// Turns the bench's TSV measurements into bench/archive/RESULTS.md.
[, $results, $datasets, $stages_tsv, $runs] = $argv;
$sets = [];
foreach (file($datasets, FILE_IGNORE_NEW_LINES) as $line) {
    [$name, $files, $bytes] = explode("\t", $line);
    $sets[$name] = ['files' => (int) $files, 'bytes' => (int) $bytes];
}
$rows = [];
foreach (file($results, FILE_IGNORE_NEW_LINES) as $line) {
    [$set, $tool, $secs, $size, $rss, $cpu, $meta] = explode("\t", $line);
    $rows[$set][$tool] = ['secs' => (float) $secs, 'size' => (int) $size, 'rss' => (int) $rss,
        'cpu' => (float) $cpu, 'meta' => (int) $meta];
}
$cpu = trim((string) shell_exec("lscpu | sed -n 's/^Model name: *//p'"));
echo "# Archive bench: bjlg against ZipArchive, zip and 7-Zip\n\n";
printf("Measured %s UTC on %d cores (%s), shared with other work; the fastest of %d runs each,\n", gmdate('Y-m-d H:i'), (int) shell_exec('nproc'), $cpu ?: 'unknown CPU', (int) $runs);
echo "wall-clock time and peak RSS from `/usr/bin/time`, every output checked with `unzip -t`. Command:\n";
echo "`bash bench/archive/run.sh` (BENCH_MEDIA_MB, BENCH_THREADS; see the script's header).\n";
echo "Throughput = input bytes / wall time. \"vs ZA-6\" compares with ZipArchive at level 6, one\n";
echo "entry per file with all work at close(), the way the plugin writes. CPU = user + system\n";
echo "seconds: on a machine shared with other work, wall time depends on what else runs, CPU\n";
echo "time much less. \"bjlg index\" is what bjlg adds that the others do not write: the compressed\n";
echo "backup-index.json (a SHA-256 per file) and backup-manifest.json with their headers; \"size vs\n";
echo "ZA-6\" counts it, \"w/o index\" does not. bjlg's times include fsync and verification.\n";
echo "PHP runs with `php -n` and only the extension under test (bjlg.so, or zip for ZipArchive),\n";
printf("so peak RSS counts no other module: PHP alone is %.1f MiB there, %.1f MiB with bjlg.so loaded.\n\n",
    (int) shell_exec('/usr/bin/time -f %M php -n -r ";" 2>&1') / 1024,
    (int) shell_exec('/usr/bin/time -f %M php -n -d extension=' . escapeshellarg(dirname(__DIR__, 2) . '/modules/bjlg.so') . ' -r ";" 2>&1') / 1024);
foreach ($rows as $set => $tools) {
    $in = $sets[$set]['bytes'];
    $ref = $tools['ZipArchive level 6'];
    printf("## %s: %d files, %.1f MB\n\n", $set, $sets[$set]['files'], $in / 1e6);
    echo "| tool | wall (s) | MB/s | x ZA-6 wall | CPU (s) | x ZA-6 CPU | output (bytes) | size vs ZA-6 | bjlg index (bytes) | w/o index | peak RSS (MiB) |\n";
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    foreach ($tools as $tool => $r) {
        printf("| %s | %.2f | %.1f | %.2f | %.2f | %.2f | %d | %+.2f%% | %s | %s | %.1f |\n", $tool, $r['secs'],
            $in / 1e6 / max($r['secs'], 0.001), $ref['secs'] / max($r['secs'], 0.001),
            $r['cpu'], $ref['cpu'] / max($r['cpu'], 0.001), $r['size'],
            100 * ($r['size'] - $ref['size']) / $ref['size'],
            $r['meta'] ? (string) $r['meta'] : '',
            $r['meta'] ? sprintf('%+.2f%%', 100 * ($r['size'] - $r['meta'] - $ref['size']) / $ref['size']) : '',
            $r['rss'] / 1024);
    }
    echo "\n";
}

// Where bjlg's time goes: close()'s stages (Writer summary `stages`) of the runs above. The
// calling thread's stages and PHP's own start-up and teardown add up to the wall time;
// `deflate` is the workers' busy time added up (the work that more threads share out).
$profile = [];
foreach (file($stages_tsv, FILE_IGNORE_NEW_LINES) as $line) {
    [$set, $tool, $secs, $json] = explode("\t", $line, 4);
    $profile[$set][$tool] = ['wall' => (float) $secs] + json_decode($json, true);
}
$caller = ['scan', 'read', 'hash', 'wait', 'write', 'verify', 'sync'];
echo "## Where bjlg's time goes (seconds)\n\n";
echo "Calling thread: scan, read (open, stat, read), hash (CRC-32, and SHA-256 on one thread; on\n";
echo "two or more, handing bytes to the hashing thread), wait (for the compression workers), write,\n";
echo "verify (read back), sync (fsync + rename); \"php\" is the process's wall time outside those\n";
echo "(start-up, teardown, bookkeeping). On other threads: deflate = the workers' busy time, added\n";
echo "up over the workers; checksum = the archive's SHA-256, read back while sync runs.\n\n";
echo "| tree | bjlg | wall | " . implode(' | ', $caller) . " | php | deflate (workers) | checksum (beside sync) |\n";
echo "|---|---|---:|" . str_repeat('---:|', count($caller) + 3) . "\n";
$cores = (int) shell_exec('nproc');
$floors = [];
foreach ($profile as $set => $tools) {
    foreach ($tools as $tool => $p) {
        $cells = array_map(fn ($k) => sprintf('%.3f', $p[$k]), $caller);
        $php = $p['wall'] - array_sum(array_map(fn ($k) => $p[$k], $caller));
        printf("| %s | %s | %.2f | %s | %.3f | %.3f | %.3f |\n", $set, preg_replace('/^bjlg level 6, /', '', $tool),
            $p['wall'], implode(' | ', $cells), max($php, 0), $p['deflate'], $p['checksum']);
        // The least wall time compression alone allows: all of it shared out over the cores.
        $floors[$set] = min($floors[$set] ?? INF, $p['deflate'] / $cores);
    }
}
echo "\n";
foreach ($floors as $set => $floor) {
    $za6 = $rows[$set]['ZipArchive level 6']['secs'];
    $best = min(array_map(fn ($t) => $t['wall'], $profile[$set]));
    printf("%s: deflating at level 6 takes at least %.2f s of CPU; on %d cores that is %.2f s of wall\n" .
        "time at the very least, which caps bjlg at %.1fx ZipArchive level 6 here before any reading,\n" .
        "hashing or writing (measured: %.1fx).\n\n", $set, $floor * $cores, $cores, $floor, $za6 / $floor, $za6 / $best);
}
