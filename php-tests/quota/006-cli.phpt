--TEST--
cli/QuotaCommand.php: bjlg quota --config FILE [--format json], table, exit codes, usage errors
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../../cli/QuotaCommand.php';
use Bjlg\Cli\QuotaCommand;

function run(array $argv): void
{
    $out = fopen('php://memory', 'w+');
    $err = fopen('php://memory', 'w+');
    $status = (new QuotaCommand($out, $err))->run($argv);
    rewind($out);
    rewind($err);
    echo "exit $status\n", stream_get_contents($out), stream_get_contents($err);
}

$yaml = tempnam(sys_get_temp_dir(), 'bjlg-quota-cli');
file_put_contents($yaml, "destinations:\n  - {name: root, type: local, path: /, quota_bytes: 1099511627776}\n"
    . "  - {name: gone, type: local, path: /nonexistent/bjlg}\n");

ob_start();
run(['--config', $yaml]);
$table = ob_get_clean();
$lines = explode("\n", $table);
echo $lines[0], "\n";
var_dump((bool) preg_match('/^NAME +USED +QUOTA +FREE +% USED +LATENCY +ERROR$/', $lines[1]));
var_dump((bool) preg_match('/^root +[0-9.]+ [KMGT]iB +1\.0 TiB +[0-9.]+ [KMGT]iB +[0-9.]+% +\d+ ms$/', $lines[2]));
var_dump((bool) preg_match('/^gone +- +- +- +- +\d+ ms +\[not_found\] statvfs \/nonexistent\/bjlg: No such file or directory$/', $lines[3]));

ob_start();
run(["--config=$yaml", '--format=json', '--timeout-ms', '5000']);
$json = ob_get_clean();
[$status, $body] = explode("\n", $json, 2);
echo $status, "\n";
$decoded = json_decode($body, true);
var_dump(array_column($decoded, 'name'), $decoded[0]['quota_bytes'], $decoded[1]['error_codes']);

file_put_contents($yaml, "- {name: root, type: local, path: /}\n");
run(['--config', $yaml, '--format', 'json']) ;
unlink($yaml);

run([]);
run(['--config']);
run(['--config', 'x.yaml', '--format', 'xml']);
run(['--config', 'x.yaml', '--retries', 'many']);
run(['--bogus', '1']);
run(['--config', '/nonexistent/bjlg.yaml']);
ob_start();
run(['--help']);
echo strtok(ob_get_clean(), "\n"), "\n";
echo Bjlg\Cli\Cli::bytes(0), " ", Bjlg\Cli\Cli::bytes(1536), " ", Bjlg\Cli\Cli::bytes(5 * 1024 ** 3), "\n";
?>
--EXPECTF--
exit 1
bool(true)
bool(true)
bool(true)
exit 1
array(2) {
  [0]=>
  string(4) "root"
  [1]=>
  string(4) "gone"
}
int(1099511627776)
array(1) {
  [0]=>
  string(9) "not_found"
}
exit 0
[
    {
        "name": "root",
%a
    }
]
exit 2
bjlg quota: --config FILE is required
Run 'bjlg help quota' for usage.
exit 2
bjlg quota: option --config needs a value
Run 'bjlg help quota' for usage.
exit 2
bjlg quota: --format must be one of table, json, csv, yaml, not 'xml'
Run 'bjlg help quota' for usage.
exit 2
bjlg quota: --retries must be an integer from 0 to 10, not 'many'
Run 'bjlg help quota' for usage.
exit 2
bjlg quota: unknown option --bogus for bjlg quota
Run 'bjlg help quota' for usage.
exit 2
bjlg quota: cannot open destinations file /nonexistent/bjlg.yaml: No such file or directory
exit 0
0 B 1.5 KiB 5.0 GiB
