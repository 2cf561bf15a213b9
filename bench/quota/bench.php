<?php
// Called by bench/quota/run.sh with the base URL of fake_providers.py.
declare(strict_types=1);

use Bjlg\Quota\Collector;

$base = $argv[1];
$options = ['test_endpoints' => true, 'timeout_ms' => 60000];
$types = ['dropbox', 'onedrive', 'gdrive', 'pcloud'];
$destinations = [];
for ($i = 0; $i < 8; $i++) {
    $type = $types[$i % 4];
    $destinations[] = ['name' => "$type-$i", 'type' => $type, 'access_token' => 'static-token',
        'api_base_url' => "$base/slow"];
}

function check(array $results): void
{
    foreach ($results as $r) {
        if ($r['errors'] !== []) {
            fwrite(STDERR, "bench: {$r['name']}: " . implode('; ', $r['errors']) . "\n");
            exit(1);
        }
    }
}

// Warm-up (connection set-up, first-call costs), then the median of 5 rounds of each.
check(Collector::collect($destinations, $options));
$concurrent = $sequential = $slowest = [];
for ($round = 0; $round < 5; $round++) {
    $t = hrtime(true);
    $results = Collector::collect($destinations, $options);
    $concurrent[] = (hrtime(true) - $t) / 1e6;
    check($results);
    $slowest[] = max(array_column($results, 'latency_ms'));
    $t = hrtime(true);
    foreach ($destinations as $d) {
        check(Collector::collect([$d], $options));
    }
    $sequential[] = (hrtime(true) - $t) / 1e6;
}
function median(array $v): float
{
    sort($v);
    return $v[intdiv(count($v), 2)];
}
$c = median($concurrent);
$s = median($sequential);
$w = median($slowest);
echo "## 8 destinations, 200 ms added to every answer\n\n";
echo "| how | total (median of 5) | vs the slowest destination |\n|---|---:|---:|\n";
printf("| one collect() of all 8 (concurrent) | %.0f ms | %.2fx |\n", $c, $c / $w);
printf("| 8 collect() calls, one after the other | %.0f ms | %.2fx |\n", $s, $s / $w);
printf("\nSlowest single destination inside the concurrent call: %.0f ms. Concurrent is %.1fx faster than\n"
    . "one after the other; the issue's target is a total under 1.5x the slowest.\n", $w, $s / $c);

// Listing throughput: 100,000 objects in pages of 1,000.
$rss_before = memory_rss_kib();
$t = hrtime(true);
$r = Collector::collect([['name' => 'big', 'type' => 's3', 'endpoint' => "$base/synth-s3", 'bucket' => 'big',
    'access_key' => 'AK', 'secret_key' => 'SK', 'path_style' => true]], $options)['big'];
$ms = (hrtime(true) - $t) / 1e6;
check([$r]);
$rss_after = memory_rss_kib();
echo "\n## Listing a 100,000-object S3 bucket (100 ListObjectsV2 pages of 1,000)\n\n";
echo "| client | objects | bytes | time | objects/s | peak RSS of the process |\n|---|---:|---:|---:|---:|---:|\n";
printf("| bjlg (streaming expat parse) | %d | %d | %.0f ms | %.0f | %d MiB (%d MiB before listing) |\n",
    $r['object_count'], $r['used_bytes'], $ms, $r['object_count'] / ($ms / 1000), $rss_after / 1024, $rss_before / 1024);

function memory_rss_kib(): int
{
    // Peak resident set size of this process (VmHWM), in KiB.
    preg_match('/^VmHWM:\s+(\d+) kB/m', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}
