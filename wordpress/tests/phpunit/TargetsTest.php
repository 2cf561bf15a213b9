<?php
declare(strict_types=1);

require_once __DIR__ . '/options-stand-in.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-targets.php';

use Bjlg\WordPress\Rpo;
use Bjlg\WordPress\Targets;
use PHPUnit\Framework\TestCase;

// The site's one RPO/RTO setting (bjlg_policy_targets): set through Bjlg\Config\Policy's rules,
// read by the RPO and the restore test's RTO, and migration 3 moving the old
// bjlg_settings.rpo_target_hours into it.
final class TargetsTest extends TestCase
{
    protected function setUp(): void
    {
        $GLOBALS['bjlg_test_options'] = [];
    }

    public function testNothingSetIsTheDefaultsSaidSo(): void
    {
        $this->assertSame(
            ['rpo_hours' => 24, 'rto_minutes' => 60, 'source' => ['rpo_hours' => 'default', 'rto_minutes' => 'default']],
            Targets::get()
        );
    }

    public function testAcceptedTargetsAreStoredAndReadByTheRpo(): void
    {
        $shown = Targets::set(['rpo_hours' => 6, 'rto_minutes' => 30]);
        $this->assertSame(['rpo_hours' => 6, 'rto_minutes' => 30, 'source' => ['rpo_hours' => 'setting', 'rto_minutes' => 'setting']], $shown);
        $this->assertSame(['rpo_hours' => 6, 'rto_minutes' => 30], get_option('bjlg_policy_targets'));
        $this->assertSame(['seconds' => 6 * 3600, 'hours' => 6.0, 'source' => 'setting'], Rpo::target());
    }

    public function testOneTargetLeftOutKeepsItsDefault(): void
    {
        Targets::set(['rto_minutes' => 15]);
        $this->assertSame(['rto_minutes' => 15], get_option('bjlg_policy_targets'));
        $this->assertSame(['rpo_hours' => 'default', 'rto_minutes' => 'setting'], Targets::get()['source']);
        $this->assertSame('default', Rpo::target()['source']);
    }

    public function testAnEmptyMapClearsBothTargets(): void
    {
        update_option('bjlg_policy_targets', ['rpo_hours' => 12]);
        $this->assertSame(['rpo_hours' => 'default', 'rto_minutes' => 'default'], Targets::set([])['source']);
        $this->assertSame([], get_option('bjlg_policy_targets'));
    }

    /** @return array<string, array{array<string, mixed>, string, string}> */
    public static function refused(): array
    {
        return [
            'zero hours' => [['rpo_hours' => 0], 'rpo_hours', 'must be an integer between 1 and 8760, 0 given'],
            'over a year' => [['rpo_hours' => 8761], 'rpo_hours', 'between 1 and 8760'],
            'a string' => [['rto_minutes' => '30'], 'rto_minutes', 'between 1 and 525600'],
            'a fraction' => [['rto_minutes' => 1.5], 'rto_minutes', 'between 1 and 525600'],
            'an unknown key' => [['rpo' => 4], 'rpo', 'unknown key'],
        ];
    }

    /** @dataProvider refused */
    public function testRefusedTargetsSayWhyAndStoreNothing(array $targets, string $key, string $reason): void
    {
        update_option('bjlg_policy_targets', ['rpo_hours' => 12]);
        $error = Targets::set($targets);
        $this->assertInstanceOf(WP_Error::class, $error);
        $this->assertSame('bjlg_targets_refused', $error->get_error_code());
        $this->assertStringContainsString($reason, $error->get_error_message());
        $this->assertSame(400, $error->get_error_data()['status']);
        $this->assertSame($key, $error->get_error_data()['key']);
        $this->assertSame(['rpo_hours' => 12], get_option('bjlg_policy_targets'));
    }

    public function testTheMeasuredRtoIsComparedWithTheTarget(): void
    {
        $targets = Targets::effective(['rto_minutes' => 2]);
        $this->assertSame(['target_seconds' => 120, 'source' => 'setting', 'state' => 'ok'], Targets::rto_against(120.0, $targets));
        $this->assertSame('late', Targets::rto_against(120.5, $targets)['state']);
        $this->assertSame('unknown', Targets::rto_against(null, $targets)['state']);
        $this->assertSame(['target_seconds' => 3600, 'source' => 'default', 'state' => 'ok'], Targets::rto_against(3.2, Targets::effective([])));
    }

    public function testMigrationMovesTheOldRpoSettingIntoTheTargets(): void
    {
        $r = Targets::migrated(['verify_after_backup' => false, 'rpo_target_hours' => 12], false);
        $this->assertTrue($r['moved']);
        $this->assertSame(['verify_after_backup' => false], $r['settings']);
        $this->assertSame(['rpo_hours' => 12], $r['targets']);
        // Fractional hours round up to a whole hour (the policy's unit), never below 1.
        $this->assertSame(['rpo_hours' => 2], Targets::migrated(['rpo_target_hours' => 1.5], [])['targets']);
        $this->assertSame(['rpo_hours' => 1], Targets::migrated(['rpo_target_hours' => '0.25'], [])['targets']);
    }

    public function testMigrationKeepsTheTargetsOwnValueAndDropsTheOldKey(): void
    {
        $r = Targets::migrated(['rpo_target_hours' => 12, 'encrypt' => true], ['rpo_hours' => 4, 'rto_minutes' => 30]);
        $this->assertFalse($r['moved']);
        $this->assertSame(['encrypt' => true], $r['settings']);
        $this->assertSame(['rpo_hours' => 4, 'rto_minutes' => 30], $r['targets']);
        // Nothing to move: both options as they were.
        $this->assertSame(['settings' => ['encrypt' => true], 'targets' => false, 'moved' => false], Targets::migrated(['encrypt' => true], false));
        $this->assertFalse(Targets::migrated(['rpo_target_hours' => 'abc'], [])['moved']);
    }
}
