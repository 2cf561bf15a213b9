<?php
declare(strict_types=1);

require_once dirname(__DIR__, 2) . '/bjlg/includes/class-fields-console.php';

use Bjlg\WordPress\Commands;
use Bjlg\WordPress\Console;
use Bjlg\WordPress\Fields_Console;
use Bjlg\WordPress\Usage_Exception;
use PHPUnit\Framework\TestCase;

// --fields of the commands that print one document (status, job ID, schedule show, ...): the
// keys named, in that order, nested paths kept nested; an unknown one is a usage error that
// lists the keys there are; without json or yaml it is a usage error before the command runs.
final class FieldsConsoleTest extends TestCase
{
    private const STATUS = [
        'plugin_version' => '1.0.0',
        'blog_id' => 1,
        'schedule' => ['enabled' => true, 'cron' => '30 2 * * *', 'next_event' => 1765000000],
        'encryption' => ['enabled' => false, 'fingerprint' => null],
        'targets' => ['rpo_hours' => 24, 'rto_minutes' => 60],
    ];

    public function testKeysAreKeptInTheOrderGiven(): void
    {
        $this->assertSame(
            ['targets' => ['rpo_hours' => 24, 'rto_minutes' => 60], 'blog_id' => 1],
            Fields_Console::pick(self::STATUS, ['targets', 'blog_id'])
        );
    }

    public function testPathsKeepTheirNesting(): void
    {
        $this->assertSame(
            ['schedule' => ['next_event' => 1765000000, 'cron' => '30 2 * * *'], 'encryption' => ['fingerprint' => null]],
            Fields_Console::pick(self::STATUS, ['schedule.next_event', 'schedule.cron', 'encryption.fingerprint'])
        );
    }

    public function testAnUnknownFieldListsTheKeysThereAre(): void
    {
        try {
            Fields_Console::pick(self::STATUS, ['blog_id', 'shedule']);
            $this->fail('no usage error');
        } catch (Usage_Exception $e) {
            $this->assertSame("unknown field 'shedule'; the fields are: plugin_version, blog_id, schedule, encryption, targets", $e->getMessage());
        }
        try {
            Fields_Console::pick(self::STATUS, ['schedule.next']);
            $this->fail('no usage error');
        } catch (Usage_Exception $e) {
            $this->assertSame("unknown field 'schedule.next'; the fields in schedule are: enabled, cron, next_event", $e->getMessage());
        }
        $this->expectException(Usage_Exception::class);
        $this->expectExceptionMessage("unknown field 'blog_id.x'; blog_id is not a map");
        Fields_Console::pick(self::STATUS, ['blog_id.x']);
    }

    public function testTheListIsParsed(): void
    {
        $this->assertSame(['a', 'b.c'], Fields_Console::parse(' a, b.c ,a'));
        foreach (['', 'a,,b', 'a.', '.a'] as $bad) {
            try {
                Fields_Console::parse($bad);
                $this->fail("'$bad' accepted");
            } catch (Usage_Exception $e) {
                $this->assertStringStartsWith('--fields needs field names', $e->getMessage());
            }
        }
    }

    public function testTheConsolePrintsOnlyThePickedDocument(): void
    {
        $inner = new class implements Console {
            public array $documents = [];
            public function info(string $text): void {}
            public function document(array $data, string $format): void { $this->documents[] = [$data, $format]; }
            public function error(string $text): void {}
            public function items(array $rows, array $fields, string $format): void {}
            public function progress(): ?callable { return null; }
            public function progress_done(): void {}
        };
        (new Fields_Console($inner, ['schedule.cron']))->document(self::STATUS, 'yaml');
        $this->assertSame([[['schedule' => ['cron' => '30 2 * * *']], 'yaml']], $inner->documents);
    }

    public function testFieldsOfADocumentNeedJsonOrYamlAndAreCheckedBeforeTheCommandRuns(): void
    {
        $commands = new Commands(new class implements Console {
            public function info(string $text): void {}
            public function document(array $data, string $format): void {}
            public function error(string $text): void {}
            public function items(array $rows, array $fields, string $format): void {}
            public function progress(): ?callable { return null; }
            public function progress_done(): void {}
        });
        try {
            $commands->run('status', [], ['fields' => 'blog_id']);
            $this->fail('no usage error');
        } catch (Usage_Exception $e) {
            $this->assertSame("--fields picks keys of status's document: add --format=json or --format=yaml", $e->getMessage());
        }
        // A backup with an empty field list never starts (the usage error comes first).
        $this->expectException(Usage_Exception::class);
        $commands->run('backup', [], ['fields' => ',', 'format' => 'json']);
    }
}
