// The collectors against real servers on loopback, started by tests/quota/run-integration.sh
// (make test-quota-integration, part of make check). Hidden from a plain bjlg_tests run: the
// servers' addresses come from BJLG_IT_* environment variables.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "quota/collector.h"

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) FAIL(std::string(name) + " is not set: run tests/quota/run-integration.sh");
  return v;
}

std::vector<QuotaUsage> Run(const json& list, CollectOptions options = {}) {
  ParseOptions parse;
  parse.allow_test_endpoints = true;
  auto destinations = ParseDestinations(list, parse);
  if (!destinations.ok()) FAIL(destinations.status().ToString());
  options.allow_private_network = true;  // the test servers listen on loopback
  return Collect(*destinations, options);
}

QuotaUsage One(const json& destination, CollectOptions options = {}) {
  return Run(json::array({destination}), options).at(0);
}

std::string Errors(const QuotaUsage& u) {
  std::string out;
  for (const QuotaError& e : u.errors) out += e.ToString() + "\n";
  return out;
}

json S3(const std::string& bucket = "backups") {
  return {{"name", "s3"}, {"type", "s3"}, {"endpoint", Env("BJLG_IT_S3")}, {"bucket", bucket},
          {"region", "us-east-1"}, {"access_key", "S3RVER"}, {"secret_key", "S3RVER"}, {"path_style", true}};
}

json Azure(const std::string& container = "backups") {
  return {{"name", "az"}, {"type", "azure"}, {"endpoint", Env("BJLG_IT_AZURE")}, {"account", "devstoreaccount1"},
          {"container", container},
          {"key", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="}};
}

json Fake(const std::string& type, const std::string& scenario) {
  json d = {{"name", type + "-" + scenario}, {"type", type}, {"api_base_url", Env("BJLG_IT_FAKE") + "/" + scenario}};
  if (type == "b2") {
    d["key_id"] = "keyId";
    d["application_key"] = "appKey";
    d["bucket_id"] = "bucket1";
  } else if (type == "pcloud") {
    d["access_token"] = "static-token";
  } else {
    d["refresh_token"] = "good-refresh";
    d["client_id"] = "client";
    d["client_secret"] = "client-secret-value";
    d["token_url"] = Env("BJLG_IT_FAKE") + "/" + scenario + "/token";
  }
  return d;
}

json Sftp() {
  return {{"name", "sftp"}, {"type", "sftp"}, {"host", "127.0.0.1"}, {"port", std::stoi(Env("BJLG_IT_SSH_PORT"))},
          {"username", Env("BJLG_IT_SSH_USER")}, {"private_key", Env("BJLG_IT_SSH_KEY")},
          {"public_key", Env("BJLG_IT_SSH_KEY") + ".pub"}, {"path", Env("BJLG_IT_SSH_DIR")},
          {"host_key_sha256", Env("BJLG_IT_SSH_HOST_SHA256")}};
}

}  // namespace

TEST_CASE("S3: thousands of objects across pages, summed, through the SigV4-checking front", "[.integration]") {
  json d = S3();
  d["page_size"] = 1000;
  d["quota_bytes"] = 50000000;
  QuotaUsage u = One(d);
  INFO(Errors(u));
  REQUIRE(u.ok());
  CHECK(u.used_bytes == 1373750u);
  CHECK(u.object_count == 2500u);
  CHECK(u.quota_bytes == 50000000u);
  CHECK(u.free_bytes == 50000000u - 1373750u);
  CHECK(u.source == UsedSource::kListing);
  CHECK(u.quota_source == QuotaSource::kConfigured);
}

TEST_CASE("S3: small pages and a prefix", "[.integration]") {
  json d = S3();
  d["page_size"] = 70;
  d["prefix"] = "db/";
  QuotaUsage u = One(d);
  INFO(Errors(u));
  REQUIRE(u.ok());
  CHECK(u.used_bytes == 74850u);
  CHECK(u.object_count == 300u);
  CHECK_FALSE(u.quota_bytes.has_value());
  CHECK_FALSE(u.free_bytes.has_value());
}

TEST_CASE("S3: an empty bucket is zero, a missing bucket is not_found", "[.integration]") {
  QuotaUsage empty = One(S3("empty"));
  INFO(Errors(empty));
  REQUIRE(empty.ok());
  CHECK(empty.used_bytes == 0u);
  CHECK(empty.object_count == 0u);
  QuotaUsage missing = One(S3("no-such-bucket"));
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].code == ErrorCode::kNotFound);
}

