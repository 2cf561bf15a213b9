// SFTP: the listing is the folder's directory listing through libcurl (one "ls -l" line per
// entry: regular files only, sizes from the fifth field; the time is the name's); each archive
// goes with one `rm` quote command. SFTP does not say why an rm was refused, so the names it
// refused are looked up in a last listing: gone means already gone, still there means failed.
#include <memory>
#include <set>
#include <sstream>

#include "quota/sftp_endpoint.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {
namespace {

const char kList[] = "SFTP listing";
const char kDelete[] = "SFTP rm";

// Parses one line of the listing ("-rw-r--r--    1 user group 1234 Dec  6 03:01 name") into
// *object; false for anything but a regular file.
bool ParseLine(const std::string& line, ListedObject* object) {
  if (line.empty() || line[0] != '-') return false;
  std::istringstream in(line);
  std::string perms, links, owner, group, size, month, day, when;
  if (!(in >> perms >> links >> owner >> group >> size >> month >> day >> when)) return false;
  std::string name;
  std::getline(in, name);
  size_t start = name.find_first_not_of(' ');
  if (start == std::string::npos) return false;
  name = name.substr(start);
  if (!name.empty() && name.back() == '\r') name.pop_back();
  std::optional<uint64_t> bytes = ParseUint(size);
  if (!bytes || name.empty()) return false;
  object->name = name;
  object->size = *bytes;
  return true;
}

// Collects the listing's lines from the sink.
class LineCollector {
 public:
  explicit LineCollector(Listing* out) : out_(out) {}
  bool Feed(std::string_view chunk) {
    pending_.append(chunk);
    size_t eol;
    while ((eol = pending_.find('\n')) != std::string::npos) {
      Line(pending_.substr(0, eol));
      pending_.erase(0, eol + 1);
    }
    return pending_.size() < 65536 && out_->objects.size() <= kMaxListedObjects;
  }
  void Finish() {
    if (!pending_.empty()) Line(pending_);
    pending_.clear();
  }

 private:
  void Line(const std::string& line) {
    ListedObject o;
    if (ParseLine(line, &o)) out_->objects.push_back(std::move(o));
  }
  Listing* out_;
  std::string pending_;
};

class SftpListProbe : public Probe {
 public:
  SftpListProbe(const quota::Destination& d, Listing* out) : d_(d), lines_(out) {}

  bool Next(Request* r) override {
    if (sent_) return false;
    sent_ = true;
    r->what = kList;
    quota::SftpAccess(d_, quota::SftpFolder(d_), r);
    r->sink = [this](std::string_view chunk) { return lines_.Feed(chunk); };
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    if (response.sink_failed) {
      return ProtocolError(kList, "an overlong line or more than " + std::to_string(kMaxListedObjects) + " files");
    }
    lines_.Finish();
    return std::nullopt;
  }

 private:
  quota::Destination d_;
  LineCollector lines_;
  bool sent_ = false;
};

class SftpDeleteProbe : public Probe {
 public:
  SftpDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, BeforeDelete before, AfterDelete after)
      : d_(d), folder_(quota::SftpFolder(d)), items_(std::move(items)), before_(std::move(before)),
        after_(std::move(after)), lines_(&check_) {}

  bool Next(Request* r) override {
    if (!stopped_ && next_ < items_.size()) {
      Deletion* item = items_[next_];
      if (before_ && !before_({item})) {
        stopped_ = true;
      } else {
        item->started_ms = NowMs();
        r->what = kDelete;
        quota::SftpAccess(d_, folder_, r);
        r->quote = {"rm \"" + (folder_ == "/" ? "" : folder_) + "/" + item->name + "\""};
        r->quote_failure_to_probe = true;
        return true;
      }
    }
    if (refused_.empty() || checked_) return false;
    checked_ = true;  // one listing says which refused names are already gone
    r->what = kList;
    quota::SftpAccess(d_, folder_, r);
    r->sink = [this](std::string_view chunk) { return lines_.Feed(chunk); };
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    if (checked_) {
      lines_.Finish();
      std::set<std::string> present;
      for (const ListedObject& o : check_.objects) present.insert(o.name);
      for (Deletion* item : refused_) {
        if (present.count(item->name)) {
          Finish(item, Deletion::Outcome::kFailed,
                 RemoteError{ErrorCode::kRejected, std::string(kDelete) + ": the server refused to remove " + item->name});
        } else {
          Finish(item, Deletion::Outcome::kGone, std::nullopt);
        }
      }
      return std::nullopt;
    }
    Deletion* item = items_[next_++];
    item->attempts += response.attempts;
    if (response.quote_failed) {
      refused_.push_back(item);  // decided by the last listing
    } else {
      Finish(item, Deletion::Outcome::kDeleted, std::nullopt);
    }
    return std::nullopt;
  }

 private:
  void Finish(Deletion* item, Deletion::Outcome outcome, std::optional<RemoteError> error) {
    if (!FinishDeletion(item, outcome, std::move(error), after_)) stopped_ = true;
  }

  quota::Destination d_;
  std::string folder_;
  std::vector<Deletion*> items_, refused_;
  BeforeDelete before_;
  AfterDelete after_;
  size_t next_ = 0;
  bool stopped_ = false, checked_ = false;
  Listing check_;
  LineCollector lines_;
};

}  // namespace

std::unique_ptr<Probe> MakeSftpListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<SftpListProbe>(d, out);
}

std::unique_ptr<Probe> MakeSftpDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                           BeforeDelete before, AfterDelete after) {
  return std::make_unique<SftpDeleteProbe>(d, std::move(items), std::move(before), std::move(after));
}

}  // namespace bjlg::remote::purge
