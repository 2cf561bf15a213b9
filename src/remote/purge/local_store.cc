// Local folders (a disk, a NAS mount): the listing is the folder's regular files (not recursive,
// symbolic links not followed); each archive goes with unlink(2). ENOENT means already gone.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "remote/purge/store.h"

namespace bjlg::remote::purge {
namespace {

ErrorCode CodeOf(int err) {
  return err == ENOENT || err == ENOTDIR ? ErrorCode::kNotFound
         : err == EACCES || err == EPERM ? ErrorCode::kAuth
                                         : ErrorCode::kUnreachable;
}

class LocalListProbe : public Probe {
 public:
  LocalListProbe(const quota::Destination& d, Listing* out) : path_(d.Text("path")), out_(out) {}

  bool Next(Request*) override {
    DIR* dir = opendir(path_.c_str());
    if (dir == nullptr) {
      int err = errno;
      out_->errors.push_back({CodeOf(err), "opendir " + path_ + ": " + std::strerror(err)});
      return false;
    }
    while (dirent* entry = readdir(dir)) {
      std::string name = entry->d_name;
      struct stat st {};
      if (fstatat(dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
      if (out_->objects.size() >= kMaxListedObjects) {
        out_->errors.push_back({ErrorCode::kProtocol, path_ + ": more than " + std::to_string(kMaxListedObjects) + " files"});
        break;
      }
      out_->objects.push_back({name, static_cast<uint64_t>(st.st_size), static_cast<int64_t>(st.st_mtime), {}});
    }
    closedir(dir);
    return false;
  }

  std::optional<RemoteError> OnResponse(Response&) override { return std::nullopt; }

 private:
  std::string path_;
  Listing* out_;
};

class LocalDeleteProbe : public Probe {
 public:
  LocalDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, BeforeDelete before, AfterDelete after)
      : path_(d.Text("path")), items_(std::move(items)), before_(std::move(before)), after_(std::move(after)) {}

  bool Next(Request*) override {
    for (Deletion* item : items_) {
      if (before_ && !before_({item})) break;
      item->started_ms = NowMs();
      item->attempts = 1;
      // Names come from the listing of this folder: a separator would leave it.
      if (item->name.find('/') != std::string::npos || item->name == "." || item->name == "..") {
        item->outcome = Deletion::Outcome::kFailed;
        item->error = RemoteError{ErrorCode::kRejected, "unlink: '" + item->name + "' is not a file name"};
      } else if (unlink((path_ + "/" + item->name).c_str()) == 0) {
        item->outcome = Deletion::Outcome::kDeleted;
      } else if (errno == ENOENT) {
        item->outcome = Deletion::Outcome::kGone;
      } else {
        int err = errno;
        item->outcome = Deletion::Outcome::kFailed;
        item->error = RemoteError{CodeOf(err), "unlink " + path_ + "/" + item->name + ": " + std::strerror(err)};
      }
      item->finished_ms = NowMs();
      if (after_ && !after_(*item)) break;
    }
    return false;
  }

  std::optional<RemoteError> OnResponse(Response&) override { return std::nullopt; }

 private:
  std::string path_;
  std::vector<Deletion*> items_;
  BeforeDelete before_;
  AfterDelete after_;
};

}  // namespace

std::unique_ptr<Probe> MakeLocalListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<LocalListProbe>(d, out);
}

std::unique_ptr<Probe> MakeLocalDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                            BeforeDelete before, AfterDelete after) {
  return std::make_unique<LocalDeleteProbe>(d, std::move(items), std::move(before), std::move(after));
}

}  // namespace bjlg::remote::purge
