<?php
// Bjlg\Remote\Purge against real servers on loopback, started by tests/quota/run-integration.sh:
// s3rver behind the SigV4-checking front, azurite (Shared Key), sabre/dav (Basic auth), a local
// folder, sshd, fake_providers.py's misbehaving S3 and its stateful hosted APIs (B2 native,
// Drive, Dropbox, OneDrive, pCloud in their documented shapes: fake_hosted.py). Each scenario seeds its own bucket, container
// or folder (tests/quota/servers/seed.py), plans, runs, and lists again to see what is left.
// Usage: php -d extension=modules/bjlg.so tests/purge/integration.php (with the BJLG_IT_* set).
declare(strict_types=1);

use Bjlg\Remote\Purge;
use Bjlg\Remote\Retention;

const NOW = 1796515200;  // 2026-12-04T00:00:00Z, the seeds' reference
const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

$failures = 0;
$checks = 0;
function check(bool $ok, string $what): void
{
    global $failures, $checks;
    $checks++;
    if (!$ok) {
        $failures++;
        fwrite(STDERR, "FAILED: $what\n");
    }
}

function env(string $name): string
{
    $v = getenv($name);
    if ($v === false || $v === '') {
        fwrite(STDERR, "purge-it: $name is not set (run tests/quota/run-integration.sh)\n");
        exit(2);
    }
    return $v;
}

function seed(string ...$args): void
{
    $cmd = '/usr/bin/python3 ' . escapeshellarg(__DIR__ . '/../quota/servers/seed.py');
    foreach ($args as $a) $cmd .= ' ' . escapeshellarg($a);
    exec($cmd . ' 2>&1', $out, $status);
    if ($status !== 0) {
        fwrite(STDERR, "purge-it: seeding failed: " . implode("\n", $out) . "\n");
        exit(2);
    }
}

function port(string $url): string
{
    return (string) parse_url($url, PHP_URL_PORT);
}

function s3(string $name, string $bucket): array
{
    return ['name' => $name, 'type' => 's3', 'endpoint' => env('BJLG_IT_S3'), 'bucket' => $bucket,
            'access_key' => 'S3RVER', 'secret_key' => 'S3RVER', 'region' => 'us-east-1', 'path_style' => true,
            'page_size' => 100];
}

function names(array $entries): array
{
    $n = array_column($entries, 'name');
    sort($n);
    return $n;
}

$options = ['now' => NOW + 60, 'allow_private_network' => true, 'retry_base_ms' => 200, 'timeout_ms' => 60000];
$policy = ['keep_daily' => 7, 'keep_weekly' => 4, 'keep_monthly' => 3, 'min_keep' => 3, 'timezone' => 'UTC'];

