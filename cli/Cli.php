<?php
// The bjlg command line: help, version, and dispatch to one class per command. Every command and
// its options are defined once, in cli/commands/definitions.php: CommandLine parses argv against
// them and CommandHelp writes every help from them. Exit codes: 0 success, 1 a check found an
// error, 2 a usage error.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/UsageError.php';
require_once __DIR__ . '/CommandLine.php';
require_once __DIR__ . '/CommandHelp.php';
require_once __DIR__ . '/Formatter.php';

final class Cli
{
    public const EXIT_OK = 0;
    public const EXIT_FOUND_ERRORS = 1;
    public const EXIT_USAGE = 2;

    /** @param list<string> $args the arguments after the script name */
    public function run(array $args): int
    {
        try {
            return $this->dispatch($args);
        } catch (HelpRequested $h) {
            echo CommandHelp::of($h->command);
            return self::EXIT_OK;
        } catch (UsageError $e) {
            $path = Commands::resolve($args);
            fwrite(STDERR, 'bjlg: ' . $e->getMessage() . "\n");
            fwrite(STDERR, $path === null || $path === 'help'
                ? "Run 'bjlg help' for the list of commands.\n" : "Run 'bjlg help $path' for usage.\n");
            return self::EXIT_USAGE;
        }
    }

    /** @param list<string> $args */
    private function dispatch(array $args): int
    {
        $command = $args[0] ?? null;
        if ($command === '--wp' || str_starts_with((string) $command, '--wp=')) {
            return (new WordPressCommand())->run($args);
        }
        if ($command === null) {
            fwrite(STDERR, CommandHelp::main());
            return self::EXIT_USAGE;
        }
        if ($command === 'help' || $command === '--help' || $command === '-h') {
            echo self::help(array_slice($args, 1));
            return self::EXIT_OK;
        }
        if ($command === '--version') {
            $command = 'version';
        }
        $path = Commands::resolve($args) ?? throw new UsageError("unknown command '$command'");
        // `bjlg COMMAND [SUB] --help`, wherever --help stands before "--".
        $options = array_slice($args, 0, array_search('--', $args, true) ?: null);
        if (in_array('--help', $options, true) || in_array('-h', $options, true)) {
            echo CommandHelp::of($path);
            return self::EXIT_OK;
        }
        $rest = array_slice($args, 1);
        switch ($command) {
            case 'version':
                CommandLine::parse('version', $rest);
                return $this->version();
            case 'cron':
                return (new CronCommand())->run($rest);
            case 'backup':
            case 'list':
            case 'extract':
                return (new ArchiveCommand())->run($args);
            case 'verify':
            case 'restore-test':
                return VerifyCommand::run($args);
            case 'keygen':
            case 'encrypt':
            case 'decrypt':
            case 'inspect':
                return CryptoCommand::run($args);
            case 'quota':
                return (new QuotaCommand())->run($rest);
            case 'purge':
                require_once __DIR__ . '/PurgeCommand.php';
                return (new PurgeCommand())->run($rest);
            case 'sla':
                return (new SlaCommand())->run($rest);
            case 'watch':
                return (new WatchCommand())->run($rest);
            case 'notify':
                return (new NotifyCommand())->run($rest);
            case 'wordpress':
                CommandLine::parse('wordpress', $rest);
                throw new UsageError("the WordPress plugin's commands run as: bjlg --wp=DIR COMMAND");
            default:
                throw new UsageError("unknown command '$command'");
        }
    }

    /**
     * `bjlg help [COMMAND [SUB]]`: the main help, or the help of the command the words name.
     * @param list<string> $words
     */
    private static function help(array $words): string
    {
        if ($words === []) {
            return CommandHelp::main();
        }
        if ($words[0] === '--help' || $words[0] === '-h') {
            return CommandHelp::of('help');
        }
        $path = Commands::resolve($words);
        if ($path === null) {
            throw new UsageError("no help for unknown command '{$words[0]}'");
        }
        $extra = array_slice($words, count(explode(' ', $path)));
        if ($extra !== []) {
            throw new UsageError("no help for unknown subcommand '{$extra[0]}' of bjlg $path");
        }
        return CommandHelp::of($path);
    }

    private function version(): int
    {
        echo 'bjlg ', phpversion('bjlg'), ' (PHP ', PHP_VERSION, ")\n";
        // The library versions are in phpinfo()'s bjlg section.
        $reflection = new \ReflectionExtension('bjlg');
        ob_start();
        $reflection->info();
        $info = (string) ob_get_clean();
        foreach (explode("\n", $info) as $line) {
            if (preg_match('/^(\S.*?) version => (.+)$/', $line, $m) && $m[1] !== 'bjlg') {
                echo '  ', $m[1], ' ', $m[2], "\n";
            }
        }
        return self::EXIT_OK;
    }

    /**
     * The integer value of option $name, or null when it was not given; a usage error outside
     * [$min, $max].
     * @param array<string, mixed> $options
     */
    public static function intOption(array $options, string $name, int $min, int $max): ?int
    {
        if (!isset($options[$name])) {
            return null;
        }
        $v = $options[$name];
        if (!is_string($v) || !preg_match('/^\d+$/', $v) || (int) $v < $min || (int) $v > $max) {
            throw new UsageError("--$name must be an integer from $min to $max, not '$v'");
        }
        return (int) $v;
    }

