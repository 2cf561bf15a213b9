// AtomicFile: the one way bjlg writes a file that others may read: privately under a temporary
// name beside the target, then published whole.
//
// The temporary is `.bjlg-partial-XXXXXX` in the target's folder (hidden, no extension, so
// nothing that globs for backups or reports sees it), created with the requested mode (0600 by
// default) and O_NOFOLLOW, and held under an exclusive flock while alive: the stale sweep of
// src/archive/output_file.cc removes what a killed writer left. Commit() fsyncs the file,
// renames it over the target and fsyncs the folder; destroying (or Discard()ing) an AtomicFile
// that was not committed removes the temporary. Readers never see a half-written target.
#ifndef BJLG_COMMON_ATOMIC_FILE_H_
#define BJLG_COMMON_ATOMIC_FILE_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace bjlg {

class AtomicFile {
 public:
  // The name prefix of every temporary (shared with the archive writer's partial files).
  static constexpr char kTempPrefix[] = ".bjlg-partial-";

  // Creates the temporary for `target`. NotFound when the folder is missing,
  // PermissionDenied when it is not writable, InvalidArgument when `target` names a folder.
  static Result<std::unique_ptr<AtomicFile>> Create(const std::string& target, mode_t mode = 0600);
  // The same for the entry `leaf` (a single name, no slash) of the folder open as `dir_fd`, for
  // writers that reached the folder without following symbolic links (the archive extractor):
  // the temporary is made with openat(O_EXCL | O_NOFOLLOW) and `mode` under the umask, and
  // Commit() renames it with renameat. The rename replaces the directory entry itself, so a
  // symbolic link at `leaf` is replaced, never followed, and a hard-linked target's other names
  // keep their content. `replace` false: Commit() fails (IOError, EEXIST) when `leaf` exists.
  // `dir_fd` is duplicated; `display` names the target in messages. `sync` false: Commit() skips
  // the fsyncs (an extraction of many files, where the order of publication matters and the
  // durability of each file does not).
  static Result<std::unique_ptr<AtomicFile>> CreateAt(int dir_fd, const std::string& leaf, const std::string& display,
                                                      mode_t mode, bool replace = true, bool sync = true);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends `size` bytes (retrying short writes and EINTR).
  Status Append(const void* data, size_t size);
  Status Append(std::string_view data) { return Append(data.data(), data.size()); }

  // REQUIRES: not committed. fsync, close, rename over the target, fsync the folder. On failure
  // the temporary is removed and the target is untouched.
  Status Commit();
  // Removes the temporary (idempotent; nothing after Commit()).
  void Discard();

  // The open descriptor of the temporary (for callers that write through another API), -1
  // after Commit() or Discard().
  int fd() const { return fd_; }
  const std::string& temp_path() const { return temp_path_; }
  const std::string& target() const { return target_; }

 private:
  AtomicFile() = default;

  Status Publish();  // the rename, by path or in dir_fd_

  std::string target_, dir_, temp_path_;
  int fd_ = -1;
  bool committed_ = false;
  // CreateAt(): the folder (owned), the entry names in it, and whether an existing entry may go.
  int dir_fd_ = -1;
  std::string leaf_, temp_leaf_;
  bool replace_ = true;
  bool sync_ = true;
};

// The folder of `path` ("." for a bare name, "/" for a file at the root).
std::string FolderOf(const std::string& path);

// fsyncs the folder `dir` (errors ignored: not every file system supports it).
void SyncFolder(const std::string& dir);

// Writes `content` to `target` through an AtomicFile.
Status WriteFileAtomically(const std::string& target, std::string_view content, mode_t mode = 0600);

}  // namespace bjlg

#endif  // BJLG_COMMON_ATOMIC_FILE_H_
