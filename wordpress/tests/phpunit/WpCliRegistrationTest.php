<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// wp-cli.php against a stand-in of WP-CLI's small surface (WP-CLI is packaged by neither Debian
// nor npm): every command registered under `bjlg`, a usage error reported through WP_CLI::error.
final class WpCliRegistrationTest extends TestCase
{
    public function testEveryCommandIsRegisteredAndUsageErrorsGoToWpCliError(): void
    {
        require_once __DIR__ . '/wp-cli-stand-in.php';
        require dirname(__DIR__, 2) . '/bjlg/wp-cli.php';
        $this->assertSame(['bjlg backup', 'bjlg list', 'bjlg status', 'bjlg schedule', 'bjlg verify'], array_keys(WP_CLI::$commands));
        try {
            (WP_CLI::$commands['bjlg schedule'])(['frobnicate'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: unknown schedule subcommand 'frobnicate' (show, set, disable, run)", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg verify'])(['../wp-config.php'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: verify needs an archive's name as `list` shows it (backup-full-YYYYmmdd-HHMMSS-ID.zip), not '../wp-config.php'", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg list'])([], ['format' => 'yaml']);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: --format must be one of table, json, csv, not 'yaml'", $e->getMessage());
        }
    }
}
