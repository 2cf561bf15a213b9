// The collector without servers: local paths, unreachable endpoints, configured quotas,
// secrets kept out of messages, and the streaming XML reader.
#include "quota/collector.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "quota/xml_stream.h"

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

std::vector<QuotaUsage> Run(const json& list, CollectOptions options = {}) {
  auto destinations = ParseDestinations(list, {});
  if (!destinations.ok()) FAIL(destinations.status().ToString());
  options.allow_private_network = true;  // the test servers listen on loopback
  return Collect(*destinations, options);
}

// A loopback port nothing listens on: bound, then closed.
int DeadPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), len);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace

TEST_CASE("Local: statvfs of a path, used + free = quota", "[quota][collector]") {
  auto r = Run(json::array({{{"name", "tmp"}, {"type", "local"}, {"path", "/tmp"}}}));
  REQUIRE(r.size() == 1);
  const QuotaUsage& u = r[0];
  REQUIRE(u.ok());
  CHECK(u.name == "tmp");
  CHECK(u.type == "local");
  REQUIRE(u.used_bytes.has_value());
  REQUIRE(u.free_bytes.has_value());
  CHECK(*u.used_bytes + *u.free_bytes == u.quota_bytes.value());
  CHECK(u.source == UsedSource::kProvider);
  CHECK(u.quota_source == QuotaSource::kProvider);
  CHECK(u.collected_at > 1700000000);
}

TEST_CASE("Local: a missing path is not_found; a configured quota wins", "[quota][collector]") {
  auto r = Run(json::array({{{"name", "gone"}, {"type", "local"}, {"path", "/nonexistent/bjlg"}},
                            {{"name", "capped"}, {"type", "local"}, {"path", "/tmp"}, {"quota_bytes", 1}}}));
  REQUIRE(r[0].errors.size() == 1);
  CHECK(r[0].errors[0].code == ErrorCode::kNotFound);
  CHECK(r[0].errors[0].ToString().rfind("[not_found] statvfs /nonexistent/bjlg:", 0) == 0);
  CHECK_FALSE(r[0].used_bytes.has_value());
  REQUIRE(r[1].ok());
  CHECK(r[1].quota_bytes == 1u);
  CHECK(r[1].quota_source == QuotaSource::kConfigured);
  CHECK(r[1].free_bytes == 0u);  // used is far above 1 byte
}

TEST_CASE("Unreachable endpoints fail alone, and their secrets never show", "[quota][collector]") {
  json s3 = {{"name", "dead"}, {"type", "s3"}, {"endpoint", "http://127.0.0.1:" + std::to_string(DeadPort())},
             {"bucket", "b"}, {"access_key", "AKIAEXAMPLEKEY"}, {"secret_key", "very-secret-value"},
             {"path_style", true}};
  json dav = {{"name", "dav"}, {"type", "webdav"}, {"url", "http://user:pw-in-url@127.0.0.1:" + std::to_string(DeadPort()) + "/x"}};
  auto r = Run(json::array({s3, dav, {{"name", "tmp"}, {"type", "local"}, {"path", "/tmp"}}}));
  REQUIRE(r[0].errors.size() == 1);
  CHECK(r[0].errors[0].code == ErrorCode::kUnreachable);
  CHECK(r[0].errors[0].message.find("very-secret") == std::string::npos);
  CHECK(r[0].errors[0].message.find("AKIAEXAMPLEKEY") == std::string::npos);
  CHECK(r[0].errors[0].message.find("list-type") == std::string::npos);  // no query string
  REQUIRE(r[1].errors.size() == 1);
  CHECK(r[1].errors[0].message.find("pw-in-url") == std::string::npos);
  CHECK(r[2].ok());
}

TEST_CASE("Azure: a key that is not base64 is an auth error before any request", "[quota][collector]") {
  auto r = Run(json::array({{{"name", "az"}, {"type", "azure"}, {"account", "a"}, {"container", "c"},
                             {"key", "not base64!"}, {"endpoint", "http://127.0.0.1:9/a"}}}));
  REQUIRE(r[0].errors.size() == 1);
  CHECK(r[0].errors[0].code == ErrorCode::kAuth);
}

TEST_CASE("XmlStream: paths of local names, chunked input, malformed documents", "[quota][xml]") {
  std::vector<std::string> seen;
  XmlStream x([&](const std::string& path, const std::string& text) { seen.push_back(path + "=" + text); });
  std::string doc = "<?xml version=\"1.0\"?><r:Root xmlns:r=\"urn:x\"><A>1</A><B><C>two</C></B></r:Root>";
  for (char c : doc) REQUIRE(x.Feed(std::string_view(&c, 1)));
  REQUIRE(x.Finish());
  CHECK(seen == std::vector<std::string>{"Root/A=1", "Root/B/C=two", "Root/B=", "Root="});

  XmlStream bad([](const std::string&, const std::string&) {});
  CHECK_FALSE(bad.Feed("<a><b></a>"));
  CHECK(bad.error().find("malformed XML") == 0);
  XmlStream truncated([](const std::string&, const std::string&) {});
  CHECK(truncated.Feed("<a><b>"));
  CHECK_FALSE(truncated.Finish());
}

TEST_CASE("QuotaUsage::Derive follows the plugin's rules", "[quota][collector]") {
  QuotaUsage u;
  u.used_bytes = 30;
  u.quota_bytes = 100;
  u.Derive();
  CHECK(u.free_bytes == 70u);
  QuotaUsage over;
  over.used_bytes = 130;
  over.quota_bytes = 100;
  over.Derive();
  CHECK(over.free_bytes == 0u);
  QuotaUsage from_free;
  from_free.used_bytes = 30;
  from_free.free_bytes = 20;
  from_free.Derive();
  CHECK(from_free.quota_bytes == 50u);
}

TEST_CASE("Collect options out of range are refused by name, with the bounds every transfer has", "[quota]") {
  CollectOptions o;
  CHECK(CheckCollectOptions(o).ok());
  o.timeout_ms = 0;
  CHECK(CheckCollectOptions(o).message() == "option \"timeout_ms\" must be between 1 and 3600000");
  o = CollectOptions();
  o.max_retries = 11;
  CHECK(CheckCollectOptions(o).option() == "retries");
  o = CollectOptions();
  o.retry_base_ms = -1;
  CHECK(CheckCollectOptions(o).option() == "retry_base_ms");
  o = CollectOptions();
  o.max_response_bytes = 1023;
  CHECK(CheckCollectOptions(o).message() == "option \"max_response_bytes\" must be at least 1024");
}
