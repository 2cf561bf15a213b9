<?php
// bjlg verify | restore-test: proving that a backup restores (docs/verification.md).
// The options of both commands are defined in cli/commands/definitions.php (`bjlg help verify`).
//
// Exit status: 0 passed, 1 failed (the backup is bad), 3 inconclusive (the check could not be
// carried out), 2 usage error. `bjlg verify` on an encrypted file that is not an archive keeps
// the crypto command's behaviour (authenticate every byte, exit 0 or 1).
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Verify\RestoreTest;
use Bjlg\Verify\Verifier;

require_once __DIR__ . '/Cli.php';

final class VerifyCommand
{
    public const EXIT_PASSED = 0;
    public const EXIT_FAILED = 1;
    public const EXIT_USAGE = 2;
    public const EXIT_INCONCLUSIVE = 3;

    /** @param list<string> $args the command ("verify" or "restore-test") and its arguments */
    public static function run(array $args, $stdout = STDOUT, $stderr = STDERR): int
    {
        $command = array_shift($args);
        try {
            if ($command !== 'verify' && $command !== 'restore-test') {
                throw new UsageError("unknown command '" . (string) $command . "': expected verify or restore-test");
            }
            [$positional, $options] = CommandLine::parse($command, $args);
            if (count($positional) !== 1) {
                throw new UsageError("usage: bjlg $command ARCHIVE [options] (bjlg help $command)");
            }
            $archive = $positional[0];
            if (!is_file($archive)) {
                throw new UsageError("no archive at $archive");
            }
            $json = ($options['format'] ?? 'text') === 'json';
            $o = self::commonOptions($options);
            $display = ProgressDisplay::fromOption($options['progress'] ?? null, $stderr);
            if ($display !== null) {
                $o['progress'] = $display;
            }
            if ($command === 'verify') {
                if (isset($options['sample'])) {
                    if (!is_numeric($options['sample']) || (float) $options['sample'] <= 0 || (float) $options['sample'] > 1) {
                        throw new UsageError('--sample must be a fraction greater than 0 and at most 1');
                    }
                    $o['sample'] = (float) $options['sample'];
                }
                if (isset($options['no-sha256'])) {
                    $o['sha256'] = false;
                }
                $report = Verifier::verify($archive, $o);
                if (self::isEncryptedNonArchive($archive, $report)) {
                    return CryptoCommand::run(array_merge(['verify'], $args), $stdout, $stderr);
                }
            } else {
                if (isset($options['with-database']) && isset($options['dsn-file'])) {
                    throw new UsageError('give either --with-database or --dsn-file, not both');
                }
                if (isset($options['with-database'])) {
                    $o['with_database'] = true;
                }
                if (isset($options['dsn-file'])) {
                    $o['dsn'] = trim(Cli::readSmallFile($options['dsn-file'], 64 << 10, 'DSN file'));
                }
                if (isset($options['chain'])) {
                    $o['chain'] = array_values(array_filter(explode(',', $options['chain']), fn ($p) => $p !== ''));
                }
                if (isset($options['sandbox'])) {
                    $o['sandbox'] = $options['sandbox'];
                }
                $report = RestoreTest::run($archive, $o);
            }
            $display?->finish();
            if ($json || !Output::quiet()) {  // --quiet: the exit status says it
                self::show($report, $json, $stdout);
            }
            return match ($report['status']) {
                'passed' => self::EXIT_PASSED,
                'failed' => self::EXIT_FAILED,
                default => self::EXIT_INCONCLUSIVE,
            };
        } catch (HelpRequested $h) {
            fwrite($stdout, CommandHelp::of($h->command));
            return self::EXIT_PASSED;
        } catch (\Bjlg\OptionError $e) {
            fwrite($stderr, "bjlg: {$e->reason}\n");  // without PHP's "Argument #2 ($options)"
            return self::EXIT_USAGE;
        } catch (UsageError | \ValueError | \TypeError $e) {
            fwrite($stderr, "bjlg: {$e->getMessage()}\n");
            return self::EXIT_USAGE;
        } catch (\Bjlg\Exception $e) {
            ($display ?? null)?->finish();
            fwrite($stderr, "bjlg: {$e->getMessage()}\n");
            return self::EXIT_INCONCLUSIVE;
        }
    }

    /** Secret, report paths and the HTML report's locale and time zone, shared by both commands. */
    private static function commonOptions(array $options): array
    {
        $o = [];
        $env = getenv('BJLG_ENCRYPTION_KEY');
        if (isset($options['key-file']) || isset($options['password-file']) || ($env !== false && $env !== '')) {
            $secret = CryptoCommand::secret($options);
            $o[$secret instanceof \Bjlg\Crypto\Key ? 'key' : 'password'] = $secret;
        }
        foreach (['report', 'html', 'locale', 'timezone', 'history'] as $k) {
            if (isset($options[$k])) {
                $o[$k] = $options[$k];
            }
        }
        return $o;
    }

    /**
     * An encrypted file whose plaintext is not a zip: the crypto command's verify applies.
     */
    private static function isEncryptedNonArchive(string $file, array $report): bool
    {
        foreach ($report['checks'] as $check) {
            if ($check['name'] === 'zip_structure' && ($check['evidence']['reason'] ?? null) === 'not_a_zip') {
                try {
                    \Bjlg\Crypto\Cipher::inspect($file);
                    return true;
                } catch (\Bjlg\Exception) {
                    return false;
                }
            }
        }
        return false;
    }

    private static function show(array $report, bool $json, $stdout): void
    {
        if ($json) {
            fwrite($stdout, json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
            return;
        }
        fwrite($stdout, sprintf("%s %s: %s\n", $report['kind'], $report['archive']['name'],
            Output::verdict(strtoupper($report['status']), $stdout)));
        foreach ($report['checks'] as $c) {
            fwrite($stdout, sprintf("  %-16s %s %s\n", $c['name'], Output::verdict($c['status'], $stdout, 12), $c['message']));
        }
        if (isset($report['rto'])) {
            fwrite($stdout, sprintf("  RTO %.2f s (extract %.2f s, database %.2f s)\n", $report['rto']['seconds'],
                $report['rto']['extract'], $report['rto']['database_import']));
        }
        if (isset($report['rpo']['age_seconds'])) {
            $line = sprintf("  RPO: backup age %d s", $report['rpo']['age_seconds']);
            if (isset($report['rpo']['gap_to_previous_seconds'])) {
                $line .= sprintf(", %d s after the previous backup", $report['rpo']['gap_to_previous_seconds']);
            }
            fwrite($stdout, $line . "\n");
        }
        foreach ($report['warnings'] as $w) {
            fwrite($stdout, '  ' . Output::paint('warning', 'yellow', $stdout) . ": $w\n");
        }
    }
}
