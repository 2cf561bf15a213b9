<?php
declare(strict_types=1);

use Bjlg\WordPress\Rest_Legacy;
use PHPUnit\Framework\TestCase;

// The old plugin's backup-jlg/v1 routes: our data in the old response keys (design
// plugin-restore-sla-multisite.md §D2, plugin-scheduling.md §2.2-2.4).
final class RestLegacyTest extends TestCase
{
    private static function item(string $name, int $bytes, string $modified): array
    {
        return ['name' => $name, 'bytes' => $bytes, 'modified' => $modified, 'sha256' => str_repeat('a', 64), 'history_id' => 7, 'source' => 'rest', 'verification' => null];
    }

    public function testStatusHasTheOldKeys(): void
    {
        $status = ['plugin_version' => '0.1.0', 'backups' => ['directory' => '/b', 'count' => 3, 'bytes' => 1234, 'latest' => 'x']];
        $keys = Rest_Legacy::status_keys($status, '6.1.1', 5000, true, 1);
        $this->assertSame(['plugin_version', 'wordpress_version', 'php_version', 'backup_directory', 'backup_directory_writable', 'total_backups', 'total_size', 'disk_free_space', 'disk_space_error', 'memory_limit', 'max_execution_time', 'active_tasks'], array_keys($keys));
        $this->assertSame(3, $keys['total_backups']);
        $this->assertSame(1234, $keys['total_size']);
        $this->assertSame('/b', $keys['backup_directory']);
        $this->assertFalse($keys['disk_space_error']);
        $this->assertTrue(Rest_Legacy::status_keys($status, '6.1.1', null, false, 0)['disk_space_error']);
    }

    public function testABackupInTheOldItemShape(): void
    {
        $item = Rest_Legacy::backup_item(self::item('backup-full-20261207-040000-abcdef.zip.enc', 2 * 1024 * 1024 + 100, '2026-12-07T04:00:00+00:00'));
        $this->assertSame('backup-full-20261207-040000-abcdef.zip.enc', $item['id']);
        $this->assertSame($item['id'], $item['filename']);
        $this->assertSame('full', $item['type']);
        $this->assertSame(2097252, $item['size']);
        $this->assertSame('2 MB', $item['size_formatted']);
        $this->assertSame('2026-12-07T04:00:00+00:00', $item['created_at']);
        $this->assertTrue($item['is_encrypted']);
        $this->assertSame(['db', 'plugins', 'themes', 'uploads'], $item['components']);
        $this->assertArrayNotHasKey('download_rest_url', $item, 'no download route: no link to one');
        $this->assertFalse(Rest_Legacy::backup_item(self::item('backup-full-20261207-040000-abcdef.zip', 10, '2026-12-07T04:00:00+00:00'))['is_encrypted']);
        $this->assertSame('incremental', Rest_Legacy::backup_item(self::item('incremental-full-20261207-040000-abcdef.zip', 10, '2026-12-07T04:00:00+00:00'))['type']);
    }

    public function testBackupsAreFilteredSortedAndPagedAsBefore(): void
    {
        $items = array_map([Rest_Legacy::class, 'backup_item'], [
            self::item('backup-full-20261201-000000-aaaaaa.zip', 300, '2026-12-01T00:00:00+00:00'),
            self::item('backup-full-20261203-000000-bbbbbb.zip', 100, '2026-12-03T00:00:00+00:00'),
            self::item('backup-full-20261202-000000-cccccc.zip', 200, '2026-12-02T00:00:00+00:00'),
        ]);
        $page = Rest_Legacy::page_backups($items, 'all', 'date_desc', 1, 2);
        $this->assertSame(['backup-full-20261203-000000-bbbbbb.zip', 'backup-full-20261202-000000-cccccc.zip'], array_column($page['backups'], 'id'));
        $this->assertSame(['total' => 3, 'pages' => 2, 'current_page' => 1, 'per_page' => 2], $page['pagination']);
        $this->assertSame(['backup-full-20261201-000000-aaaaaa.zip'], array_column(Rest_Legacy::page_backups($items, 'all', 'date_desc', 2, 2)['backups'], 'id'));
        $this->assertSame([100, 200, 300], array_column(Rest_Legacy::page_backups($items, 'all', 'size_asc', 1, 10)['backups'], 'size'));
        $this->assertSame('backup-full-20261201-000000-aaaaaa.zip', Rest_Legacy::page_backups($items, 'all', 'date_asc', 1, 1)['backups'][0]['id']);
        $this->assertSame(0, Rest_Legacy::page_backups($items, 'incremental', 'date_desc', 1, 10)['pagination']['total']);
        $this->assertSame(3, Rest_Legacy::page_backups($items, 'database', 'date_desc', 1, 10)['pagination']['total']);
        $this->assertSame(3, Rest_Legacy::page_backups($items, 'files', 'date_desc', 1, 10)['pagination']['total']);
    }

