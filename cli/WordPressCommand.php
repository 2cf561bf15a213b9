<?php
// `bjlg --wp=DIR COMMAND`: the WordPress plugin's commands (backup, list, status, schedule, verify) on
// the site installed in DIR, without WP-CLI. bin/bjlg loads WordPress at the top level of the
// script (its files declare globals, which a require inside a function would make local), then
// this class hands the command to the plugin's Bjlg\WordPress\Commands, as `wp bjlg` does.
declare(strict_types=1);

namespace Bjlg\Cli;

final class WordPressCommand
{
    private const OPTIONS = ['wp', 'url', 'format', 'progress'];  // the 'wordpress' definition's

    /**
     * The wp-load.php to require before run(), or null when $argv does not start with --wp;
     * sets the request variables WordPress reads. A UsageError for a folder without WordPress.
     * @param list<string> $argv the script's arguments, script name first
     */
    public static function bootstrapFile(array $argv): ?string
    {
        $first = $argv[1] ?? '';
        if ($first !== '--wp' && !str_starts_with($first, '--wp=')) {
            return null;
        }
        try {
            [, $options] = CommandLine::parse('wordpress', self::optionsOnly(array_slice($argv, 1)));
        } catch (UsageError $e) {
            fwrite(STDERR, 'bjlg: ' . $e->getMessage() . "\n");
            exit(Cli::EXIT_USAGE);
        }
        $dir = rtrim((string) ($options['wp'] ?? ''), '/');
        if ($dir === '' || !is_file("$dir/wp-load.php")) {
            fwrite(STDERR, "bjlg: --wp must name a WordPress folder (with wp-load.php), not '$dir'\n");
            exit(Cli::EXIT_USAGE);
        }
        $url = parse_url((string) ($options['url'] ?? 'http://localhost/'));
        $_SERVER['HTTP_HOST'] = ($url['host'] ?? 'localhost') . (isset($url['port']) ? ':' . $url['port'] : '');
        $_SERVER['SERVER_NAME'] = $url['host'] ?? 'localhost';
        $_SERVER['REQUEST_URI'] = $url['path'] ?? '/';
        $_SERVER['HTTPS'] = ($url['scheme'] ?? 'http') === 'https' ? 'on' : 'off';
        $_SERVER['REQUEST_METHOD'] = 'GET';
        return "$dir/wp-load.php";
    }

    /** @param list<string> $args the arguments after the script name, --wp first */
    public function run(array $args): int
    {
        [$positionals, $options] = CommandLine::parse('wordpress', $args);
        $command = array_shift($positionals);
        if ($command === null || $command === 'help') {
            echo CommandHelp::of('wordpress');
            return $command === null ? Cli::EXIT_USAGE : Cli::EXIT_OK;
        }
        if (!class_exists(\Bjlg\WordPress\Commands::class)) {
            fwrite(STDERR, "bjlg: the bjlg plugin is not active on this WordPress site (" . (defined('ABSPATH') ? ABSPATH : '?') . ")\n");
            return Cli::EXIT_FOUND_ERRORS;
        }
        $display = in_array($command, ['backup', 'verify', 'restore-test', 'restore'], true)
            ? ProgressDisplay::fromOption(isset($options['progress']) ? (string) $options['progress'] : null, STDERR) : null;
        unset($options['wp'], $options['url'], $options['progress'], $options['quiet']);
        try {
            return (new \Bjlg\WordPress\Commands(new \Bjlg\WordPress\Stdio_Console($display, Output::quiet())))->run($command, $positionals, $options);
        } catch (\Bjlg\WordPress\Usage_Exception $e) {
            throw new UsageError($e->getMessage());
        }
    }

    /**
     * The global options, for bootstrapFile(), which runs before the command's own are known.
     * @param list<string> $args
     * @return list<string>
     */
    private static function optionsOnly(array $args): array
    {
        $kept = [];
        for ($i = 0; $i < count($args); $i++) {
            $name = preg_replace('/=.*/s', '', substr($args[$i], 2));
            if (str_starts_with($args[$i], '--') && in_array($name, self::OPTIONS, true)) {
                $kept[] = $args[$i];
                if (!str_contains($args[$i], '=') && $i + 1 < count($args)) {
                    $kept[] = $args[++$i];
                }
            }
        }
        return $kept;
    }
}
