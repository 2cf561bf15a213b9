#!/usr/bin/python3
"""An implementation of bjlg's two file formats that shares no code with bjlg: Python with
Debian's python3-cryptography. It decrypts a file and prints the SHA-256 of the plaintext, so
the interop test can compare it with the original. Formats: docs/encryption.md (bjlg) and
../shared/design/plugin-formats.md §1 (BJLGENC1).

usage: decrypt.py FILE (--key BASE64 | --password-file PATH)
"""
import sys

# Debian's package, not whatever another Python installation puts first on the path.
sys.path.insert(0, "/usr/lib/python3/dist-packages")

import argparse  # noqa: E402
import base64  # noqa: E402
import hashlib  # noqa: E402
import hmac  # noqa: E402
import struct  # noqa: E402

from cryptography.hazmat.primitives import hashes, padding  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305  # noqa: E402
from cryptography.hazmat.primitives.kdf.hkdf import HKDF  # noqa: E402
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC  # noqa: E402
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # noqa: E402


class Failure(Exception):
    pass


def pbkdf2(password, salt, iterations):
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(password)


def bjlgenc1(data, key, password):
    version = data[8]
    pos = 9
    password_mode = False
    salt = b""
    if version == 2:
        password_mode = data[pos] & 1 == 1
        pos += 1
    elif version != 1:
        raise Failure("version")
    iv = data[pos:pos + 16]
    pos += 16
    if password_mode:
        n = data[pos]
        salt = data[pos + 1:pos + 1 + n]
        pos += 1 + n
    tag = data[pos:pos + 32]
    ciphertext = data[pos + 32:]
    ikm = pbkdf2(password, salt, 10000) if password_mode else key
    prk = hmac.new(b"\0" * 32, ikm, hashlib.sha256).digest()
    enc_key = hmac.new(prk, b"bjlg-encryption:aes\x01", hashlib.sha256).digest()
    mac_key = hmac.new(prk, b"bjlg-encryption:hmac\x01", hashlib.sha256).digest()
    if not hmac.compare_digest(hmac.new(mac_key, ciphertext, hashlib.sha256).digest(), tag):
        raise Failure("HMAC")
    decryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def bjlg_aead(data, key, password):
    header = data[:100]
    if header[8] != 1:
        raise Failure("version")
    if hashlib.sha256(header[:64]).digest()[:4] != header[64:68]:
        raise Failure("header check")
    cipher_id, kdf_id, reserved = header[9], header[10], header[11]
    chunk_size, a, b, c = struct.unpack("<IIII", header[12:28])
    salt, base_nonce, key_id, mac = header[28:44], header[44:56], header[56:64], header[68:100]
    if kdf_id == 0:
        master = key
    elif kdf_id == 1:
        master = Scrypt(salt, 32, 2 ** a, b, c).derive(password)
    elif kdf_id == 2:
        master = pbkdf2(password, salt, a)
    else:
        raise Failure("kdf")
    if hmac.new(master, b"bjlg key id v1", hashlib.sha256).digest()[:8] != key_id:
        raise Failure("wrong key")

    def subkey(info):
        return HKDF(hashes.SHA256(), 32, salt, info).derive(master)

    header_key, payload_key = subkey(b"bjlg-aead-v1 header"), subkey(b"bjlg-aead-v1 payload")
    if not hmac.compare_digest(hmac.new(header_key, header[:68], hashlib.sha256).digest(), mac):
        raise Failure("header MAC")
    aead = AESGCM(payload_key) if cipher_id == 1 else ChaCha20Poly1305(payload_key)
    payload = data[100:]
    stored = chunk_size + 16
    count = (len(payload) + stored - 1) // stored
    out = []
    for i in range(count):
        chunk = payload[i * stored:(i + 1) * stored]
        last = 1 if i == count - 1 else 0
        counter = b"\0\0\0" + struct.pack(">Q", i) + bytes([last])
        nonce = bytes(x ^ y for x, y in zip(base_nonce, counter))
        out.append(aead.decrypt(nonce, chunk, mac))
    return b"".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--key")
    parser.add_argument("--password-file")
    args = parser.parse_args()
    key = base64.b64decode(args.key) if args.key else None
    password = open(args.password_file, "rb").read() if args.password_file else None
    data = open(args.file, "rb").read()
    if data[:8] == b"BJLGENC1":
        plain = bjlgenc1(data, key, password)
    elif data[:8] == b"BJLGAEAD":
        plain = bjlg_aead(data, key, password)
    else:
        raise Failure("magic")
    print(hashlib.sha256(plain).hexdigest())


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001 - any failure is a failed decryption
        print("decrypt.py: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