TEST_CASE("S3: a wrong secret is refused by the botocore front, and never shows in the error", "[.integration]") {
  json d = S3();
  d["secret_key"] = "WRONG-SECRET-123";
  QuotaUsage u = One(d);
  REQUIRE(u.errors.size() == 1);
  CHECK(u.errors[0].code == ErrorCode::kAuth);
  CHECK(u.errors[0].message.find("SignatureDoesNotMatch") != std::string::npos);
  CHECK(u.errors[0].message.find("WRONG-SECRET") == std::string::npos);
  CHECK_FALSE(u.used_bytes.has_value());
  // s3rver alone accepts the same request: the front is what makes this test able to fail.
  json raw = d;
  raw["endpoint"] = Env("BJLG_IT_S3_RAW");
  CHECK(One(raw).ok());
}

TEST_CASE("Azure: Shared Key listing with markers, prefix, empty and missing containers", "[.integration]") {
  json d = Azure();
  d["page_size"] = 500;
  QuotaUsage u = One(d);
  INFO(Errors(u));
  REQUIRE(u.ok());
  CHECK(u.used_bytes == 639400u);
  CHECK(u.object_count == 1200u);

  json p = Azure();
  p["prefix"] = "db/";
  p["page_size"] = 30;
  QuotaUsage db = One(p);
  INFO(Errors(db));
  REQUIRE(db.ok());
  CHECK(db.used_bytes == 39900u);
  CHECK(db.object_count == 200u);

  QuotaUsage empty = One(Azure("empty"));
  REQUIRE(empty.ok());
  CHECK(empty.used_bytes == 0u);
  QuotaUsage missing = One(Azure("nope"));
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].code == ErrorCode::kNotFound);
}

TEST_CASE("Azure: a wrong key is refused by azurite's Shared Key check", "[.integration]") {
  json d = Azure();
  d["key"] = "d3Jvbmcta2V5LXdyb25nLWtleQ==";
  QuotaUsage u = One(d);
  REQUIRE(u.errors.size() == 1);
  CHECK(u.errors[0].code == ErrorCode::kAuth);
  CHECK(u.errors[0].message.find("d3Jvbmcta2V5") == std::string::npos);
}

TEST_CASE("Azure: SAS token listing; a SAS without list permission or with a forged signature is refused", "[.integration]") {
  json d = Azure();
  d.erase("key");
  d["sas"] = "?" + Env("BJLG_IT_AZURE_SAS");
  d["page_size"] = 400;
  QuotaUsage u = One(d);
  INFO(Errors(u));
  REQUIRE(u.ok());
  CHECK(u.used_bytes == 639400u);
  CHECK(u.object_count == 1200u);

  d["sas"] = Env("BJLG_IT_AZURE_SAS_NO_LIST");
  QuotaUsage no_list = One(d);
  REQUIRE(no_list.errors.size() == 1);
  CHECK(no_list.errors[0].code == ErrorCode::kAuth);

  std::string forged = Env("BJLG_IT_AZURE_SAS");
  size_t sig = forged.find("sig=") + 4;
  forged[sig] = forged[sig] == 'A' ? 'B' : 'A';
  d["sas"] = forged;
  QuotaUsage refused = One(d);
  REQUIRE(refused.errors.size() == 1);
  CHECK(refused.errors[0].code == ErrorCode::kAuth);
  CHECK(refused.errors[0].message.find("sig=") == std::string::npos);
}