// 1. Four destinations at once, hundreds of archives each, incremental chains, foreign files.
$scratch = sys_get_temp_dir() . '/bjlg-purge-it-' . getmypid();
@mkdir($scratch);
seed('purge-s3', port(env('BJLG_IT_S3_RAW')), 'purge-all', '120');
seed('purge-azure', port(env('BJLG_IT_AZURE')), 'purge-all', '90');
seed('purge-dir', env('BJLG_IT_DAV_ROOT') . '/purge', '60');
seed('purge-dir', "$scratch/local", '40');
$destinations = [
    s3('s3', 'purge-all'),
    ['name' => 'azure', 'type' => 'azure', 'endpoint' => env('BJLG_IT_AZURE'), 'account' => 'devstoreaccount1',
     'container' => 'purge-all', 'key' => AZURE_KEY, 'page_size' => 100],
    ['name' => 'dav', 'type' => 'webdav', 'url' => env('BJLG_IT_DAV') . '/purge/', 'username' => 'backup',
     'password' => 's3cret-dav'],
    ['name' => 'local', 'type' => 'local', 'path' => "$scratch/local"],
];
$t = microtime(true);
$plan = Purge::plan($destinations, $policy, $options);
$planSeconds = microtime(true) - $t;
$expected = ['s3' => 120, 'azure' => 90, 'dav' => 60, 'local' => 40];
foreach ($expected as $name => $days) {
    $d = $plan['destinations'][$name];
    check($d['ok'] === true, "$name: plan listed (" . json_encode($d['error']) . ")");
    check($d['listed'] === 3 * $days + 3, "$name: listed " . $d['listed'] . ", expected " . (3 * $days + 3));
    check(names($d['foreign']) === ['backup-full-partial.zip.part', 'notes.txt', 'restore-upload.tmp'], "$name: the 3 foreign files");
    // The plan is the retention engine's verdict on the listing.
    $listing = array_map(fn ($a) => ['name' => $a['name'], 'size' => $a['size']],
        array_merge($d['delete'], $d['keep'], $d['foreign']));
    $ref = Retention::evaluate($listing, $policy, ['now' => NOW + 60]);
    check(names($ref['delete']) === names($d['delete']), "$name: plan = Retention::evaluate");
    // A kept incremental keeps its full and the incrementals before it.
    $kept = array_flip(names($d['keep']));
    foreach ($d['keep'] as $k) {
        if ($k['kind'] === 'incremental') {
            check(isset($kept[$k['chain']]), "$name: {$k['chain']} kept for {$k['name']}");
        }
    }
    check(count($d['delete']) > 3 * $days - 60, "$name: most archives go (" . count($d['delete']) . ")");
}
$t = microtime(true);
$run = Purge::run($plan, $options + ['destinations' => $destinations]);
$runSeconds = microtime(true) - $t;
check($run['failed'] === 0, 'every deletion succeeded: ' . json_encode(array_filter(array_column($run['events'], 'message'))));
check($run['deleted'] === $plan['totals']['delete'], "deleted {$run['deleted']} = planned {$plan['totals']['delete']}");
check(count($run['events']) === $plan['totals']['delete'], 'one event per archive and destination');
$s3Attempts = array_sum(array_map(fn ($e) => $e['destination'] === 's3' ? 1 : 0, $run['events']));
check($s3Attempts === count($plan['destinations']['s3']['delete']), 's3 events');
$after = Purge::plan($destinations, $policy, $options);
foreach ($expected as $name => $_) {
    $d = $after['destinations'][$name];
    check($d['delete'] === [], "$name: nothing left to delete after the run");
    check(names($d['keep']) === names($plan['destinations'][$name]['keep']), "$name: every kept archive is still there");
    check(count($d['foreign']) === 3, "$name: foreign files untouched");
}
printf("purge-it: 4 destinations, %d archives listed, %d deleted: plan %.2f s, run %.2f s\n",
    array_sum(array_column($plan['destinations'], 'listed')), $run['deleted'], $planSeconds, $runSeconds);

// 2. A listing that fails on page 3: nothing planned there; the other destination proceeds.
seed('purge-dir', "$scratch/second", '10');
$flaky = ['name' => 'flaky', 'type' => 's3', 'endpoint' => env('BJLG_IT_FAKE') . '/purge-s3', 'bucket' => 'page3fail',
          'access_key' => 'k', 'secret_key' => 'secret-never-shown', 'path_style' => true, 'page_size' => 50];
$pair = [$flaky, ['name' => 'second', 'type' => 'local', 'path' => "$scratch/second"]];
$plan = Purge::plan($pair, ['keep_last' => 2], $options + ['retries' => 1]);
check($plan['destinations']['flaky']['ok'] === false, 'page 3 failed: flaky not planned');
check($plan['destinations']['flaky']['delete'] === [], 'flaky: nothing to delete');
check(str_contains($plan['destinations']['flaky']['error']['message'], 'HTTP 500'), 'flaky: the error says HTTP 500');
check(!str_contains(json_encode($plan), 'secret-never-shown'), 'no secret in the plan');
$run = Purge::run($plan, $options + ['destinations' => $pair]);
$planned = count($plan['destinations']['second']['delete']);
check($planned === 27, "second: 27 planned (keep_last 2 keeps the newest incremental's chain of 3): $planned");
check($run['deleted'] === $planned && $run['failed'] === 0, "second: all deleted ({$run['deleted']})");
$state = json_decode(file_get_contents(env('BJLG_IT_FAKE') . '/purge-s3-state/page3fail'), true);
check(count($state) === 150, 'flaky: nothing deleted');

// 3. A listing that fails at run time: that destination deletes nothing.
$once = ['name' => 'once', 'bucket' => 'listonce'] + $flaky;
$plan = Purge::plan([$once], ['keep_last' => 10], $options + ['retries' => 0]);
check(count($plan['destinations']['once']['delete']) === 140, 'listonce: planned 140');
$run = Purge::run($plan, $options + ['destinations' => [$once], 'retries' => 0]);
check($run['deleted'] === 0 && $run['failed'] === 140, 'listonce: the run lists again, fails, deletes nothing');
check($run['destinations']['once']['error']['code'] === 'protocol', 'listonce: protocol error');
check(count(json_decode(file_get_contents(env('BJLG_IT_FAKE') . '/purge-s3-state/listonce'), true)) === 150,
    'listonce: all 150 still there');

