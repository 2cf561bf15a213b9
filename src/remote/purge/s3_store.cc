// S3-compatible stores: the listing is ListObjectsV2 under the prefix, page by page, streamed
// through expat; deletions are DeleteObjects (POST ?delete) batches of up to 1,000 keys, each
// carrying Content-MD5 as S3 requires, answered per key (a NoSuchKey error means already gone).
#include <map>
#include <memory>

#include "common/digest.h"
#include "common/time.h"
#include "common/xml_escape.h"
#include "quota/crypto.h"
#include "quota/s3_endpoint.h"
#include "quota/xml_stream.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {
namespace {

using quota::XmlStream;

const char kList[] = "S3 ListObjectsV2";
const char kDelete[] = "S3 DeleteObjects";

class S3ListProbe : public Probe {
 public:
  S3ListProbe(const quota::Destination& d, Listing* out) : endpoint_(d), out_(out) {
    page_size_ = d.Number("page_size").value_or(1000);
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    r->what = kList;
    endpoint_.SignListPage(r, page_size_, token_);
    truncated_ = false;
    root_ = false;
    bad_ = false;
    next_token_.clear();
    xml_ = std::make_unique<XmlStream>([this](const std::string& p, const std::string& t) { OnElement(p, t); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    if (response.status < 200 || response.status >= 300) return endpoint_.ErrorFor(kList, response);
    std::string where = endpoint_.Where(kList);
    if (response.sink_failed || !xml_->Finish()) return ProtocolError(where, xml_->error());
    if (!root_) return ProtocolError(where, "the answer is not a ListBucketResult");
    if (bad_) return ProtocolError(where, "an object has no key or a size that is not a number");
    if (out_->objects.size() > kMaxListedObjects) {
      return ProtocolError(where, "more than " + std::to_string(kMaxListedObjects) + " objects under the prefix");
    }
    if (!truncated_) {
      finished_ = true;
      return std::nullopt;
    }
    if (next_token_.empty()) return ProtocolError(where, "truncated listing without NextContinuationToken");
    if (next_token_ == token_) return ProtocolError(where, "the continuation token did not advance");
    token_ = next_token_;
    return std::nullopt;
  }

 private:
  void OnElement(const std::string& path, const std::string& text) {
    if (path == "ListBucketResult/Contents/Key") {
      object_.name = text;
    } else if (path == "ListBucketResult/Contents/Size") {
      std::optional<uint64_t> size = ParseUint(text);
      bad_ = bad_ || !size;
      object_.size = size.value_or(0);
    } else if (path == "ListBucketResult/Contents/LastModified") {
      int64_t seconds = 0;
      if (ParseIso8601(text, &seconds)) object_.mtime = seconds;
    } else if (path == "ListBucketResult/Contents") {
      bad_ = bad_ || object_.name.empty();
      if (out_->objects.size() <= kMaxListedObjects) out_->objects.push_back(std::move(object_));
      object_ = ListedObject();
    } else if (path == "ListBucketResult/IsTruncated") {
      truncated_ = text == "true";
    } else if (path == "ListBucketResult/NextContinuationToken") {
      next_token_ = text;
    } else if (path == "ListBucketResult") {
      root_ = true;
    }
  }

  quota::S3Endpoint endpoint_;
  Listing* out_;
  int64_t page_size_;
  std::string token_, next_token_;
  bool finished_ = false, truncated_ = false, root_ = false, bad_ = false;
  ListedObject object_;
  std::unique_ptr<XmlStream> xml_;
};

class S3DeleteProbe : public Probe {
 public:
  S3DeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size, BeforeDelete before,
                AfterDelete after)
      : endpoint_(d), items_(std::move(items)), batch_size_(batch_size == 0 || batch_size > 1000 ? 1000 : batch_size),
        before_(std::move(before)), after_(std::move(after)) {}

  bool Next(Request* r) override {
    if (stopped_ || next_ >= items_.size()) return false;
    batch_.assign(items_.begin() + next_, items_.begin() + std::min(items_.size(), next_ + batch_size_));
    if (before_ && !before_(batch_)) {
      stopped_ = true;
      return false;
    }
    next_ += batch_.size();
    std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>false</Quiet>";
    int64_t now = NowMs();
    for (Deletion* item : batch_) {
      body += "<Object><Key>" + XmlEscape(item->name) + "</Key></Object>";
      item->started_ms = now;
    }
    body += "</Delete>";
    uint8_t md5[kMd5Size];
    Md5Digest(body.data(), body.size(), md5);
    r->what = kDelete;
    endpoint_.Sign(r, "POST", "", {{"delete", ""}}, body,
                   {{"content-md5", quota::Base64Encode(std::string_view(reinterpret_cast<char*>(md5), kMd5Size))},
                    {"content-type", "application/xml"}});
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    for (Deletion* item : batch_) item->attempts += response.attempts;
    if (response.status < 200 || response.status >= 300) {
      RemoteError e = endpoint_.ErrorFor(kDelete, response);
      for (Deletion* item : batch_) Finish(item, Deletion::Outcome::kFailed, e);
      return std::nullopt;
    }
    std::string where = endpoint_.Where(kDelete);
    std::map<std::string, std::pair<Deletion::Outcome, std::string>> answers;
    std::string key, code;
    bool root = false;
    XmlStream xml([&](const std::string& p, const std::string& t) {
      if (p == "DeleteResult") root = true;
      if (p == "DeleteResult/Deleted/Key" || p == "DeleteResult/Error/Key") key = t;
      if (p == "DeleteResult/Error/Code") code = t;
      if (p == "DeleteResult/Deleted") answers[key] = {Deletion::Outcome::kDeleted, ""};
      if (p == "DeleteResult/Error") {
        answers[key] = {code == "NoSuchKey" ? Deletion::Outcome::kGone : Deletion::Outcome::kFailed, code};
        code.clear();
      }
    });
    std::optional<RemoteError> bad;
    if (!xml.Feed(response.body) || !xml.Finish()) bad = ProtocolError(where, xml.error());
    else if (!root) bad = ProtocolError(where, "the answer is not a DeleteResult");
    for (Deletion* item : batch_) {
      auto it = answers.find(item->name);
      if (bad) {
        Finish(item, Deletion::Outcome::kFailed, bad);
      } else if (it == answers.end()) {
        Finish(item, Deletion::Outcome::kFailed, ProtocolError(where, "the answer does not mention the key"));
      } else if (it->second.first == Deletion::Outcome::kFailed) {
        RemoteError e{ErrorCode::kRejected, where + ": " + it->second.second};
        if (it->second.second == "AccessDenied") e.code = ErrorCode::kAuth;
        if (it->second.second == "SlowDown" || it->second.second == "InternalError") e.code = ErrorCode::kThrottled;
        Finish(item, Deletion::Outcome::kFailed, e);
      } else {
        Finish(item, it->second.first, std::nullopt);
      }
    }
    return std::nullopt;
  }

 private:
  void Finish(Deletion* item, Deletion::Outcome outcome, std::optional<RemoteError> error) {
    if (!FinishDeletion(item, outcome, std::move(error), after_)) stopped_ = true;
  }

  quota::S3Endpoint endpoint_;
  std::vector<Deletion*> items_, batch_;
  size_t batch_size_;
  BeforeDelete before_;
  AfterDelete after_;
  size_t next_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeS3ListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<S3ListProbe>(d, out);
}

std::unique_ptr<Probe> MakeS3DeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size,
                                         BeforeDelete before, AfterDelete after) {
  return std::make_unique<S3DeleteProbe>(d, std::move(items), batch_size, std::move(before), std::move(after));
}

}  // namespace bjlg::remote::purge
