// Server-side request forgery (issue 16, class 7): a destination's endpoint never makes the
// server connect to a link-local address, nor to a loopback or private one unless
// allow_private_network says so; the check is on the address connected, after DNS resolution.
#include "remote/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "quota/collector.h"

namespace bjlg::remote {
namespace {

using json = nlohmann::json;

AddressClass Classify(const std::string& text) {
  sockaddr_storage ss{};
  if (text.find(':') != std::string::npos) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
    a->sin6_family = AF_INET6;
    REQUIRE(inet_pton(AF_INET6, text.c_str(), &a->sin6_addr) == 1);
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&ss);
    a->sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, text.c_str(), &a->sin_addr) == 1);
  }
  return ClassifyAddress(reinterpret_cast<sockaddr*>(&ss));
}

TEST_CASE("Addresses are classed by the network they belong to", "[harden][quota][remote]") {
  for (const char* a : {"169.254.169.254", "169.254.0.1", "fe80::1", "febf::1", "::ffff:169.254.169.254"}) {
    INFO(a);
    CHECK(Classify(a) == AddressClass::kLinkLocal);
  }
  for (const char* a : {"127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"}) {
    INFO(a);
    CHECK(Classify(a) == AddressClass::kLoopback);
  }
  for (const char* a : {"10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "fc00::1",
                        "fd12:3456::1", "::ffff:10.1.2.3", "64:ff9b::a00:1"}) {
    INFO(a);
    CHECK(Classify(a) == AddressClass::kPrivate);
  }
  for (const char* a : {"0.0.0.0", "::", "::ffff:0.0.0.0"}) {
    INFO(a);
    CHECK(Classify(a) == AddressClass::kUnspecified);
  }
  for (const char* a : {"8.8.8.8", "172.32.0.1", "172.15.255.255", "169.253.1.1", "192.169.0.1", "2a00:1450::1",
                        "fec0::1", "::ffff:8.8.8.8"}) {
    INFO(a);
    CHECK(Classify(a) == AddressClass::kPublic);
  }
}

std::vector<quota::QuotaUsage> Collect(const json& list, bool allow_private_network) {
  auto destinations = quota::ParseDestinations(list, {});
  REQUIRE(destinations.ok());
  quota::CollectOptions options;
  options.timeout_ms = 5000;
  options.max_retries = 0;
  options.allow_private_network = allow_private_network;
  return quota::Collect(*destinations, options);
}

json Dav(const std::string& name, const std::string& url) {
  return {{"name", name}, {"type", "webdav"}, {"url", url}, {"username", "u"}, {"password", "dav-secret"}};
}

// A loopback HTTP listener that counts the connections it accepted.
class Listener {
 public:
  Listener() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), len);
    listen(fd_, 8);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~Listener() { close(fd_); }
  int port() const { return port_; }
  int Accepted() {
    int n = 0;
    for (int c; (c = accept(fd_, nullptr, nullptr)) >= 0; ++n) close(c);
    return n;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST_CASE("Loopback and private endpoints are refused unless allowed, before any connection", "[harden][quota][remote]") {
  Listener server;
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/dav/";
  auto r = Collect(json::array({Dav("a", "https://10.0.0.1/"), Dav("nas", url)}), false);
  REQUIRE(r[1].errors.size() == 1);
  CHECK(r[1].errors[0].code == ErrorCode::kUnreachable);
  CHECK(r[1].errors[0].message ==
        "destination #1 (nas): 127.0.0.1 is a loopback address (set allow_private_network to reach it)");
  REQUIRE(r[0].errors.size() == 1);
  CHECK(r[0].errors[0].message == "destination #0 (a): 10.0.0.1 is a private address (set allow_private_network to reach it)");
  CHECK(server.Accepted() == 0);

  SECTION("a name is judged by the address it resolves to") {
    auto named = Collect(json::array({Dav("named", "http://localhost:" + std::to_string(server.port()) + "/")}), false);
    REQUIRE(named[0].errors.size() == 1);
    CHECK_THAT(named[0].errors[0].message, Catch::Contains("destination #0 (named): ") &&
                                               Catch::Contains("is a loopback address"));
    CHECK(server.Accepted() == 0);
  }
  SECTION("allowed by the collector option, or by the destination's own") {
    auto allowed = Collect(json::array({Dav("nas", url)}), true);
    CHECK(server.Accepted() == 1);
    json own = Dav("nas", url);
    own["allow_private_network"] = true;
    Collect(json::array({own}), false);
    CHECK(server.Accepted() == 1);
    own["allow_private_network"] = false;
    auto refused = Collect(json::array({own}), true);
    CHECK(server.Accepted() == 0);
    REQUIRE(refused[0].errors.size() == 1);
    CHECK_THAT(refused[0].errors[0].message, Catch::Contains("is a loopback address"));
  }
}

TEST_CASE("Link-local addresses (the cloud metadata service) are refused even when private networks are allowed",
          "[harden][quota][remote]") {
  for (const char* url : {"http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/"}) {
    auto r = Collect(json::array({Dav("meta", url)}), true);
    REQUIRE(r[0].errors.size() == 1);
    CHECK(r[0].errors[0].code == ErrorCode::kUnreachable);
    CHECK_THAT(r[0].errors[0].message, Catch::StartsWith("destination #0 (meta): ") &&
                                           Catch::EndsWith("169.254.169.254 is a link-local address"));
  }
}

}  // namespace
}  // namespace bjlg::remote