TEST_CASE("Azure over HTTPS: refused without the CA, accepted with the CA bundle", "[.integration]") {
  // The HTTPS azurite holds no container: with the CA, the signed request gets through TLS and
  // the Shared Key check and is answered ContainerNotFound.
  json d = Azure("backups");
  d["endpoint"] = Env("BJLG_IT_AZURE_TLS");
  QuotaUsage untrusted = One(d);
  REQUIRE(untrusted.errors.size() == 1);
  CHECK(untrusted.errors[0].code == ErrorCode::kTls);
  CollectOptions with_ca;
  with_ca.ca_bundle = Env("BJLG_IT_AZURE_CA");
  QuotaUsage trusted = One(d, with_ca);
  REQUIRE(trusted.errors.size() == 1);
  CHECK(trusted.errors[0].code == ErrorCode::kNotFound);
  d["key"] = "d3Jvbmcta2V5LXdyb25nLWtleQ==";
  QuotaUsage wrong_key = One(d, with_ca);
  REQUIRE(wrong_key.errors.size() == 1);
  CHECK(wrong_key.errors[0].code == ErrorCode::kAuth);
}

TEST_CASE("WebDAV: RFC 4331 quota from sabre/dav; bad password; no quota reported", "[.integration]") {
  json d = {{"name", "nas"}, {"type", "webdav"}, {"url", Env("BJLG_IT_DAV") + "/"}, {"username", "backup"},
            {"password", "s3cret-dav"}};
  QuotaUsage u = One(d);
  INFO(Errors(u));
  REQUIRE(u.ok());
  CHECK(u.used_bytes == 123456789u);
  CHECK(u.free_bytes == 876543211u);
  CHECK(u.quota_bytes == 1000000000u);
  CHECK(u.source == UsedSource::kProvider);

  d["password"] = "wrong-password";
  QuotaUsage bad = One(d);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].code == ErrorCode::kAuth);

  d["password"] = "s3cret-dav";
  d["url"] = Env("BJLG_IT_DAV") + "/noquota/";
  QuotaUsage none = One(d);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].code == ErrorCode::kProtocol);
  CHECK(none.errors[0].message.find("RFC 4331") != std::string::npos);
}

