// PlaintextReader: random access to the plaintext of an encrypted file (either format), in
// memory only: no plaintext is ever written to disk. This is what lets Archive\Reader open an
// encrypted archive in place (libzip reads the central directory at the end, then entries).
//
//  - bjlg AEAD: every read authenticates the chunks it touches (one chunk cached); a wrong key
//    is Unauthenticated at open, a chunk that fails is Corruption naming it, a file cut at a
//    chunk boundary is Corruption ("truncated").
//  - BJLGENC1: the format has one MAC over the whole file, so Open authenticates the whole
//    file first (one pass, no plaintext kept); reads then decrypt the CBC blocks they need.
//    The file is read through the descriptor opened then; a change made to it afterwards is not
//    re-authenticated (the zip layer's CRC-32 of every entry still catches accidental damage).
#ifndef BJLG_CRYPTO_PLAINTEXT_READER_H_
#define BJLG_CRYPTO_PLAINTEXT_READER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "crypto/bjlgenc1.h"
#include "crypto/secret.h"

namespace bjlg::crypto {

class PlaintextReader {
 public:
  virtual ~PlaintextReader() = default;
  // Plaintext bytes.
  virtual uint64_t size() const = 0;
  // Up to `size` bytes at `offset` into `out` (fewer only at the end; 0 at or past it).
  virtual Result<size_t> ReadAt(uint64_t offset, uint8_t* out, size_t size) = 0;
  // "bjlg" or "bjlgenc1".
  virtual const char* format() const = 0;
};

// True when the first bytes of `path` carry the magic of either format (false when unreadable).
bool LooksEncrypted(const std::string& path);

// Opens `path` with `secret`. NotFound / PermissionDenied / IOError for the file,
// NotSupported when it is not an encrypted file, Unauthenticated for a wrong key or password
// (AEAD; BJLGENC1 reports Corruption, as the format cannot tell), Corruption for bad data.
Result<std::unique_ptr<PlaintextReader>> OpenPlaintextReader(const std::string& path, const Secret& secret,
                                                             const Bjlgenc1ReadOptions& options = {});

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_PLAINTEXT_READER_H_
