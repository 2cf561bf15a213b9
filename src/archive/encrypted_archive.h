// The last step of an encrypted backup: the finished, verified plaintext zip (the temporary file
// of an OutputFile placed in a private folder) becomes an encrypted file at the archive's path.
//
// Order, so that nothing unauthenticated is ever visible and the extra disk stays within one
// archive size (the plaintext):
//  1. the crypto engine encrypts the plaintext into the private folder (itself through a private
//     file renamed only when complete);
//  2. the encrypted file is read back and authenticated with the same secret (nothing written);
//  3. it is hashed, then renamed over the target (OutputFile::Publish), which also removes the
//     plaintext and the private folder.
// On any failure nothing is renamed; the caller's OutputFile removes the plaintext and the
// private folder with whatever the steps left there.
#ifndef BJLG_ARCHIVE_ENCRYPTED_ARCHIVE_H_
#define BJLG_ARCHIVE_ENCRYPTED_ARCHIVE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "archive/output_file.h"
#include "common/status.h"
#include "crypto/cipher.h"
#include "crypto/secret.h"

namespace bjlg::archive {

struct EncryptedArchive {
  crypto::FileReport report;  // format, cipher, KDF, key fingerprint, sizes
  std::string sha256;         // of the encrypted file, hex
};

// REQUIRES: `out` was created with Placement::kPrivateDir and Finish() succeeded; `options`
// passed CheckEncryptOptions. IOError for the file system (a full disk), Corruption when the
// encrypted file does not authenticate when read back.
// `progress`, if set, hears each step's bytes ("encrypt", then "authenticate") on the calling
// thread; false cancels (Cancelled).
using PhaseProgress = std::function<bool(const char* phase, uint64_t done, uint64_t total)>;
Result<EncryptedArchive> EncryptAndPublish(OutputFile& out, const crypto::Secret& secret,
                                           crypto::EncryptOptions options,
                                           const PhaseProgress& progress = nullptr);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_ENCRYPTED_ARCHIVE_H_
