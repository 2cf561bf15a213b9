// The purge journal: what a run meant to delete and what it did, so that a run killed half way
// (SIGKILL, a crash, a lost machine) resumes without repeating or losing a step.
//
// One JSON object per line, appended: first {"plan": id} naming the plan it belongs to, then
// {"intent": destination, "archives": [...]} before each request is sent (made durable with
// fdatasync before the request leaves), and {"done": destination, "archive": name, "outcome":
// "deleted"|"already_gone"} as each answer arrives. Resuming skips what is done; an intent
// without its outcome is sent again, and an archive it deleted before the kill answers "already
// gone", which counts as done. A torn last line (the kill came mid-write) is ignored.
#ifndef BJLG_REMOTE_PURGE_JOURNAL_H_
#define BJLG_REMOTE_PURGE_JOURNAL_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace bjlg::remote::purge {

class Journal {
 public:
  // Opens (creating) the journal at `path` for plan `plan_id`. InvalidArgument when the file
  // belongs to another plan; IOError when it cannot be read or written.
  static Result<Journal> Open(const std::string& path, const std::string& plan_id);

  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&&) = delete;
  Journal(const Journal&) = delete;
  ~Journal();

  // The outcome a previous run recorded for (destination, archive), or "".
  std::string DoneBefore(const std::string& destination, const std::string& archive) const;

  // Records the intent and makes the journal durable (what was done before is then durable too).
  Status Intend(const std::string& destination, const std::vector<std::string>& archives);
  // Records an outcome; durable at the next Intend() or Sync().
  Status Done(const std::string& destination, const std::string& archive, const std::string& outcome);
  Status Sync();

  const std::string& path() const { return path_; }

 private:
  Journal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  Status Append(const std::string& line);

  std::string path_;
  int fd_ = -1;
  std::map<std::pair<std::string, std::string>, std::string> done_;
};

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_JOURNAL_H_
