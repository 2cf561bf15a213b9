<?php
// Every help text of bjlg, generated from the command definitions (cli/commands/definitions.php):
// `bjlg help`, `bjlg help COMMAND [SUB]`, `bjlg COMMAND [SUB] --help`. Sections as WP-CLI's:
// usage (synopsis), description, arguments, options, subcommands, examples, exit status.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/Commands.php';

final class CommandHelp
{
    private const WIDTH = 100;

    /** The main help: every command with its short description. */
    public static function main(): string
    {
        $rows = [];
        foreach (Commands::topLevel() as $path) {
            $rows[$path] = Commands::get($path)['short'];
        }
        return "Usage: bjlg <command> [arguments]\n\nCommands:\n" . self::table($rows)
            . "\n" . self::wrap('Secrets come from --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY, never from '
                . 'the command line. --format=json gives machine-readable output; the commands that print rows '
                . '(' . implode(', ', self::rowCommands()) . ') take --format=table|json|csv|yaml and --fields=F,... '
                . 'Every command takes --quiet (no informational output, no progress bar) and --no-color (colour is only '
                . 'used on a terminal, never with NO_COLOR set). Options take --name=value or --name value; "--" ends the options.', '')
            . "Run 'bjlg help COMMAND [SUBCOMMAND]' or 'bjlg COMMAND --help' for the options of a command.\n"
            . "Exit status: 0 success, 1 the operation or a check failed, 2 usage error (each command's help says more).\n";
    }

    /** The help of command $path ("quota", "sla", "sla forecast"). */
    public static function of(string $path): string
    {
        $d = Commands::get($path);
        $text = 'Usage: ' . $d['synopsis'] . "\n";
        foreach (Commands::subcommands($path) as $sub) {
            $text .= '       ' . Commands::get($sub)['synopsis'] . "\n";
        }
        $text .= "\n" . self::wrap(ucfirst($d['short']) . '.', '');
        if (isset($d['description'])) {
            $text .= "\n" . self::wrap($d['description'], '');
        }
        if (($d['arguments'] ?? []) !== []) {
            $rows = [];
            foreach ($d['arguments'] as $a) {
                $rows[$a['name'] . (($a['repeatable'] ?? false) ? '...' : '')] = $a['description']
                    . (($a['optional'] ?? false) ? ' (optional)' : '');
            }
            $text .= "\nArguments:\n" . self::table($rows);
        }
        if (($d['options'] ?? []) !== []) {
            $rows = [];
            foreach ($d['options'] as $name => $o) {
                $rows['--' . $name . (isset($o['value']) ? '=' . $o['value'] : '')] = self::optionText($o);
            }
            $text .= "\nOptions:\n" . self::table($rows);
        }
        if (isset($d['subcommands'])) {
            $rows = [];
            foreach (Commands::subcommands($path) as $sub) {
                $rows[substr($sub, strlen($path) + 1)] = Commands::get($sub)['short'];
            }
            $text .= "\nSubcommands:\n" . self::table($rows)
                . "\nRun 'bjlg help $path SUBCOMMAND' for the options of a subcommand.\n";
        }
        if (($d['examples'] ?? []) !== []) {
            $text .= "\nExamples:\n";
            foreach ($d['examples'] as $example) {
                $text .= "  $ $example\n";
            }
        }
        if (isset($d['exit'])) {
            $text .= "\n" . self::wrap($d['exit'], '');
        }
        return $text;
    }

    /** @return list<string> the commands whose definition lists the fields of their rows */
    private static function rowCommands(): array
    {
        return array_keys(array_filter(Commands::all(), fn (array $d) => isset($d['fields'])));
    }

    private static function optionText(array $o): string
    {
        $notes = [];
        if (isset($o['allowed'])) {
            $notes[] = 'one of: ' . implode(', ', $o['allowed']);
        }
        if (isset($o['default'])) {
            $notes[] = 'default: ' . $o['default'];
        }
        if ($o['repeatable'] ?? false) {
            $notes[] = 'repeatable';
        }
        return $o['description'] . ($notes === [] ? '' : ' (' . implode('; ', $notes) . ')');
    }

    /** @param array<string, string> $rows label => text, as two aligned columns */
    private static function table(array $rows): string
    {
        $column = min(24, max(array_map('strlen', array_keys($rows))) + 2);
        $text = '';
        foreach ($rows as $label => $description) {
            $label = "  $label";
            $indent = str_repeat(' ', $column + 2);
            if (strlen($label) + 2 > $column + 2) {
                $text .= "$label\n" . self::wrap($description, $indent);
            } else {
                $text .= $label . substr(self::wrap($description, $indent), strlen($label));
            }
        }
        return $text;
    }

    /** $text wrapped at WIDTH columns, every line starting with $indent. */
    private static function wrap(string $text, string $indent): string
    {
        return $indent . wordwrap($text, self::WIDTH - strlen($indent), "\n$indent", false) . "\n";
    }
}
