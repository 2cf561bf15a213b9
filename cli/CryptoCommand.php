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
 * Usage and exit statuses: CryptoCommand::HELP (`bjlg help encrypt`).
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

    public const HELP = <<<'TXT'
        Usage: bjlg keygen [--out FILE]          a new key (base64) on stdout, or in FILE (0600)
               bjlg encrypt IN OUT [--file-format bjlg|bjlgenc1] [--chunk-size BYTES]
                                   [--kdf scrypt|pbkdf2]
               bjlg decrypt IN OUT
               bjlg verify FILE                  authenticate every byte, write nothing
               bjlg inspect FILE                 format, KDF and key fingerprint; needs no secret

        The secret comes from --key-file FILE, --password-file FILE or BJLG_ENCRYPTION_KEY,
        never from the command line (--key and --password are refused).
        --format=json for machine-readable output; --progress=auto|bar|json|none for encrypt,
        decrypt and verify.

        Exit status: 0 success, 1 the data did not authenticate (wrong secret, corrupted,
        truncated), 2 usage error, 3 unsupported format or I/O error.
        TXT;

    private const EXIT_OK = 0;
    private const EXIT_AUTH = 1;
    private const EXIT_USAGE = 2;
    private const EXIT_FAILURE = 3;

    /** @param list<string> $argv the arguments after "bjlg", subcommand first */
    public static function run(array $argv, $stdout = STDOUT, $stderr = STDERR): int
    {
        $command = array_shift($argv);
        if (in_array('--help', $argv, true) || in_array('-h', $argv, true)) {
            fwrite($stdout, self::HELP . "\n");
            return self::EXIT_OK;
        }
        try {
            [$positional, $options] = self::parse($argv);
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
                    self::report($report, $options, $stdout);
                    return self::EXIT_OK;
                case 'verify':
                    self::expect($positional, 1, 'verify FILE');
                    $display = ProgressDisplay::fromOption($options['progress'] ?? null, $stderr);
                    $report = Cipher::verifyFile($positional[0], self::secret($options), $display !== null ? ['progress' => $display] : []);
                    $display?->finish();
                    self::report($report, $options, $stdout);
                    return self::EXIT_OK;
                case 'inspect':
                    self::expect($positional, 1, 'inspect FILE');
                    self::report(Cipher::inspect($positional[0]), $options, $stdout);
                    return self::EXIT_OK;
                default:
                    throw new UsageError('unknown command "' . $command . '": expected one of ' . implode(', ', self::COMMANDS));
            }
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

    /** @return array{list<string>, array<string, string|true>} */
    private static function parse(array $argv): array
    {
        [$positional, $options] = Cli::parseOptions($argv,
            ['key-file', 'password-file', 'file-format', 'format', 'chunk-size', 'kdf', 'out', 'progress'], ['json']);
        // --format is the output format everywhere in bjlg; the file format is --file-format.
        if (isset($options['format'])) {
            if (!in_array($options['format'], ['json', 'text'], true)) {
                throw new UsageError('--format must be json or text (the encryption format is --file-format)');
            }
            if ($options['format'] === 'json') {
                $options['json'] = true;
            }
            unset($options['format']);
        }
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
        fwrite($stdout, "key written to {$options['out']}, fingerprint " . Key::fromString($key)->fingerprint() . "\n");
        return self::EXIT_OK;
    }

    private static function report(array $report, array $options, $stdout): void
    {
        if (isset($options['json'])) {
            fwrite($stdout, json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
            return;
        }
        foreach ($report as $name => $value) {
            fwrite($stdout, sprintf("%-18s %s\n", $name . ':', $value ?? '-'));
        }
    }
}

