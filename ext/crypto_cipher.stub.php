<?php

/** @generate-class-entries */

namespace Bjlg\Crypto;

/**
 * Encrypts, decrypts, verifies and inspects files in the bjlg streaming AEAD format (default)
 * and the plugin's BJLGENC1 format. A string secret is a password. See docs/encryption.md.
 */
final class Cipher
{
    private function __construct() {}

    public static function encryptFile(string $in, string $out, #[\SensitiveParameter] Key|string $secret, array $options = []): array {}

    public static function decryptFile(string $in, string $out, #[\SensitiveParameter] Key|string $secret, array $options = []): array {}

    public static function verifyFile(string $in, #[\SensitiveParameter] Key|string $secret, array $options = []): array {}

    public static function inspect(string $in): array {}
}
