<?php
// The end-to-end test's hands inside the WordPress of tests/wordpress/run-e2e.sh, for what a
// test sets up or inspects directly (run-e2e.sh does everything a user does over HTTP and
// bin/bjlg): php site.php SITE_DIR COMMAND [ARG]. Prints JSON; exits 1 on a failed check.
declare(strict_types=1);

[$script, $site, $command] = array_pad($argv, 3, '');
$arg = $argv[3] ?? '';
$_SERVER['HTTP_HOST'] = getenv('BJLG_E2E_HOST') ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
if ($command === 'make-network') {
    define('WP_INSTALLING_NETWORK', true);   // before WordPress loads: $wpdb names the network's tables
}
require $site . '/wp-load.php';   // at the top level: WordPress declares globals
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function out(mixed $value): void
{
    echo json_encode($value, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
}

function lock_record(int $expires): string
{
    return (string) json_encode(['job' => 'backup', 'token' => 'e2e-other', 'pid' => 1, 'host' => 'elsewhere',
        'acquired_at' => time() - 60, 'expires_at' => $expires]);
}

switch ($command) {
    case 'activate':   // the plugin, plus a subscriber for the permission tests
        $r = activate_plugin('bjlg/bjlg.php');
        if (is_wp_error($r)) {
            fwrite(STDERR, $r->get_error_message() . "\n");
            exit(1);
        }
        wp_insert_user(['user_login' => 'reader', 'user_pass' => $arg, 'user_email' => 'reader@example.com', 'role' => 'subscriber']);
        out(['active' => is_plugin_active('bjlg/bjlg.php'), 'db_version' => get_site_option('bjlg_db_version')]);
        break;
    case 'french-admin':   // an administrator whose admin is in French (user locale fr_FR)
        $id = wp_insert_user(['user_login' => 'gestionnaire', 'user_pass' => $arg, 'user_email' => 'fr@example.com', 'role' => 'administrator', 'locale' => 'fr_FR']);
        out(['id' => $id, 'locale' => get_user_locale($id)]);
        exit(is_int($id) && get_user_locale($id) === 'fr_FR' ? 0 : 1);
    case 'avatars-off':   // no Gravatar images: the test machine has no internet, and their
        // failed loads would be console errors that are not the plugin's
        update_option('show_avatars', 0);
        out(['show_avatars' => get_option('show_avatars')]);
        break;
    case 'failed-backup':   // a backup that failed after the last good one, as Backup_Job records it
        $id = Bjlg\WordPress\History::log('backup_created', 'failure', 'Backup failed: ' . $arg,
            ['task_id' => 'e2e-failed', 'source' => 'schedule', 'error' => ['class' => 'Bjlg\\Archive\\WriteException', 'message' => $arg]]);
        out(['history_id' => $id]);
        break;
    case 'marker':     // a post whose title must come back in the dump
        out(['id' => wp_insert_post(['post_title' => $arg, 'post_status' => 'publish', 'post_content' => 'e2e'])]);
        break;
    case 'app-password':   // an application password of the admin, for a remote caller
        [$password] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'bjlg e2e']);
        echo $password, "\n";
        break;
    case 'timezone':   // the site's time zone (Settings > General)
        update_option('timezone_string', $arg);
        out(['timezone' => wp_timezone_string()]);
        break;
    case 'verify-after-backup':   // the setting, on or off (no screen sets it yet)
        update_option('bjlg_settings', ['verify_after_backup' => $arg === 'on']);
        out(['verify_after_backup' => Bjlg\WordPress\Verify_Job::after_backup()]);
        break;
    case 'schedule':   // the stored schedule entry
        out(Bjlg\WordPress\Schedule::entry());
        break;
    case 'history':
        out(Bjlg\WordPress\History::recent(100));
        break;
    case 'lock':       // another process's lock: live, or expired (its holder died)
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name = 'bjlg_job_lock'");
        if ($arg !== 'none') {
            $wpdb->insert($wpdb->options, ['option_name' => 'bjlg_job_lock', 'autoload' => 'no',
                'option_value' => lock_record($arg === 'live' ? time() + 600 : time() - 1)]);
        }
        out(['lock' => $arg]);
        break;
    case 'age-schedule':   // as if no page was requested for ARG seconds: the event is late
        $state = get_option('bjlg_schedule_state', []);
        $state['last_checked'] = time() - (int) $arg;
        update_option('bjlg_schedule_state', $state, false);
        wp_clear_scheduled_hook('bjlg_scheduled_backup', ['bjlg_schedule_default']);
        wp_schedule_single_event(time() - (int) $arg + 300, 'bjlg_scheduled_backup', ['bjlg_schedule_default']);
        out($state);
        break;
    case 'progress-hook':   // the test's hand on running jobs: 'hold' keeps a backup in its
        // archive step (in a progress report, once written) until a cancel is asked (20 s at
        // most), 'burn' spends 3 s of CPU in a report (a PHP time limit hits inside the job), 'off'
        $dir = WP_CONTENT_DIR . '/mu-plugins';
        @mkdir($dir);
        file_put_contents($dir . '/bjlg-e2e-progress.php', <<<'PHP'
            <?php
            add_action('bjlg_job_progress', static function (int $id): void {
                $mode = get_option('bjlg_e2e_progress', 'off');
                if ($mode === 'hold' && Bjlg\WordPress\Jobs::get($id)['step'] === 'archive') {
                    for ($i = 0; $i < 100 && !Bjlg\WordPress\Jobs::cancel_requested($id); $i++) {
                        usleep(200000);
                    }
                } elseif ($mode === 'burn') {   // 3 s of CPU (the limit counts CPU time), however loaded the machine
                    $cpu = static function (): float {
                        $r = getrusage();
                        return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
                    };
                    for ($t = $cpu(), $w = microtime(true), $h = ''; $cpu() - $t < 3.0 && microtime(true) - $w < 60;) {
                        $h = md5($h);
                    }
                }
            });
            PHP);
        if ($arg === 'off') {
            delete_option('bjlg_e2e_progress');
            unlink($dir . '/bjlg-e2e-progress.php');
        } else {
            update_option('bjlg_e2e_progress', $arg);
        }
        out(['progress' => $arg]);
        break;
    case 'jobs':       // the latest job records
        out(Bjlg\WordPress\Jobs::recent(20));
        break;
    case 'queued-job': // a verification queued without WP-Cron, to be cancelled before it runs
        out(['id' => Bjlg\WordPress\Jobs::create('verify', $arg, 'rest')]);
        break;
    case 'job-event':  // whether the WP-Cron event resuming job ARG is armed
        out(['scheduled' => wp_next_scheduled('bjlg_run_job', [(int) $arg])]);
        break;
    case 'make-network':   // this single site becomes a subdirectory network (WordPress's
        // own functions, as wp-admin/network.php runs them); run-e2e.sh then adds the constants
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        require_once ABSPATH . 'wp-admin/includes/network.php';
        foreach ($wpdb->tables('ms_global') as $table => $prefixed) {   // as wp-admin/network.php
            $wpdb->$table = $prefixed;
        }
        install_network();
        $r = populate_network(1, $arg, 'admin@example.com', 'bjlg e2e network', '/', false);
        if (is_wp_error($r)) {
            fwrite(STDERR, $r->get_error_code() . ': ' . $r->get_error_message() . "\n");
            exit(1);
        }
        out(['network' => $arg]);
        break;
    case 'add-sites':   // two more sites, the plugin active on the network, a site-2 administrator
        $domain = get_network()->domain;
        $ids = [];
        foreach ([2, 3] as $n) {
            $id = wp_insert_site(['domain' => $domain, 'path' => "/site$n/", 'title' => "bjlg e2e site $n", 'user_id' => 1]);
            if (is_wp_error($id)) {
                fwrite(STDERR, $id->get_error_message() . "\n");
                exit(1);
            }
            // WordPress strips the port from a new site's domain (a network on a port is not a
            // set-up it supports); the test's server listens on one: put it back.
            $wpdb->update($wpdb->blogs, ['domain' => $domain], ['blog_id' => $id]);
            clean_blog_cache($id);
            update_blog_option($id, 'home', "http://$domain/site$n");
            update_blog_option($id, 'siteurl', "http://$domain/site$n");
            $ids[] = $id;
        }
        $r = activate_plugin('bjlg/bjlg.php', '', true);
        if (is_wp_error($r)) {
            fwrite(STDERR, $r->get_error_message() . "\n");
            exit(1);
        }
        $user = wp_insert_user(['user_login' => 'siteadmin', 'user_pass' => $arg, 'user_email' => 'siteadmin@example.com', 'role' => '']);
        add_user_to_blog($ids[0], $user, 'administrator');
        [$super_pw] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'bjlg e2e network']);
        [$site_pw] = WP_Application_Passwords::create_new_application_password($user, ['name' => 'bjlg e2e site 2']);
        out(['sites' => $ids, 'super_password' => $super_pw, 'site_admin_password' => $site_pw,
            'network_active' => is_plugin_active_for_network('bjlg/bjlg.php')]);
        break;
    case 'no-extension':   // run without the extension: only the admin notice is registered
        $ok = !extension_loaded('bjlg') && has_action('admin_notices', 'bjlg_missing_extension_notice') !== false
            && !class_exists('Bjlg\\WordPress\\Plugin', false) && has_action('rest_api_init', ['Bjlg\\WordPress\\Rest_Controller', 'register']) === false;
        ob_start();
        wp_set_current_user(1);
        bjlg_missing_extension_notice();
        $notice = ob_get_clean();
        out(['ok' => $ok, 'notice' => $notice]);
        exit($ok && str_contains($notice, 'bjlg PHP extension') ? 0 : 1);
    case 'uninstall':
        deactivate_plugins('bjlg/bjlg.php');
        uninstall_plugin('bjlg/bjlg.php');
        global $wpdb;
        $left = [
            'table' => $wpdb->get_var("SHOW TABLES LIKE '{$wpdb->base_prefix}bjlg\\_%'"),
            'options' => $wpdb->get_col("SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'bjlg\\_%'"),
            'site_options' => get_site_option('bjlg_db_version', null),
            'cron' => wp_next_scheduled('bjlg_scheduled_backup', ['bjlg_schedule_default']),
        ];
        out($left);
        exit($left['table'] === null && $left['options'] === [] && $left['site_options'] === null && $left['cron'] === false ? 0 : 1);
    default:
        fwrite(STDERR, "site.php: unknown command '$command'\n");
        exit(2);
}
