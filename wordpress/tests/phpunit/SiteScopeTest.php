<?php
declare(strict_types=1);

use Bjlg\WordPress\Site_Scope;
use PHPUnit\Framework\TestCase;

// What one site is for a backup and a restore: its tables and its uploads folder.
final class SiteScopeTest extends TestCase
{
    private const NETWORK = [
        'wp_blogmeta', 'wp_blogs', 'wp_bjlg_history', 'wp_bjlg_jobs', 'wp_commentmeta', 'wp_comments', 'wp_options', 'wp_posts',
        'wp_registration_log', 'wp_signups', 'wp_site', 'wp_sitemeta', 'wp_users', 'wp_usermeta', 'wp_2fa_tokens',
        'wp_2_options', 'wp_2_posts', 'wp_3_options', 'wp_3_posts', 'wp_20_posts', 'other_posts',
    ];

    public function testSiteTwoOfANetworkHoldsOnlyItsOwnTables(): void
    {
        $this->assertSame(['wp_2_options', 'wp_2_posts'], Site_Scope::backup_tables(self::NETWORK, 'wp_', 2, true));
        $this->assertSame(['wp_20_posts'], Site_Scope::backup_tables(self::NETWORK, 'wp_', 20, true));
    }

    public function testTheMainSiteHoldsItsTablesTheNetworksAndThePluginsButNoOtherSites(): void
    {
        $this->assertSame([
            'wp_blogmeta', 'wp_blogs', 'wp_bjlg_history', 'wp_bjlg_jobs', 'wp_commentmeta', 'wp_comments', 'wp_options', 'wp_posts',
            'wp_registration_log', 'wp_signups', 'wp_site', 'wp_sitemeta', 'wp_users', 'wp_usermeta', 'wp_2fa_tokens',
        ], Site_Scope::backup_tables(self::NETWORK, 'wp_', 1, true));
    }

    public function testASingleSiteHoldsEveryTableUnderItsPrefix(): void
    {
        $this->assertSame(['wp_options', 'wp_posts', 'wp_2_posts'], Site_Scope::backup_tables(['wp_options', 'wp_posts', 'wp_2_posts', 'other_posts'], 'wp_', 1, false));
    }

    public function testPrefixesAndUploads(): void
    {
        $this->assertSame('wp_3_', Site_Scope::table_prefix('wp_', 3, true));
        $this->assertSame('wp_', Site_Scope::table_prefix('wp_', 1, true));
        $this->assertSame('wp_', Site_Scope::table_prefix('wp_', 3, false));
        $this->assertSame('wp-content/uploads/sites/3', Site_Scope::uploads_entry(3, true));
        $this->assertSame('wp-content/uploads', Site_Scope::uploads_entry(1, true));
        $this->assertSame('wp-content/uploads', Site_Scope::uploads_entry(1, false));
    }

    public function testARestoreIntoANetworkPutsBackNeitherTheNetworkTablesNorThePlugins(): void
    {
        $main = Site_Scope::backup_tables(self::NETWORK, 'wp_', 1, true);
        $this->assertSame(['commentmeta', 'comments', 'options', 'posts', '2fa_tokens'], Site_Scope::restore_suffixes($main, 'wp_', true));
        $this->assertSame(['options', 'posts'], Site_Scope::restore_suffixes(['wp_2_options', 'wp_2_posts'], 'wp_2_', true));
    }

    public function testARestoreIntoASingleSitePutsBackItsUsersButNotTheNetworksListOfSites(): void
    {
        $main = Site_Scope::backup_tables(self::NETWORK, 'wp_', 1, true);
        $this->assertSame(['commentmeta', 'comments', 'options', 'posts', 'users', 'usermeta', '2fa_tokens'], Site_Scope::restore_suffixes($main, 'wp_', false));
    }

    public function testATableOutsideTheArchivesPrefixIsRefused(): void
    {
        $this->expectException(UnexpectedValueException::class);
        $this->expectExceptionMessage('other_posts is not under its prefix wp_2_');
        Site_Scope::restore_suffixes(['wp_2_posts', 'other_posts'], 'wp_2_', true);
    }

    public function testUploadsPutBack(): void
    {
        $this->assertSame('2026/12/photo.jpg', Site_Scope::upload_path('wp-content/uploads/2026/12/photo.jpg', 'wp-content/uploads', true));
        $this->assertNull(Site_Scope::upload_path('wp-content/uploads/sites/2/a.jpg', 'wp-content/uploads', true));
        $this->assertSame('sites/2/a.jpg', Site_Scope::upload_path('wp-content/uploads/sites/2/a.jpg', 'wp-content/uploads', false));
        $this->assertNull(Site_Scope::upload_path('wp-content/uploads/bjlg-backups/site-key.php', 'wp-content/uploads', false));
        $this->assertNull(Site_Scope::upload_path('wp-content/plugins/x.php', 'wp-content/uploads', false));
        $this->assertNull(Site_Scope::upload_path('wp-content/uploadsX/a', 'wp-content/uploads', false));
        $this->assertNull(Site_Scope::upload_path('database.sql', 'wp-content/uploads/sites/2', false));
        $this->assertSame('a.jpg', Site_Scope::upload_path('wp-content/uploads/sites/2/a.jpg', 'wp-content/uploads/sites/2', false));
    }
}
