<?php
// The definitions of every bjlg command (cli/commands/definitions.php), loaded once and looked
// up by path ("quota", "sla forecast"). The parser and the help read them from here.
declare(strict_types=1);

namespace Bjlg\Cli;

final class Commands
{
    /** @var array<string, array<string, mixed>>|null */
    private static ?array $definitions = null;

    /** @return array<string, array<string, mixed>> every definition, by path, in help order */
    public static function all(): array
    {
        return self::$definitions ??= require __DIR__ . '/commands/definitions.php';
    }

    /** The definition of $path ("sla forecast"), or null when there is no such command. */
    public static function find(string $path): ?array
    {
        return self::all()[$path] ?? null;
    }

    /** The definition of $path; a programming error when it does not exist. */
    public static function get(string $path): array
    {
        return self::find($path) ?? throw new \LogicException("no definition of command '$path'");
    }

    /** @return list<string> the top-level commands, in help order */
    public static function topLevel(): array
    {
        return array_values(array_filter(array_keys(self::all()), fn (string $p) => !str_contains($p, ' ')));
    }

    /** @return list<string> the paths of the subcommands of $path ([] when it is not a group) */
    public static function subcommands(string $path): array
    {
        return array_map(fn (string $s) => "$path $s", self::get($path)['subcommands'] ?? []);
    }

    /**
     * The longest command path named by the leading words of $words (["sla", "forecast", "--x"]
     * gives "sla forecast"), or null when the first word is no command.
     * @param list<string> $words
     */
    public static function resolve(array $words): ?string
    {
        $path = null;
        foreach ($words as $word) {
            $next = $path === null ? $word : "$path $word";
            if (str_starts_with($word, '-') || self::find($next) === null) {
                break;
            }
            $path = $next;
        }
        return $path;
    }
}
