<?php

/** @generate-class-entries */

namespace Bjlg\Config;

/**
 * A site's backup policy: schedules, destinations, retention, notification channels and RPO/RTO
 * targets, read from and written to one YAML document (docs/policy.md). Immutable. Secrets are
 * never in it: a secret setting is a reference, ['env' => 'NAME'], ['file' => '/path'] or
 * ['option' => 'name'], which the importer resolves.
 * @strict-properties
 * @not-serializable
 */
final class Policy
{
    private function __construct() {}

    /**
     * Reads a YAML policy document. An empty document is the empty policy (no section).
     * @throws InvalidPolicyException refused, with "policy line L, column C: ..." in the message
     */
    public static function parse(string $yaml): Policy {}

    /**
     * The same from a file (a regular file of at most 1 MiB); messages start with its path.
     * @throws InvalidPolicyException refused, with the file, line and column
     * @throws IOException the file could not be read
     */
    public static function fromFile(string $path): Policy {}

    /**
     * The policy of toArray()'s form.
     * @throws \ValueError a section, entry or key refused (named in the message)
     * @throws \TypeError an object or resource inside the array
     */
    public static function fromArray(array $policy): Policy {}

    /** The document as an array: 'version' => 1, then the sections present. */
    public function toArray(): array {}

    /** The YAML document, sections and keys in a fixed order; parse() reads it back as is. */
    public function toYaml(): string {}
}
