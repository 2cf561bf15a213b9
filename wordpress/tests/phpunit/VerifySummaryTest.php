<?php
declare(strict_types=1);

use Bjlg\WordPress\Verify_Job;
use PHPUnit\Framework\TestCase;

// The verifier's report (a real one, from the extension) reduced to the history's summary.
final class VerifySummaryTest extends TestCase
{
    private static string $dir;

    public static function setUpBeforeClass(): void
    {
        self::$dir = sys_get_temp_dir() . '/bjlg-verify-' . bin2hex(random_bytes(4));
        mkdir(self::$dir, 0700);
        $w = new Bjlg\Archive\Writer(self::$dir . '/good.zip');
        $w->addFromString('wp-content/index.php', str_repeat("<?php // Silence is golden.\n", 50));
        $w->addFromString('database.sql', "CREATE TABLE wp_options (option_id bigint);\n");
        $w->close();
        $bytes = file_get_contents(self::$dir . '/good.zip');
        $bytes[200] = chr(ord($bytes[200]) ^ 0xff);
        file_put_contents(self::$dir . '/tampered.zip', $bytes);
    }

    public static function tearDownAfterClass(): void
    {
        array_map('unlink', glob(self::$dir . '/*'));
        rmdir(self::$dir);
    }

    public function testAPassedArchive(): void
    {
        $report = Bjlg\Verify\Verifier::verify(self::$dir . '/good.zip');
        $summary = Verify_Job::summarize($report, $report['sha256']);
        $this->assertSame('passed', $summary['status']);
        $this->assertSame('good.zip', $summary['archive']);
        $this->assertSame([], $summary['problems']);
        $this->assertTrue($summary['checksum_matches_history']);
        $this->assertSame(sprintf('all %d checks passed', $summary['checks']), $summary['message']);
        $this->assertSame('Verification of good.zip passed: ' . $summary['message'] . '.', Verify_Job::details($summary));
        $this->assertStringNotContainsString(self::$dir, json_encode($summary), 'no server path');
    }

    public function testATamperedArchiveFailsWithTheFirstProblem(): void
    {
        $summary = Verify_Job::summarize(Bjlg\Verify\Verifier::verify(self::$dir . '/tampered.zip'), null);
        $this->assertSame('failed', $summary['status']);
        $this->assertNull($summary['checksum_matches_history'], 'no recorded checksum to compare');
        $this->assertFalse($summary['wrong_key'], 'damage is not a wrong key');
        $this->assertNotEmpty($summary['problems']);
        $this->assertSame($summary['problems'][0]['name'] . ': ' . $summary['problems'][0]['message'], $summary['message']);
    }

    public function testAnArchiveThatChangedSinceItWasWrittenFails(): void
    {
        $report = Bjlg\Verify\Verifier::verify(self::$dir . '/good.zip');
        $summary = Verify_Job::summarize($report, str_repeat('0', 64));
        $this->assertSame('failed', $summary['status']);
        $this->assertSame('passed', $summary['verifier_status']);
        $this->assertFalse($summary['checksum_matches_history']);
        $this->assertSame('recorded_checksum', $summary['problems'][0]['name']);
    }
}
