<?php
// The admin screens' test data inside the WordPress of tests/wordpress/run-admin.sh, for the
// storage and incident screens (site.php does the rest): php admin-site.php SITE_DIR COMMAND
// [ARG...]. Prints JSON; exits 1 on a failed check.
//
//   storage FOLDER    a local destination on FOLDER holding six archives named as Backup JLG
//                     names them (one a day, the newest yesterday), a retention policy keeping
//                     the two newest, and 30 daily usage samples before the real one: the
//                     destination's usage measured now (Bjlg\Quota\Collector), minus 1 % of
//                     it a day back in time, under a quota whose threshold (85 %) is 10 % above
//                     it: about ten days ahead, a destination at risk
//   incidents URL     two channels (a webhook to URL, a Slack hook on a closed loopback port)
//                     and two incidents: a backup failure still open, a resolved one before it
declare(strict_types=1);

[$script, $site, $command] = array_pad($argv, 3, '');
$arg = $argv[3] ?? '';
$_SERVER['HTTP_HOST'] = getenv('BJLG_E2E_HOST') ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';   // at the top level: WordPress declares globals

use Bjlg\WordPress\Incidents;
use Bjlg\WordPress\Storage;

function out(mixed $value): void
{
    echo json_encode($value, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
}

const DAY = 86400;

switch ($command) {
    case 'storage':
        if ($arg === '' || (!is_dir($arg) && !mkdir($arg, 0700, true))) {
            fwrite(STDERR, "no folder\n");
            exit(1);
        }
        $now = time();
        $names = [];
        for ($i = 6; $i >= 1; $i--) {
            $name = 'backup-full-' . gmdate('Y-m-d-H-i-s', $now - $i * DAY) . '-' . sprintf('%013x%08d', $i, $i) . '.zip';
            file_put_contents("$arg/$name", str_repeat("archive $i\n", 1000 * $i));
            $names[] = $name;
        }
        $measured = Bjlg\Quota\Collector::collect([['name' => 'local-disk', 'type' => 'local', 'path' => $arg]])['local-disk'];
        if ($measured['used_bytes'] === null) {
            fwrite(STDERR, 'local destination not measured: ' . implode('; ', $measured['errors']) . "\n");
            exit(1);
        }
        $used = $measured['used_bytes'];
        $quota = (int) ($used * 1.1 / 0.85);
        update_option(Storage::DESTINATIONS_OPTION, [['name' => 'local-disk', 'type' => 'local', 'path' => $arg, 'quota_bytes' => $quota]]);
        update_option(Storage::POLICY_OPTION, ['keep_last' => 2]);
        $samples = [];
        for ($d = 30; $d >= 1; $d--) {
            $samples[] = ['destination' => 'local-disk', 'at' => $now - $d * DAY, 'used_bytes' => (int) ($used * (1 - 0.01 * $d)),
                'quota_bytes' => $quota, 'object_count' => null, 'errors' => []];
        }
        Bjlg\Sla\History::append(Storage::history_path(), $samples);
        out(['archives' => $names, 'used_bytes' => $used, 'quota_bytes' => $quota, 'samples' => count($samples)]);
        break;
    case 'incidents':
        update_option(Incidents::SETTINGS_OPTION, [
            'channels' => [
                'site-webhook' => ['type' => 'webhook', 'url' => $arg, 'secret' => 'e2e-secret'],
                'closed-port' => ['type' => 'slack', 'webhook_url' => 'http://127.0.0.1:9/hook'],
            ],
            'policy' => ['reminders' => ['max_attempts' => 1]],
            'allow_private_network' => true,
        ]);
        $past = Incidents::open(['event' => 'verify_failed', 'title' => 'Verification failed (test)', 'severity' => 'warning',
            'lines' => ['An archive failed its verification.']], time() - 2 * DAY);
        Incidents::resolve($past['id'], 'admin', 'The archive was written again and verified.', time() - DAY);
        $open = Incidents::open(['event' => 'backup_failed', 'title' => 'Backup failed: no space left on device (test)',
            'severity' => 'critical', 'lines' => ['The scheduled backup could not be written.', 'error: RuntimeException'],
            'context' => ['history_id' => 7, 'source' => 'cron']], time() - 3600);
        out(['past' => $past['id'], 'open' => $open['id'], 'incidents' => count(Incidents::all())]);
        break;
    default:
        fwrite(STDERR, "unknown command $command\n");
        exit(2);
}
