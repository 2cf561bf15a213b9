<?php
/*
 * bench/crypto: encrypt and decrypt one file in both formats with bjlg, against the machine's
 * limit (`openssl speed`, measured in the same run) and against the plugin's own algorithm in
 * PHP userland with ext/openssl (bjlgenc1_userland.php).
 *   php -d extension=modules/bjlg.so bench/crypto/bench.php [SIZE_MB=1024] [WORK_DIR=/tmp]
 * Prints a Markdown table; bench/crypto/run.sh stores it in bench/crypto/RESULTS.md.
 */
require __DIR__ . '/bjlgenc1_userland.php';

use Bjlg\Crypto\{Cipher, Key};

$mb = (int) ($argv[1] ?? 1024);
$dir = ($argv[2] ?? sys_get_temp_dir()) . '/bjlg-bench-crypto-' . getmypid();
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

/* Best of two runs, in seconds: the machine is shared, the best run is the least disturbed. */
function timed(callable $f): float
{
    $best = INF;
    for ($i = 0; $i < 2; $i++) {
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

$io = $mbps(timed(fn() => plain_copy($plain, "$dir/copy")));
unlink("$dir/copy");
$runs = [
    ['bjlg (AES-256-GCM), all cores', fn() => Cipher::encryptFile($plain, "$dir/a.bjlg", $key), fn() => Cipher::decryptFile("$dir/a.bjlg", "$dir/out", $key), $gcm * $cores, 'GCM × cores'],
    ['bjlg (AES-256-GCM), 1 thread', fn() => Cipher::encryptFile($plain, "$dir/a.bjlg", $key, ['threads' => 1]), fn() => Cipher::decryptFile("$dir/a.bjlg", "$dir/out", $key, ['threads' => 1]), $gcm, 'GCM × 1'],
    ['bjlg verify only, all cores', null, fn() => Cipher::verifyFile("$dir/a.bjlg", $key), $gcm * $cores, 'GCM × cores'],
    ['bjlgenc1 (bjlg.so)', fn() => Cipher::encryptFile($plain, "$dir/a.enc", $key, ['format' => 'bjlgenc1']), fn() => Cipher::decryptFile("$dir/a.enc", "$dir/out", $key), $cbc, 'CBC × 1'],
    ['bjlgenc1 (PHP userland, the plugin)', fn() => bjlg_userland_encrypt($plain, "$dir/u.enc", $raw), fn() => bjlg_userland_decrypt("$dir/u.enc", "$dir/out", $raw), $cbc, 'CBC × 1'],
];
echo "| $mb MiB, $cores cores | encrypt MB/s | decrypt MB/s | limit (openssl speed) | encrypt / limit | decrypt / limit |\n";
echo "|---|---|---|---|---|---|\n";
foreach ($runs as [$label, $enc, $dec, $limit, $limitLabel]) {
    $e = $enc ? $mbps(timed($enc)) : null;
    $d = $mbps(timed($dec));
    @unlink("$dir/out");
    printf("| %s | %s | %.0f | %.0f (%s) | %s | %.0f%% |\n", $label, $e === null ? '-' : sprintf('%.0f', $e), $d,
           $limit, $limitLabel, $e === null ? '-' : sprintf('%.0f%%', 100 * $e / $limit), 100 * $d / $limit);
}
printf("\nI/O limit on this machine: a plain copy with fsync (read, write, fsync) runs at %.0f MB/s.\n", $io);
printf("\nopenssl speed -evp (16 KiB blocks, 1 core): aes-256-gcm %.0f MB/s, aes-256-cbc %.0f MB/s\n", $gcm, $cbc);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
