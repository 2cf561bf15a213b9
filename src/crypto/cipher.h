// The file-level API of bjlg's encryption: encrypt, decrypt, verify and inspect a file in either
// format (docs/encryption.md). This is what the PHP class Bjlg\Crypto\Cipher and the CLI call.
//
// Failures: kUnauthenticated = wrong key or password; kCorruption = altered or truncated data
// (IsTruncated() for data that ends too early); kNotSupported = not an encrypted file, or an
// unknown version or algorithm; kIOError = the file system; kInvalidArgument = bad options.
// Decryption output appears under `out` only when everything authenticated (see file_io.h).
#ifndef BJLG_CRYPTO_CIPHER_H_
#define BJLG_CRYPTO_CIPHER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/progress.h"
#include "common/status.h"
#include "crypto/aead_header.h"
#include "crypto/secret.h"

namespace bjlg::crypto {

enum class Format { kBjlg, kBjlgenc1 };

struct EncryptOptions {
  Format format = Format::kBjlg;
  uint32_t chunk_size = 1 << 20;
  // Password mode of the bjlg format. BJLGENC1 always uses PBKDF2 with 10 000 iterations.
  KdfId password_kdf = KdfId::kScrypt;
  uint32_t scrypt_log_n = 17, scrypt_r = 8, scrypt_p = 1;
  uint32_t pbkdf2_iterations = 600000;
  // Unset: AES-256-GCM if the CPU has AES instructions, ChaCha20-Poly1305 otherwise.
  std::optional<AeadCipher> cipher;
  unsigned threads = 0;  // 0: one per core
  // Which of the settings above the caller chose (rather than left at their defaults), so that
  // one that does not apply is refused instead of silently ignored: a KDF with a Key, any
  // parameter with BJLGENC1 (whose algorithms are fixed), an scrypt parameter with PBKDF2.
  struct Given {
    bool chunk_size = false, kdf = false, scrypt_log_n = false, pbkdf2_iterations = false, cipher = false;
  } given;
  // The one progress record (common/progress.h), phase "encrypt" in plaintext bytes, on the
  // calling thread after each batch; false stops with Cancelled (nothing is written under the
  // output name).
  ProgressFn progress;
};

struct DecryptOptions {
  unsigned threads = 0;
  std::optional<std::array<uint8_t, 16>> legacy_salt;  // BJLGENC1 v1 in password mode
  // The one progress record (common/progress.h), phase "decrypt" (DecryptFile) or "verify"
  // (VerifyFile) in bytes of the encrypted file (a BJLGENC1 file is decrypted in two passes,
  // each counting for half), on the calling thread after each batch; false stops with Cancelled
  // (nothing is written under the output name).
  ProgressFn progress;
};

// What is known about an encrypted file: from its header (Inspect) or after a full pass.
struct FileReport {
  std::string format;       // "bjlg" or "bjlgenc1"
  int version = 0;
  std::string mode;         // "key" or "password" ("unknown" for BJLGENC1 v1)
  std::string cipher;       // "aes-256-gcm", "chacha20-poly1305", "aes-256-cbc"
  std::string kdf;          // "none", "scrypt", "pbkdf2-sha256"
  uint32_t kdf_iterations = 0;  // PBKDF2 only
  uint32_t scrypt_log_n = 0, scrypt_r = 0, scrypt_p = 0;
  std::string key_fingerprint;  // bjlg format: key id (hex); empty for BJLGENC1
  uint32_t chunk_size = 0;      // bjlg format only
  uint64_t chunks = 0;          // bjlg format only
  uint64_t encrypted_size = 0;
  std::optional<uint64_t> plaintext_size;  // bjlg: always; BJLGENC1: not from Inspect
};

// The format of a file that starts with these bytes (at least 8 are needed), or nullopt when it
// is not an encrypted file: recognises the magic only, checks nothing else.
std::optional<Format> DetectFormat(const uint8_t* head, size_t size);

// InvalidArgument when EncryptFile would refuse `options` with `secret` (chunk size, KDF
// parameters out of range, an option given that does not apply: see EncryptOptions::given;
// the message starts with `option "<name>"`), found without deriving a key: lets a caller that encrypts at the
// end of a long job (the archive writer) refuse them before the job starts.
Status CheckEncryptOptions(const Secret& secret, const EncryptOptions& options);

// The encryption settings by the names every caller gives them (PHP's options, the CLI's
// flags): "format", "kdf" and "cipher" take a name ("bjlg", "scrypt", "aes-256-gcm"...);
// "chunk_size", "scrypt_log_n", "pbkdf2_iterations" and "threads" a number. The one place their
// names and ranges are checked.
enum class SettingType { kUnknown, kName, kNumber };
SettingType EncryptSettingType(const std::string& setting);
// Sets `setting` and marks it given (EncryptOptions::given); InvalidOption naming it when the
// value is not one it takes. REQUIRES: EncryptSettingType(setting) is kName, resp. kNumber.
Status SetEncryptSetting(const std::string& setting, const std::string& name, EncryptOptions* options);
Status SetEncryptSetting(const std::string& setting, int64_t number, EncryptOptions* options);
// The same for decryption: "threads" (a number) and "legacy_salt" (16 bytes).
Status SetDecryptThreads(int64_t threads, DecryptOptions* options);
Status SetLegacySalt(const std::string& bytes, DecryptOptions* options);

// The report for a bjlg-format file of `file_size` bytes with this header.
FileReport DescribeAeadFile(const AeadHeader& header, uint64_t file_size);

Result<FileReport> EncryptFile(const std::string& in, const std::string& out, const Secret& secret,
                               const EncryptOptions& options);
Result<FileReport> DecryptFile(const std::string& in, const std::string& out, const Secret& secret,
                               const DecryptOptions& options);
// Authenticates every byte; writes nothing.
Result<FileReport> VerifyFile(const std::string& in, const Secret& secret,
                              const DecryptOptions& options);
// Reads the header only; needs no secret and checks no MAC.
Result<FileReport> InspectFile(const std::string& in);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_CIPHER_H_
