<?php
declare(strict_types=1);

use Bjlg\WordPress\Rest_Network;
use PHPUnit\Framework\TestCase;

// GET /network/status's totals, from the sites' statuses as /status answers them.
final class NetworkTotalsTest extends TestCase
{
    private static function site(int $id, int $count, int $bytes, ?string $last, bool $running = false, int $missed = 0): array
    {
        return ['blog_id' => $id, 'status' => [
            'running' => $running ? ['job' => 'backup'] : null,
            'last_backup' => $last === null ? null : ['status' => $last],
            'backups' => ['count' => $count, 'bytes' => $bytes],
            'schedule' => ['enabled' => $count > 0, 'missed_total' => $missed],
            'encryption' => ['enabled' => $id === 3],
        ]];
    }

    public function testThreeSites(): void
    {
        $t = Rest_Network::totals([self::site(1, 2, 1000, 'success', false, 4), self::site(2, 0, 0, null), self::site(3, 1, 500, 'failure', true)]);
        $this->assertSame(3, $t['sites']);
        $this->assertSame(3, $t['archives']);
        $this->assertSame(1500, $t['bytes']);
        $this->assertSame([3], $t['running']);
        $this->assertSame(4, $t['missed_runs']);
        $this->assertSame(2, $t['scheduled']);
        $this->assertSame(1, $t['encrypted']);
        $this->assertSame([3], $t['last_backup_failed']);
        $this->assertSame([2], $t['never_backed_up']);
    }

    public function testNoSite(): void
    {
        $this->assertSame(0, Rest_Network::totals([])['archives']);
    }
}