// 4. 429 with Retry-After on DeleteObjects: retried, counted in attempts.
$throttle = ['name' => 'throttle', 'bucket' => 'throttle'] + $flaky;
$plan = Purge::plan([$throttle], ['keep_last' => 100], $options);
$t = microtime(true);
$run = Purge::run($plan, $options + ['destinations' => [$throttle]]);
check($run['deleted'] === 50, "throttle: 50 deleted ({$run['deleted']})");
check($run['events'][0]['attempts'] === 2, 'throttle: 2 attempts (429 then 200)');
check(microtime(true) - $t >= 1.0, 'throttle: Retry-After honoured');

// 5. An archive deleted by someone else in the middle of the run: counted as done.
seed('purge-dir', env('BJLG_IT_DAV_ROOT') . '/purge', '15');
$dav = [$destinations[2]];
$plan = Purge::plan($dav, ['keep_last' => 5], $options);
$doomed = array_column($plan['destinations']['dav']['delete'], 'name');
$victim = end($doomed);
$run = Purge::run($plan, $options + ['destinations' => $dav, 'parallel' => 1, 'progress' => function (array $p) use ($victim): bool {
    if ($p['phase'] === 'purge' && $p['done'] === 1) unlink(getenv('BJLG_IT_DAV_ROOT') . '/purge/' . $victim);
    return true;
}]);
check($run['already_gone'] === 1, "dav: the archive removed mid-run is already gone ({$run['already_gone']})");
check($run['deleted'] === count($doomed) - 1 && $run['failed'] === 0, 'dav: the others deleted');

// 6. A run killed with SIGKILL half way, resumed from its journal.
seed('purge-s3', port(env('BJLG_IT_S3_RAW')), 'purge-kill', '20');
$kill = [s3('kill', 'purge-kill')];
$plan = Purge::plan($kill, ['keep_last' => 4], $options);
$toDelete = names($plan['destinations']['kill']['delete']);
file_put_contents("$scratch/plan.json", json_encode(['plan' => $plan, 'destinations' => $kill, 'options' => $options]));
$journal = "$scratch/kill.journal";
$child = <<<'PHP'
$in = json_decode(file_get_contents($argv[1]), true);
Bjlg\Remote\Purge::run($in['plan'], $in['options'] + ['destinations' => $in['destinations'], 'journal' => $argv[2],
    'parallel' => 1, 'batch_size' => 5, 'progress' => function (array $p): bool {
        if ($p['phase'] === 'purge' && $p['done'] === 12) posix_kill(getmypid(), SIGKILL);
        return true;
    }]);
echo "not killed\n";
PHP;
file_put_contents("$scratch/child.php", "<?php\n$child");
exec(PHP_BINARY . ' -d extension=' . escapeshellarg(env('BJLG_IT_SO')) . ' ' . escapeshellarg("$scratch/child.php") .
    ' ' . escapeshellarg("$scratch/plan.json") . ' ' . escapeshellarg($journal) . ' 2>&1', $out, $status);
check($status === 137, "the child was killed by SIGKILL (status $status: " . implode(' ', $out) . ')');
$doneBefore = count(preg_grep('/"done"/', file($journal)));
check($doneBefore >= 10 && $doneBefore < count($toDelete), "journal: $doneBefore outcomes before the kill");
$run = Purge::run($plan, $options + ['destinations' => $kill, 'journal' => $journal, 'batch_size' => 5]);
check($run['failed'] === 0 && $run['deleted'] + $run['already_gone'] === count($toDelete), 'resumed: every archive done');
$outcomes = [];
foreach (file($journal) as $line) {
    $j = json_decode($line, true);
    if (isset($j['done'])) $outcomes[$j['archive']][] = $j['outcome'];
}
ksort($outcomes);
check(array_keys($outcomes) === $toDelete, 'journal: an outcome for every archive of the plan, and only those: ' .
    json_encode([array_diff(array_keys($outcomes), $toDelete), array_diff($toDelete, array_keys($outcomes)), count($outcomes), count($toDelete)]));
check(max(array_map('count', $outcomes)) === 1, 'journal: no archive done twice');
$left = Purge::plan($kill, ['keep_last' => 4], $options)['destinations']['kill'];
check($left['delete'] === [] && names($left['keep']) === names($plan['destinations']['kill']['keep']),
    'after the resume: exactly the kept archives remain');

