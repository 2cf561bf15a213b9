<?php
declare(strict_types=1);

use Bjlg\WordPress\Schedule_Commands;
use PHPUnit\Framework\TestCase;

// schedule add|edit: the command line's options become the entry keys the REST routes take.
final class ScheduleCommandsTest extends TestCase
{
    public function testOptionsBecomeEntryKeys(): void
    {
        $this->assertSame(
            ['name' => 'Nightly', 'recurrence' => 'monthly', 'time' => '03:30', 'day_of_month' => 15, 'enabled' => 'false', 'type' => 'incremental'],
            Schedule_Commands::input(['name' => 'Nightly', 'recurrence' => 'monthly', 'time' => '03:30', 'day-of-month' => '15', 'enabled' => 'false', 'type' => 'incremental', 'format' => 'json'])
        );
        $this->assertSame(['cron' => '*/15 * * * *'], Schedule_Commands::input(['cron' => '*/15 * * * *', 'yes' => true]), 'other options are not entry keys');
        $this->assertSame(['day_of_month' => 'x'], Schedule_Commands::input(['day-of-month' => 'x']), 'a wrong day is left for apply_input to refuse, naming it');
    }
}
