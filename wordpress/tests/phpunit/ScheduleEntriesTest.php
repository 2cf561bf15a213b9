<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-schedule.php';

use Bjlg\WordPress\Schedule;
use PHPUnit\Framework\TestCase;

// Several schedule entries: the stored shapes read as a list (the version-1 single entry
// migrated), the presets of design §1.9 as cron expressions, and the changes an entry accepts.
final class ScheduleEntriesTest extends TestCase
{
    public function testAVersionOneSingleEntryBecomesTheFirstEntryOfTheList(): void
    {
        $entries = Schedule::normalize_collection(['recurrence' => 'weekly', 'day' => 'monday', 'time' => '02:30', 'components' => ['db']]);
        $this->assertCount(1, $entries);
        $this->assertSame(Schedule::DEFAULT_ID, $entries[0]['id']);
        $this->assertSame('weekly', $entries[0]['recurrence']);
        $this->assertSame(['db'], $entries[0]['components'], 'its own values kept');
        $this->assertSame(1, $entries[0]['day_of_month'], 'missing keys get the defaults');
        $this->assertSame('30 2 * * 1', Schedule::cron_of($entries[0]));
    }

    public function testTheListDropsEntriesWithoutIdAndDuplicateIds(): void
    {
        $entries = Schedule::normalize_collection(['version' => 2, 'schedules' => [
            ['id' => Schedule::DEFAULT_ID, 'recurrence' => 'custom', 'custom_cron' => '30 2 * * *'],
            ['id' => 'bjlg_schedule_b', 'recurrence' => 'hourly'],
            ['id' => 'bjlg_schedule_b', 'recurrence' => 'daily'],
            ['recurrence' => 'daily'],
            'garbage',
        ]]);
        $this->assertSame([Schedule::DEFAULT_ID, 'bjlg_schedule_b'], array_column($entries, 'id'));
        $this->assertSame('hourly', $entries[1]['recurrence'], 'the first of two with one id');
        $this->assertSame([], Schedule::normalize_collection(false));
    }

    /** @return array<string, array{array<string, mixed>, string}> */
    public static function presets(): array
    {
        return [
            'every five minutes' => [['recurrence' => 'every_five_minutes'], '*/5 * * * *'],
            'every fifteen minutes' => [['recurrence' => 'every_fifteen_minutes'], '*/15 * * * *'],
            'hourly ignores the time' => [['recurrence' => 'hourly', 'time' => '23:45'], '0 * * * *'],
            'twice daily at the time and twelve hours later' => [['recurrence' => 'twice_daily', 'time' => '21:00'], '0 9,21 * * *'],
            'daily' => [['recurrence' => 'daily', 'time' => '2:05'], '5 2 * * *'],
            'daily at the default time' => [['recurrence' => 'daily'], '59 23 * * *'],
            'weekly on the day' => [['recurrence' => 'weekly', 'day' => 'wednesday', 'time' => '10:07'], '7 10 * * 3'],
            'monthly' => [['recurrence' => 'monthly', 'day_of_month' => 19, 'time' => '06:45'], '45 6 19 * *'],
            'monthly on the 31st is the last day of every month' => [['recurrence' => 'monthly', 'day_of_month' => 31, 'time' => '02:30'], '30 2 L * *'],
            'custom' => [['recurrence' => 'custom', 'custom_cron' => ' 0 3 * * 1-5 '], '0 3 * * 1-5'],
            'disabled' => [['recurrence' => 'disabled', 'custom_cron' => '0 3 * * *'], ''],
        ];
    }

    /**
     * @dataProvider presets
     * @param array<string, mixed> $entry
     */
    public function testAPresetIsRunAsACronExpression(array $entry, string $cron): void
    {
        $this->assertSame($cron, Schedule::cron_of($entry + Schedule::blank_entry('x')));
    }

    /** @return array<string, array{array<string, mixed>, string}> */
    public static function refusedPresets(): array
    {
        return [
            'a time out of range' => [['recurrence' => 'daily', 'time' => '24:00'], "time must be H:MM or HH:MM (00:00 to 23:59), not '24:00'"],
            'an unknown day' => [['recurrence' => 'weekly', 'day' => 'funday'], "day must be one of sunday, monday, tuesday, wednesday, thursday, friday, saturday, not 'funday'"],
            'a day of month some months lack' => [['recurrence' => 'monthly', 'day_of_month' => 30], 'day_of_month must be 1 to 28, or 31 for the last day of every month'],
            'day 0' => [['recurrence' => 'monthly', 'day_of_month' => 0], 'day_of_month must be 1 to 28'],
            'an unknown recurrence' => [['recurrence' => 'fortnightly'], "recurrence must be one of disabled, every_five_minutes"],
        ];
    }

