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
}
