// Local paths (a disk, a NAS mount): statvfs(2) of the path. Usage is the file system's, as df
// shows it: used = blocks in use, free = blocks available to unprivileged users, and the quota
// (the capacity) = used + free, so that used + free = quota as the plugin expects.
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "quota/probe.h"

namespace bjlg::quota {
namespace {

class LocalProbe : public Probe {
 public:
  LocalProbe(const Destination& d, QuotaUsage* usage) : path_(d.Text("path")), usage_(usage) {}

  bool Next(Request*) override {
    struct statvfs st {};
    if (statvfs(path_.c_str(), &st) != 0) {
      int err = errno;
      ErrorCode code = err == ENOENT || err == ENOTDIR ? ErrorCode::kNotFound
                       : err == EACCES || err == EPERM ? ErrorCode::kAuth
                                                       : ErrorCode::kUnreachable;
      usage_->errors.push_back({code, "statvfs " + path_ + ": " + std::strerror(err)});
      return false;
    }
    uint64_t unit = st.f_frsize != 0 ? st.f_frsize : st.f_bsize;
    uint64_t used = (static_cast<uint64_t>(st.f_blocks) - st.f_bfree) * unit;
    uint64_t free = static_cast<uint64_t>(st.f_bavail) * unit;
    usage_->used_bytes = used;
    usage_->free_bytes = free;
    usage_->quota_bytes = used + free;
    usage_->source = UsedSource::kProvider;
    usage_->quota_source = QuotaSource::kProvider;
    return false;
  }

  std::optional<QuotaError> OnResponse(Response&) override { return std::nullopt; }

 private:
  std::string path_;
  QuotaUsage* usage_;
};

}  // namespace

std::unique_ptr<Probe> MakeLocalProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<LocalProbe>(d, usage);
}

}  // namespace bjlg::quota
