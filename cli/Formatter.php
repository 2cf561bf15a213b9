<?php
// The renderings of what a command prints, as WP-CLI's --format and --fields: json, csv (one
// row per item, a header of the fields) and yaml; `table` is each command's own layout, or with
// --fields a plain table of those fields. A command lists the formats it takes and the fields
// of its rows in its definition (cli/commands/definitions.php); rows() is the one way to print
// rows.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/Commands.php';
require_once __DIR__ . '/UsageError.php';

final class Formatter
{
    /**
     * The rows of $command in the --format of $o, reduced to --fields when given.
     *  - table: $table() (the command's layout), or a table of the fields with --fields;
     *  - json, yaml: $document (the command's own shape) when given and without --fields, the
     *    rows otherwise;
     *  - csv: the rows, a header of the fields.
     * A UsageError for a field the definition does not list.
     * @param array<string, mixed> $o the options of CommandLine::parse()
     * @param list<array<string, mixed>> $rows
     */
    public static function rows(string $command, array $o, array $rows, callable $table, mixed $document = null): string
    {
        $format = $o['format'] ?? Commands::get($command)['options']['format']['default'];
        $fields = self::fields($command, $o['fields'] ?? null);
        if ($fields !== null) {
            $rows = array_map(fn (array $row) => array_map(fn (string $f) => $row[$f] ?? null, array_combine($fields, $fields)), $rows);
        }
        $whole = $fields === null && $document !== null ? $document : $rows;
        return match ($format) {
            'json' => self::json($whole),
            'yaml' => self::yaml($whole),
            'csv' => self::csv($rows, $fields ?? ($rows === [] ? Commands::get($command)['fields'] : null)),
            default => $fields === null ? $table() : self::table($rows, $fields),
        };
    }

    /**
     * The fields --fields=a,b names, in that order, or null without it; a UsageError naming an
     * unknown field (or an empty list) and listing the fields of $command.
     * @return list<string>|null
     */
    public static function fields(string $command, ?string $option): ?array
    {
        if ($option === null) {
            return null;
        }
        $valid = Commands::get($command)['fields'];
        $fields = array_map('trim', explode(',', $option));
        foreach ($fields as $field) {
            if (!in_array($field, $valid, true)) {
                throw new UsageError(($field === '' ? '--fields needs field names' : "unknown field '$field'")
                    . ' for bjlg ' . $command . '; the fields are: ' . implode(', ', $valid));
            }
        }
        return array_values(array_unique($fields));
    }

    /**
     * $rows as a plain table: a header of the fields in capitals, then one line per row, columns
     * two spaces apart; null as "-", a nested value as its JSON.
     * @param list<array<string, mixed>> $rows
     * @param list<string> $fields
     */
    public static function table(array $rows, array $fields): string
    {
        $lines = [array_map(fn (string $f) => strtoupper($f), $fields)];
        foreach ($rows as $row) {
            $lines[] = array_map(fn ($v) => $v === null ? '-' : (string) self::cell($v), array_values($row));
        }
        return self::columns($lines);
    }

    /**
     * Aligned columns, two spaces apart, each line starting with $indent; the columns in $right
     * align right (figures). $paint(row index, column index, cell) may wrap a cell in colour
     * (Output::paint): the padding stays outside, so the columns stay aligned.
     * @param list<list<string>> $rows
     * @param list<int> $right
     * @param (callable(int, int, string): string)|null $paint
     */
    public static function columns(array $rows, array $right = [], string $indent = '', ?callable $paint = null): string
    {
        $widths = [];
        foreach ($rows as $row) {
            foreach ($row as $i => $cell) {
                $widths[$i] = max($widths[$i] ?? 0, self::width((string) $cell));
            }
        }
        $text = '';
        foreach ($rows as $r => $row) {
            $cells = [];
            foreach ($row as $i => $cell) {
                $cell = (string) $cell;  // a destination named "1" is an int key
                $pad = str_repeat(' ', $widths[$i] - self::width($cell));
                $shown = $paint === null ? $cell : $paint($r, $i, $cell);
                $cells[] = in_array($i, $right, true) ? $pad . $shown : $shown . $pad;
            }
            $text .= $indent . rtrim(implode('  ', $cells)) . "\n";
        }
        return $text;
    }

    /** Characters of UTF-8 text, not bytes (mbstring is not always there). */
    public static function width(string $text): int
    {
        return (int) preg_match_all('/./us', $text);
    }

    /** A value as one CSV or table cell: a nested value as its JSON, a boolean as true/false. */
    private static function cell(mixed $v): mixed
    {
        return is_array($v) ? json_encode($v, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)
            : (is_bool($v) ? ($v ? 'true' : 'false') : $v);
    }

    /** $data as JSON, pretty-printed, slashes and Unicode as they are. */
    public static function json(mixed $data): string
    {
        return json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
    }

    /**
     * $rows as CSV: a header of $header (default: the first row's keys; none for no row and no
     * $header), then one line per row; a nested value is written as its JSON, null as an empty
     * cell.
     * @param list<array<string, mixed>> $rows
     * @param list<string>|null $header
     */
    public static function csv(array $rows, ?array $header = null): string
    {
        $stream = fopen('php://memory', 'w+');
        $header ??= $rows === [] ? null : array_keys($rows[0]);
        if ($header !== null) {
            fputcsv($stream, $header, ',', '"', '');
        }
        foreach ($rows as $row) {
            fputcsv($stream, array_map(self::cell(...), array_values($row)), ',', '"', '');
        }
        rewind($stream);
        $text = (string) stream_get_contents($stream);
        fclose($stream);
        return $text;
    }

    /**
     * $data as a YAML document: lists as "- " items, maps as "key: value", strings always
     * double-quoted (JSON's escapes, which YAML reads the same), so no value changes type.
     */
    public static function yaml(mixed $data): string
    {
        return "---\n" . self::yamlNode($data, '');
    }

    private static function yamlNode(mixed $data, string $indent): string
    {
        if (!is_array($data) || $data === []) {
            return $indent . self::yamlScalar($data) . "\n";
        }
        $text = '';
        $isList = array_is_list($data);
        foreach ($data as $key => $value) {
            $head = $indent . ($isList ? '-' : self::yamlKey((string) $key) . ':');
            if (is_array($value) && $value !== []) {
                $text .= "$head\n" . self::yamlNode($value, "$indent  ");
            } else {
                $text .= "$head " . self::yamlScalar($value) . "\n";
            }
        }
        return $text;
    }

    private static function yamlKey(string $key): string
    {
        return preg_match('/^[A-Za-z_][A-Za-z0-9_.-]*$/', $key) ? $key : self::yamlScalar($key);
    }

    private static function yamlScalar(mixed $value): string
    {
        return match (true) {
            $value === null => 'null',
            $value === [] => '[]',
            is_bool($value) => $value ? 'true' : 'false',
            is_int($value) => (string) $value,
            is_float($value) => is_finite($value) ? json_encode($value) : ($value > 0 ? '.inf' : ($value < 0 ? '-.inf' : '.nan')),
            default => json_encode((string) $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE),
        };
    }
}
