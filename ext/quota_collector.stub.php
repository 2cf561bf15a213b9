<?php

/** @generate-class-entries */

namespace Bjlg\Quota;

/**
 * Collects the real usage and quota of every destination at once (see docs/quota.md).
 */
final class Collector
{
    /**
     * $destinations: a list of arrays, each with a name, a type and that type's keys.
     * $options: timeout_ms, retries, retry_base_ms, max_response_bytes, verify_tls, ca_bundle,
     * test_endpoints. Returns one result per destination, keyed by name.
     */
    public static function collect(#[\SensitiveParameter] array $destinations, array $options = []): array {}

    /**
     * The same, with the destinations read from a YAML file (a list, or a map with a
     * `destinations` list); $options as for collect().
     */
    public static function collectFromFile(string $path, array $options = []): array {}
}
