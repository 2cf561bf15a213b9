<?php

/** @generate-class-entries */

namespace Bjlg\Crypto;

/**
 * A 32-byte encryption key (the plugin's BJLG_ENCRYPTION_KEY). Immutable; its bytes are wiped
 * when the object is released and never appear in var_dump(), serialize() or a message.
 * @strict-properties
 * @not-serializable
 */
final class Key
{
    private function __construct() {}

    /** Accepts the plugin's forms: base64 with or without a "base64:" prefix, exactly 32 bytes. */
    public static function fromString(#[\SensitiveParameter] string $encoded): Key {}

    public static function generate(): Key {}

    /** Padded base64 without prefix, as the plugin's "generate key" action prints it. */
    public function toString(): string {}

    /** The key id written in bjlg files: 16 hex digits. */
    public function fingerprint(): string {}
}
