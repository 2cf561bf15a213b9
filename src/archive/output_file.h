// The archive's file while it is being written: a temporary name beside the target
// (`.bjlg-partial-XXXXXX`, hidden and without `.zip`, so nothing that globs for backups sees
// it), held under an exclusive flock while alive, buffered appends, in-place patches of
// earlier bytes, truncation (to drop an entry), and a commit that fsyncs, renames over the
// target and fsyncs the directory. Destroying an uncommitted OutputFile removes the temporary.
//
// For an archive that is encrypted before it is published, the temporary file is placed in a
// private folder instead (`.bjlg-XXXXXX/.bjlg-partial-XXXXXX`, folder mode 0700, same file system
// as the target): the plaintext is never readable by another user, and the caller writes the
// file it publishes (the encrypted archive) in that folder too, then Publish()es it.
//
// A process killed outright leaves its partial file (or private folder); the next OutputFile
// created in the same directory removes partial files whose lock is free and that are older than
// a minute, and private folders holding such a partial file, with everything in them (or
// holding nothing and older than a minute).
#ifndef BJLG_ARCHIVE_OUTPUT_FILE_H_
#define BJLG_ARCHIVE_OUTPUT_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace bjlg::archive {

class OutputFile {
 public:
  enum class Placement {
    kBesideTarget,  // `.bjlg-partial-XXXXXX` in the target's folder; Commit() renames it
    kPrivateDir,    // in a private folder; never renamed: Publish() a file derived from it
  };

  // Creates the temporary file for `target` (and the private folder). NotFound when the
  // directory is missing, IOError when it is not writable. `target` itself is not touched.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& target,
                                                    Placement placement = Placement::kBesideTarget);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Write(const void* data, size_t size);
  // Overwrites bytes at `offset`, which must already have been written.
  Status PatchAt(uint64_t offset, const void* data, size_t size);
  // Drops everything from `offset` on. REQUIRES: offset <= Tell().
  Status TruncateTo(uint64_t offset);
  uint64_t Tell() const { return position_; }

  // Flushes (and fsyncs, beside the target). After it the temporary file is complete; the file
  // stays open and locked until Commit, Publish or Discard.
  Status Finish();
  // Writes what is buffered so that the file holds every byte written so far (not synced).
  Status Flush();
  // REQUIRES: kBesideTarget, Finish() succeeded. Renames the temporary over the target and
  // fsyncs the folder.
  Status Commit();
  // REQUIRES: kPrivateDir, Finish() succeeded, `finished` is a complete, synced file in
  // private_dir(). Renames it over the target, fsyncs the folder, then discards the temporary
  // and the private folder.
  Status Publish(const std::string& finished);
  // Removes the temporary, and the private folder with everything in it (idempotent).
  void Discard();

  const std::string& temp_path() const { return temp_path_; }
  const std::string& private_dir() const { return private_dir_; }  // empty beside the target
  const std::string& target() const { return target_; }
  uint64_t device() const { return device_; }
  uint64_t inode() const { return inode_; }

 private:
  OutputFile() = default;
  Status Fail(const char* what, int err);
  void SyncFolder();

  std::string target_, temp_path_, dir_, private_dir_;
  int fd_ = -1;
  uint64_t device_ = 0, inode_ = 0;
  std::vector<unsigned char> buffer_;
  uint64_t flushed_ = 0;   // bytes already in the file
  uint64_t position_ = 0;  // flushed_ + buffer_.size()
  bool committed_ = false;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_OUTPUT_FILE_H_
