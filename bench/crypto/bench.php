<?php
/*
 * bench/crypto: encrypt and decrypt one file in both formats with bjlg, against the machine's
 * limit (`openssl speed`, measured in the same run) and against the plugin's own algorithm in
 * PHP userland with ext/openssl (bjlgenc1_userland.php). Two views of the same work:
 *  - the chunk engine memory to memory (build/core/bjlg_crypto_engine_bench), which is what the
 *    cipher limit bounds;
 *  - file to file through PHP in WORK_DIR, which the file system bounds as well: the same run
 *    measures a plain copy there (read, write, fsync) as that I/O limit.
 *   php -d extension=modules/bjlg.so bench/crypto/bench.php [SIZE_MB=1024] [WORK_DIR=/dev/shm]
 * Prints Markdown tables; bench/crypto/run.sh stores them in bench/crypto/RESULTS.md.
 */
require __DIR__ . '/bjlgenc1_userland.php';

use Bjlg\Crypto\{Cipher, Key};

$mb = (int) ($argv[1] ?? 1024);
$workDir = $argv[2] ?? (is_dir('/dev/shm') ? '/dev/shm' : sys_get_temp_dir());
$dir = $workDir . '/bjlg-bench-crypto-' . getmypid();
mkdir($dir, 0700);
$plain = "$dir/archive.zip";
$chunk = random_bytes(1 << 20);
$h = fopen($plain, 'wb');
for ($i = 0; $i < $mb; $i++) {
    fwrite($h, $chunk);
}
fclose($h);
$bytes = $mb << 20;
$cores = (int) trim((string) shell_exec('nproc')) ?: 1;

/* openssl speed -evp ALG at 16 KiB blocks, single core, in MB/s. */
function openssl_limit(string $alg): float
{
    $out = (string) shell_exec("openssl speed -evp $alg -bytes 16384 -seconds 2 2>/dev/null");
    if (!preg_match('/^' . preg_quote($alg, '/') . '\s+([0-9.]+)k/mi', $out, $m)) {
        return 0.0;
    }
    return (float) $m[1] * 1000 / 1e6;  // "k" = 1000 bytes per second
}

/* Best of three runs, in seconds: the machine is shared, the best run is the least disturbed. */
function timed(callable $f, ?string $output = null): float
{
    $best = INF;
    for ($i = 0; $i < 3; $i++) {
        // The previous run's output is removed first, untimed: on a memory file system, freeing
        // a replaced 1 GB file would otherwise be charged to the run that replaces it.
        if ($output !== null) {
            @unlink($output);
        }
        $t = hrtime(true);
        $f();
        $best = min($best, (hrtime(true) - $t) / 1e9);
    }
    return $best;
}

/* What any tool writing the output pays: read, write, fsync. */
function plain_copy(string $from, string $to): void
{
    $in = fopen($from, 'rb');
    $out = fopen($to, 'wb');
    stream_copy_to_stream($in, $out);
    fsync($out);
    fclose($out);
    fclose($in);
}

$gcm = openssl_limit('aes-256-gcm');
$cbc = openssl_limit('aes-256-cbc');
$key = Key::generate();
$raw = base64_decode($key->toString(), true);
$rows = [];
$mbps = fn(float $s) => $bytes / $s / 1e6;

