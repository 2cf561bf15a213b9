<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-schedule.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-site-policy.php';

use Bjlg\Config\Policy;
use Bjlg\WordPress\Site_Policy;
use PHPUnit\Framework\TestCase;

// The site's policy document as the plugin exports and imports it (docs/policy.md): secrets the
// site holds leave only as references to themselves, the export is a document the extension
// accepts, an import lists what changes by section and entry, and references resolve through
// one lookup.
final class SitePolicyTest extends TestCase
{
    private const SCHEDULE = ['id' => 'bjlg_schedule_default', 'label' => 'Nightly', 'recurrence' => 'custom',
        'custom_cron' => '0 3 * * *', 'components' => ['db'], 'encrypt' => false, 'incremental' => false];

    private static function destinations(): array
    {
        return [
            ['name' => 'offsite', 'type' => 's3', 'bucket' => 'b', 'region' => 'eu-west-3',
                'access_key' => 'AKIAEXAMPLE', 'secret_key' => 'very-secret'],
            ['name' => 'disk', 'type' => 'local', 'path' => '/var/backups'],
        ];
    }

    private static function channels(): array
    {
        return ['ops' => ['type' => 'webhook', 'url' => 'https://hooks.example.org/x', 'secret' => 'hook-secret']];
    }

    public function testTheExportHoldsReferencesToTheSecretsNeverTheSecrets(): void
    {
        $doc = Site_Policy::export_array([self::SCHEDULE], self::destinations(), ['keep_daily' => 7], self::channels(), ['rpo_hours' => 24]);
        $this->assertSame([['name' => 'Nightly', 'cron' => '0 3 * * *', 'type' => 'full', 'enabled' => true]], $doc['schedules']);
        $this->assertSame(['option' => 'bjlg:destination:offsite:access_key'], $doc['destinations'][0]['access_key']);
        $this->assertSame(['option' => 'bjlg:destination:offsite:secret_key'], $doc['destinations'][0]['secret_key']);
        $this->assertSame(['option' => 'bjlg:channel:ops:secret'], $doc['channels']['ops']['secret']);
        $yaml = Policy::fromArray($doc)->toYaml();
        foreach (['AKIAEXAMPLE', 'very-secret', 'hook-secret'] as $secret) {
            $this->assertStringNotContainsString($secret, $yaml);
        }
        $this->assertStringContainsString("secret_key: {option: bjlg:destination:offsite:secret_key}", $yaml);
        $this->assertSame(['rpo_hours' => 24], Policy::parse($yaml)->toArray()['targets']);
    }

    public function testADisabledScheduleIsExportedDisabledAndNoScheduleAsAnEmptyList(): void
    {
        $paused = ['recurrence' => 'disabled', 'previous_recurrence' => 'custom', 'incremental' => true] + self::SCHEDULE;
        $doc = Site_Policy::export_array([$paused], [], [], [], []);
        $this->assertSame([['name' => 'Nightly', 'cron' => '0 3 * * *', 'type' => 'incremental', 'enabled' => false]], $doc['schedules']);
        $this->assertArrayNotHasKey('targets', $doc);
        $none = Site_Policy::export_array([['recurrence' => 'disabled', 'custom_cron' => ''] + self::SCHEDULE], [], [], [], []);
        $this->assertSame([], $none['schedules']);
    }

    public function testChangesNameTheEntriesAddedRemovedAndChangedOfTheSectionsTheDocumentHolds(): void
    {
        $current = Policy::fromArray(Site_Policy::export_array([self::SCHEDULE], self::destinations(), ['keep_daily' => 7], self::channels(), []))->toArray();
        $incoming = Policy::parse(<<<'YAML'
schedules:
  - {name: Nightly, cron: "30 2 * * *"}
destinations:
  - {name: disk, type: local, path: /var/backups}
  - {name: nas, type: local, path: /mnt/nas}
retention: {keep_daily: 7}
YAML)->toArray();
        $changes = Site_Policy::changes($current, $incoming);
        $this->assertSame(['schedules', 'destinations', 'retention'], array_keys($changes));  // channels, targets: left as they are
        $this->assertSame(['status' => 'changed', 'added' => [], 'removed' => [], 'changed' => ['Nightly']], $changes['schedules']);
        $this->assertSame(['status' => 'changed', 'added' => ['nas'], 'removed' => ['offsite'], 'changed' => []], $changes['destinations']);
        $this->assertSame('unchanged', $changes['retention']['status']);
        // The site's own export changes nothing.
        $same = Site_Policy::changes($current, $current);
        $this->assertSame(['unchanged'], array_values(array_unique(array_column($same, 'status'))));
    }

    public function testReferencesAreResolvedThroughTheLookupAndAFailureStopsTheImport(): void
    {
        $doc = Policy::parse(<<<'YAML'
destinations:
  - {name: dav, type: webdav, url: "https://dav.example/", username: u, password: {env: DAV_PASSWORD}}
channels:
  ops: {type: webhook, url: "https://hooks.example.org/x", secret: {file: /etc/bjlg/hook}}
YAML)->toArray();
        $asked = [];
        $resolved = Site_Policy::resolve($doc, function (string $source, string $name, string $where) use (&$asked): string {
            $asked[] = "$source:$name ($where)";
            return "secret-of-$name";
        });
        $this->assertSame(['env:DAV_PASSWORD (destination \'dav\' key \'password\')', 'file:/etc/bjlg/hook (channel \'ops\' key \'secret\')'], $asked);
        $this->assertSame('secret-of-DAV_PASSWORD', $resolved['destinations'][0]['password']);
        $this->assertSame('secret-of-/etc/bjlg/hook', $resolved['channels']['ops']['secret']);
        $this->assertSame('u', $resolved['destinations'][0]['username']);

        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage("destination 'dav' key 'password': the reference {env: DAV_PASSWORD} names an environment variable that is not set");
        putenv('DAV_PASSWORD');
        Site_Policy::resolve($doc, [Site_Policy::class, 'lookup']);
    }

    public function testAFileReferenceReadsTheFileWithoutItsTrailingNewline(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'bjlg-secret');
        file_put_contents($file, "s3cr3t\n");
        try {
            $this->assertSame('s3cr3t', Site_Policy::lookup('file', $file, 'x'));
            putenv('BJLG_POLICY_TEST_SECRET=from-env');
            $this->assertSame('from-env', Site_Policy::lookup('env', 'BJLG_POLICY_TEST_SECRET', 'x'));
            file_put_contents($file, "\n");
            $this->expectExceptionMessage("x: the reference {file: $file} names an empty file");
            Site_Policy::lookup('file', $file, 'x');
        } finally {
            unlink($file);
            putenv('BJLG_POLICY_TEST_SECRET');
        }
    }
}
