// Fuzzes what the purge reads from servers: an S3 ListObjectsV2 page, an Azure List Blobs page, a
// WebDAV PROPFIND multistatus, a Drive / Dropbox / OneDrive / pCloud listing page (JSON, with a
// static token so that the page is the first request) and an S3 DeleteObjects answer, fed to the probes as the transport
// would (in chunks through the sink, then the response). Every input must end in objects or an
// error, never a crash; a DeleteObjects answer must give every item an outcome.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "quota/destination.h"
#include "remote/purge/store.h"

using namespace bjlg;
using namespace bjlg::remote::purge;

namespace {

quota::Destination Make(quota::DestinationType type, std::map<std::string, std::string> text) {
  quota::Destination d;
  d.name = "fuzz";
  d.type = type;
  d.text = std::move(text);
  return d;
}

void FeedListing(const quota::Destination& d, const std::string& body, long status) {
  Listing listing;
  std::unique_ptr<remote::Probe> probe = MakeListProbe(d, &listing);
  remote::Request request;
  if (!probe->Next(&request)) return;
  remote::Response response;
  response.status = status;
  // In three chunks, as the network would cut it.
  size_t a = body.size() / 3, b = 2 * body.size() / 3;
  for (std::string_view chunk : {std::string_view(body).substr(0, a), std::string_view(body).substr(a, b - a),
                                 std::string_view(body).substr(b)}) {
    if (request.sink && !request.sink(chunk)) {
      response.sink_failed = true;
      break;
    }
  }
  if (!request.sink) response.body = body;
  std::optional<remote::RemoteError> error = probe->OnResponse(response);
  if (!error) {
    for (const ListedObject& o : listing.objects) {
      if (d.type != quota::DestinationType::kWebdav && o.name.empty()) __builtin_trap();
    }
    remote::Request next;
    probe->Next(&next);  // a continuation, or the end
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  const quota::Destination s3 = Make(quota::DestinationType::kS3, {{"bucket", "b"}, {"access_key", "k"},
                                                                   {"secret_key", "s"}, {"endpoint", "http://127.0.0.1:9"}});
  const quota::Destination azure = Make(quota::DestinationType::kAzure,
                                        {{"account", "a"}, {"container", "c"}, {"key", "a2V5"},
                                         {"endpoint", "http://127.0.0.1:9/a"}});
  const quota::Destination dav = Make(quota::DestinationType::kWebdav, {{"url", "http://127.0.0.1:9/dav/"}});
  FeedListing(s3, body, 200);
  FeedListing(azure, body, 200);
  FeedListing(dav, body, 207);
  FeedListing(s3, body, 503);
  FeedListing(Make(quota::DestinationType::kGdrive, {{"access_token", "t"}, {"folder_id", "f"}}), body, 200);
  FeedListing(Make(quota::DestinationType::kDropbox, {{"access_token", "t"}, {"folder", "/b"}}), body, 200);
  FeedListing(Make(quota::DestinationType::kDropbox, {{"access_token", "t"}, {"folder", "/b"}}), body, 409);
  FeedListing(Make(quota::DestinationType::kOnedrive, {{"access_token", "t"}, {"folder", "/b"}}), body, 200);
  FeedListing(Make(quota::DestinationType::kPcloud, {{"access_token", "t"}, {"folder", "/b"}}), body, 200);

  // A DeleteObjects answer for three keys.
  std::vector<Deletion> items(3);
  items[0].name = "backup-full-2026-12-01-03-00-00-a.zip";
  items[1].name = "a&b<c>";
  items[2].name = "";
  std::vector<Deletion*> pointers = {&items[0], &items[1], &items[2]};
  std::unique_ptr<remote::Probe> probe = MakeDeleteProbe(s3, pointers, 1000, nullptr, nullptr);
  remote::Request request;
  if (probe->Next(&request)) {
    remote::Response response;
    response.status = 200;
    response.body = body;
    probe->OnResponse(response);
    for (const Deletion& item : items) {
      if (item.outcome == Deletion::Outcome::kPending) __builtin_trap();
    }
  }
  return 0;
}
