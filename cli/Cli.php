<?php
// The bjlg command line: global options, help, version, and dispatch to one class per
// subcommand. Exit codes: 0 success, 1 a check found an error, 2 a usage error.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/UsageError.php';

final class Cli
{
    public const EXIT_OK = 0;
    public const EXIT_FOUND_ERRORS = 1;
    public const EXIT_USAGE = 2;

    private const HELP = <<<'TXT'
        Usage: bjlg <command> [arguments]

        Commands:
          cron next EXPR        the next run of a cron expression
          cron preview EXPR     the next runs (--count=N, default 5)
          cron describe EXPR    the expression in words (--locale=en|fr)
          cron check EXPR       guardrails: too frequent, never fires, DST, overlaps
          cron check --config FILE.json
                                check every schedule of a JSON schedules file
          backup --out FILE SRC[=PREFIX]...
                                a backup archive of files and folders (--level, --threads,
                                --exclude PATTERN..., --encrypt)
          list FILE             the entries of an archive
          extract FILE DIR      extract an archive, refusing unsafe entries
          keygen                a new encryption key (--out FILE)
          encrypt IN OUT        encrypt a file (--file-format=bjlg|bjlgenc1)
          decrypt IN OUT        decrypt and authenticate a file
          verify ARCHIVE        verify a backup archive (plain or encrypted) in one pass;
                                an encrypted non-archive file is authenticated, nothing written
          restore-test ARCHIVE  restore into a sandbox (--with-database: into a throwaway
                                MariaDB), compare, measure RTO/RPO, remove everything
          inspect FILE          format, KDF and key fingerprint (no secret needed)
          quota --config FILE   usage and quota of every remote destination (YAML);
                                --record HISTORY.jsonl appends one sample per destination
          purge --config FILE   retention on every remote destination (YAML): what the policy
                                deletes and why (a dry run), deleted with --yes;
                                --record EVENTS.jsonl appends the run's events for 'sla purge'
          sla SUBCOMMAND        forecasts, capacity plan, purge SLA, RTO/RPO, reports
          watch --site DIR --to BACKUP_DIR
                                near-real-time backups: incrementals seconds after changes
                                (--db: the database too, then the tables events name)
          notify SUBCOMMAND     test channels, send a message, drive an incident (state file)
          --wp=DIR COMMAND      the WordPress plugin's backup, list, status, schedule on the
                                site in DIR (see 'bjlg help wordpress')
          version               versions of bjlg and its libraries
          help [command]        this help, or the help of a command

        Secrets come from --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY, never
        from the command line. --format=json gives machine-readable output.
        Run 'bjlg help cron' (or backup, verify, purge) for the options of those commands.
        TXT;

    /** @param list<string> $args the arguments after the script name */
    public function run(array $args): int
    {
        try {
            return $this->dispatch($args);
        } catch (UsageError $e) {
            fwrite(STDERR, 'bjlg: ' . $e->getMessage() . "\n");
            fwrite(STDERR, "Run 'bjlg --help' for usage.\n");
            return self::EXIT_USAGE;
        }
    }