    public function testABackupRequestForWhatBjlgDoesNotDoIsRefused(): void
    {
        $all = ['db', 'plugins', 'themes', 'uploads'];
        $this->assertNull(Rest_Legacy::backup_request_refusal($all, 'full', null, false));
        $this->assertNull(Rest_Legacy::backup_request_refusal(['uploads', 'db', 'themes', 'plugins'], 'full', true, true));
        $this->assertSame('invalid_components', Rest_Legacy::backup_request_refusal(['db'], 'full', null, false)['code']);
        $this->assertNull(Rest_Legacy::backup_request_refusal($all, 'incremental', null, false));
        $this->assertSame('invalid_encrypt', Rest_Legacy::backup_request_refusal($all, 'full', true, false)['code']);
        $this->assertSame('invalid_encrypt', Rest_Legacy::backup_request_refusal($all, 'full', false, true)['code']);
    }

    public function testAJobIsAnOldTask(): void
    {
        $this->assertSame('bjlg_backup_42', Rest_Legacy::task_id(42));
        $job = ['id' => 42, 'state' => 'running', 'phase' => 'files', 'percent' => 37.6, 'source' => 'legacy-rest', 'started_at' => '2026-12-07T04:00:00+00:00', 'result' => null, 'error' => null];
        $task = Rest_Legacy::task_keys($job);
        $this->assertSame(['running', 37, 'files'], [$task['status'], $task['progress'], $task['status_text']]);
        $this->assertSame(strtotime('2026-12-07T04:00:00+00:00'), $task['start_time']);
        $done = Rest_Legacy::task_keys(['state' => 'done', 'result' => ['archive' => 'backup-full-x.zip', 'encrypted' => true]] + $job);
        $this->assertSame(['complete', 100, 'backup-full-x.zip', true], [$done['status'], $done['progress'], $done['filename'], $done['encrypt']]);
        $this->assertSame('pending', Rest_Legacy::task_keys(['state' => 'queued', 'started_at' => null] + $job)['status']);
        $this->assertSame(['full', false], [$task['type'], $task['incremental']]);
        $incremental = Rest_Legacy::task_keys(['target' => 'incremental'] + $job);
        $this->assertSame(['incremental', true], [$incremental['type'], $incremental['incremental']]);
        $failed = Rest_Legacy::task_keys(['state' => 'failed', 'error' => 'disk full'] + $job);
        $this->assertSame(['error', 'disk full'], [$failed['status'], $failed['status_text']]);
    }

    public function testAHistoryRowKeepsTheOldColumns(): void
    {
        $row = ['id' => 3, 'blog_id' => 1, 'timestamp' => '2026-12-07 05:00:00', 'action_type' => 'backup_created', 'status' => 'success', 'details' => 'Backup x', 'metadata' => ['a' => 1], 'user_id' => '1', 'ip_address' => '127.0.0.1'];
        $entry = Rest_Legacy::history_entry($row, 'admin');
        $this->assertSame(['id', 'blog_id', 'timestamp', 'action_type', 'status', 'details', 'metadata', 'user_id', 'ip_address', 'user_name'], array_keys($entry));
        $this->assertSame(1, $entry['user_id']);
        $this->assertSame('admin', $entry['user_name']);
    }

