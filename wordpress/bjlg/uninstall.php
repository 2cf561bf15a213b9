<?php
/**
 * Run by WordPress when the plugin is deleted (without loading bjlg.php, so it works even when
 * the extension is gone).
 *
 * @package Bjlg\WordPress
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-migrations.php';
require_once __DIR__ . '/includes/class-history.php';
require_once __DIR__ . '/includes/class-job-lock.php';
require_once __DIR__ . '/includes/class-jobs.php';
require_once __DIR__ . '/includes/class-job-runner.php';
require_once __DIR__ . '/includes/class-records-retention.php';
require_once __DIR__ . '/includes/class-event-triggers.php';
require_once __DIR__ . '/includes/class-missed-runs.php';
require_once __DIR__ . '/includes/class-schedule.php';
require_once __DIR__ . '/includes/class-backup-job.php';
require_once __DIR__ . '/includes/class-verify-job.php';
require_once __DIR__ . '/includes/class-storage.php';
require_once __DIR__ . '/includes/class-incidents.php';
require_once __DIR__ . '/includes/class-targets.php';
require_once __DIR__ . '/includes/class-ops-schedule.php';
require_once __DIR__ . '/includes/class-site-policy.php';
require_once __DIR__ . '/includes/class-uninstaller.php';

Bjlg\WordPress\Uninstaller::uninstall();
