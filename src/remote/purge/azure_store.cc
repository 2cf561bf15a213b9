// Azure Blob: the listing is List Blobs under the prefix, page by page (markers), streamed
// through expat; each archive goes with one Delete Blob. A 404 means already gone.
#include <memory>

#include "quota/azure_endpoint.h"
#include "quota/xml_stream.h"
#include "remote/purge/one_by_one.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {
namespace {

using quota::XmlStream;

const char kList[] = "Azure List Blobs";
const char kDelete[] = "Azure Delete Blob";

class AzureListProbe : public Probe {
 public:
  AzureListProbe(const quota::Destination& d, Listing* out) : endpoint_(d), out_(out) {
    page_size_ = d.Number("page_size").value_or(5000);
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    r->what = kList;
    if (std::optional<RemoteError> e = endpoint_.SignListPage(r, page_size_, marker_)) {
      out_->errors.push_back(*e);
      finished_ = true;
      return false;
    }
    root_ = false;
    bad_ = false;
    next_marker_.clear();
    xml_ = std::make_unique<XmlStream>([this](const std::string& p, const std::string& t) { OnElement(p, t); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    if (response.status < 200 || response.status >= 300) return endpoint_.ErrorFor(kList, response);
    std::string where = endpoint_.Where(kList);
    if (response.sink_failed || !xml_->Finish()) return ProtocolError(where, xml_->error());
    if (!root_) return ProtocolError(where, "the answer is not an EnumerationResults");
    if (bad_) return ProtocolError(where, "a blob has no name or a size that is not a number");
    if (out_->objects.size() > kMaxListedObjects) {
      return ProtocolError(where, "more than " + std::to_string(kMaxListedObjects) + " blobs under the prefix");
    }
    if (next_marker_.empty()) {
      finished_ = true;
    } else {
      if (next_marker_ == marker_) return ProtocolError(where, "the marker did not advance");
      marker_ = next_marker_;
    }
    return std::nullopt;
  }

 private:
  void OnElement(const std::string& path, const std::string& text) {
    if (path == "EnumerationResults/Blobs/Blob/Name") {
      object_.name = text;
    } else if (path == "EnumerationResults/Blobs/Blob/Properties/Content-Length") {
      std::optional<uint64_t> size = ParseUint(text);
      bad_ = bad_ || !size;
      object_.size = size.value_or(0);
    } else if (path == "EnumerationResults/Blobs/Blob/Properties/Last-Modified") {
      object_.mtime = ParseHttpDate(text);
    } else if (path == "EnumerationResults/Blobs/Blob") {
      bad_ = bad_ || object_.name.empty();
      if (out_->objects.size() <= kMaxListedObjects) out_->objects.push_back(std::move(object_));
      object_ = ListedObject();
    } else if (path == "EnumerationResults/NextMarker") {
      next_marker_ = text;
    } else if (path == "EnumerationResults") {
      root_ = true;
    }
  }

  quota::AzureEndpoint endpoint_;
  Listing* out_;
  int64_t page_size_;
  std::string marker_, next_marker_;
  bool finished_ = false, root_ = false, bad_ = false;
  ListedObject object_;
  std::unique_ptr<XmlStream> xml_;
};

}  // namespace

std::unique_ptr<Probe> MakeAzureListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<AzureListProbe>(d, out);
}

std::unique_ptr<Probe> MakeAzureDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                            BeforeDelete before, AfterDelete after) {
  auto endpoint = std::make_shared<quota::AzureEndpoint>(d);
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [endpoint](const std::string& name, const std::string&, Request* r) {
        r->what = kDelete;
        return endpoint->Sign(r, "DELETE", name, {});
      },
      JudgeByStatus([endpoint](const Response& response) { return endpoint->ErrorFor(kDelete, response); }),
      std::move(before),
      std::move(after));
}

}  // namespace bjlg::remote::purge
