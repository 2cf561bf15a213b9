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
        $this->assertSame(['bjlg backup', 'bjlg list', 'bjlg status', 'bjlg schedule', 'bjlg verify', 'bjlg restore-test', 'bjlg restore', 'bjlg encryption', 'bjlg delete', 'bjlg job', 'bjlg cancel', 'bjlg quota', 'bjlg forecast', 'bjlg purge', 'bjlg notify', 'bjlg jobs', 'bjlg policy', 'bjlg key'], array_keys(WP_CLI::$commands));
        try {
            (WP_CLI::$commands['bjlg schedule'])(['frobnicate'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: unknown schedule subcommand 'frobnicate' (show, list, set, disable, run, add, edit, delete)", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg verify'])(['../wp-config.php'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: verify needs an archive's name as `list` shows it (backup-full-YYYYmmdd-HHMMSS-ID.zip), not '../wp-config.php'", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg delete'])(['backup-full-20261124-030405-ab12cd.zip'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame('WP_CLI::error: delete removes backup-full-20261124-030405-ab12cd.zip for good: add --yes to confirm', $e->getMessage());
        }
        require_once dirname(__DIR__, 2) . '/bjlg/includes/class-site-policy.php';
        require_once dirname(__DIR__, 2) . '/bjlg/includes/class-policy-command.php';
        try {
            (WP_CLI::$commands['bjlg policy'])(['import', 'policy.yaml'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame('WP_CLI::error: policy import replaces the sections the file holds: add --yes to apply, or --dry-run to see what changes', $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg policy'])(['show'], []);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: policy needs 'export' or 'import FILE', not 'show'", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg list'])([], ['fields' => 'name,size']);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: unknown field 'size'; the fields are: name, bytes, modified, verified, encrypted, path", $e->getMessage());
        }
        try {
            (WP_CLI::$commands['bjlg list'])([], ['format' => 'xml']);
            $this->fail('no error');
        } catch (RuntimeException $e) {
            $this->assertSame("WP_CLI::error: --format must be one of table, json, csv, yaml, not 'xml'", $e->getMessage());
        }
    }
}
