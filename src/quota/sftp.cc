// SFTP: the statvfs@openssh.com extension, through libcurl's SFTP quote command `statvfs`,
// whose results come back as header lines ("f_frsize: 4096"). Usage is the remote file
// system's, computed as for local paths (local.cc). The host key is verified by its SHA-256
// fingerprint or a known_hosts file unless verify_host_key is false.
#include <memory>

#include "quota/crypto.h"
#include "quota/probe.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "SFTP statvfs";

class SftpProbe : public Probe {
 public:
  SftpProbe(const Destination& d, QuotaUsage* usage) : d_(d), usage_(usage) {}

  bool Next(Request* r) override {
    if (sent_) return false;
    sent_ = true;
    std::string path = d_.Text("path", "/");
    if (path.empty() || path[0] != '/') path = "/" + path;
    r->what = kWhat;
    r->url = "sftp://" + d_.Text("host") + ":" + std::to_string(d_.Number("port").value_or(22)) +
             UriEncode(path, true);
    if (r->url.back() != '/') r->url += '/';
    // The quote argument is quoted so that spaces in the path survive libcurl's parsing.
    r->quote = {"statvfs \"" + path + "\""};
    r->username = d_.Text("username");
    r->password = d_.Text("password");
    r->ssh_private_key = d_.Text("private_key");
    r->ssh_public_key = d_.Text("public_key");
    r->ssh_passphrase = d_.Text("passphrase");
    if (d_.Flag("verify_host_key", true)) {
      r->ssh_host_sha256 = d_.Text("host_key_sha256");
      r->ssh_known_hosts = d_.Text("known_hosts");
    }
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
