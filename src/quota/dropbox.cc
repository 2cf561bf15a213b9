// Dropbox: POST /2/users/get_space_usage (no argument: a JSON null body). Used is `used`, the
// quota is allocation.allocated (individual or team allocation; 0 means none reported).
// https://www.dropbox.com/developers/documentation/http/documentation#users-get_space_usage
#include "quota/json_probe.h"

namespace bjlg::quota {
namespace {

class DropboxProbe : public OAuthJsonProbe {
 public:
  DropboxProbe(const Destination& d, QuotaUsage* usage)
      : OAuthJsonProbe(d, usage, "Dropbox get_space_usage", DropboxEndpoints(d)) {}

 protected:
  void ApiRequest(const std::string& base, Request* r) override {
    r->method = "POST";
    r->url = base + "/2/users/get_space_usage";
    r->headers = {"Content-Type: application/json"};
    r->body = "null";
  }

  std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) override {
    std::optional<uint64_t> used = JsonUint(answer, "used");
    if (!used) return ProtocolError(where(), "the answer has no used");
    usage()->used_bytes = used;
    auto it = answer.find("allocation");
    if (it != answer.end() && it->is_object()) {
      std::optional<uint64_t> allocated = JsonUint(*it, "allocated");
      if (allocated && *allocated > 0) {
        usage()->quota_bytes = allocated;
        usage()->quota_source = QuotaSource::kProvider;
      }
    }
    return std::nullopt;
  }
};

}  // namespace

OAuthEndpoints DropboxEndpoints(const Destination&) {
  return {"Dropbox", "https://api.dropboxapi.com", "https://api.dropboxapi.com/oauth2/token"};
}

std::unique_ptr<Probe> MakeDropboxProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<DropboxProbe>(d, usage);
}

}  // namespace bjlg::quota
