<?php
// Runs every ```php and ```sh block of README.md and docs/*.md, so that the docs stay true.
// Each Markdown file gets its own scratch folder (its blocks run in order there and may use what
// the previous ones wrote), with bin/, cli/, docs/ and modules/ linked in and `bjlg` on PATH.
// A block that must not run says so in its fence: ```sh no-run (with a reason in the text).
// A block fails on a non-zero exit status or on a PHP warning, notice or deprecation.
//   php scripts/run-doc-snippets.php [FILE.md ...]
declare(strict_types=1);

$root = dirname(__DIR__);
$module = "$root/modules/bjlg.so";
if (!is_file($module)) {
    fwrite(STDERR, "doc-snippets: $module is missing: run 'make build'\n");
    exit(1);
}
$files = array_slice($argv, 1) ?: array_merge(["$root/README.md"], glob("$root/docs/*.md"));

/** @return list<array{lang: string, line: int, code: string}> the blocks to run */
function snippets(string $file): array
{
    $blocks = [];
    $lines = file($file, FILE_IGNORE_NEW_LINES);
    for ($i = 0, $n = count($lines); $i < $n; $i++) {
        if (!preg_match('/^```(php|sh|bash)(\s+no-run)?\s*$/', $lines[$i], $m)) {
            continue;
        }
        $start = $i + 1;
        $code = [];
        for ($i++; $i < $n && !str_starts_with($lines[$i], '```'); $i++) {
            $code[] = $lines[$i];
        }
        if (empty($m[2])) {
            $blocks[] = ['lang' => $m[1], 'line' => $start, 'code' => implode("\n", $code) . "\n"];
        }
    }
    return $blocks;
}

function scratch(string $root, string $module): string
{
    $dir = sys_get_temp_dir() . '/bjlg-doc-' . bin2hex(random_bytes(6));
    mkdir("$dir/.path", 0700, true);
    foreach (['bin', 'cli', 'docs', 'modules', 'scripts'] as $link) {
        symlink("$root/$link", "$dir/$link");
    }
    $php = escapeshellarg(PHP_BINARY);
    file_put_contents("$dir/.path/bjlg", "#!/bin/sh\nexec $php -n -d extension=" . escapeshellarg($module)
        . ' ' . escapeshellarg("$root/bin/bjlg") . " \"\$@\"\n");
    chmod("$dir/.path/bjlg", 0755);
    return $dir;
}

function run(string $dir, array $block, string $module): array
{
    $script = "$dir/.snippet";
    if ($block['lang'] === 'php') {
        $code = str_starts_with(ltrim($block['code']), '<?php') ? $block['code'] : "<?php\n" . $block['code'];
        file_put_contents($script, $code);
        $cmd = [PHP_BINARY, '-n', '-d', "extension=$module", '-d', 'error_reporting=E_ALL', '-d', 'display_errors=stderr', $script];
    } else {
        file_put_contents($script, "set -eo pipefail\n" . $block['code']);
        $cmd = ['bash', $script];
    }
    $env = ['PATH' => "$dir/.path:" . getenv('PATH'), 'HOME' => $dir, 'LC_ALL' => 'C.UTF-8'];
    foreach (['BJLG_SHARED_DIR', 'TMPDIR'] as $keep) {
        if (getenv($keep) !== false) $env[$keep] = getenv($keep);
    }
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir, $env);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($proc);
    return [$status, $out, $err];
}

$failed = 0;
$ran = 0;
foreach ($files as $file) {
    $blocks = snippets($file);
    if (!$blocks) continue;
    $dir = scratch($root, $module);
    foreach ($blocks as $block) {
        [$status, $out, $err] = run($dir, $block, $module);
        $ran++;
        $where = substr($file, strlen($root) + 1) . ':' . $block['line'];
        $php_noise = preg_match('/(Warning|Notice|Deprecated|Fatal error):/', $out . $err);
        if ($status !== 0 || $php_noise) {
            $failed++;
            echo "FAIL $where ({$block['lang']}, exit $status)\n";
            echo '  ' . str_replace("\n", "\n  ", rtrim($out . $err)) . "\n";
        }
    }
    exec('rm -rf ' . escapeshellarg($dir));
}
echo "doc-snippets: $ran run, $failed failed\n";
exit($failed ? 1 : 0);
