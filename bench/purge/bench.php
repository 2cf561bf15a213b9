<?php
// bench/purge, the bjlg side: Bjlg\Remote\Purge::plan() then Purge::run() with keep_last 1 on an
// s3rver bucket seeded by s3.py (COUNT archives at the bucket's root), timed separately.
// Usage: php -d extension=modules/bjlg.so bench/purge/bench.php ENDPOINT BUCKET COUNT T0 PARALLEL BATCH
// Prints one line: plan_s run_s first_s last_s listed delete keep foreign deleted already_gone failed
// kept_name (first_s, last_s: when run() reported its first and last deletion, from its start)
[, $endpoint, $bucket, $count, $t0, $parallel, $batch] = $argv;
$count = (int) $count;
$t0 = (int) $t0;

$destinations = [[
    'name' => 's3', 'type' => 's3', 'endpoint' => $endpoint, 'bucket' => $bucket,
    'access_key' => 'S3RVER', 'secret_key' => 'S3RVER', 'region' => 'us-east-1',
    'path_style' => true,
]];
$transfer = ['allow_private_network' => true];

$start = hrtime(true);
$plan = Bjlg\Remote\Purge::plan($destinations, ['keep_last' => 1], $transfer);
$planS = (hrtime(true) - $start) / 1e9;
$d = $plan['destinations']['s3'];
if (!$d['ok']) {
    fwrite(STDERR, "bench/purge: plan failed: " . json_encode($d['error']) . "\n");
    exit(1);
}

// The progress reports split run() in two: its listing and checks until the first deletion is
// reported (phase "purge"), then the deletions until the last one.
$first = $last = null;
$progress = function (array $r) use (&$first, &$last): bool {
    if (($r['phase'] ?? '') === 'purge') {
        $first ??= hrtime(true);
        $last = hrtime(true);
    }
    return true;
};
$start = hrtime(true);
$result = Bjlg\Remote\Purge::run($plan, $transfer + [
    'destinations' => $destinations, 'parallel' => (int) $parallel, 'batch_size' => (int) $batch,
    'progress' => $progress,
]);
$end = hrtime(true);
$runS = ($end - $start) / 1e9;
$toFirstS = $first === null ? -1 : ($first - $start) / 1e9;
$lastS = $last === null ? -1 : ($last - $start) / 1e9;

if ($result['failed'] > 0) {
    $why = [];
    foreach ($result['events'] as $e) {
        if (!in_array($e['outcome'], ['deleted', 'already_gone'], true)) {
            $k = $e['outcome'] . ' ' . $e['error_code'] . ': ' . $e['message'];
            $why[$k] = ($why[$k] ?? 0) + 1;
        }
    }
    fwrite(STDERR, "bench/purge: " . $result['failed'] . " deletions failed: "
        . json_encode($result['destinations']['s3']['error'] ?? null) . ' ' . json_encode($why) . "\n");
}

// The archive keep_last 1 keeps: index 0 of s3.py's names(), the newest.
$kept = sprintf('backup-full-%s-%013x.zip', gmdate('Y-m-d-H-i-s', $t0), 0);
$planKept = array_column($d['keep'], 'name');
if ($planKept !== [$kept]) {
    fwrite(STDERR, "bench/purge: the plan keeps " . json_encode($planKept) . ", not $kept\n");
    exit(1);
}
printf("%.3f %.3f %.3f %.3f %d %d %d %d %d %d %d %s\n", $planS, $runS, $toFirstS, $lastS, $d['listed'] ?? -1, count($d['delete']),
    count($d['keep']), count($d['foreign']), $result['deleted'], $result['already_gone'], $result['failed'], $kept);
