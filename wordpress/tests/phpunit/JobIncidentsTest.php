<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-job-incidents.php';

use Bjlg\WordPress\Job_Incidents;
use PHPUnit\Framework\TestCase;

// A failed backup or verification opens an incident with its evidence; the next success of
// the same kind resolves it, saying so; nothing else opens or resolves one.
final class JobIncidentsTest extends TestCase
{
    public function testFailuresOpenSuccessesResolveTheRestDoesNothing(): void
    {
        $this->assertSame('open', Job_Incidents::decide('backup_created', 'failure'));
        $this->assertSame('open', Job_Incidents::decide('backup_verified', 'failure'));
        $this->assertSame('resolve', Job_Incidents::decide('backup_created', 'success'));
        $this->assertSame('resolve', Job_Incidents::decide('backup_verified', 'success'));
        $this->assertNull(Job_Incidents::decide('backup_created', 'cancelled'), 'a cancel is no failure');
        $this->assertNull(Job_Incidents::decide('backup_verified', 'warning'), 'inconclusive, or could not run');
        $this->assertNull(Job_Incidents::decide('restore_test', 'failure'));
        $this->assertNull(Job_Incidents::decide('incident_opened', 'warning'), 'its own row opens nothing');
    }

    public function testAFailedBackupIsACriticalIncidentWithTheErrorAndNoServerPath(): void
    {
        $event = Job_Incidents::event(
            42,
            'backup_created',
            'Backup failed: cannot write /srv/www/wp-content/uploads/bjlg-backups/backup-full-x.zip.tmp: No space left on device',
            ['task_id' => 't', 'job_id' => 7, 'source' => 'schedule', 'error' => ['class' => 'Bjlg\Archive\WriteException', 'message' => '...']],
            ['/srv/www/wp-content/uploads/bjlg-backups' => 'bjlg-backups', '/srv/www/wp-content' => 'wp-content', '/srv/www/' => '']
        );
        $this->assertSame('backup_failed', $event['event']);
        $this->assertSame('Backups are failing', $event['title'], 'one title: the next failure finds it open');
        $this->assertSame('critical', $event['severity']);
        $this->assertSame([
            'Backup failed: cannot write bjlg-backups/backup-full-x.zip.tmp: No space left on device',
            'error: Bjlg\Archive\WriteException',
            'history #42, source schedule',
        ], $event['lines']);
        $this->assertSame(['history_id' => 42, 'job_id' => 7, 'source' => 'schedule', 'error' => 'Bjlg\Archive\WriteException'], $event['context']);
    }

    public function testAFailedVerificationNamesTheArchiveAndItsProblems(): void
    {
        $event = Job_Incidents::event(9, 'backup_verified', 'Verification of backup-full-20261207-010203-abc123.zip failed: entry crc',
            ['source' => 'rest', 'backup' => ['filename' => 'backup-full-20261207-010203-abc123.zip'],
                'verification' => ['problems' => [['name' => 'entries', 'status' => 'failed', 'message' => 'wp-content/a.txt: CRC-32 mismatch']]]],
            [], 'Une sauvegarde a échoué à sa vérification');
        $this->assertSame('verification_failed', $event['event']);
        $this->assertSame('Une sauvegarde a échoué à sa vérification', $event['title'], "the site's language when given");
        $this->assertSame('warning', $event['severity']);
        $this->assertContains('entries failed: wp-content/a.txt: CRC-32 mismatch', $event['lines']);
        $this->assertSame('backup-full-20261207-010203-abc123.zip', $event['context']['archive']);
    }

    public function testTheResolutionSaysItWasAutomaticAndWhichSuccess(): void
    {
        $this->assertSame('Resolved automatically: the next backup succeeded (backup-full-20261207-010203-abc123.zip, history #12).',
            Job_Incidents::resolution(12, 'backup_created', ['backup' => ['filename' => 'backup-full-20261207-010203-abc123.zip']]));
        $this->assertStringStartsWith('Resolved automatically: the next verification passed (',
            Job_Incidents::resolution(13, 'backup_verified', ['backup' => ['filename' => 'a.zip']]));
    }
}
