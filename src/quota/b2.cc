// Backblaze B2 native API: b2_authorize_account (Basic auth with the application key), then,
// when the bucket is given by name (`bucket`) rather than by ID (`bucket_id`, which wins when
// both are set), b2_list_buckets with that bucketName to learn its ID, then
// b2_list_file_versions on the bucket page by page (nextFileName/nextFileId), summing the
// contentLength of stored versions: B2 bills every version, and hide markers take no space.
// B2 has no quota API: the quota is the configured quota_bytes.
// https://www.backblaze.com/apidocs/b2-list-buckets
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
    bucket_id_ = d.Text("bucket_id");
    bucket_name_ = d.Text("bucket");
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
    if (bucket_id_.empty()) {
      r->what = "B2 b2_list_buckets";
      r->method = "POST";
      r->url = api_url_ + "/b2api/v2/b2_list_buckets";
      r->headers = {"Authorization: " + token_, "Content-Type: application/json"};
      r->body = json{{"accountId", account_id_}, {"bucketName", bucket_name_}}.dump();
      return true;
    }
    json body = {{"bucketId", bucket_id_}, {"maxFileCount", page_size_}};
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
    bool looking_up = !authorizing && bucket_id_.empty();
    std::string what = authorizing ? "B2 b2_authorize_account on " + HostOf(base_)
                       : looking_up ? "B2 b2_list_buckets on " + HostOf(api_url_)
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
      if (bucket_id_.empty()) {  // the bucket is given by name: b2_list_buckets needs the account
        auto account = answer.find("accountId");
        if (account == answer.end() || !account->is_string() || account->get<std::string>().empty()) {
          return ProtocolError(what, "the answer has no accountId");
        }
        account_id_ = account->get<std::string>();
      }
      token_ = token->get<std::string>();
      api_url_ = api_url;
      return std::nullopt;
    }
    if (looking_up) return FindBucket(what, answer);
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
  // Reads b2_list_buckets' {"buckets": [{"bucketId": …, "bucketName": …}, …]}: the bucket whose
  // name is the one asked (B2 returns just that one, or none when the account has no such bucket).
  std::optional<QuotaError> FindBucket(const std::string& what, const json& answer) {
    auto buckets = answer.find("buckets");
    if (buckets == answer.end() || !buckets->is_array()) return ProtocolError(what, "the answer has no buckets list");
    for (const json& b : *buckets) {
      if (!b.is_object()) return ProtocolError(what, "a bucket is not a JSON object");
      auto name = b.find("bucketName");
      if (name == b.end() || !name->is_string() || name->get<std::string>() != bucket_name_) continue;
      auto id = b.find("bucketId");
      if (id == b.end() || !id->is_string() || id->get<std::string>().empty()) {
        return ProtocolError(what, "the bucket has no bucketId");
      }
      bucket_id_ = id->get<std::string>();
      return std::nullopt;
    }
    return QuotaError{ErrorCode::kNotFound, what + ": no bucket named '" + bucket_name_ + "' in the account"};
  }

  const Destination& d_;
  QuotaUsage* usage_;
  std::string base_, token_, api_url_, account_id_;
  std::string bucket_id_;    // given, or found by b2_list_buckets; empty until then
  std::string bucket_name_;  // used only when bucket_id is not given
  std::optional<std::string> next_name_, next_id_;
  int64_t page_size_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeB2Probe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<B2Probe>(d, usage);
}

}  // namespace bjlg::quota