// 7. SFTP (OpenSSH's sshd, key authentication, host key pinned): listing, rm, an archive
// removed by someone else mid-run (its rm is refused, the last listing says it is gone).
seed('purge-dir', "$scratch/sftp", '12');
$sftp = [['name' => 'sftp', 'type' => 'sftp', 'host' => '127.0.0.1', 'port' => (int) env('BJLG_IT_SSH_PORT'),
          'username' => env('BJLG_IT_SSH_USER'), 'private_key' => env('BJLG_IT_SSH_KEY'),
          'host_key_sha256' => env('BJLG_IT_SSH_HOST_SHA256'), 'path' => "$scratch/sftp"]];
$plan = Purge::plan($sftp, $policy, $options);
$d = $plan['destinations']['sftp'];
check($d['ok'] === true, 'sftp: plan listed (' . json_encode($d['error']) . ')');
check($d['listed'] === 39 && count($d['foreign']) === 3, "sftp: 39 listed ({$d['listed']}), 3 foreign");
$doomed = array_column($d['delete'], 'name');
$victim = end($doomed);
$run = Purge::run($plan, $options + ['destinations' => $sftp, 'parallel' => 1,
    'progress' => function (array $p) use ($scratch, $victim): bool {
        if ($p['phase'] === 'purge' && $p['done'] === 1) unlink("$scratch/sftp/$victim");
        return true;
    }]);
check($run['failed'] === 0 && $run['deleted'] + $run['already_gone'] === count($doomed), 'sftp: every archive done');
check($run['already_gone'] === 1, "sftp: the archive removed by hand is already gone ({$run['already_gone']})");
$left = array_values(array_diff(scandir("$scratch/sftp"), ['.', '..']));
sort($left);
$expect = array_merge(names($d['keep']), names($d['foreign']));
sort($expect);
check($left === $expect, 'sftp: exactly the kept archives and the foreign files remain');

// 8. The hosted APIs (fake_hosted.py): B2 native, Google Drive, Dropbox, OneDrive, pCloud at
// once, with an OAuth refresh (Drive, Dropbox, OneDrive), listings of 3 pages, a 429 (B2: 503)
// on the first delete, an archive removed behind bjlg's back mid-run, B2 versions and hide
// markers, and two Drive files under one name.
function fake(string $method, string $path): array
{
    $ctx = stream_context_create(['http' => ['method' => $method, 'ignore_errors' => true]]);
    return json_decode(file_get_contents(env('BJLG_IT_FAKE') . $path, false, $ctx), true);
}
$fakeUrl = env('BJLG_IT_FAKE');
$oauth = fn (string $store) => ['refresh_token' => 'good-refresh', 'client_id' => 'bjlg', 'client_secret' => 'hosted-secret',
    'api_base_url' => "$fakeUrl/purge-hosted/$store", 'token_url' => "$fakeUrl/purge-hosted/$store/token"];
$hosted = [
    ['name' => 'b2', 'type' => 'b2', 'key_id' => 'keyId', 'application_key' => 'appKey', 'bucket_id' => 'bucket1',
     'prefix' => 'site/', 'page_size' => 25, 'api_base_url' => "$fakeUrl/purge-hosted/b2"],
    ['name' => 'gdrive', 'type' => 'gdrive', 'folder_id' => 'folder-1'] + $oauth('gdrive'),
    ['name' => 'dropbox', 'type' => 'dropbox', 'folder' => '/Apps/bjlg'] + $oauth('dropbox'),
    ['name' => 'onedrive', 'type' => 'onedrive', 'folder' => '/Backups/site'] + $oauth('onedrive'),
    ['name' => 'pcloud', 'type' => 'pcloud', 'access_token' => 'static-token', 'folder' => '/Backups',
     'api_base_url' => "$fakeUrl/purge-hosted/pcloud"],
];
$days = 20;
foreach ($hosted as $h) fake('POST', "/purge-hosted-seed/{$h['name']}?days=$days");
$hostedOptions = $options + ['test_endpoints' => true];
$plan = Purge::plan($hosted, $policy, $hostedOptions);
$oldest = ['b2' => 'site/', 'gdrive' => '', 'dropbox' => '', 'onedrive' => '', 'pcloud' => ''];
foreach ($hosted as $h) {
    $name = $h['name'];
    $d = $plan['destinations'][$name];
    check($d['ok'] === true, "$name: plan listed (" . json_encode($d['error']) . ')');
    check($d['listed'] === 3 * $days + 3, "$name: listed {$d['listed']}, expected " . (3 * $days + 3));
    check(count($d['foreign']) === 3, "$name: the 3 foreign files");
    check(count($d['delete']) > 3 * $days - 30, "$name: most archives go (" . count($d['delete']) . ')');
    // The oldest full (fake_hosted.py gives it a second B2 version and a second Drive file).
    $oldest[$name] .= 'backup-full-' . gmdate('Y-m-d', NOW - $days * 86400) . '-03-00-00-65f1a2b3c' . sprintf('%04d', $days) . '03.zip';
    check(in_array($oldest[$name], names($d['delete']), true), "$name: the oldest full is deleted");
}
check(!str_contains(json_encode($plan), 'hosted-secret') && !str_contains(json_encode($plan), 'good-refresh'),
    'hosted: no secret in the plan');