$io = $mbps(timed(fn() => plain_copy($plain, "$dir/copy"), "$dir/copy"));
unlink("$dir/copy");
$disk = sys_get_temp_dir();
$diskIo = null;
if (realpath($disk) !== realpath($workDir)) {
    $diskIo = $mbps(timed(fn() => plain_copy($plain, "$disk/bjlg-bench-copy-" . getmypid()), "$disk/bjlg-bench-copy-" . getmypid()));
    unlink("$disk/bjlg-bench-copy-" . getmypid());
}
$runs = [
    ['bjlg (AES-256-GCM), all cores', fn() => Cipher::encryptFile($plain, "$dir/a.bjlg", $key), fn() => Cipher::decryptFile("$dir/a.bjlg", "$dir/out", $key), $gcm * $cores, 'GCM × cores', "$dir/a.bjlg"],
    ['bjlg (AES-256-GCM), 1 thread', fn() => Cipher::encryptFile($plain, "$dir/a.bjlg", $key, ['threads' => 1]), fn() => Cipher::decryptFile("$dir/a.bjlg", "$dir/out", $key, ['threads' => 1]), $gcm, 'GCM × 1', "$dir/a.bjlg"],
    ['bjlg verify only, all cores', null, fn() => Cipher::verifyFile("$dir/a.bjlg", $key), $gcm * $cores, 'GCM × cores', null],
    ['bjlgenc1 (bjlg.so)', fn() => Cipher::encryptFile($plain, "$dir/a.enc", $key, ['format' => 'bjlgenc1']), fn() => Cipher::decryptFile("$dir/a.enc", "$dir/out", $key), $cbc, 'CBC × 1', "$dir/a.enc"],
    ['bjlgenc1 (PHP userland, the plugin)', fn() => bjlg_userland_encrypt($plain, "$dir/u.enc", $raw), fn() => bjlg_userland_decrypt("$dir/u.enc", "$dir/out", $raw), $cbc, 'CBC × 1', "$dir/u.enc"],
];
$engine = dirname(__DIR__, 2) . '/build/core/bjlg_crypto_engine_bench';
if (is_executable($engine)) {
    echo "Chunk engine, memory to memory (no file system):\n\n";
    echo "| $mb MiB, $cores cores | seal MB/s | open MB/s | limit (openssl speed) | seal / limit | open / limit |\n";
    echo "|---|---|---|---|---|---|\n";
    foreach ([1, $cores] as $threads) {
        $row = trim((string) shell_exec(escapeshellarg($engine) . " $mb $threads"));
        if (!preg_match('/\| (\d+) \| (\d+) \|$/', $row, $m)) {
            fwrite(STDERR, "engine bench failed: $row\n");
            exit(1);
        }
        $limit = $gcm * $threads;
        printf("%s %.0f (GCM × %d) | %.0f%% | %.0f%% |\n", $row, $limit, $threads, 100 * $m[1] / $limit, 100 * $m[2] / $limit);
    }
    $row = trim((string) shell_exec(escapeshellarg($engine) . " --bjlgenc1 $mb"));
    if (!preg_match('/\| (\d+) \| (\d+) \|$/', $row, $m)) {
        fwrite(STDERR, "engine bench failed: $row\n");
        exit(1);
    }
    printf("%s %.0f (CBC × 1) | %.0f%% | %.0f%% |\n", $row, $cbc, 100 * $m[1] / $cbc, 100 * $m[2] / $cbc);
    echo "\nFile to file in $workDir, through PHP:\n\n";
}
echo "| $mb MiB, $cores cores | encrypt MB/s | decrypt MB/s | limit (openssl speed) | encrypt / limit | decrypt / limit |\n";
echo "|---|---|---|---|---|---|\n";
foreach ($runs as [$label, $enc, $dec, $limit, $limitLabel, $encOut]) {
    $e = $enc ? $mbps(timed($enc, $encOut)) : null;
    $d = $mbps(timed($dec, "$dir/out"));
    @unlink("$dir/out");
    printf("| %s | %s | %.0f | %.0f (%s) | %s | %.0f%% |\n", $label, $e === null ? '-' : sprintf('%.0f', $e), $d,
           $limit, $limitLabel, $e === null ? '-' : sprintf('%.0f%%', 100 * $e / $limit), 100 * $d / $limit);
}
printf("\nI/O limit in %s: a plain copy (read, write, fsync) runs at %.0f MB/s.\n", $workDir, $io);
if ($diskIo !== null) {
    printf("On disk (%s) the same copy runs at %.0f MB/s: there, every file-to-file line above is bound by it.\n", $disk, $diskIo);
}
printf("\nopenssl speed -evp (16 KiB blocks, 1 core): aes-256-gcm %.0f MB/s, aes-256-cbc %.0f MB/s\n", $gcm, $cbc);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
