<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-storage.php';
require_once dirname(__DIR__, 2) . '/bjlg/includes/class-incidents.php';

use Bjlg\WordPress\Incidents;
use Bjlg\WordPress\Storage;
use PHPUnit\Framework\TestCase;

// What the storage and incident routes show of the site's destinations, samples, forecasts and
// incidents: never a credential; the incidents a capacity plan calls for.
final class StorageIncidentsTest extends TestCase
{
    private const DAY = 86400;

    public function testADestinationIsShownWithoutCredentialsUrlOrPath(): void
    {
        $s3 = ['name' => 'offsite', 'type' => 's3', 'endpoint' => 'https://s3.example', 'bucket' => 'b', 'region' => 'eu-west-3',
            'access_key' => 'AKIAEXAMPLE', 'secret_key' => 'very-secret', 'prefix' => 'site-a/', 'quota_bytes' => 50];
        $this->assertSame(['name' => 'offsite', 'type' => 's3', 'bucket' => 'b', 'region' => 'eu-west-3', 'prefix' => 'site-a/', 'quota_bytes' => 50],
            Storage::public_destination($s3));
        $this->assertSame(['name' => 'disk', 'type' => 'local', 'quota_bytes' => null],
            Storage::public_destination(['name' => 'disk', 'type' => 'local', 'path' => '/var/backups']));
    }

    public function testSamplesAreGroupedByDestinationOldestFirstWithoutFailedOnes(): void
    {
        $by = Storage::samples_by_destination([
            ['destination' => 'a', 'at' => 300, 'used_bytes' => 30, 'quota_bytes' => 100],
            ['destination' => 'b', 'at' => 100, 'used_bytes' => null, 'quota_bytes' => null],
            ['destination' => 'a', 'at' => 100, 'used_bytes' => 10, 'quota_bytes' => 100],
            ['destination' => 'b', 'at' => 200, 'used_bytes' => 5, 'quota_bytes' => null],
        ]);
        $this->assertSame(['a', 'b'], array_keys($by));
        $this->assertSame([100, 300], array_column($by['a'], 'at'));
        $this->assertSame([['at' => 200, 'used_bytes' => 5, 'quota_bytes' => null]], $by['b']);
    }

    /** A capacity plan of the extension: one destination ten days from its threshold, one far. */
    private static function capacity(int $now): array
    {
        $series = static function (float $fromRatio, float $perDay) use ($now): array {
            $samples = [];
            for ($d = 30; $d >= 0; $d--) {
                $samples[] = ['at' => $now - $d * self::DAY, 'used_bytes' => (int) (1e9 * ($fromRatio + $perDay * (30 - $d))), 'quota_bytes' => 1_000_000_000];
            }
            return $samples;
        };
        $plan = Bjlg\Sla\Capacity::plan([
            ['name' => 'filling', 'samples' => $series(0.45, 0.01)],   // 0.75 now, 0.85 in 10 days
            ['name' => 'calm', 'samples' => $series(0.10, 0.0001)],
        ], ['now' => $now]);
        $destinations = [];
        foreach (['filling', 'calm'] as $name) {
            $destinations[] = ['destination' => ['name' => $name, 'type' => 'local'], 'forecast' => $plan['destinations'][$name]];
        }
        return ['destinations' => $destinations];
    }

    public function testADestinationAtRiskOpensOneIncidentNamedByItsDestinationOnly(): void
    {
        $now = 1_800_000_000;
        $events = Storage::risk_events(self::capacity($now));
        $this->assertCount(1, $events, 'only the destination whose threshold is near');
        $this->assertSame('storage_at_risk', $events[0]['event']);
        $this->assertSame('Destination filling is filling up', $events[0]['title'], 'no figure in the title: the next sample finds it open');
        $this->assertSame('warning', $events[0]['severity']);
        $this->assertMatchesRegularExpression('/^filling: 75\.\d% of the quota used, 85% reached in (9|10)\.\d days \(\d{4}-\d\d-\d\d\)\.$/', $events[0]['lines'][0]);
        $this->assertSame([], Storage::risk_events(['destinations' => [['destination' => ['name' => 'x'], 'forecast' => null]]]), 'no forecast, no incident');
    }

    public function testAnIncidentIsShownWithoutItsPolicyOrChannels(): void
    {
        $incident = Bjlg\Notify\Incident::open(
            ['event' => 'backup_failed', 'title' => 'Backup failed', 'severity' => 'critical', 'lines' => ['disk full']],
            ['channels' => ['ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.example/very-secret-path']], 'notify' => ['ops']],
            1_800_000_000
        );
        $incident->acknowledge('alice', 'looking', 1_800_000_060);
        $shown = Incidents::public_view($incident->toArray(), $incident->status());
        $this->assertSame('acknowledged', $shown['status']);
        $this->assertSame('alice', $shown['acknowledged_by']);
        $this->assertArrayNotHasKey('policy', $shown);
        $this->assertStringNotContainsString('very-secret-path', (string) json_encode($shown));
        $this->assertNotEmpty($shown['steps'], 'the timeline');
    }
}
