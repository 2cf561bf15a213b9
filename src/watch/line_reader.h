// LineReader: the journal's lines from a file descriptor, one at a time, with at most
// kMaxRecordLine bytes buffered whatever the file holds (a line longer than that is reported as
// an overlong damaged line and skipped to its newline).
#ifndef BJLG_WATCH_LINE_READER_H_
#define BJLG_WATCH_LINE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace bjlg::watch {

struct Line {
  std::string_view text;  // without the newline (empty for an overlong line)
  uint64_t offset = 0;    // where the line starts in the file
  uint64_t end = 0;       // offset after its newline (or the end of the file)
  bool complete = false;  // ended with a newline
  bool overlong = false;  // longer than kMaxRecordLine: text is empty
};

class LineReader {
 public:
  // Reads `fd` with pread from `from` up to `to` (the size seen under the lock).
  LineReader(int fd, uint64_t from, uint64_t to) : fd_(fd), pos_(from), to_(to) {}
  // The next line; false at the end. IOError when the file cannot be read.
  Result<bool> Next(Line* line);

 private:
  Status Fill();
  int fd_;
  uint64_t pos_;       // file offset of buffer_[start_]... i.e. of the unread bytes
  uint64_t to_;
  uint64_t read_to_ = 0;  // bytes of the file already in buffer_ (absolute offset)
  bool started_ = false;
  std::string buffer_;
  size_t start_ = 0;
};

}  // namespace bjlg::watch

#endif  // BJLG_WATCH_LINE_READER_H_
