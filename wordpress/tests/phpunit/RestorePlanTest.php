<?php
declare(strict_types=1);

use Bjlg\WordPress\Restore_Job;
use Bjlg\WordPress\Restore_Refused_Exception;
use PHPUnit\Framework\TestCase;

// What a restore reads in an archive's manifest before touching anything.
final class RestorePlanTest extends TestCase
{
    public function testASiteOfANetwork(): void
    {
        $plan = Restore_Job::plan(['db_prefix' => 'wp_', 'multisite' => true, 'blog_id' => 2, 'scope' => 'site',
            'table_prefix' => 'wp_2_', 'uploads' => 'wp-content/uploads/sites/2', 'site_url' => 'http://example.com/site2']);
        $this->assertSame(['source_prefix' => 'wp_2_', 'uploads' => 'wp-content/uploads/sites/2', 'skip_sites' => false,
            'blog_id' => 2, 'home' => 'http://example.com/site2'], $plan);
    }

    public function testTheMainSiteOfANetworkLeavesTheOtherSitesUploads(): void
    {
        $plan = Restore_Job::plan(['db_prefix' => 'wp_', 'multisite' => true, 'blog_id' => 1, 'scope' => 'site', 'table_prefix' => 'wp_', 'uploads' => 'wp-content/uploads']);
        $this->assertTrue($plan['skip_sites']);
        $this->assertSame('wp_', $plan['source_prefix']);
    }

    public function testASingleSiteArchiveWrittenBeforeScopesIsTaken(): void
    {
        $plan = Restore_Job::plan(['db_prefix' => 'wpa_', 'multisite' => false, 'blog_id' => 1]);
        $this->assertSame(['wpa_', 'wp-content/uploads', false], [$plan['source_prefix'], $plan['uploads'], $plan['skip_sites']]);
    }

    public function testANetworkArchiveWrittenBeforePerSiteBackupsIsRefused(): void
    {
        $this->expectException(Restore_Refused_Exception::class);
        $this->expectExceptionMessage('holds every site of its network');
        Restore_Job::plan(['db_prefix' => 'wp_', 'multisite' => true, 'blog_id' => 2]);
    }

    public function testAnArchiveWithoutThePluginsManifestIsRefused(): void
    {
        $this->expectException(Restore_Refused_Exception::class);
        $this->expectExceptionMessage('not written by the bjlg plugin');
        Restore_Job::plan(['version' => '1']);
    }

    public function testAPrefixThatIsNotOneIsRefused(): void
    {
        $this->expectException(Restore_Refused_Exception::class);
        Restore_Job::plan(['db_prefix' => 'wp_', 'table_prefix' => 'wp_`; DROP', 'multisite' => false]);
    }
}
