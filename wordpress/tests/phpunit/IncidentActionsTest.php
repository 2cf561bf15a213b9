<?php
declare(strict_types=1);

use Bjlg\WordPress\Incident_Actions;
use PHPUnit\Framework\TestCase;

// The incidents' action plans: a due date is the end of that day in the site's zone; an item
// still open or in progress past it is overdue; owners are shown by name.
final class IncidentActionsTest extends TestCase
{
    public function testADueDateEndsAtMidnightInTheSiteZone(): void
    {
        $paris = new DateTimeZone('Europe/Paris');
        $this->assertSame((new DateTimeImmutable('2026-12-08 23:59:59', $paris))->getTimestamp(), Incident_Actions::due_at('2026-12-08', $paris));
        $this->assertSame(gmmktime(22, 59, 59, 12, 8, 2026), Incident_Actions::due_at('2026-12-08', $paris));
        $this->assertNull(Incident_Actions::due_at('2026-02-30', $paris));
        $this->assertNull(Incident_Actions::due_at('2026-13-01', $paris));
    }

    public function testOpenItemsPastTheirDueTimeAreOverdue(): void
    {
        $utc = new DateTimeZone('UTC');
        $now = gmmktime(12, 0, 0, 12, 7, 2026);
        $actions = [
            ['id' => 'a1', 'title' => 'late', 'owner' => 'admin', 'status' => 'open', 'due_at' => $now - 1],
            ['id' => 'a2', 'title' => 'late but done', 'owner' => '', 'status' => 'done', 'due_at' => $now - 86400],
            ['id' => 'a3', 'title' => 'on time', 'owner' => 'gone', 'status' => 'in_progress', 'due_at' => $now + 60],
            ['id' => 'a4', 'title' => 'no date', 'owner' => 'admin', 'status' => 'in_progress', 'due_at' => null],
            ['id' => 'a5', 'title' => 'late in progress', 'owner' => 'admin', 'status' => 'in_progress', 'due_at' => $now - 60],
        ];
        $shown = Incident_Actions::annotate($actions, $now, $utc, ['admin' => 'Alice Admin']);
        $this->assertSame([true, false, false, false, true], array_column($shown, 'overdue'));
        $this->assertSame(['Alice Admin', null, 'gone', 'Alice Admin', 'Alice Admin'], array_column($shown, 'owner_name'));
        $this->assertSame(['2026-12-07', '2026-12-06', '2026-12-07', null, '2026-12-07'], array_column($shown, 'due_date'));
        $this->assertSame('late', $shown[0]['title']);
    }
}