TEST_CASE("SFTP: statvfs@openssh.com through sshd; unknown key; wrong host key", "[.integration]") {
  QuotaUsage u = One(Sftp());
  INFO(Errors(u));
  REQUIRE(u.ok());
  REQUIRE(u.used_bytes.has_value());
  REQUIRE(u.quota_bytes.has_value());
  CHECK(*u.quota_bytes > 0);
  CHECK(*u.used_bytes + *u.free_bytes == *u.quota_bytes);
  // Same file system as the local collector sees: same capacity.
  QuotaUsage local = One({{"name", "disk"}, {"type", "local"}, {"path", Env("BJLG_IT_SSH_DIR")}});
  CHECK(local.quota_bytes == u.quota_bytes);

  json stranger = Sftp();
  stranger["private_key"] = Env("BJLG_IT_SSH_STRANGER");
  stranger["public_key"] = Env("BJLG_IT_SSH_STRANGER") + ".pub";
  QuotaUsage refused = One(stranger);
  REQUIRE(refused.errors.size() == 1);
  CHECK(refused.errors[0].code == ErrorCode::kAuth);

  json known = Sftp();
  known.erase("host_key_sha256");
  known["known_hosts"] = Env("BJLG_IT_SSH_DIR") + "/known_hosts";
  QuotaUsage by_known_hosts = One(known);
  INFO(Errors(by_known_hosts));
  CHECK(by_known_hosts.ok());
  known["known_hosts"] = Env("BJLG_IT_SSH_DIR") + "/known_hosts_wrong";
  QuotaUsage unknown_host = One(known);
  REQUIRE(unknown_host.errors.size() == 1);
  INFO(Errors(unknown_host));
  CHECK(unknown_host.errors[0].code == ErrorCode::kTls);

  json spoofed = Sftp();
  spoofed["host_key_sha256"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  QuotaUsage mismatch = One(spoofed);
  REQUIRE(mismatch.errors.size() == 1);
  CHECK(mismatch.errors[0].code == ErrorCode::kTls);
}

TEST_CASE("Hosted providers: documented answers of Drive, Dropbox, OneDrive, pCloud, B2", "[.integration]") {
  auto results = Run(json::array({Fake("gdrive", "ok"), Fake("dropbox", "ok"), Fake("onedrive", "ok"),
                                  Fake("pcloud", "ok"), Fake("b2", "ok")}));
  for (const QuotaUsage& u : results) {
    INFO(u.name << ": " << Errors(u));
    CHECK(u.ok());
  }
  CHECK(results[0].used_bytes == 5368709120u);
  CHECK(results[0].quota_bytes == 16106127360u);
  CHECK(results[0].free_bytes == 16106127360u - 6442450944u);
  CHECK(results[1].used_bytes == 314572800u);
  CHECK(results[1].quota_bytes == 2147483648u);
  CHECK(results[1].free_bytes == 2147483648u - 314572800u);
  CHECK(results[2].used_bytes == 1073741824u);
  CHECK(results[2].quota_bytes == 5368709120u);
  CHECK(results[2].free_bytes == 5368709120u - 1073741824u);
  CHECK(results[3].used_bytes == 2147483648u);
  CHECK(results[3].quota_bytes == 10737418240u);
  // B2: 2,500 versions of 1000 + i bytes across pages; the hide marker counts for nothing.
  CHECK(results[4].used_bytes == 2500u * 1000u + 2499u * 2500u / 2u);
  CHECK(results[4].object_count == 2500u);
  CHECK(results[4].source == UsedSource::kListing);
}

TEST_CASE("B2: a bucket given by name is found with b2_list_buckets; an unknown name is not_found", "[.integration]") {
  json by_name = Fake("b2", "ok");
  by_name.erase("bucket_id");
  by_name["bucket"] = "site-backups";
  json unknown = by_name;
  unknown["name"] = "b2-unknown";
  unknown["bucket"] = "no-such-bucket";
  json both = by_name;  // bucket_id wins: the name of another bucket is not looked up
  both["name"] = "b2-both";
  both["bucket"] = "other-bucket";
  both["bucket_id"] = "bucket1";
  json refused = by_name;
  refused["name"] = "b2-refused";
  refused["api_base_url"] = Env("BJLG_IT_FAKE") + "/unauth";
  auto r = Run(json::array({by_name, unknown, both, refused}));
  INFO(Errors(r[0]));
  REQUIRE(r[0].ok());
  CHECK(r[0].used_bytes == 2500u * 1000u + 2499u * 2500u / 2u);
  CHECK(r[0].object_count == 2500u);
  CHECK(r[0].source == UsedSource::kListing);
  INFO(Errors(r[1]));
  REQUIRE(r[1].errors.size() == 1);
  CHECK(r[1].errors[0].code == ErrorCode::kNotFound);
  CHECK(r[1].errors[0].message.find("'no-such-bucket'") != std::string::npos);
  CHECK(r[1].errors[0].message.find("b2_list_buckets") != std::string::npos);
  CHECK_FALSE(r[1].used_bytes.has_value());
  INFO(Errors(r[2]));
  REQUIRE(r[2].ok());
  CHECK(r[2].used_bytes == r[0].used_bytes);
  REQUIRE(r[3].errors.size() == 1);
  CHECK(r[3].errors[0].code == ErrorCode::kAuth);
  for (const QuotaUsage& u : r) {
    for (const QuotaError& e : u.errors) {
      CHECK(e.message.find("appKey") == std::string::npos);
      CHECK(e.message.find("keyId") == std::string::npos);
      CHECK(e.message.find("b2-token") == std::string::npos);
    }
  }
}

TEST_CASE("Hosted providers: refused credentials are auth errors without secrets", "[.integration]") {
  auto results = Run(json::array({Fake("gdrive", "unauth"), Fake("dropbox", "unauth"), Fake("onedrive", "unauth"),
                                  Fake("pcloud", "unauth"), Fake("b2", "unauth")}));
  for (const QuotaUsage& u : results) {
    INFO(u.name << ": " << Errors(u));
    REQUIRE(u.errors.size() == 1);
    CHECK(u.errors[0].code == ErrorCode::kAuth);
    CHECK(u.errors[0].message.find("good-refresh") == std::string::npos);
    CHECK(u.errors[0].message.find("client-secret-value") == std::string::npos);
    CHECK(u.errors[0].message.find("appKey") == std::string::npos);
  }
}

TEST_CASE("Transport: garbage, stall, redirects, oversized, throttled, flaky; others still succeed", "[.integration]") {
  CollectOptions options;
  options.timeout_ms = 2500;
  options.max_response_bytes = 1 << 20;
  options.retry_base_ms = 100;
  json stall = Fake("dropbox", "stall");
  json list = json::array({Fake("dropbox", "garbage"), stall, Fake("dropbox", "redirect"), Fake("dropbox", "big"),
                           Fake("pcloud", "throttled"), Fake("onedrive", "flaky"), Fake("dropbox", "ok"), S3(),
                           Fake("onedrive", "hop")});
  auto start = std::chrono::steady_clock::now();
  auto r = Run(list, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const QuotaUsage& u : r) INFO(u.name << ": " << Errors(u));
  REQUIRE(r[0].errors.size() == 1);
  CHECK(r[0].errors[0].code == ErrorCode::kProtocol);
  REQUIRE(r[1].errors.size() == 1);
  CHECK(r[1].errors[0].code == ErrorCode::kTimeout);
  REQUIRE(r[2].errors.size() == 1);
  CHECK(r[2].errors[0].code == ErrorCode::kProtocol);
  CHECK(r[2].errors[0].message.find("another host") != std::string::npos);
  REQUIRE(r[3].errors.size() == 1);
  CHECK(r[3].errors[0].code == ErrorCode::kProtocol);
  CHECK(r[3].errors[0].message.find("larger than") != std::string::npos);
  REQUIRE(r[4].errors.size() == 1);
  CHECK(r[4].errors[0].code == ErrorCode::kThrottled);
  INFO(Errors(r[5]));
  CHECK(r[5].ok());  // 503 + Retry-After: 1, then the answer
  CHECK(r[5].latency_ms >= 900);
  CHECK(r[6].ok());
  CHECK(r[7].ok());
  CHECK(r[7].used_bytes == 1373750u);
  INFO(Errors(r[8]));
  CHECK(r[8].ok());  // a redirect on the same host is followed
  CHECK(r[8].used_bytes == 1073741824u);
  // All at once: about the stall's 2.5 s budget; one after the other it would exceed 5.5 s.
  CHECK(seconds < 5.0);
}

TEST_CASE("Every collector: a garbage answer is a protocol error, a stall a timeout", "[.integration]") {
  CollectOptions options;
  options.timeout_ms = 2000;
  json list = json::array();
  for (std::string scenario : {"garbage", "stall"}) {
    json s3 = S3();
    s3["name"] = "s3-" + scenario;
    s3["endpoint"] = Env("BJLG_IT_FAKE") + "/" + scenario;
    json az = Azure();
    az["name"] = "azure-" + scenario;
    az["endpoint"] = Env("BJLG_IT_FAKE") + "/" + scenario + "/devstoreaccount1";
    json dav = {{"name", "webdav-" + scenario}, {"type", "webdav"}, {"url", Env("BJLG_IT_FAKE") + "/" + scenario + "/dav/"}};
    for (json d : {s3, az, dav, Fake("b2", scenario), Fake("gdrive", scenario), Fake("dropbox", scenario),
                   Fake("onedrive", scenario), Fake("pcloud", scenario)}) {
      list.push_back(d);
    }
  }
  auto start = std::chrono::steady_clock::now();
  auto r = Run(list, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.size() == 16);
  for (size_t i = 0; i < r.size(); ++i) {
    INFO(r[i].name << ": " << Errors(r[i]));
    REQUIRE(r[i].errors.size() == 1);
    CHECK(r[i].errors[0].code == (i < 8 ? ErrorCode::kProtocol : ErrorCode::kTimeout));
    CHECK_FALSE(r[i].used_bytes.has_value());
  }
  CHECK(seconds < 6.0);  // the eight stalls ran at once: one after the other, 16 s
}
