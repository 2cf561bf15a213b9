// BJLGENC1: the Backup JLG plugin's encrypted-archive format (../shared/design/plugin-formats.md
// §1, docs/encryption.md §2), read in versions 1 and 2 and written in version 2, byte-exactly as
// the plugin does. Reading authenticates the whole file first (a streaming HMAC pass), and only
// then decrypts; the decrypting pass recomputes the HMAC and releases the output only if the
// file did not change in between.
#ifndef BJLG_CRYPTO_BJLGENC1_H_
#define BJLG_CRYPTO_BJLGENC1_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
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

// Where the plaintext of Bjlgenc1DecryptStream goes, and how a caller follows it. Every callback
// runs on the calling thread.
struct Bjlgenc1Stream {
  // Receives the plaintext of the decrypting pass in order, in pieces of up to 4 MiB. Empty: the
  // file is only authenticated (one pass). The decrypting pass re-authenticates the file, so a
  // piece is proven authentic only when the call returns OK: a sink must not act on what it got
  // before then (a PrivateOutput is committed afterwards; the verifier issues no verdict). The
  // last block (less its padding) is sent only after the MAC has matched again. A failure stops
  // the pass and is returned as is.
  std::function<Status(const uint8_t* data, size_t size)> sink;
  // Called after each step of either pass with the ciphertext bytes done in that pass and the
  // pass (1: authenticating, 2: decrypting); false stops with Cancelled.
  std::function<bool(uint64_t ciphertext_done, int pass)> progress;
  // Sees the ciphertext of the authenticating pass in order (another thread, but one piece at a
  // time, each before the next one is read): lets a caller hash the file as stored in the same
  // read.
  std::function<void(const uint8_t* data, size_t size)> ciphertext;
  // Set by a failed call: the pass that failed. 1: the file does not authenticate (Corruption,
  // Unauthenticated, NotSupported) or could not be read; 2: the decrypting pass, where
  // Corruption means the file changed after the first pass authenticated it.
  int failed_pass = 0;
};

// Authenticates `in` (the MAC over the whole ciphertext, then the padding, read from the last
// block) and, when `stream.sink` is set, decrypts it into the sink in a second pass that
// recomputes the MAC. On success *plaintext_size is the size of the plaintext. Wrong key or
// password cannot be told from corruption in this format: Corruption.
Status Bjlgenc1DecryptStream(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                             const Bjlgenc1ReadOptions& options, Bjlgenc1Stream& stream,
                             uint64_t* plaintext_size);

// The file bytes to report as done, reading twice a file of `file_size` bytes with this header,
// when `ciphertext_done` bytes of pass `pass` are done: each pass counts for half, so the figure
// grows steadily and reaches file_size at the end of the second pass.
uint64_t Bjlgenc1Progress(const Bjlgenc1Header& header, uint64_t file_size, uint64_t ciphertext_done, int pass);

// As above, decrypting into `out` (not committed) when it is not null: the sink writes to it.
Status Bjlgenc1Decrypt(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                       const Bjlgenc1ReadOptions& options, PrivateOutput* out,
                       uint64_t* plaintext_size,
                       const std::function<bool(uint64_t ciphertext_done, int pass)>& progress = nullptr);

// Writes `in` to `out` as a v2 file (key or password mode) with a random IV and salt.
// `progress`, if set, is called on the calling thread after each piece is written, with the
// plaintext bytes done; false stops with Cancelled.
Status Bjlgenc1Encrypt(const InputFile& in, const Secret& secret, PrivateOutput& out,
                       const std::function<bool(uint64_t done)>& progress = nullptr);

// As above with a caller-chosen IV and salt, for test vectors.
Status Bjlgenc1EncryptWith(const InputFile& in, const Secret& secret,
                           const std::array<uint8_t, 16>& iv, const std::array<uint8_t, 16>& salt,
                           PrivateOutput& out,
                           const std::function<bool(uint64_t done)>& progress = nullptr);

// The file Bjlgenc1EncryptWith writes, pushed instead: `sink` gets the header (its 32-byte tag
// zeroed) and then the ciphertext, in order, on the calling thread; the tag, known only at the
// end, is returned with its offset for the caller to put in place. The file version is one user.
struct Bjlgenc1Tag {
  uint64_t offset = 0;
  std::array<uint8_t, 32> mac{};
};
Result<Bjlgenc1Tag> Bjlgenc1EncryptStream(const InputFile& in, const Secret& secret,
                                          const std::array<uint8_t, 16>& iv,
                                          const std::array<uint8_t, 16>& salt,
                                          const std::function<Status(const uint8_t*, size_t)>& sink,
                                          const std::function<bool(uint64_t done)>& progress = nullptr);

class PlaintextReader;

// Random access to the plaintext of `in` (see crypto/plaintext_reader.h): authenticates the
// whole file first, as Bjlgenc1DecryptStream without a sink, then decrypts the blocks each read
// needs.
Result<std::unique_ptr<PlaintextReader>> OpenBjlgenc1Plaintext(InputFile in, const Bjlgenc1Header& header,
                                                               const Secret& secret,
                                                               const Bjlgenc1ReadOptions& options);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_BJLGENC1_H_