    /**
     * The transfer options of the commands that reach remote services (quota, purge, notify):
     * --timeout-ms, --retries and --ca-bundle, as the extension's option names.
     * @param array<string, mixed> $o the options of CommandLine::parse()
     * @return array<string, int|string>
     */
    public static function transferOptions(array $o): array
    {
        $options = [];
        if (($timeout = self::intOption($o, 'timeout-ms', 1, 3600000)) !== null) {
            $options['timeout_ms'] = $timeout;
        }
        if (($retries = self::intOption($o, 'retries', 0, 10)) !== null) {
            $options['retries'] = $retries;
        }
        if (isset($o['ca-bundle'])) {
            $options['ca_bundle'] = $o['ca-bundle'];
        }
        return $options;
    }

    /**
     * Writes $data to $path through a temporary file in the same folder, renamed when complete:
     * the file is whole or untouched. A UsageError ("cannot write ...") when it cannot be.
     */
    public static function writeAtomically(string $path, string $data, int $mode = 0644): void
    {
        $dir = dirname($path);
        $tmp = @tempnam($dir, '.bjlg-');
        if ($tmp === false) {
            throw new UsageError("cannot write in $dir");
        }
        chmod($tmp, $mode);
        if (@file_put_contents($tmp, $data) !== strlen($data) || !@rename($tmp, $path)) {
            @unlink($tmp);
            throw new UsageError("cannot write $path");
        }
    }

    /**
     * The content of a small input file (a key, a password, a config), refused by name when it
     * is not a regular file (a FIFO would block the read forever, /dev/zero never ends) or when
     * it weighs more than $maxBytes (the limits of docs/security.md).
     */
    public static function readSmallFile(string $path, int $maxBytes, string $what): string
    {
        $st = @stat($path);
        if ($st === false) {
            throw new UsageError("cannot read $what $path");
        }
        $kinds = [0010000 => 'a FIFO', 0020000 => 'a character device', 0060000 => 'a block device',
                  0140000 => 'a socket', 0040000 => 'a folder'];
        $type = $st['mode'] & 0170000;
        if ($type !== 0100000) {
            throw new UsageError("$what $path is " . ($kinds[$type] ?? 'not a regular file') . ', not a regular file');
        }
        $handle = @fopen($path, 'rb');
        $data = $handle === false ? false : stream_get_contents($handle, $maxBytes + 1);
        if ($handle !== false) {
            fclose($handle);
        }
        if ($data === false) {
            throw new UsageError("cannot read $what $path");
        }
        if (strlen($data) > $maxBytes) {
            throw new UsageError("$what $path is larger than the " . intdiv($maxBytes, 1024) . ' KiB limit');
        }
        return $data;
    }

    /**
     * The connection of --db, for Writer::addDatabase(), or null without --db: a wp-config.php
     * path, or a PDO DSN with --db-user and the password from --db-password-file or
     * BJLG_DB_PASSWORD (a password on the command line would show in the process list). The
     * other database options without --db are a usage error: they would be silently ignored.
     * @param array<string, mixed> $o the options of CommandLine::parse()
     * @return array<string, string>|null
     */
    public static function databaseConnection(array $o): ?array
    {
        if (!isset($o['db'])) {
            foreach (['db-user', 'db-password-file', 'db-prefix'] as $k) {
                if (isset($o[$k])) {
                    throw new UsageError("--$k needs --db");
                }
            }
            return null;
        }
        $db = (string) $o['db'];
        if (!str_starts_with($db, 'mysql:')) {
            foreach (['db-user', 'db-password-file'] as $k) {
                if (isset($o[$k])) {
                    throw new UsageError("--$k goes with a DSN; a wp-config.php gives the whole connection");
                }
            }
            if (!is_file($db)) {
                throw new UsageError("--db must be a DSN (mysql:...) or a wp-config.php file: $db");
            }
            return ['wp_config' => $db];
        }
        if (preg_match('/(^|;)\s*password=/', substr($db, 6))) {
            throw new UsageError('--db must not hold the password: use --db-password-file or BJLG_DB_PASSWORD');
        }
        $c = ['dsn' => $db];
        if (isset($o['db-user'])) {
            $c['user'] = (string) $o['db-user'];
        }
        if (isset($o['db-password-file'])) {
            $pw = self::readSmallFile((string) $o['db-password-file'], 64 << 10, '--db-password-file');
            $c['password'] = rtrim($pw, "\r\n");
        } elseif (($env = getenv('BJLG_DB_PASSWORD')) !== false) {
            $c['password'] = $env;
        }
        return $c;
    }

    /** Sizes in binary units, as everywhere in bjlg: 1536 -> "1.5 KiB"; null -> "-". */
    public static function bytes(?int $bytes): string
    {
        if ($bytes === null) {
            return '-';
        }
        $units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
        $value = (float) $bytes;
        $unit = 0;
        while ($value >= 1024 && $unit < count($units) - 1) {
            $value /= 1024;
            $unit++;
        }
        return $unit === 0 ? "$bytes B" : sprintf('%.1f %s', $value, $units[$unit]);
    }

    /**
     * The value of option $name as given, or the default of $command's definition (null when it
     * has none). The parser has already refused a value outside the option's allowed ones.
     * @param array<string, mixed> $options the options of CommandLine::parse()
     */
    public static function option(array $options, string $command, string $name): mixed
    {
        return $options[$name] ?? Commands::get($command)['options'][$name]['default'] ?? null;
    }
}