    /** @param list<string> $args */
    private function dispatch(array $args): int
    {
        $command = array_shift($args);
        if ($command !== null && ($command === '--wp' || str_starts_with($command, '--wp='))) {
            return (new WordPressCommand())->run(array_merge([$command], $args));
        }
        switch ($command) {
            case null:
                fwrite(STDERR, self::HELP . "\n");
                return self::EXIT_USAGE;
            case '-h':
            case '--help':
            case 'help':
                $topic = $args[0] ?? null;
                if ($topic === 'cron') {
                    echo CronCommand::HELP, "\n";
                } elseif (in_array($topic, ArchiveCommand::COMMANDS, true)) {
                    echo ArchiveCommand::HELP, "\n";
                } elseif ($topic === 'verify' || $topic === 'restore-test') {
                    echo VerifyCommand::HELP, "\n";
                } elseif ($topic === 'quota') {
                    echo QuotaCommand::HELP, "\n";
                } elseif ($topic === 'purge') {
                    require_once __DIR__ . '/PurgeCommand.php';
                    echo PurgeCommand::HELP, "\n";
                } elseif ($topic === 'sla') {
                    echo SlaCommand::HELP, "\n";
                } elseif ($topic === 'watch') {
                    echo WatchCommand::HELP, "\n";
                } elseif ($topic === 'notify') {
                    echo NotifyCommand::HELP, "\n";
                } elseif (in_array($topic, CryptoCommand::COMMANDS, true)) {
                    echo CryptoCommand::HELP, "\n";
                } elseif ($topic === 'wordpress' || $topic === 'wp') {
                    echo WordPressCommand::HELP, "\n";
                } elseif ($topic === 'version') {
                    echo "Usage: bjlg version\n\nThe versions of bjlg, PHP and the libraries bjlg.so was built with.\n";
                } elseif ($topic === null || in_array($topic, ['help', '--help', '-h'], true)) {
                    echo self::HELP, "\n";
                } else {
                    throw new UsageError("no help for unknown command '$topic'");
                }
                return self::EXIT_OK;
            case 'version':
            case '--version':
                if (in_array('--help', $args, true) || in_array('-h', $args, true)) {
                    return $this->dispatch(['help', 'version']);
                }
                return $this->version();
            case 'cron':
                return (new CronCommand())->run($args);
            case 'backup':
            case 'list':
            case 'extract':
                return (new ArchiveCommand())->run(array_merge([$command], $args));
            case 'verify':
            case 'restore-test':
                return VerifyCommand::run(array_merge([$command], $args));
            case 'keygen':
            case 'encrypt':
            case 'decrypt':
            case 'inspect':
                return CryptoCommand::run(array_merge([$command], $args));
            case 'quota':
                return (new QuotaCommand())->run($args);
            case 'purge':
                require_once __DIR__ . '/PurgeCommand.php';
                return (new PurgeCommand())->run($args);
            case 'sla':
                return (new SlaCommand())->run($args);
            case 'watch':
                return (new WatchCommand())->run($args);
            case 'notify':
                return (new NotifyCommand())->run($args);
            default:
                throw new UsageError("unknown command '$command'");
        }
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
     * Splits arguments into positionals and options, for every bjlg command: --name=value or
     * --name value for the options in $valued (those also in $repeatable collect a list, the
     * others keep their last value), bare --flag for $flags, "--" ends the options, "-" is a
     * positional. Unknown options are usage errors, and so are --key and --password whatever
     * the command: a secret on the command line shows in `ps` and in the shell history.
     *
     * @param list<string> $args
     * @param list<string> $valued options that take a value
     * @param list<string> $flags options without a value
     * @param list<string> $repeatable valued options that may be given several times
     * @return array{0: list<string>, 1: array<string, string|list<string>|true>}
     */
    public static function parseOptions(array $args, array $valued, array $flags = [], array $repeatable = []): array
    {
        $positionals = [];
        $options = [];
        for ($i = 0; $i < count($args); $i++) {
            $arg = $args[$i];
            if ($arg === '--') {
                array_push($positionals, ...array_slice($args, $i + 1));
                break;
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
            if (in_array($name, $flags, true)) {
                if ($eq !== false) {
                    throw new UsageError("option --$name takes no value");
                }
                $options[$name] = true;
            } elseif (in_array($name, $valued, true)) {
                if ($eq !== false) {
                    $value = substr($arg, $eq + 1);
                } elseif ($i + 1 < count($args)) {
                    $value = $args[++$i];
                } else {
                    throw new UsageError("option --$name needs a value");
                }
                if (in_array($name, $repeatable, true)) {
                    $options[$name][] = $value;
                } else {
                    $options[$name] = $value;
                }
            } else {
                throw new UsageError("unknown option --$name");
            }
        }
        return [$positionals, $options];
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

    /** The database options of every command that dumps a database (`backup`, `watch`). */
    public const DATABASE_OPTIONS = ['db', 'db-user', 'db-password-file', 'db-prefix'];

    /**
     * The connection of --db, for Writer::addDatabase(), or null without --db: a wp-config.php
     * path, or a PDO DSN with --db-user and the password from --db-password-file or
     * BJLG_DB_PASSWORD (a password on the command line would show in the process list). The
     * other database options without --db are a usage error: they would be silently ignored.
     * @param array<string, mixed> $o the options of parseOptions()
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
     * The value of --format among $allowed (the first is the default; `text` is read as `table`
     * where `table` is allowed, its name before WP-CLI's conventions): a usage error naming the
     * allowed values otherwise, never silently ignored.
     * @param array<string, mixed> $options
     * @param list<string> $allowed
     */
    public static function formatOption(array $options, array $allowed): string
    {
        $format = $options['format'] ?? $allowed[0];
        if ($format === 'text' && in_array('table', $allowed, true)) {
            $format = 'table';
        }
        if (!is_string($format) || !in_array($format, $allowed, true)) {
            throw new UsageError('--format must be one of ' . implode(', ', $allowed) . ", not '" . (string) $format . "'");
        }
        return $format;
    }
}
