<?php

/** @generate-class-entries */

namespace Bjlg\Notify;

/**
 * One incident from its first notice to its resolution: escalation, quiet hours, reminders,
 * acknowledgement, resolution broadcast, action plan and report (see docs/notify.md). The
 * caller keeps the state: toArray() and fromArray().
 * @not-serializable
 */
final class Incident
{
    private function __construct() {}

    /** $event: event, title, severity, lines, context, id; $policy: channels, notify, escalation, quiet_hours, reminders, locale. */
    public static function open(array $event, #[\SensitiveParameter] array $policy, ?int $now = null): Incident {}

    public static function fromArray(#[\SensitiveParameter] array $state): Incident {}

    public function toArray(): array {}

    /** The deliveries due at $now: a list of ['kind', 'channel', 'level', 'message']. */
    public function due(int $now): array {}

    public function acknowledge(string $actor, string $note = '', ?int $now = null): void {}

    /** Resolves the incident and returns the resolution broadcast (deliveries as due()). */
    public function resolve(string $actor, string $summary, array $actions = [], ?int $now = null): array {}

    /** Adds an action to the plan; returns its id. */
    public function addAction(string $title, string $owner = '', ?int $dueAt = null, string $status = 'open', ?int $now = null): string {}

    /** $changes: title, owner, due_at, status (open|in_progress|done|cancelled), note. */
    public function updateAction(string $id, array $changes, string $actor = '', ?int $now = null): void {}

    /** $format: html, markdown, json or text; $locale: en or fr. */
    public function report(string $format = 'html', string $locale = 'en'): string {}

    public function id(): string {}

    /** pending, acknowledged or resolved. */
    public function status(): string {}
}

/**
 * Many incidents over a period: MTTA and MTTR, overall, by event and by channel.
 * @not-serializable
 */
final class Digest
{
    private function __construct() {}

    /** $incidents: Incident objects or their toArray() states; the period is [$from, $to). */
    public static function summarize(array $incidents, int $from, int $to): array {}
}
