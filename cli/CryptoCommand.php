<?php
/*
 * The crypto subcommands of bin/bjlg: keygen, encrypt, decrypt, verify, inspect.
 *
 * Interface for bin/bjlg (written separately): after loading bjlg.so and this file, dispatch
 *     exit(\Bjlg\Cli\CryptoCommand::run(array_slice($argv, 1)));
 * for $argv[1] in CryptoCommand::COMMANDS. run() takes the arguments after "bjlg" (the
 * subcommand first) and returns the exit status; it writes results to $stdout and errors to
 * $stderr (STDOUT and STDERR unless the caller passes other streams, as the tests do).
 *
 * Usage and exit statuses: `bjlg help encrypt` (cli/commands/definitions.php).
 *
 * Secrets never come from the command line (it shows in `ps` and shell history): --key and
 * --password are refused. A key file holds the key in any form Key::fromString() accepts; a
 * password file holds the password, one trailing newline removed.
 */

namespace Bjlg\Cli;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/ProgressDisplay.php';

use Bjlg\Crypto\Cipher;
use Bjlg\Crypto\CorruptedDataException;
use Bjlg\Crypto\Key;
use Bjlg\Crypto\WrongKeyException;

final class CryptoCommand
{
    public const COMMANDS = ['keygen', 'encrypt', 'decrypt', 'verify', 'inspect'];

    private const EXIT_OK = 0;
    private const EXIT_AUTH = 1;
    private const EXIT_USAGE = 2;
    private const EXIT_FAILURE = 3;

    /** @param list<string> $argv the arguments after "bjlg", subcommand first */
    public static function run(array $argv, $stdout = STDOUT, $stderr = STDERR): int
    {
        $command = array_shift($argv);
        try {
            [$positional, $options] = self::parse((string) $command, $argv);
            switch ($command) {
                case 'keygen':
                    return self::keygen($positional, $options, $stdout);
                case 'encrypt':
                case 'decrypt':
                    self::expect($positional, 2, "$command IN OUT");
                    $secret = self::secret($options);
                    $display = ProgressDisplay::fromOption($options['progress'] ?? null, $stderr);
                    $progress = $display !== null ? ['progress' => $display] : [];
                    $report = $command === 'encrypt'
                        ? Cipher::encryptFile($positional[0], $positional[1], $secret, self::encryptOptions($options) + $progress)
                        : Cipher::decryptFile($positional[0], $positional[1], $secret, $progress);
                    $display?->finish();
                    self::report($report, $options, $stdout, true);
                    return self::EXIT_OK;
                case 'verify':
                    self::expect($positional, 1, 'verify FILE');
                    $display = ProgressDisplay::fromOption($options['progress'] ?? null, $stderr);
                    $report = Cipher::verifyFile($positional[0], self::secret($options), $display !== null ? ['progress' => $display] : []);
                    $display?->finish();
                    self::report($report, $options, $stdout, true);
                    return self::EXIT_OK;
                case 'inspect':
                    self::expect($positional, 1, 'inspect FILE');
                    self::report(Cipher::inspect($positional[0]), $options, $stdout, false);
                    return self::EXIT_OK;
            }
        } catch (HelpRequested $h) {
            fwrite($stdout, CommandHelp::of($h->command));
            return self::EXIT_OK;
        } catch (UsageError | \ValueError $e) {
            fwrite($stderr, "bjlg: {$e->getMessage()}\n");
            return self::EXIT_USAGE;
        } catch (WrongKeyException | CorruptedDataException $e) {
            ($display ?? null)?->finish();
            fwrite($stderr, "bjlg: {$e->getMessage()}\n");
            return self::EXIT_AUTH;
        } catch (\Bjlg\Exception $e) {
            fwrite($stderr, "bjlg: {$e->getMessage()}\n");
            return self::EXIT_FAILURE;
        }
    }

    /**
     * The positionals and options of $command; --format=json is read as the flag --json.
     * @return array{list<string>, array<string, string|true>}
     */
    private static function parse(string $command, array $argv): array
    {
        if (!in_array($command, self::COMMANDS, true)) {
            throw new UsageError('unknown command "' . $command . '": expected one of ' . implode(', ', self::COMMANDS));
        }
        [$positional, $options] = CommandLine::parse($command, $argv);
        if (($options['format'] ?? null) === 'json') {
            $options['json'] = true;
        }
        unset($options['format']);
        return [$positional, $options];
    }

    private static function expect(array $positional, int $count, string $usage): void
    {
        if (count($positional) !== $count) {
            throw new UsageError("usage: bjlg $usage [--key-file FILE | --password-file FILE] [--format=json]");
        }
    }

    /** The secret: --key-file, --password-file or BJLG_ENCRYPTION_KEY, exactly one (also used by ArchiveCommand and VerifyCommand). */
    public static function secret(array $options): Key|string
    {
        $env = getenv('BJLG_ENCRYPTION_KEY');
        $given = (int) isset($options['key-file']) + (int) isset($options['password-file']);
        if ($given > 1) {
            throw new UsageError('give either --key-file or --password-file, not both');
        }
        if (isset($options['key-file'])) {
            return Key::fromString(self::readSecretFile($options['key-file'], 'key file'));
        }
        if (isset($options['password-file'])) {
            $password = self::readSecretFile($options['password-file'], 'password file');
            if (substr($password, -1) === "\n") {
                $password = substr($password, 0, -1);
            }
            if (substr($password, -1) === "\r") {
                $password = substr($password, 0, -1);
            }
            return $password;
        }
        if ($env !== false && $env !== '') {
            return Key::fromString($env);
        }
        throw new UsageError('no secret: use --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY');
    }

    private static function readSecretFile(string $path, string $what): string
    {
        return Cli::readSmallFile($path, 64 << 10, $what);
    }

    private static function encryptOptions(array $options): array
    {
        $out = [];
        if (isset($options['file-format'])) {
            $out['format'] = $options['file-format'];
        }
        if (isset($options['chunk-size'])) {
            if (!preg_match('/^[0-9]+$/', $options['chunk-size'])) {
                throw new UsageError('--chunk-size must be a number of bytes');
            }
            $out['chunk_size'] = (int) $options['chunk-size'];
        }
        if (isset($options['kdf'])) {
            $out['kdf'] = $options['kdf'];
        }
        return $out;
    }

    private static function keygen(array $positional, array $options, $stdout): int
    {
        self::expect($positional, 0, 'keygen [--out FILE]');
        $key = Key::generate()->toString();
        if (!isset($options['out'])) {
            fwrite($stdout, $key . "\n");
            return self::EXIT_OK;
        }
        $umask = umask(0077);  // the key file is private from its first byte
        $handle = @fopen($options['out'], 'x');
        umask($umask);
        if ($handle === false) {
            throw new UsageError("cannot create {$options['out']} (it must not exist)");
        }
        fwrite($handle, $key . "\n");
        fclose($handle);
        Output::info($stdout, "key written to {$options['out']}, fingerprint " . Key::fromString($key)->fingerprint() . "\n");
        return self::EXIT_OK;
    }

    /** The report as JSON, or as text unless it is $informational (what was done) and --quiet. */
    private static function report(array $report, array $options, $stdout, bool $informational): void
    {
        if (isset($options['json'])) {
            fwrite($stdout, json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
            return;
        }
        if ($informational && Output::quiet()) {
            return;
        }
        foreach ($report as $name => $value) {
            fwrite($stdout, sprintf("%-18s %s\n", $name . ':', $value ?? '-'));
        }
    }
}

