--TEST--
bjlg CLI conventions, rows: every command that prints rows takes --format=table|json|csv|yaml, and --fields=a,b gives only those fields, in that order, in every format, with the exit status it has without them; an unknown field is a usage error naming it and listing the fields
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip spawns many bjlg processes, too slow under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/conventions.inc.php';
$d = sys_get_temp_dir() . '/bjlg-phpt-cli-fields-' . getmypid();
$commands = conventions_fixture($d);
// Two fields of each command, not in the order the command has them.
$pick = ['list' => ['size', 'name'], 'quota' => ['used_bytes', 'name'], 'purge' => ['reason', 'archive'],
    'cron preview' => ['timestamp', 'at'], 'cron check' => ['errors', 'name'], 'sla forecast' => ['risk_level', 'destination'], 'sla plan' => ['code', 'rank'],
    'notify test' => ['channel', 'status'], 'notify send' => ['channel', 'status'], 'notify incident' => ['channel', 'status']];

/** What $out holds, read as $format: the fields of each row, or why it is not rows of $fields. */
function shape(string $format, string $out, array $fields): string
{
    [$a, $b] = $fields;
    $ok = match ($format) {
        'json' => is_array($j = json_decode($out, true)) && $j !== [] && array_is_list($j)
            && array_filter($j, fn ($row) => array_keys($row) !== $fields) === [],
        'yaml' => str_starts_with($out, "---\n-\n") && preg_match_all("/^-\n  $a: .*\n  $b: .*\n(?=-\n|$)/m", $out) === substr_count($out, "\n-\n"),
        'csv' => strtok($out, "\n") === "$a,$b" && substr_count($out, "\n") >= 2,
        'table' => (bool) preg_match('/^' . strtoupper($a) . ' +' . strtoupper($b) . "\n\S/", $out),
    };
    return $ok ? 'ok' : "not rows of $a,$b: $out";
}

foreach ($commands as $path => $args) {
    [$expected, $plain] = bjlg_cli(...$args());
    $results = [];
    foreach (['table', 'json', 'csv', 'yaml'] as $format) {
        [$code, $all, $err] = conventions_run($args, "--format=$format");
        [$code2, $out, $err2] = conventions_run($args, "--format=$format", '--fields=' . implode(',', $pick[$path]));
        $shape = shape($format, $out, $pick[$path]);
        $results[] = $code === $expected && $code2 === $expected && $all !== '' && $shape === 'ok'
            ? $format : "$format (exit $code/$code2 $err$err2, $shape)";
    }
    echo "$path (exit $expected): ", implode(' ', $results), "\n";
}

// Without --fields, table is each command's own layout (the default), csv has every field.
[, $csv] = conventions_run($commands['cron preview'], '--format=csv');
echo $csv;
[, $table] = bjlg_cli(...$commands['cron preview']());
echo $table;
[, $csv] = conventions_run($commands['purge'], '--format=csv', '--fields=archive,size,reason');
echo $csv;

// An unknown field: a usage error naming it and listing the fields, before anything is done.
foreach (['list', 'purge', 'notify test'] as $path) {
    [$code, $out, $err] = conventions_run($commands[$path], '--fields=name,bogus');
    echo "$path --fields=name,bogus: exit $code, ", $out === '' ? '' : "stdout $out", strtok($err, "\n"), "\n";
}
$bad = [];
foreach ($commands as $path => $args) {
    [$code, $out, $err] = conventions_run($args, '--format=csv', "--fields={$pick[$path][0]},bogus");
    if ($code !== 2 || $out !== '' || !preg_match("/unknown field 'bogus' for bjlg $path; the fields are: ({$pick[$path][0]}|\\w+), \\w+/", $err)) {
        $bad[] = "$path (exit $code): $err";
    }
}
echo $bad === [] ? 'every command refuses --fields=...,bogus' : implode("\n", $bad), "\n";
[$code, , $err] = conventions_run($commands['quota'], '--fields=');
echo "quota --fields=: exit $code, ", strtok($err, "\n"), "\n";
conventions_cleanup($d);
?>
--EXPECTF--
list (exit 0): table json csv yaml
quota (exit 0): table json csv yaml
purge (exit 0): table json csv yaml
cron preview (exit 0): table json csv yaml
cron check (exit 0): table json csv yaml
sla forecast (exit 0): table json csv yaml
sla plan (exit 0): table json csv yaml
notify test (exit 1): table json csv yaml
notify send (exit 1): table json csv yaml
notify incident (exit 1): table json csv yaml
at,timestamp
2026-01-02T00:00:00+00:00,1767312000
2026-01-03T00:00:00+00:00,1767398400
2026-01-02T00:00:00+00:00
2026-01-03T00:00:00+00:00
archive,size,reason
backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip,200,%s
backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip,100,%s
list --fields=name,bogus: exit 2, bjlg: unknown field 'bogus' for bjlg list; the fields are: name, size, compressed_size, method, crc, mtime, mode, is_dir, is_symlink
purge --fields=name,bogus: exit 2, bjlg purge: unknown field 'name' for bjlg purge; the fields are: destination, archive, size, time, reason, outcome
notify test --fields=name,bogus: exit 2, bjlg notify: unknown field 'name' for bjlg notify test; the fields are: status, attempts, http_code, error_code, error, latency_ms, channel, type
every command refuses --fields=...,bogus
quota --fields=: exit 2, bjlg quota: --fields needs field names for bjlg quota; the fields are: name, type, used_bytes, quota_bytes, free_bytes, latency_ms, errors, error_codes, object_count, source, quota_source, collected_at
