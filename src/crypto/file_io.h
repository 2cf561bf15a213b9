// The files the crypto code reads and writes: an input read in place, and an output that
// becomes visible under its final name only when Commit() succeeds.
//
// PrivateOutput writes into a fresh directory made by mkdtemp (mode 0700) beside the final
// path, so that nobody else can open the partial file, and renames it into place on Commit().
// Destroying an uncommitted PrivateOutput removes the file and the directory: on failure,
// nothing is left.
#ifndef BJLG_CRYPTO_FILE_IO_H_
#define BJLG_CRYPTO_FILE_IO_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace bjlg::crypto {

class InputFile {
 public:
  // IOError if the file cannot be opened or is not a regular file (a FIFO or a device is
  // refused without blocking or reading: see common/parse_limits.h). `what` names the input in
  // messages ("archive"); empty, the path alone.
  static Result<InputFile> Open(const std::string& path, const std::string& what = "");
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&&) = delete;
  ~InputFile();

  uint64_t size() const { return size_; }
  // Reads exactly `size` bytes at `offset`; IOError if the file is shorter (it changed).
  Status ReadAt(uint64_t offset, uint8_t* out, size_t size) const;

 private:
  InputFile(int fd, uint64_t size, std::string path) : fd_(fd), size_(size), path_(std::move(path)) {}
  int fd_;
  uint64_t size_;
  std::string path_;
};

class PrivateOutput {
 public:
  // Creates <dir of final_path>/.bjlg-XXXXXX/ (0700) and a file in it (0600).
  static Result<PrivateOutput> Create(const std::string& final_path);
  PrivateOutput(PrivateOutput&& other) noexcept;
  PrivateOutput& operator=(PrivateOutput&&) = delete;
  ~PrivateOutput();

  Status Write(const uint8_t* data, size_t size);
  Status WriteAt(uint64_t offset, const uint8_t* data, size_t size);
  // Flushes to disk, renames over final_path, removes the private directory.
  Status Commit();

 private:
  PrivateOutput(int fd, std::string dir, std::string temp, std::string final_path)
      : fd_(fd), dir_(std::move(dir)), temp_(std::move(temp)), final_(std::move(final_path)) {}
  void Discard();
  int fd_;
  std::string dir_, temp_, final_;
  bool committed_ = false;
};

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_FILE_IO_H_
