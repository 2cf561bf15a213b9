--TEST--
bjlg CLI conventions, help: every command (not a group) takes --quiet and --no-color, and every command that prints rows takes --format=table|json|csv|yaml and --fields listing its fields; all of it in `bjlg help CMD` and `bjlg CMD --help`, generated from the one definition
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip spawns many bjlg processes, too slow under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
require getenv('BJLG_SOURCE_DIR') . '/cli/CommandLine.php';
use Bjlg\Cli\CommandLine;
use Bjlg\Cli\Commands;

// The commands that print rows, and their fields: what a user can pick with --fields.
$rows = [
    'list' => 'name, size, compressed_size, method, crc, mtime, mode, is_dir, is_symlink',
    'quota' => 'name, type, used_bytes, quota_bytes, free_bytes, latency_ms, errors, error_codes, object_count, source, quota_source, collected_at',
    'purge' => 'destination, archive, size, time, reason, outcome',
    'cron preview' => 'at, timestamp',
    'cron check' => 'name, expression, timezone, duration, valid, normalized, description, next_runs, warnings, min_interval, runs_per_day, errors',
    'sla forecast' => 'destination, model, samples_used, current_used_bytes, quota_bytes, current_ratio, growth_bytes_per_day, threshold_bytes, threshold_at, threshold_at_low, threshold_at_high, full_at, days_to_threshold, risk_level',
    'sla plan' => 'rank, code, destination, bytes, days_gained, message_en, message_fr',
    'notify test' => 'status, attempts, http_code, error_code, error, latency_ms, channel, type',
    'notify send' => 'status, attempts, http_code, error_code, error, latency_ms, channel, type',
    'notify incident' => 'status, attempts, http_code, error_code, error, latency_ms, channel, type',
];
$commands = ['cron next', 'cron preview', 'cron describe', 'cron check', 'backup', 'list', 'extract', 'keygen', 'encrypt',
    'decrypt', 'inspect', 'verify', 'restore-test', 'quota', 'purge', 'sla forecast', 'sla plan', 'sla purge',
    'sla objectives', 'sla report', 'watch', 'notify test', 'notify send', 'notify incident', 'version'];

$bad = [];
foreach ($commands as $path) {
    $words = explode(' ', $path);
    foreach ([['help', ...$words], [...$words, '--help']] as $args) {
        [$code, $out] = bjlg_cli(...$args);
        $text = preg_replace('/\s+/', ' ', $out);  // a long description is wrapped
        $want = [' --quiet ', ' --no-color '];
        if (isset($rows[$path])) {
            $want[] = ' --format=FORMAT output format (one of: table, json, csv, yaml;';
            $want[] = ' --fields=F,... only these fields, in this order, in every format: ' . $rows[$path] . ' ';
        }
        foreach ($want as $w) {
            if ($code !== 0 || !str_contains($text, $w)) {
                $bad[] = implode(' ', $args) . " (exit $code): no '" . trim($w) . "'";
            }
        }
    }
    // The parser takes them (the definition is the parser's too).
    try {
        CommandLine::parse($path, ['--quiet', '--no-color', ...(isset($rows[$path]) ? ['--fields=' . strtok($rows[$path], ',')] : [])]);
    } catch (Bjlg\Cli\UsageError $e) {
        $bad[] = "parse $path: " . $e->getMessage();
    }
}
echo count($commands), " commands: ", $bad === [] ? "--quiet and --no-color everywhere, --format and --fields where rows are printed\n" : "\n" . implode("\n", $bad) . "\n";

// The commands whose definition lists fields are exactly those above.
$defined = array_keys(array_filter(Commands::all(), fn ($d) => isset($d['fields'])));
sort($defined);
$expected = array_keys($rows);
sort($expected);
var_dump($defined === $expected);

// A command that prints no rows has no --fields; the main help names the global options.
[$code, , $err] = bjlg_cli('backup', '--fields=size', '--out', 'x.zip', 'src');
echo "backup --fields: exit $code, ", strtok($err, "\n"), "\n";
[$code, $main] = bjlg_cli('help');
$main = preg_replace('/\s+/', ' ', $main);
echo str_contains($main, 'Every command takes --quiet') && str_contains($main, '--no-color') && str_contains($main, '--fields=F,...')
    ? "main help: --quiet, --no-color, --fields\n" : $main;
?>
--EXPECT--
25 commands: --quiet and --no-color everywhere, --format and --fields where rows are printed
bool(true)
backup --fields: exit 2, bjlg: unknown option --fields for bjlg backup
main help: --quiet, --no-color, --fields
