// BJLGENC1: the Backup JLG plugin's encrypted-archive format (../shared/design/plugin-formats.md
// §1, docs/encryption.md §2), read in versions 1 and 2 and written in version 2, byte-exactly as
// the plugin does. Reading authenticates the whole file first (a streaming HMAC pass), and only
// then decrypts; the decrypting pass recomputes the HMAC and releases the output only if the
// file did not change in between.
#ifndef BJLG_CRYPTO_BJLGENC1_H_
#define BJLG_CRYPTO_BJLGENC1_H_

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/status.h"
#include "crypto/file_io.h"
#include "crypto/secret.h"

namespace bjlg::crypto {

struct Bjlgenc1Header {
  static constexpr char kMagic[9] = "BJLGENC1";
  static constexpr uint32_t kPbkdf2Iterations = 10000;
  // Longest header: v2 password mode with a 255-byte salt.
  static constexpr size_t kMaxSize = 8 + 1 + 1 + 16 + 1 + 255 + 32;

  uint8_t version = 2;
  bool password_mode = false;  // v2: flags bit 0; v1: not recorded
  std::array<uint8_t, 16> iv{};
  std::vector<uint8_t> salt;   // v2 password mode only
  std::array<uint8_t, 32> tag{};
  uint64_t ciphertext_offset = 0;
  uint64_t ciphertext_size = 0;

  // Parses the first bytes of a file of `file_size` bytes (`size` = min(file_size, kMaxSize)).
  // NotSupported: bad magic, version, salt length ≠ 16; Corruption: truncated header, missing
  // or misaligned ciphertext.
  static Result<Bjlgenc1Header> Parse(const uint8_t* data, size_t size, uint64_t file_size);
};

// Options for reading: `legacy_salt` is the site-wide `bjlg_encryption_salt` (16 bytes), the
// only way to read a v1 file in password mode.
struct Bjlgenc1ReadOptions {
  std::optional<std::array<uint8_t, 16>> legacy_salt;
};

// Authenticates `in` (the MAC over the whole ciphertext, then the padding, read from the last
// block) and, if `out` is not null, decrypts it into `out` (not committed). On success
// *plaintext_size is the size of the plaintext. Wrong key or password cannot be told from
// corruption in this format: Corruption.
Status Bjlgenc1Decrypt(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                       const Bjlgenc1ReadOptions& options, PrivateOutput* out,
                       uint64_t* plaintext_size);

// Writes `in` to `out` as a v2 file (key or password mode) with a random IV and salt.
Status Bjlgenc1Encrypt(const InputFile& in, const Secret& secret, PrivateOutput& out);

// As above with a caller-chosen IV and salt, for test vectors.
Status Bjlgenc1EncryptWith(const InputFile& in, const Secret& secret,
                           const std::array<uint8_t, 16>& iv, const std::array<uint8_t, 16>& salt,
                           PrivateOutput& out);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_BJLGENC1_H_
