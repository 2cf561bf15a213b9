<?php
declare(strict_types=1);

use Bjlg\WordPress\Formatter;
use PHPUnit\Framework\TestCase;

final class FormatterTest extends TestCase
{
    private const ROWS = [
        ['name' => 'backup-full-a.zip', 'bytes' => 1536, 'extra' => 'dropped'],
        ['name' => 'b, "quoted"', 'bytes' => 0],
    ];

    public function testTableHasWpCliBordersAndAlignedColumns(): void
    {
        $expected = "+-------------------+-------+\n"
            . "| name              | bytes |\n"
            . "+-------------------+-------+\n"
            . "| backup-full-a.zip | 1536  |\n"
            . "| b, \"quoted\"       | 0     |\n"
            . "+-------------------+-------+\n";
        $this->assertSame($expected, Formatter::format(self::ROWS, ['name', 'bytes'], 'table'));
    }

    public function testJsonKeepsOnlyTheFieldsInOrderWithTheirTypes(): void
    {
        $this->assertSame(
            '[{"bytes":1536,"name":"backup-full-a.zip"},{"bytes":0,"name":"b, \"quoted\""}]' . "\n",
            Formatter::format(self::ROWS, ['bytes', 'name'], 'json')
        );
        $this->assertSame('[{"a":true,"b":null}]' . "\n", Formatter::format([['a' => true]], ['a', 'b'], 'json'));
    }

    public function testCsvQuotesAsRfc4180(): void
    {
        $this->assertSame("name,bytes\nbackup-full-a.zip,1536\n\"b, \"\"quoted\"\"\",0\n", Formatter::format(self::ROWS, ['name', 'bytes'], 'csv'));
    }

    public function testMissingCellsBooleansAndArrays(): void
    {
        $rows = [['a' => true, 'b' => ['x' => 1]], ['a' => false]];
        $this->assertSame("a,b\ntrue,\"{\"\"x\"\":1}\"\nfalse,\n", Formatter::format($rows, ['a', 'b'], 'csv'));
    }

    public function testUnknownFormatIsRefused(): void
    {
        $this->expectException(InvalidArgumentException::class);
        Formatter::format([], ['a'], 'xml');
    }

    public function testYamlIsBinBjlgsRendererOfTheSameItems(): void
    {
        require_once dirname(__DIR__, 3) . '/cli/Formatter.php';
        $rows = [['name' => 'backup-full-20261124-030405-ab12cd.zip', 'bytes' => 12, 'path' => '/x']];
        $this->assertSame("---\n-\n  name: \"backup-full-20261124-030405-ab12cd.zip\"\n  bytes: 12\n", Formatter::format($rows, ['name', 'bytes'], 'yaml'));
        $this->assertSame("---\nstatus: \"passed\"\nchecks: 7\n", Formatter::document(['status' => 'passed', 'checks' => 7], 'yaml'));
        $this->assertSame("{\"status\":\"passed\"}\n", Formatter::document(['status' => 'passed'], 'json'));
    }
}
