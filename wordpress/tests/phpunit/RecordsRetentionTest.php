<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-records-retention.php';

use Bjlg\WordPress\Records_Retention;
use PHPUnit\Framework\TestCase;

// How long history rows and job records are kept, and which old rows stay anyway.
final class RecordsRetentionTest extends TestCase
{
    public function testTheDefaultsAreAYearOfHistoryAndNinetyDaysOfJobs(): void
    {
        $this->assertSame(['history_retention_days' => 365, 'job_retention_days' => 90], Records_Retention::settings(false));
        $this->assertSame(['history_retention_days' => 365, 'job_retention_days' => 90], Records_Retention::settings(['verify_after_backup' => true]));
    }

    public function testASettingOverridesZeroKeepsForEverAndNonsenseFallsBack(): void
    {
        $this->assertSame(['history_retention_days' => 30, 'job_retention_days' => 0],
            Records_Retention::settings(['history_retention_days' => '30', 'job_retention_days' => 0]));
        $this->assertSame(['history_retention_days' => 0, 'job_retention_days' => 90],
            Records_Retention::settings(['history_retention_days' => -5, 'job_retention_days' => 'soon']));
    }

    public function testAnOldRowThatNamesAnArchiveStillThereIsKept(): void
    {
        $rows = [
            ['id' => '1', 'metadata' => '{"backup":{"filename":"backup-full-20200101-000000-aaaaaa.zip"}}'],
            ['id' => '2', 'metadata' => '{"backup":{"filename":"backup-full-20190101-000000-bbbbbb.zip"}}'],
            ['id' => '3', 'metadata' => '{"schedule_id":"bjlg_schedule_default"}'],
            ['id' => '4', 'metadata' => null],
            ['id' => '5', 'metadata' => 'not json'],
        ];
        $this->assertSame([2, 3, 4, 5], Records_Retention::deletable_history($rows, ['backup-full-20200101-000000-aaaaaa.zip']));
        $this->assertSame([1, 2, 3, 4, 5], Records_Retention::deletable_history($rows, []));
    }
}
