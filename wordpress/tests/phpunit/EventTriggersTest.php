<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-event-triggers.php';

use Bjlg\WordPress\Event_Triggers;
use PHPUnit\Framework\TestCase;

// The event triggers' rules, on the vectors of design plugin-scheduling §6.5.
final class EventTriggersTest extends TestCase
{
    private const NOON = 1_800_014_400 - 1_800_014_400 % 86400 + 43200;

    public function testEveryTriggerIsOffByDefaultWithTheDesignsNumbers(): void
    {
        $this->assertSame([
            'before_update' => ['enabled' => false, 'cooldown' => 600],
            'database' => ['enabled' => false, 'cooldown' => 300, 'batch_window' => 60, 'max_batch' => 10],
        ], Event_Triggers::settings(false));
    }

    public function testSettingsAreClampedNotTrusted(): void
    {
        $s = Event_Triggers::settings(['triggers' => ['database' => ['enabled' => 1, 'cooldown' => -5, 'max_batch' => 0, 'batch_window' => '30']]]);
        $this->assertSame(['enabled' => true, 'cooldown' => 0, 'batch_window' => 30, 'max_batch' => 1], $s['database']);
    }

    public function testOneChangeWithNoWindowAndNoCooldownIsDispatchedAtOnce(): void
    {
        $trigger = ['cooldown' => 0, 'batch_window' => 0, 'max_batch' => 1];
        $this->assertTrue(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 1], $trigger, 0, self::NOON));
    }

    public function testAWindowGroupsChangesUntilMaxBatch(): void
    {
        $trigger = ['cooldown' => 0, 'batch_window' => 120, 'max_batch' => 3];
        $this->assertFalse(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 1], $trigger, 0, self::NOON));
        $this->assertFalse(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 2], $trigger, 0, self::NOON + 10));
        $this->assertTrue(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 3], $trigger, 0, self::NOON + 20), 'the third');
        $this->assertTrue(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 1], $trigger, 0, self::NOON + 120), 'the window from the first change has passed');
    }

    public function testNothingIsDispatchedInsideTheCooldownEvenAtMaxBatch(): void
    {
        $trigger = ['cooldown' => 300, 'batch_window' => 0, 'max_batch' => 1];
        $this->assertFalse(Event_Triggers::should_dispatch(['first_seen' => self::NOON, 'count' => 1], $trigger, self::NOON, self::NOON));
        $this->assertGreaterThan(self::NOON, Event_Triggers::next_attempt(['first_seen' => self::NOON, 'count' => 1], $trigger, self::NOON, self::NOON));
    }

    public function testTheNextAttemptIsWhenTheWindowOrTheCooldownEnds(): void
    {
        $trigger = ['cooldown' => 300, 'batch_window' => 120, 'max_batch' => 10];
        $this->assertSame(self::NOON + 90, Event_Triggers::next_attempt(['first_seen' => self::NOON - 30, 'count' => 1], $trigger, 0, self::NOON), '12:01:30');
        $this->assertSame(self::NOON + 240, Event_Triggers::next_attempt(['first_seen' => self::NOON - 30, 'count' => 1], $trigger, self::NOON - 60, self::NOON), '12:04:00: the cooldown wins');
        $this->assertSame(self::NOON + 240, Event_Triggers::next_attempt(['first_seen' => self::NOON - 30, 'count' => 10], $trigger, self::NOON - 60, self::NOON), 'max_batch never inside the cooldown');
        $this->assertSame(self::NOON, Event_Triggers::next_attempt(['first_seen' => self::NOON - 30, 'count' => 10], $trigger, self::NOON - 600, self::NOON), 'max_batch after the cooldown: now');
    }

    public function testAnUpdateSaysWhatIsUpdated(): void
    {
        $this->assertSame('plugin akismet/akismet.php', Event_Triggers::update_subject(['plugin' => 'akismet/akismet.php', 'type' => 'plugin']));
        $this->assertSame('theme twentytwentythree', Event_Triggers::update_subject(['theme' => 'twentytwentythree']));
        $this->assertSame('WordPress core', Event_Triggers::update_subject(['type' => 'core']));
    }
}
