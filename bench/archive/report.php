<?php
// Turns the bench's TSV measurements into bench/archive/RESULTS.md.
[, $results, $datasets, $threads] = $argv;
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
printf("Measured %s UTC on %d cores (%s), shared with other work; one run each, wall-clock\n", gmdate('Y-m-d H:i'), (int) shell_exec('nproc'), $cpu ?: 'unknown CPU');
echo "time and peak RSS from `/usr/bin/time`, every output checked with `unzip -t`. Command:\n";
echo "`bash bench/archive/run.sh` (BENCH_MEDIA_MB, BENCH_THREADS; see the script's header).\n";
echo "Throughput = input bytes / wall time. \"vs ZA-6\" compares with ZipArchive at level 6, one\n";
echo "entry per file with all work at close(), the way the plugin writes. CPU = user + system\n";
echo "seconds: on a machine shared with other work, wall time depends on what else runs, CPU\n";
echo "time much less. \"bjlg index\" is what bjlg adds that the others do not write: the compressed\n";
echo "backup-index.json (a SHA-256 per file) and backup-manifest.json with their headers; \"size vs\n";
echo "ZA-6\" counts it, \"w/o index\" does not. bjlg's times include fsync and verification.\n\n";
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