    /**
     * @dataProvider refusedPresets
     * @param array<string, mixed> $entry
     */
    public function testAPresetValueThatCannotBeRunIsRefusedByName(array $entry, string $message): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage($message);
        Schedule::cron_of($entry + Schedule::blank_entry('x'));
    }

    public function testAnEntryChangesOnlyByTheKeysGiven(): void
    {
        $entry = Schedule::apply_input(Schedule::blank_entry('bjlg_schedule_n'), ['name' => 'Nightly', 'recurrence' => 'daily', 'time' => '01:15']);
        $this->assertSame('Nightly', $entry['label']);
        $this->assertSame('15 1 * * *', Schedule::cron_of($entry));
        $entry = Schedule::apply_input($entry, ['cron' => '0 4 * * sun']);
        $this->assertSame('custom', $entry['recurrence'], 'a cron alone makes it custom');
        $this->assertSame('Nightly', $entry['label']);
        $entry = Schedule::apply_input($entry, ['macro' => 'weekend_snapshot']);
        $this->assertSame(['custom', '0 5 * * sat,sun', 'weekend_snapshot'], [$entry['recurrence'], $entry['custom_cron'], $entry['macro']]);
    }

    public function testPausingKeepsTheRecurrenceAndResumingBringsItBack(): void
    {
        $entry = Schedule::apply_input(Schedule::blank_entry('x'), ['recurrence' => 'weekly', 'day' => 'Friday']);
        $paused = Schedule::apply_input($entry, ['enabled' => false]);
        $this->assertSame(['disabled', 'weekly'], [$paused['recurrence'], $paused['previous_recurrence']]);
        $this->assertSame('', Schedule::cron_of($paused));
        $this->assertSame('weekly', Schedule::apply_input($paused, ['enabled' => 'true'])['recurrence']);
        $this->assertSame('daily', Schedule::apply_input(Schedule::blank_entry('y'), ['enabled' => true])['recurrence'], 'nothing to resume: daily (§1.9)');
    }

    public function testAnEntryMakesFullOrIncrementalBackups(): void
    {
        $this->assertSame('full', Schedule::type_of(Schedule::blank_entry('x')));
        $incremental = Schedule::apply_input(Schedule::blank_entry('x'), ['type' => 'incremental']);
        $this->assertTrue($incremental['incremental'], "stored as the old plugin's flag");
        $this->assertSame('incremental', Schedule::type_of($incremental));
        $this->assertSame('full', Schedule::type_of(Schedule::apply_input($incremental, ['type' => 'full'])));
        $this->assertSame('incremental', Schedule::type_of(Schedule::normalize_collection(['recurrence' => 'daily', 'incremental' => true])[0]), 'an old entry keeps its flag');
    }

    /** @return array<string, array{array<string, mixed>, string}> */
    public static function refusedInputs(): array
    {
        return [
            'an unknown type' => [['type' => 'differential'], "type must be 'full' or 'incremental', not 'differential'"],
            'an unknown key' => [['hour' => 3], "unknown key 'hour' (name, recurrence, cron, macro, time, day, day_of_month, enabled, type)"],
            'an empty name' => [['name' => '  '], 'name must be 1 to 100 characters'],
            'an empty cron' => [['cron' => ' '], 'cron must be a cron expression'],
            'custom without cron' => [['recurrence' => 'custom'], 'a custom recurrence needs cron'],
            'an unknown macro' => [['macro' => 'sometimes'], 'macro must be one of hourly_guard, pre_deploy, weekend_snapshot'],
            'enabled not a boolean' => [['enabled' => 'maybe'], 'enabled must be true or false'],
            'a bad time for the preset' => [['recurrence' => 'daily', 'time' => '7h'], "time must be H:MM or HH:MM (00:00 to 23:59), not '7h'"],
        ];
    }

    /**
     * @dataProvider refusedInputs
     * @param array<string, mixed> $input
     */
    public function testAWrongChangeIsRefusedNamingTheKey(array $input, string $message): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage($message);
        Schedule::apply_input(Schedule::blank_entry('x'), $input);
    }
}
