<?php

/** @generate-class-entries */

namespace Bjlg\Notify;

/**
 * Sends a batch of notifications at once (see docs/notify.md).
 * @not-serializable
 */
final class Dispatcher
{
    private function __construct() {}

    /**
     * $messages: a list of ['channel' => [...], 'event' => ..., 'title' => ..., 'lines' => [...],
     * 'severity' => info|warning|critical, 'context' => [...]] (plus subject, resolve, dedup_key,
     * timestamp, data). $options: timeout_ms, retries, retry_base_ms, verify_tls, ca_bundle,
     * allow_private_network, literal_newline, max_parallel, now, progress. Returns one result per
     * message, in order: status, attempts, http_code, error_code, error, latency_ms, channel, type.
     */
    public static function send(#[\SensitiveParameter] array $messages, array $options = []): array {}

    /**
     * Reads a channels file: YAML (JSON is YAML too) with a "channels" map of name => channel and
     * an optional incident "policy" (notify, escalation, quiet_hours, reminders, locale; its
     * channels are the file's). Every channel and the policy are checked as send() and
     * Incident::open() would. Returns ['channels' => [...], 'policy' => [...]] in the file's
     * order, "policy" only when the file has one; other top-level keys are left out.
     *
     * @throws InvalidInputException not YAML, no channels, a channel or the policy refused (the
     *         file, the line and the key are named; never a value)
     * @throws IOException the file could not be read, or is not a regular file
     */
    public static function loadConfig(string $path): array {}
}