$b2Oldest = array_values(array_filter($plan['destinations']['b2']['delete'], fn ($a) => $a['name'] === $oldest['b2']));
check(($b2Oldest[0]['size'] ?? 0) === 100 + 3 * ($days - 1) + 50, 'b2: the oldest full counts both its versions');
$victims = [];
foreach ($hosted as $h) {
    $doomed = array_column($plan['destinations'][$h['name']]['delete'], 'name');
    $victims[$h['name']] = end($doomed);
}
$t = microtime(true);
$run = Purge::run($plan, $hostedOptions + ['destinations' => $hosted,
    'progress' => function (array $p) use ($victims): bool {
        static $removed = false;
        if ($p['phase'] === 'purge' && !$removed) {
            $removed = true;
            foreach ($victims as $store => $victim) fake('POST', "/purge-hosted-remove/$store?name=" . rawurlencode($victim));
        }
        return true;
    }]);
check(microtime(true) - $t >= 1.0, 'hosted: Retry-After honoured');
check($run['failed'] === 0, 'hosted: every deletion succeeded: ' . json_encode(array_filter(array_column($run['events'], 'message'))));
foreach ($hosted as $h) {
    $name = $h['name'];
    $d = $plan['destinations'][$name];
    $r = $run['destinations'][$name];
    check($r['deleted'] === count($d['delete']) - 1 && $r['already_gone'] === 1,
        "$name: {$r['deleted']} deleted, {$r['already_gone']} already gone, of " . count($d['delete']));
    $state = fake('GET', "/purge-hosted-state/$name");
    $expect = array_merge(names($d['keep']), names($d['foreign']));
    if ($name === 'b2') {  // the hidden name and the file outside the prefix stay
        $expect = array_merge($expect, ['other/backup-full-2026-10-02-03-00-00-65f1a2b3c999803.zip']);
    }
    sort($expect);
    check($state['names'] === $expect, "$name: exactly the kept archives and the foreign files remain: " .
        json_encode([array_diff($state['names'], $expect), array_diff($expect, $state['names'])]));
    check($name === 'pcloud' || $state['throttled'] === 1, "$name: one throttled answer, retried");
}
$b2State = fake('GET', '/purge-hosted-state/b2');
check($b2State['objects'] === count($b2State['names']) + 2, 'b2: no version of a deleted archive left (the hidden name keeps its 2)');
$driveState = fake('GET', '/purge-hosted-state/gdrive');
check($driveState['objects'] === count($driveState['names']) + 1, 'gdrive: both files of the oldest full deleted (the sub-folder stays)');
$after = Purge::plan($hosted, $policy, $hostedOptions);
foreach ($hosted as $h) {
    $d = $after['destinations'][$h['name']];
    check($d['ok'] === true && $d['delete'] === [], "{$h['name']}: nothing left to delete after the run");
    check(names($d['keep']) === names($plan['destinations'][$h['name']]['keep']), "{$h['name']}: every kept archive is still there");
}
// A folder that does not exist is not_found, and a hosted destination without its folder is refused.
$wrong = [['folder' => '/Apps/elsewhere'] + $hosted[2], ['name' => 'nofolder', 'type' => 'onedrive', 'access_token' => 'static-token']];
$plan = Purge::plan($wrong, $policy, $hostedOptions);
check($plan['destinations']['dropbox']['error']['code'] === 'not_found', 'dropbox: a missing folder is not_found');
check($plan['destinations']['nofolder']['error']['code'] === 'rejected', 'onedrive without folder: rejected');
printf("purge-it: hosted APIs, %d deleted, %d already gone, run %.2f s\n", $run['deleted'], $run['already_gone'],
    microtime(true) - $t);

exec('rm -rf ' . escapeshellarg($scratch));
echo "purge-it: $checks checks, $failures failed\n";
exit($failures === 0 ? 0 : 1);
