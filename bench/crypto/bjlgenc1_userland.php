<?php
/*
 * BJLGENC1 in PHP userland with ext/openssl, the way the Backup JLG plugin does it
 * (class-bjlg-encryption.php: 64 KiB reads, CBC without padding and the last block carried as
 * the next IV, hash_update() over the ciphertext, tag written last). Used as the peer in
 * bench/crypto and as an independent reader/writer in php-tests/crypto.
 */

function bjlg_userland_subkeys(string $ikm): array
{
    $prk = hash_hmac('sha256', $ikm, str_repeat("\0", 32), true);
    return [
        hash_hmac('sha256', "bjlg-encryption:aes\x01", $prk, true),
        hash_hmac('sha256', "bjlg-encryption:hmac\x01", $prk, true),
    ];
}

function bjlg_userland_encrypt(string $in, string $out, string $key, ?string $password = null): void
{
    $iv = random_bytes(16);
    $salt = random_bytes(16);
    $ikm = $password === null ? $key : hash_pbkdf2('sha256', $password, $salt, 10000, 32, true);
    [$enc, $mac] = bjlg_userland_subkeys($ikm);
    $src = fopen($in, 'rb');
    $dst = fopen($out, 'wb');
    $header = 'BJLGENC1' . "\x02" . ($password === null ? "\x00" : "\x01") . $iv;
    if ($password !== null) {
        $header .= "\x10" . $salt;
    }
    fwrite($dst, $header . str_repeat("\0", 32));
    $hmac = hash_init('sha256', HASH_HMAC, $mac);
    $carry = '';
    $chain = $iv;
    while (!feof($src)) {
        $data = $carry . fread($src, 65536);
        $full = intdiv(strlen($data), 16) * 16;
        if ($full > 16 || ($full === 16 && !feof($src))) {
            $take = feof($src) ? $full - 16 : $full;
            if ($take > 0) {
                $ct = openssl_encrypt(substr($data, 0, $take), 'aes-256-cbc', $enc,
                                      OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $chain);
                $chain = substr($ct, -16);
                hash_update($hmac, $ct);
                fwrite($dst, $ct);
                $data = substr($data, $take);
            }
        }
        $carry = $data;
    }
    $pad = 16 - strlen($carry) % 16;
    $last = openssl_encrypt($carry . str_repeat(chr($pad), $pad), 'aes-256-cbc', $enc,
                            OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $chain);
    hash_update($hmac, $last);
    fwrite($dst, $last);
    fseek($dst, strlen($header));
    fwrite($dst, hash_final($hmac, true));
    fclose($src);
    fclose($dst);
}

/* Decrypts like the plugin: plaintext written while reading, the tag checked at the end. */
function bjlg_userland_decrypt(string $in, string $out, string $key, ?string $password = null): void
{
    $src = fopen($in, 'rb');
    $head = fread($src, 10);
    if (substr($head, 0, 8) !== 'BJLGENC1' || $head[8] !== "\x02") {
        throw new RuntimeException('Format de fichier invalide');
    }
    $iv = fread($src, 16);
    $ikm = $key;
    if (ord($head[9]) & 1) {
        $len = ord(fread($src, 1));
        $salt = fread($src, $len);
        $ikm = hash_pbkdf2('sha256', (string) $password, $salt, 10000, 32, true);
    }
    [$enc, $mac] = bjlg_userland_subkeys($ikm);
    $tag = fread($src, 32);
    $dst = fopen($out, 'wb');
    $hmac = hash_init('sha256', HASH_HMAC, $mac);
    $chain = $iv;
    $pending = '';
    while (!feof($src)) {
        $data = $pending . fread($src, 65536);
        $take = intdiv(strlen($data), 16) * 16 - 16;  // always hold back the padded last block
        if ($take > 0) {
            $ct = substr($data, 0, $take);
            hash_update($hmac, $ct);
            fwrite($dst, openssl_decrypt($ct, 'aes-256-cbc', $enc, OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $chain));
            $chain = substr($ct, -16);
            $data = substr($data, $take);
        }
        $pending = $data;
    }
    hash_update($hmac, $pending);
    $plain = openssl_decrypt($pending, 'aes-256-cbc', $enc, OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, $chain);
    if (!hash_equals(hash_final($hmac, true), $tag)) {
        fclose($dst);
        unlink($out);
        throw new RuntimeException("Vérification d'intégrité échouée - fichier possiblement corrompu");
    }
    $pad = ord($plain[15]);
    fwrite($dst, substr($plain, 0, 16 - $pad));
    fclose($dst);
    fclose($src);
}
