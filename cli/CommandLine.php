<?php
// The one parser of bjlg's command lines: argv checked against the command's definition
// (cli/commands/definitions.php). WP-CLI's conventions: --name=value or --name value, bare
// --flag, "--" ends the options, "-" is a positional (standard input), a repeatable option
// collects a list, the others keep their last value.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/UsageError.php';
require_once __DIR__ . '/HelpRequested.php';
require_once __DIR__ . '/Commands.php';
require_once __DIR__ . '/Output.php';

final class CommandLine
{
    /**
     * Splits $args (the arguments after the command path) into positionals and options. A
     * UsageError for an unknown option (naming the command), a missing value, a value on a
     * flag, a value outside the option's allowed ones (listing them), and for --key and
     * --password whatever the command: a secret on the command line shows in `ps` and in the
     * shell history. HelpRequested for --help or -h before "--". The global options (--quiet,
     * --no-color) are recorded in Output.
     *
     * @param string $command the definition's path, e.g. "sla forecast"
     * @param list<string> $args
     * @return array{0: list<string>, 1: array<string, string|list<string>|true>}
     */
    public static function parse(string $command, array $args): array
    {
        $definitions = Commands::get($command)['options'] ?? [];
        $positionals = [];
        $options = [];
        for ($i = 0; $i < count($args); $i++) {
            $arg = $args[$i];
            if ($arg === '--') {
                array_push($positionals, ...array_slice($args, $i + 1));
                break;
            }
            if ($arg === '-h' || $arg === '--help') {
                throw new HelpRequested($command);
            }
            if (strncmp($arg, '--', 2) !== 0) {
                $positionals[] = $arg;
                continue;
            }
            $eq = strpos($arg, '=');
            $name = substr($arg, 2, $eq === false ? null : $eq - 2);
            if ($name === 'key' || $name === 'password') {
                throw new UsageError("--$name is refused: a secret on the command line leaks; use --$name-file or BJLG_ENCRYPTION_KEY");
            }
            $option = $definitions[$name] ?? throw new UsageError("unknown option --$name for bjlg $command");
            if (!isset($option['value'])) {
                if ($eq !== false) {
                    throw new UsageError("option --$name takes no value");
                }
                $options[$name] = true;
                continue;
            }
            if ($eq !== false) {
                $value = substr($arg, $eq + 1);
            } elseif ($i + 1 < count($args)) {
                $value = $args[++$i];
            } else {
                throw new UsageError("option --$name needs a value");
            }
            $value = self::allowedValue($name, $option, $value);
            if ($option['repeatable'] ?? false) {
                $options[$name][] = $value;
            } else {
                $options[$name] = $value;
            }
        }
        Output::configure($options);
        return [$positionals, $options];
    }

    /** $value, or its allowed spelling; a UsageError listing the allowed values otherwise. */
    private static function allowedValue(string $name, array $option, string $value): string
    {
        $value = $option['aliases'][$value] ?? $value;
        if (isset($option['allowed']) && !in_array($value, $option['allowed'], true)) {
            throw new UsageError("--$name must be one of " . implode(', ', $option['allowed']) . ", not '$value'");
        }
        return $value;
    }
}
