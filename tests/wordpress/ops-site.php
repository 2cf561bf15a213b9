<?php
// The operations test's hands inside the WordPress of tests/wordpress/run-e2e-ops.sh (site.php
// and admin-site.php do the rest): php ops-site.php SITE_DIR COMMAND [ARG]. Prints JSON; exits 1
// on a failed check.
//
//   fail-backups on|off  the backups folder made impossible to create (a filter on
//                        bjlg_backup_directory to a path under a regular file), or back
//   age-entries SECONDS  as if no page was requested for SECONDS: every schedule entry's last
//                        check that long ago, its WP-Cron event late
//   old-records          a history row 400 days old, a finished job 100 days old, a finished
//                        job of yesterday and an old row naming an archive still there
//   records IDS          which of the history rows h<ID> and jobs j<ID> (comma-separated) exist
//   triggers JSON        the event trigger settings (option bjlg_event_trigger_settings)
//   posts N              N published posts (content changes)
//   install-plugin       a small plugin installed from a local zip by WordPress's Plugin_Upgrader
//                        (upgrader_pre_install fires as for an update)
//   incidents            Incidents::all()
declare(strict_types=1);

[$script, $site, $command] = array_pad($argv, 3, '');
$arg = $argv[3] ?? '';
$_SERVER['HTTP_HOST'] = getenv('BJLG_E2E_HOST') ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
define('WP_DISABLE_FATAL_ERROR_HANDLER', true);   // a fatal error on stderr, not WordPress's page
require $site . '/wp-load.php';   // at the top level: WordPress declares globals

use Bjlg\WordPress\Schedule;

function out(mixed $value): void
{
    echo json_encode($value, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
}

switch ($command) {
    case 'fail-backups':
        $dir = WP_CONTENT_DIR . '/mu-plugins';
        @mkdir($dir);
        file_put_contents(WP_CONTENT_DIR . '/uploads/blocker', "a file, not a folder\n");
        file_put_contents($dir . '/bjlg-e2e-ops.php', <<<'PHP'
            <?php
            add_filter('bjlg_backup_directory', static function (string $dir): string {
                return get_option('bjlg_e2e_fail_backups') ? WP_CONTENT_DIR . '/uploads/blocker/bjlg-backups' : $dir;
            });
            PHP);
        if ($arg === 'on') {
            update_option('bjlg_e2e_fail_backups', 1);
        } else {
            delete_option('bjlg_e2e_fail_backups');
        }
        out(['fail_backups' => $arg]);
        break;
    case 'age-entries':
        $states = get_option(Schedule::STATE_OPTION, []);
        $then = time() - (int) $arg;
        foreach (Schedule::entries() as $entry) {
            if ($entry['id'] === Schedule::DEFAULT_ID) {
                $states['last_checked'] = $then;
            } else {
                $states['entries'][$entry['id']]['last_checked'] = $then;
            }
            wp_clear_scheduled_hook(Schedule::HOOK, [$entry['id']]);
            wp_schedule_single_event($then + 300, Schedule::HOOK, [$entry['id']]);
        }
        update_option(Schedule::STATE_OPTION, $states, false);
        out($states);
        break;
    case 'old-records':
        global $wpdb;
        $local = static fn(int $days): string => gmdate('Y-m-d H:i:s', time() + (int) round((float) get_option('gmt_offset', 0) * 3600) - $days * DAY_IN_SECONDS);
        $archive = Bjlg\WordPress\Backup_Store::archives()[0]['name'] ?? 'none';
        $ids = [];
        foreach (['old' => [400, 'e2e old row'], 'live' => [400, 'e2e old row of a live archive'], 'recent' => [10, 'e2e recent row']] as $key => [$days, $details]) {
            $wpdb->insert(Bjlg\WordPress\History::table(), ['blog_id' => get_current_blog_id(), 'timestamp' => $local($days),
                'action_type' => $key === 'live' ? 'backup_verified' : 'e2e', 'status' => 'info', 'details' => $details,
                'metadata' => wp_json_encode($key === 'live' ? ['backup' => ['filename' => $archive]] : [])]);
            $ids["h_$key"] = (int) $wpdb->insert_id;
        }
        foreach (['old' => 100, 'recent' => 1] as $key => $days) {
            $id = Bjlg\WordPress\Jobs::create('verify', 'e2e', 'e2e');
            Bjlg\WordPress\Jobs::update($id, ['state' => 'done', 'finished_at' => gmdate('Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS)]);
            $ids["j_$key"] = $id;
        }
        $running = Bjlg\WordPress\Jobs::create('verify', 'e2e', 'e2e');
        $wpdb->update(Bjlg\WordPress\Jobs::table(), ['state' => 'interrupted', 'updated_at' => gmdate('Y-m-d H:i:s', time() - 200 * DAY_IN_SECONDS)], ['id' => $running]);
        $ids['j_interrupted'] = $running;
        out($ids);
        break;
    case 'records':
        global $wpdb;
        $present = [];
        foreach (explode(',', $arg) as $ref) {
            $table = $ref[0] === 'h' ? Bjlg\WordPress\History::table() : Bjlg\WordPress\Jobs::table();
            $present[$ref] = (bool) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM $table WHERE id = %d", (int) substr($ref, 1)));
        }
        out($present);
        break;
    case 'triggers':
        update_option(Bjlg\WordPress\Event_Triggers::OPTION, json_decode($arg, true));
        out(Bjlg\WordPress\Event_Triggers::settings(get_option(Bjlg\WordPress\Event_Triggers::OPTION)));
        break;
    case 'posts':
        wp_set_current_user(1);
        $ids = [];
        for ($i = 0; $i < (int) $arg; $i++) {
            $ids[] = wp_insert_post(['post_title' => "e2e change $i", 'post_status' => 'publish', 'post_content' => 'change']);
        }
        out(['posts' => $ids, 'state' => get_option(Bjlg\WordPress\Event_Triggers::STATE_OPTION)]);
        break;
    case 'install-plugin':
        require_once ABSPATH . 'wp-admin/includes/admin.php';   // what wp-admin/update.php loads
        require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
        wp_set_current_user(1);
        $zip = get_temp_dir() . 'bjlg-e2e-hello.zip';
        $z = new ZipArchive();
        $z->open($zip, ZipArchive::CREATE | ZipArchive::OVERWRITE);
        $z->addFromString('bjlg-e2e-hello/bjlg-e2e-hello.php', "<?php\n/*\nPlugin Name: bjlg e2e hello\n*/\n");
        $z->close();
        $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
        $result = $upgrader->install($zip);
        out(['installed' => $result === true, 'file' => is_file(WP_PLUGIN_DIR . '/bjlg-e2e-hello/bjlg-e2e-hello.php'),
            'messages' => $upgrader->skin->get_upgrade_messages()]);
        exit($result === true ? 0 : 1);
    case 'incidents':
        out(Bjlg\WordPress\Incidents::all());
        break;
    default:
        fwrite(STDERR, "unknown command $command\n");
        exit(2);
}