    public function testCronPreviewKeysAndImpact(): void
    {
        $preview = ['expression' => '*/15 * * * *', 'timezone' => 'Europe/Paris', 'next_runs' => ['2026-12-07T06:00:00+01:00'], 'warnings' => [], 'min_interval' => 900, 'runs_per_day' => 96.0];
        $payload = Rest_Legacy::cron_payload($preview, [100.0, 200.0]);
        $this->assertSame(['expression', 'next_runs', 'warnings', 'errors', 'severity', 'message', 'interval', 'timezone', 'impact'], array_keys($payload));
        $this->assertSame('success', $payload['severity']);
        $this->assertSame(900, $payload['interval']['min']);
        $impact = $payload['impact'];
        $this->assertSame(['expression', 'runs_per_day', 'average_duration', 'estimated_load', 'history_samples', 'risk'], array_keys($impact));
        $this->assertSame([150.0, 14400.0, 2, 'high'], [$impact['average_duration'], $impact['estimated_load'], $impact['history_samples'], $impact['risk']['level']]);
        $this->assertCount(2, $impact['risk']['reasons'], 'frequency >= 48 and load >= 14400');
        $this->assertSame(['warning_frequency' => 12, 'danger_frequency' => 48, 'warning_load' => 3600, 'danger_load' => 14400], $impact['risk']['thresholds']);

        $warned = Rest_Legacy::cron_payload(['warnings' => [['code' => 'dst_gap', 'severity' => 'warning', 'message' => 'Skipped at the DST change.', 'evidence' => []]]] + $preview, []);
        $this->assertSame(['warning', 'Skipped at the DST change.', ['Skipped at the DST change.']], [$warned['severity'], $warned['message'], $warned['warnings']]);

        $this->assertSame('low', Rest_Legacy::impact('0 3 * * *', 1.0, [60.0])['risk']['level']);
        $this->assertSame('medium', Rest_Legacy::impact('0 * * * *', 24.0, [60.0])['risk']['level']);
        $this->assertSame('medium', Rest_Legacy::impact('0 3 * * *', 1.0, [4000.0])['risk']['level']);
        $this->assertSame('unknown', Rest_Legacy::impact('0 3 * * *', 1.0, [])['risk']['level'], 'no duration: the load is unknown');
    }

    public function testNetworkSummaryGroupsBySite(): void
    {
        $rows = [
            ['id' => 5, 'blog_id' => 2, 'timestamp' => '2026-12-07 05:00:00', 'action_type' => 'backup_created', 'status' => 'failure', 'details' => 'x'],
            ['id' => 4, 'blog_id' => 1, 'timestamp' => '2026-12-07 04:00:00', 'action_type' => 'backup_created', 'status' => 'success', 'details' => 'y'],
            ['id' => 3, 'blog_id' => 2, 'timestamp' => '2026-12-07 03:00:00', 'action_type' => 'backup_created', 'status' => 'success', 'details' => 'z'],
            ['id' => 2, 'blog_id' => 2, 'timestamp' => '2026-12-07 02:00:00', 'action_type' => 'schedule_missed', 'status' => 'warning', 'details' => 'w'],
        ];
        $s = Rest_Legacy::network_summary($rows, 50);
        $this->assertSame(['total_actions' => 4, 'successful' => 2, 'failed' => 1], $s['totals']);
        $this->assertSame([2, 1], array_column($s['sites'], 'blog_id'));
        $this->assertSame([3, 1, 1, '2026-12-07 05:00:00', 5], [$s['sites'][0]['total_actions'], $s['sites'][0]['successful'], $s['sites'][0]['failed'], $s['sites'][0]['last_activity'], $s['sites'][0]['last_entry']['id']]);
        $this->assertCount(1, Rest_Legacy::network_summary($rows, 1)['sites']);
    }

    public function testSizeFormat(): void
    {
        $this->assertSame('512 B', Rest_Legacy::size_format(512));
        $this->assertSame('1.5 KB', Rest_Legacy::size_format(1536));
        $this->assertSame('1 GB', Rest_Legacy::size_format(1024 ** 3));
    }
}
