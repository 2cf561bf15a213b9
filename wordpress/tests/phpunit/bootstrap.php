<?php
// The plugin's classes without WordPress: only the pure pieces are called by these tests.
declare(strict_types=1);

define('ABSPATH', __DIR__ . '/');
$includes = dirname(__DIR__, 2) . '/bjlg/includes';
foreach (['formatter', 'db-connection', 'missed-runs', 'migrations', 'history', 'job-lock', 'jobs', 'job-runner', 'backup-store', 'site-scope', 'site-keys', 'network-migration', 'site-key', 'verify-job', 'restore-test-job', 'restore-job', 'schedule-preview', 'commands', 'rest-controller', 'rest-network', 'rpo', 'rest-proofs', 'rest-incident-actions', 'rest-legacy', 'incremental', 'key-rotation', 'schedule-commands'] as $name) {
    require_once "$includes/class-$name.php";
}
