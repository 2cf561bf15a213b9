<?php
// bjlg notify <subcommand>: notifications without WordPress, for cron-driven use. `test` sends
// one test message per channel of a config file and prints a table of results; `send` sends
// one message; `incident open|due|ack|resolve` drives a Bjlg\Notify\Incident whose state lives
// in a JSON file (written through a temporary file and renamed, mode 0600: the state holds the
// policy, whose channels hold credentials). docs/notify.md describes the files.
declare(strict_types=1);

namespace Bjlg\Cli;

use Bjlg\Notify\Dispatcher;
use Bjlg\Notify\Incident;

require_once __DIR__ . '/Cli.php';

final class NotifyCommand
{
    public const EXIT_OK = 0;
    /** Some message was not delivered (its error is printed), or the input was refused. */
    public const EXIT_FAILED = 1;
    public const EXIT_USAGE = 2;

    /** @param list<string> $argv the arguments after "notify" */
    public function run(array $argv): int
    {
        $sub = array_shift($argv);
        if ($sub === null || $sub === 'help') {
            fwrite($sub === null ? STDERR : STDOUT, CommandHelp::of('notify'));
            return $sub === null ? self::EXIT_USAGE : self::EXIT_OK;
        }
        try {
            return match ($sub) {
                'test' => $this->test($argv),
                'send' => $this->send($argv),
                'incident' => $this->incident($argv),
                default => throw new UsageError("unknown subcommand '$sub'"),
            };
        } catch (HelpRequested $h) {
            fwrite(STDOUT, CommandHelp::of($h->command));
            return self::EXIT_OK;
        } catch (UsageError $e) {
            fwrite(STDERR, 'bjlg notify: ' . $e->getMessage() . "\nRun 'bjlg help notify' for usage.\n");
            return self::EXIT_USAGE;
        } catch (\Bjlg\Exception | \Bjlg\Notify\NotifyException $e) {
            fwrite(STDERR, 'bjlg notify: ' . $e->getMessage() . "\n");
            return self::EXIT_FAILED;
        }
    }

    /** @param list<string> $argv */
    private function test(array $argv): int
    {
        [$pos, $o] = CommandLine::parse('notify test', $argv);
        self::noPositionals($pos);
        Formatter::fields('notify test', $o['fields'] ?? null);
        $config = self::config($o);
        $messages = [];
        foreach (self::channels($config, $o['channel'] ?? null) as $name => $channel) {
            $messages[] = ['channel' => $channel + ['name' => $name], 'event' => 'test_notification',
                'title' => 'Notification de test', 'severity' => 'info',
                'lines' => ['Message de test envoyé par bjlg (' . gmdate('Y-m-d H:i:s') . ' UTC).']];
        }
        return $this->deliver($messages, $o, 'notify test');
    }

    /** @param list<string> $argv */
    private function send(array $argv): int
    {
        [$pos, $o] = CommandLine::parse('notify send', $argv);
        self::noPositionals($pos);
        Formatter::fields('notify send', $o['fields'] ?? null);
        $config = self::config($o);
        $event = self::event($o);
        $messages = [];
        foreach (self::channels($config, $o['channel'] ?? null) as $name => $channel) {
            $messages[] = $event + ['channel' => $channel + ['name' => $name]];
        }
        return $this->deliver($messages, $o, 'notify send');
    }

