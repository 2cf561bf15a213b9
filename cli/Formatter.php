<?php
// The machine-readable renderings of what a command prints, as WP-CLI's --format: json, csv
// (one row per item, a header of the item's keys) and yaml. `table` stays each command's own
// layout; a command lists the formats it takes in its definition.
declare(strict_types=1);

namespace Bjlg\Cli;

final class Formatter
{
    /** $data as JSON, pretty-printed, slashes and Unicode as they are. */
    public static function json(mixed $data): string
    {
        return json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
    }

    /**
     * $rows as CSV: a header of the first row's keys, then one line per row; a nested value is
     * written as its JSON, null as an empty cell.
     * @param list<array<string, mixed>> $rows
     */
    public static function csv(array $rows): string
    {
        $stream = fopen('php://memory', 'w+');
        if ($rows !== []) {
            fputcsv($stream, array_keys($rows[0]), ',', '"', '');
        }
        foreach ($rows as $row) {
            $cells = array_map(fn ($v) => is_array($v) ? json_encode($v, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)
                : (is_bool($v) ? ($v ? 'true' : 'false') : $v), array_values($row));
            fputcsv($stream, $cells, ',', '"', '');
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
