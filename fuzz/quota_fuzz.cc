// Fuzzes what the quota collectors read from servers and users: every collector's answer parser
// (fed through the same sink / OnResponse path the engine uses, without a network), and the
// destination parser on arbitrary JSON. The first byte picks the target.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "quota/destination.h"
#include "quota/probe.h"

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

const json& Destinations() {
  static const json list = json::array({
      {{"name", "s3"}, {"type", "s3"}, {"endpoint", "http://127.0.0.1:1"}, {"bucket", "b"}, {"access_key", "a"},
       {"secret_key", "s"}, {"path_style", true}},
      {{"name", "az"}, {"type", "azure"}, {"endpoint", "http://127.0.0.1:1/a"}, {"account", "a"}, {"container", "c"},
       {"key", "a2V5"}},
      {{"name", "dav"}, {"type", "webdav"}, {"url", "http://127.0.0.1:1/"}},
      {{"name", "b2"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}, {"bucket_id", "b"}},
      {{"name", "b2-by-name"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}, {"bucket", "b"}},
      {{"name", "g"}, {"type", "gdrive"}, {"access_token", "t"}},
      {{"name", "d"}, {"type", "dropbox"}, {"access_token", "t"}},
      {{"name", "o"}, {"type", "onedrive"}, {"access_token", "t"}},
      {{"name", "p"}, {"type", "pcloud"}, {"access_token", "t"}},
      {{"name", "sftp"}, {"type", "sftp"}, {"host", "h"}, {"username", "u"}, {"password", "p"},
       {"verify_host_key", false}},
  });
  return list;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string body(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t collectors = Destinations().size();
  size_t target = data[0] % (collectors + 2);
  if (target >= collectors) {  // the destination parser
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return 0;
    ParseOptions options;
    options.allow_test_endpoints = target == collectors + 1;
    DestinationError error;
    (void)ParseDestinations(parsed, options, &error);
    return 0;
  }
  auto destinations = ParseDestinations(json::array({Destinations()[target]}), {});
  if (!destinations.ok()) __builtin_trap();
  const Destination& d = (*destinations)[0];
  QuotaUsage usage;
  auto probe = MakeProbe(d, &usage);
  // Pages: the body is split at \x01 bytes into successive answers; status from data[1].
  long status = data[1] % 4 == 0 ? 404 : 200;
  size_t start = 0;
  for (int page = 0; page < 8; ++page) {
    Request request;
    if (!probe->Next(&request)) break;
    size_t end = body.find('\x01', start);
    std::string answer = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
    Response response;
    response.status = status;
    if (request.url.rfind("sftp://", 0) == 0) {
      size_t line_start = 0;
      while (line_start <= answer.size()) {
        size_t eol = answer.find('\n', line_start);
        response.header_lines.push_back(answer.substr(line_start, eol == std::string::npos ? std::string::npos : eol - line_start));
        if (eol == std::string::npos) break;
        line_start = eol + 1;
      }
    } else if (request.sink && status == 200) {
      // Feed in uneven chunks, as the network would.
      for (size_t at = 0; at < answer.size();) {
        size_t n = 1 + (answer.size() - at) % 97;
        if (!request.sink(std::string_view(answer).substr(at, n))) {
          response.sink_failed = true;
          break;
        }
        at += n;
      }
    } else {
      response.body = answer;
    }
    if (probe->OnResponse(response)) break;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return 0;
}
