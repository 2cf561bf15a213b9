// Backblaze B2 native API, the parts quota and purge share: b2_authorize_account (Basic auth
// with the application key), b2_list_buckets when the bucket is given by name (`bucket`) rather
// than by ID (`bucket_id`, which wins when both are set), and b2_list_file_versions paging.
// https://www.backblaze.com/apidocs/b2-authorize-account
// https://www.backblaze.com/apidocs/b2-list-buckets
// https://www.backblaze.com/apidocs/b2-list-file-versions
#include "quota/crypto.h"
#include "quota/json_probe.h"
#include "quota/session.h"

namespace bjlg::quota {

using json = nlohmann::json;

QuotaError B2Error(const std::string& what, const Response& response) {
  // B2 errors: {"status": 401, "code": "bad_auth_token", "message": …}
  std::string code = JsonText(ParseJson(response.body), "code");
  QuotaError e = HttpError(what, response, code);
  if (code == "bad_bucket_id") e.code = ErrorCode::kNotFound;
  return e;
}

B2Session::B2Session(const Destination& d)
    : d_(d), auth_base_(TrimSlash(d.Text("api_base_url", "https://api.backblazeb2.com"))),
      bucket_id_(d.Text("bucket_id")), bucket_name_(d.Text("bucket")) {}

bool B2Session::Next(Request* r) {
  if (token_.empty()) {
    r->what = "B2 b2_authorize_account";
    r->url = auth_base_ + "/b2api/v2/b2_authorize_account";
    r->headers = {"Authorization: Basic " + Base64Encode(d_.Text("key_id") + ":" + d_.Text("application_key"))};
    return true;
  }
  if (!bucket_id_.empty()) return false;
  r->what = "B2 b2_list_buckets";
  r->method = "POST";
  r->url = api_url_ + "/b2api/v2/b2_list_buckets";
  r->headers = {"Authorization: " + token_, "Content-Type: application/json"};
  r->body = json{{"accountId", account_id_}, {"bucketName", bucket_name_}}.dump();
  return true;
}

std::optional<QuotaError> B2Session::OnResponse(Response& response) {
  bool authorizing = token_.empty();
  std::string what = authorizing ? "B2 b2_authorize_account on " + HostOf(auth_base_)
                                 : "B2 b2_list_buckets on " + HostOf(api_url_);
  if (response.status < 200 || response.status >= 300) return B2Error(what, response);
  json answer = ParseJson(response.body);
  if (!answer.is_object()) return ProtocolError(what, "the answer is not a JSON object");
  if (!authorizing) return FindBucket(what, answer);
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
    std::string account = JsonText(answer, "accountId");
    if (account.empty()) return ProtocolError(what, "the answer has no accountId");
    account_id_ = account;
  }
  token_ = token->get<std::string>();
  api_url_ = api_url;
  return std::nullopt;
}

void B2Session::Authorize(Request* r) const { r->headers.push_back("Authorization: " + token_); }

// Reads b2_list_buckets' {"buckets": [{"bucketId": …, "bucketName": …}, …]}: the bucket whose
// name is the one asked (B2 returns just that one, or none when the account has no such bucket).
std::optional<QuotaError> B2Session::FindBucket(const std::string& what, const json& answer) {
  auto buckets = answer.find("buckets");
  if (buckets == answer.end() || !buckets->is_array()) return ProtocolError(what, "the answer has no buckets list");
  for (const json& b : *buckets) {
    if (!b.is_object()) return ProtocolError(what, "a bucket is not a JSON object");
    if (JsonText(b, "bucketName") != bucket_name_) continue;
    std::string id = JsonText(b, "bucketId");
    if (id.empty()) return ProtocolError(what, "the bucket has no bucketId");
    bucket_id_ = id;
    return std::nullopt;
  }
  return QuotaError{ErrorCode::kNotFound, what + ": no bucket named '" + bucket_name_ + "' in the account"};
}

B2VersionPages::B2VersionPages(const Destination& d)
    : prefix_(d.Text("prefix")), has_prefix_(d.Has("prefix")), page_size_(d.Number("page_size").value_or(1000)) {}

void B2VersionPages::Request(const B2Session& session, remote::Request* r) const {
  json body = {{"bucketId", session.bucket_id()}, {"maxFileCount", page_size_}};
  if (has_prefix_) body["prefix"] = prefix_;
  if (next_name_) body["startFileName"] = *next_name_;
  if (next_id_) body["startFileId"] = *next_id_;
  r->what = "B2 b2_list_file_versions";
  r->method = "POST";
  r->url = session.base() + "/b2api/v2/b2_list_file_versions";
  r->headers = {"Content-Type: application/json"};
  r->body = body.dump();
}

std::optional<QuotaError> B2VersionPages::Read(const std::string& what, const json& answer, const json** files) {
  auto list = answer.find("files");
  if (list == answer.end() || !list->is_array()) return ProtocolError(what, "the answer has no files list");
  *files = &*list;
  auto name = answer.find("nextFileName");
  if (name == answer.end() || name->is_null()) {
    done_ = true;
    return std::nullopt;
  }
  if (!name->is_string()) return ProtocolError(what, "nextFileName is not a string");
  std::optional<std::string> next_id;
  if (std::string id = JsonText(answer, "nextFileId"); !id.empty()) next_id = id;
  if (next_name_ == name->get<std::string>() && next_id_ == next_id) {
    return ProtocolError(what, "the listing did not advance");
  }
  next_name_ = name->get<std::string>();
  next_id_ = next_id;
  return std::nullopt;
}

}  // namespace bjlg::quota
