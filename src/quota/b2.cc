// Backblaze B2 native API: b2_authorize_account (Basic auth with the application key), then
// b2_list_file_versions on the bucket page by page (nextFileName/nextFileId), summing the
// contentLength of stored versions: B2 bills every version, and hide markers take no space.
// B2 has no quota API: the quota is the configured quota_bytes.
// https://www.backblaze.com/apidocs/b2-list-file-versions
#include "quota/crypto.h"
#include "quota/json_probe.h"

namespace bjlg::quota {
namespace {

using json = nlohmann::json;

class B2Probe : public Probe {
 public:
  B2Probe(const Destination& d, QuotaUsage* usage) : d_(d), usage_(usage) {
    base_ = TrimSlash(d.Text("api_base_url", "https://api.backblazeb2.com"));
    page_size_ = d.Number("page_size").value_or(1000);
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    if (token_.empty()) {
      r->what = "B2 b2_authorize_account";
      r->url = base_ + "/b2api/v2/b2_authorize_account";
      r->headers = {"Authorization: Basic " + Base64Encode(d_.Text("key_id") + ":" + d_.Text("application_key"))};
      return true;
    }
    json body = {{"bucketId", d_.Text("bucket_id")}, {"maxFileCount", page_size_}};
    if (d_.Has("prefix")) body["prefix"] = d_.Text("prefix");
    if (next_name_) body["startFileName"] = *next_name_;
    if (next_id_) body["startFileId"] = *next_id_;
    r->what = "B2 b2_list_file_versions";
    r->method = "POST";
    r->url = api_url_ + "/b2api/v2/b2_list_file_versions";
    r->headers = {"Authorization: " + token_, "Content-Type: application/json"};
    r->body = body.dump();
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    bool authorizing = token_.empty();
    std::string what = authorizing ? "B2 b2_authorize_account on " + HostOf(base_)
                                   : "B2 b2_list_file_versions on " + HostOf(api_url_);
    json answer = ParseJson(response.body);
    if (response.status < 200 || response.status >= 300) {
      std::string code;  // B2 errors: {"status": 401, "code": "bad_auth_token", "message": …}
      if (answer.is_object() && answer.contains("code") && answer["code"].is_string()) code = answer["code"].get<std::string>();
      QuotaError e = HttpError(what, response, code);
      if (code == "bad_bucket_id") e.code = ErrorCode::kNotFound;
      return e;
    }
    if (!answer.is_object()) return ProtocolError(what, "the answer is not a JSON object");
    if (authorizing) {
      auto token = answer.find("authorizationToken");
      auto api = answer.find("apiUrl");
      if (token == answer.end() || !token->is_string() || api == answer.end() || !api->is_string()) {
        return ProtocolError(what, "the answer has no authorizationToken or apiUrl");
      }
      std::string api_url = TrimSlash(api->get<std::string>());
      if (api_url.rfind("https://", 0) != 0 && api_url.rfind("http://", 0) != 0) {
        return ProtocolError(what, "apiUrl is not an http(s) URL");
      }
      token_ = token->get<std::string>();
      api_url_ = api_url;
      return std::nullopt;
    }
    auto files = answer.find("files");
    if (files == answer.end() || !files->is_array()) return ProtocolError(what, "the answer has no files list");
    for (const json& f : *files) {
      std::optional<uint64_t> size = JsonUint(f, "contentLength");
      if (!size) return ProtocolError(what, "a file has no contentLength");
      std::string action = f.is_object() && f.contains("action") && f["action"].is_string() ? f["action"].get<std::string>() : "upload";
      if (action == "hide" || action == "folder") continue;
      *usage_->used_bytes += *size;
      *usage_->object_count += 1;
    }
    auto name = answer.find("nextFileName");
    if (name == answer.end() || name->is_null()) {
      finished_ = true;
      return std::nullopt;
    }
    if (!name->is_string()) return ProtocolError(what, "nextFileName is not a string");
    auto id = answer.find("nextFileId");
    std::optional<std::string> next_id;
    if (id != answer.end() && id->is_string()) next_id = id->get<std::string>();
    if (next_name_ == name->get<std::string>() && next_id_ == next_id) {
      return ProtocolError(what, "the listing did not advance");
    }
    next_name_ = name->get<std::string>();
    next_id_ = next_id;
    return std::nullopt;
  }

 private:
  const Destination& d_;
  QuotaUsage* usage_;
  std::string base_, token_, api_url_;
  std::optional<std::string> next_name_, next_id_;
  int64_t page_size_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeB2Probe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<B2Probe>(d, usage);
}

}  // namespace bjlg::quota
