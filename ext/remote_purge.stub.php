<?php

/** @generate-class-entries */

namespace Bjlg\Remote;

/**
 * Retention and remote purge on every destination at once: plan() lists each destination and
 * says what a policy deletes there and why (a dry run), run() deletes it, safely. See
 * docs/purge.md. Destinations are those of Bjlg\Quota\Collector (s3, azure, webdav, sftp and local
 * can be purged; the others are reported as not supported).
 */
final class Purge
{
    private function __construct() {}

    /**
     * @param array $destinations a list of destination arrays, as Bjlg\Quota\Collector::collect() takes
     * @param array $policy as Bjlg\Remote\Retention::evaluate() takes
     * @param array $options
     * @phpstan-param array{now?: int|\DateTimeInterface, lang?: string, forecasts?: array<string, array>, verified?: list<string>, timeout_ms?: int, retries?: int, retry_base_ms?: int, verify_tls?: bool, ca_bundle?: string, allow_private_network?: bool, test_endpoints?: bool} $options
     * @return array version, planned_at, policy, destinations (keyed by name: type, ok, error, listed, delete, keep, foreign, bytes_freed, counts, quota), totals
     * @throws \ValueError a policy key or an option refused
     * @throws \Bjlg\Quota\InvalidDestinationException a destination refused
     */
    public static function plan(#[\SensitiveParameter] array $destinations, array $policy, array $options = []): array {}

    /**
     * @param array $plan what plan() returned
     * @param array $options `destinations` (required: the same list given to plan())
     * @phpstan-param array{destinations: list<array>, now?: int|\DateTimeInterface, max_plan_age?: int, journal?: string, parallel?: int, batch_size?: int, progress?: callable, timeout_ms?: int, retries?: int, retry_base_ms?: int, verify_tls?: bool, ca_bundle?: string, allow_private_network?: bool, test_endpoints?: bool} $options
     * @return array plan_id, events (one per archive and destination, the input of Bjlg\Sla\PurgeSla), deleted, already_gone, failed, bytes_freed, destinations, journal
     * @throws \ValueError a plan that is malformed or too old, a journal of another plan, an option refused
     * @throws CancelledException the progress callable returned false
     * @throws IOException the journal could not be written
     */
    public static function run(array $plan, #[\SensitiveParameter] array $options): array {}

    /**
     * Reads destinations from a YAML file (a list, or a map with a `destinations` list), checked
     * as Bjlg\Quota\Collector::collectFromFile() checks them.
     *
     * @return array the list of destination arrays, ready for plan() and run()
     * @throws \Bjlg\Quota\InvalidDestinationException a destination refused (file and line named)
     * @throws \Bjlg\Quota\IOException the file could not be read
     */
    public static function loadDestinations(string $path): array {}
}
