// SFTP: the statvfs@openssh.com extension, through libcurl's SFTP quote command `statvfs`,
// whose results come back as header lines ("f_frsize: 4096"). Usage is the remote file
// system's, computed as for local paths (local.cc). The host key is verified by its SHA-256
// fingerprint or a known_hosts file unless verify_host_key is false.
#include <memory>

#include "quota/probe.h"
#include "quota/sftp_endpoint.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "SFTP statvfs";

class SftpProbe : public Probe {
 public:
  SftpProbe(const Destination& d, QuotaUsage* usage) : d_(d), usage_(usage) {}

  bool Next(Request* r) override {
    if (sent_) return false;
    sent_ = true;
    const std::string path = SftpFolder(d_);
    r->what = kWhat;
    SftpAccess(d_, path, r);
    // The quote argument is quoted so that spaces in the path survive libcurl's parsing.
    r->quote = {"statvfs \"" + path + "\""};
    host_ = HostOf(r->url);
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    std::optional<uint64_t> frsize, bsize, blocks, bfree, bavail;
    for (const std::string& line : response.header_lines) {
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = line.substr(0, colon);
      std::optional<uint64_t> value = ParseUint(std::string_view(line).substr(colon + 1));
      if (key == "f_frsize") frsize = value;
      if (key == "f_bsize") bsize = value;
      if (key == "f_blocks") blocks = value;
      if (key == "f_bfree") bfree = value;
      if (key == "f_bavail") bavail = value;
    }
    std::string where = std::string(kWhat) + " on " + host_;
    if (!blocks || !bfree || !bavail || (!frsize && !bsize)) {
      return ProtocolError(where, "the server sent no statvfs@openssh.com answer");
    }
    uint64_t unit = frsize.value_or(0) != 0 ? *frsize : bsize.value_or(0);
    if (*bfree > *blocks) return ProtocolError(where, "inconsistent statvfs answer");
    usage_->used_bytes = (*blocks - *bfree) * unit;
    usage_->free_bytes = *bavail * unit;
    usage_->quota_bytes = *usage_->used_bytes + *usage_->free_bytes;
    usage_->source = UsedSource::kProvider;
    usage_->quota_source = QuotaSource::kProvider;
    return std::nullopt;
  }

 private:
  const Destination& d_;
  QuotaUsage* usage_;
  std::string host_;
  bool sent_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeSftpProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<SftpProbe>(d, usage);
}

}  // namespace bjlg::quota