    /** @param list<string> $argv */
    private function incident(array $argv): int
    {
        $action = array_shift($argv);
        [$pos, $o] = CommandLine::parse('notify incident', $argv);
        self::noPositionals($pos);
        Formatter::fields('notify incident', $o['fields'] ?? null);
        $state = $o['state'] ?? throw new UsageError('--state FILE is required');
        $now = time();
        if ($action === 'open') {
            if (file_exists($state)) {
                throw new UsageError("--state $state already exists: an incident is open there");
            }
            $config = self::config($o);
            $policy = ($config['policy'] ?? []) + ['channels' => $config['channels'] ?? []];
            $incident = Incident::open(self::event($o), $policy, $now);
            $status = $this->deliver(array_column($incident->due($now), 'message'), $o, 'notify incident');
        } else {
            $data = json_decode(Cli::readSmallFile($state, 4 << 20, 'state file'), true, 64);
            if (!is_array($data)) {
                throw new UsageError("state file $state is not a JSON object");
            }
            $incident = Incident::fromArray($data);
            $status = self::EXIT_OK;
            switch ($action) {
                case 'due':
                    $status = $this->deliver(array_column($incident->due($now), 'message'), $o, 'notify incident');
                    break;
                case 'ack':
                    $incident->acknowledge($o['actor'] ?? throw new UsageError('--actor is required'), $o['note'] ?? '', $now);
                    break;
                case 'resolve':
                    $broadcast = $incident->resolve($o['actor'] ?? throw new UsageError('--actor is required'),
                        $o['summary'] ?? throw new UsageError('--summary is required'), $o['action'] ?? [], $now);
                    $status = $this->deliver(array_column($broadcast, 'message'), $o, 'notify incident');
                    if (isset($o['report'])) {
                        Cli::writeAtomically($o['report'], $incident->report(Cli::option($o, 'notify incident', 'report-format'), Cli::option($o, 'notify incident', 'lang')), 0644);
                    }
                    break;
                default:
                    throw new UsageError("incident needs open, due, ack or resolve, not '" . (string) $action . "'");
            }
        }
        Cli::writeAtomically($state, json_encode($incident->toArray(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n", 0600);
        if (Cli::option($o, 'notify incident', 'format') === 'table') {  // json, csv and yaml stay parsable
            Output::info(STDOUT, 'incident ' . $incident->id() . ': ' . $incident->status() . "\n");
        }
        return $status;
    }

    /**
     * Sends $messages and prints the rows of results in the format of $command's options.
     * @param list<array<string, mixed>> $messages
     * @param array<string, mixed> $o
     */
    private function deliver(array $messages, array $o, string $command): int
    {
        $options = ['allow_private_network' => isset($o['allow-private-network'])] + Cli::transferOptions($o);
        $results = $messages === [] ? [] : Dispatcher::send($messages, $options);
        fwrite(STDOUT, Formatter::rows($command, $o, $results, function () use ($results): string {
            $text = sprintf("%-16s %-10s %-7s %8s %5s %9s  %s\n", 'CHANNEL', 'TYPE', 'STATUS', 'ATTEMPTS', 'HTTP', 'LATENCY', 'ERROR');
            foreach ($results as $r) {
                $text .= sprintf("%-16s %-10s %s %8d %5s %7dms  %s\n", $r['channel'], $r['type'], Output::verdict($r['status'], STDOUT, 7),
                    $r['attempts'], $r['http_code'] ?: '-', $r['latency_ms'], $r['error'] === null ? '' : $r['error_code'] . ': ' . $r['error']);
            }
            return $text;
        }));
        foreach ($results as $r) {
            if ($r['status'] !== 'sent') {
                return self::EXIT_FAILED;
            }
        }
        return self::EXIT_OK;
    }

    /**
     * The --config file, read and checked by the extension (YAML or JSON; every channel and the
     * policy refused with the file, line and key before anything is sent).
     * @param array<string, mixed> $o
     */
    private static function config(array $o): array
    {
        return Dispatcher::loadConfig($o['config'] ?? throw new UsageError('--config FILE is required'));
    }

    /** @return array<string, array<string, mixed>> */
    private static function channels(array $config, ?string $only): array
    {
        $channels = $config['channels'];
        if ($only !== null) {
            if (!isset($channels[$only])) {
                throw new UsageError("no channel '$only' in the config file");
            }
            return [$only => $channels[$only]];
        }
        return $channels;
    }

    /** @param array<string, mixed> $o */
    private static function event(array $o): array
    {
        return ['event' => $o['event'] ?? 'manual', 'title' => $o['title'] ?? throw new UsageError('--title is required'),
            'severity' => $o['severity'] ?? 'info', 'lines' => $o['line'] ?? []];
    }

    /** @param list<string> $pos */
    private static function noPositionals(array $pos): void
    {
        if ($pos !== []) {
            throw new UsageError("unexpected argument '{$pos[0]}'");
        }
    }
}
