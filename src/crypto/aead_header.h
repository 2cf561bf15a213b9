// The 100-byte header of the bjlg streaming AEAD format (docs/encryption.md §1.1), and the keys
// it leads to. Parsing checks structure only; Open() checks the secret against the key id and
// the header MAC and yields the payload key.
#ifndef BJLG_CRYPTO_AEAD_HEADER_H_
#define BJLG_CRYPTO_AEAD_HEADER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"
#include "crypto/key.h"
#include "crypto/secret.h"

namespace bjlg::crypto {

enum class AeadCipher : uint8_t { kAes256Gcm = 1, kChaCha20Poly1305 = 2 };
enum class KdfId : uint8_t { kNone = 0, kScrypt = 1, kPbkdf2Sha256 = 2 };

const char* AeadCipherName(AeadCipher c);  // "aes-256-gcm", "chacha20-poly1305"
const char* KdfName(KdfId k);              // "none", "scrypt", "pbkdf2-sha256"

struct AeadHeader {
  static constexpr size_t kSize = 100;
  static constexpr size_t kTagSize = 16;
  static constexpr char kMagic[9] = "BJLGAEAD";
  static constexpr uint8_t kVersion = 1;
  static constexpr uint32_t kMinChunkSize = 16;
  static constexpr uint32_t kMaxChunkSize = uint32_t{1} << 26;
  static constexpr uint32_t kMinScryptLogN = 14;
  static constexpr uint32_t kMaxScryptLogN = 20;
  static constexpr uint32_t kMinPbkdf2Iterations = 600000;
  static constexpr uint32_t kMaxPbkdf2Iterations = 100000000;

  AeadCipher cipher = AeadCipher::kAes256Gcm;
  KdfId kdf = KdfId::kNone;
  uint32_t chunk_size = 1 << 20;
  uint32_t kdf_a = 0, kdf_b = 0, kdf_c = 0;  // scrypt log2 N, r, p; PBKDF2 iterations
  std::array<uint8_t, 16> salt{};
  std::array<uint8_t, 12> base_nonce{};
  Key::Id key_id{};
  std::array<uint8_t, 32> mac{};  // valid after Seal() or Parse()

  // Structure only: magic, version, known ids (NotSupported), header check and ranges
  // (Corruption), size (Corruption "truncated").
  static Result<AeadHeader> Parse(const uint8_t* data, size_t size);
  // Checks that the parameters are ones a reader accepts.
  Status Validate() const;

  // Bytes 0..67, the part covered by the header MAC.
  std::array<uint8_t, 68> SerializeUnsigned() const;
  std::array<uint8_t, kSize> Serialize() const;

  // Number of chunks and plaintext size implied by a file of `file_size` bytes, or Corruption
  // ("truncated") when the file cannot hold a valid chunk sequence.
  Result<uint64_t> ChunkCount(uint64_t file_size) const;
  uint64_t PlaintextSize(uint64_t file_size) const;  // REQUIRES: ChunkCount(file_size).ok()
};

// The secret turned into what the format uses. Wiped on destruction (Key members).
struct AeadKeys {
  Key master;
  Key header_key;
  Key payload_key;
};

// Derives the master key from the secret and the header's KDF fields, then the subkeys.
Result<AeadKeys> DeriveAeadKeys(const AeadHeader& header, const Secret& secret);

// Fills key_id and mac for writing. REQUIRES: keys derived from this header's fields.
void SealHeader(AeadHeader& header, const AeadKeys& keys);

// Checks the secret against a parsed header: wrong kind of secret or key id mismatch
// (kUnauthenticated: "wrong key" / "wrong password"), MAC mismatch (Corruption).
Result<AeadKeys> OpenHeader(const AeadHeader& header, const Secret& secret);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_AEAD_HEADER_H_
