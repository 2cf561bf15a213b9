<?php

/** @generate-class-entries */

namespace Bjlg\Notify;

/**
 * Signed outgoing webhooks, for receivers (see docs/notify.md).
 * @not-serializable
 */
final class Webhook
{
    private function __construct() {}

    /**
     * True when X-BJLG-Signature-256 ("t=<unix>,v1=<hex>") signs "<t>.<body>" with $secret and
     * t is within $tolerance seconds of now. $headers: name => value (any case, or $_SERVER's
     * HTTP_X_BJLG_... names). The legacy X-BJLG-Signature alone is not accepted (replayable).
     */
    public static function verify(string $body, array $headers, #[\SensitiveParameter] string $secret, int $tolerance = 300): bool {}

    /**
     * The headers bjlg sends with $body: X-BJLG-Signature (the plugin's), X-BJLG-Timestamp and
     * X-BJLG-Signature-256, for $timestamp (null: now).
     */
    public static function sign(string $body, #[\SensitiveParameter] string $secret, ?int $timestamp = null): array {}
}
