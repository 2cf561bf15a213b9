// Destination parsing: every key checked, errors name the destination and the key.
#include "quota/destination.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

json S3() {
  return {{"name", "offsite"}, {"type", "s3"}, {"endpoint", "http://127.0.0.1:4568"}, {"bucket", "backups"},
          {"region", "us-east-1"}, {"access_key", "AK"}, {"secret_key", "SK-secret"}, {"prefix", ""},
          {"path_style", true}, {"quota_bytes", 50000000000}};
}

std::string Refusal(const json& list, DestinationError* error = nullptr, ParseOptions options = {}) {
  auto r = ParseDestinations(list, options, error);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == bjlg::Status::Code::kInvalidArgument);
  return r.status().message();
}

}  // namespace

TEST_CASE("Destinations: the issue's examples parse", "[quota][destination]") {
  json list = json::array({S3(),
                           {{"name", "nas"}, {"type", "webdav"}, {"url", "https://dav.example/backups/"},
                            {"username", "u"}, {"password", "p"}},
                           {{"name", "disk"}, {"type", "local"}, {"path", "/var/backups"}}});
  auto r = ParseDestinations(list, {});
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  const Destination& s3 = (*r)[0];
  CHECK(s3.name == "offsite");
  CHECK(s3.type == DestinationType::kS3);
  CHECK(s3.Text("bucket") == "backups");
  CHECK(s3.Flag("path_style", false));
  CHECK(s3.Number("quota_bytes") == 50000000000);
  CHECK(s3.Secrets() == std::vector<std::string>{"AK", "SK-secret"});
  CHECK((*r)[2].type == DestinationType::kLocal);
}

TEST_CASE("Destinations: refusals name the destination and the key", "[quota][destination]") {
  DestinationError e;
  json d = S3();
  d.erase("bucket");
  CHECK(Refusal(json::array({d}), &e) == "destination #0 'offsite': key 'bucket' is required");
  CHECK(e.kind == DestinationError::Kind::kValue);
  CHECK(e.key == "bucket");

  d = S3();
  d["quota_bytes"] = "lots";
  CHECK(Refusal(json::array({S3(), d}), &e).find("key 'quota_bytes' must be an integer") != std::string::npos);
  CHECK(e.kind == DestinationError::Kind::kType);
  CHECK(e.index == 1);

  d = S3();
  d["colour"] = "blue";
  CHECK(Refusal(json::array({d}), &e) == "destination #0 'offsite': key 'colour' is not a setting of type s3");

  d = S3();
  d["type"] = "ftp";
  CHECK(Refusal(json::array({d}), &e).find("key 'type' must be one of s3,") != std::string::npos);

  d = S3();
  d["page_size"] = 5000;
  CHECK(Refusal(json::array({d})).find("key 'page_size' must be between 1 and 1000") != std::string::npos);

  d = S3();
  d["quota_bytes"] = -1;
  CHECK(Refusal(json::array({d})).find("'quota_bytes' must be between 0 and") != std::string::npos);

  d = S3();
  d["endpoint"] = "ftp://x";
  CHECK(Refusal(json::array({d})).find("must start with http:// or https://") != std::string::npos);

  CHECK(Refusal(json::array({S3(), S3()})).find("names must be unique") != std::string::npos);
  CHECK(Refusal(json::array({"s3"}), &e) == "destination #0: must be an array with string keys");
  CHECK(e.kind == DestinationError::Kind::kType);
  CHECK(Refusal(json::object()) == "destinations must be a list");
}

TEST_CASE("Destinations: one-of groups and type-specific rules", "[quota][destination]") {
  json az = {{"name", "az"}, {"type", "azure"}, {"account", "acct"}, {"container", "c"}};
  CHECK(Refusal(json::array({az})).find("key 'key' is required (set 'key' or 'sas')") != std::string::npos);
  az["sas"] = "sv=2023&sig=x";
  CHECK(ParseDestinations(json::array({az}), {}).ok());

  json sftp = {{"name", "box"}, {"type", "sftp"}, {"host", "h"}, {"username", "u"}, {"password", "p"}};
  CHECK(Refusal(json::array({sftp})).find("'host_key_sha256' or 'known_hosts' is required") != std::string::npos);
  sftp["verify_host_key"] = false;
  CHECK(ParseDestinations(json::array({sftp}), {}).ok());

  json drive = {{"name", "g"}, {"type", "gdrive"}, {"refresh_token", "r"}};
  CHECK(Refusal(json::array({drive})).find("'client_id' is required with refresh_token") != std::string::npos);
  json moon = {{"name", "o"}, {"type", "onedrive"}, {"access_token", "t"}, {"cloud", "moon"}};
  CHECK(Refusal(json::array({moon})).find("'cloud' must be 'global', 'us_gov', 'us_dod' or 'china'") != std::string::npos);
  json tenant = {{"name", "o"}, {"type", "onedrive"}, {"access_token", "t"}, {"tenant", "evil/../x"}};
  CHECK(Refusal(json::array({tenant})).find("'tenant' must be a tenant ID or domain") != std::string::npos);
  json pcloud = {{"name", "p"}, {"type", "pcloud"}, {"access_token", "t"}, {"region", "mars"}};
  CHECK(Refusal(json::array({pcloud})).find("'region' must be 'us' or 'eu'") != std::string::npos);
}

TEST_CASE("Destinations: provider base URLs only for tests", "[quota][destination]") {
  json d = {{"name", "d"}, {"type", "dropbox"}, {"access_token", "t"}, {"api_base_url", "http://127.0.0.1:1"}};
  CHECK(Refusal(json::array({d})).find("only accepted when the option test_endpoints is true") != std::string::npos);
  ParseOptions tests;
  tests.allow_test_endpoints = true;
  CHECK(ParseDestinations(json::array({d}), tests).ok());
}

TEST_CASE("Destinations: YAML files, typed scalars and quoted strings", "[quota][destination]") {
  std::string path = "/tmp/bjlg-quota-test-" + std::to_string(::getpid()) + ".yaml";
  {
    std::ofstream out(path);
    out << "destinations:\n"
           "  - name: offsite\n    type: s3\n    bucket: backups\n    access_key: AK\n"
           "    secret_key: 12345\n    path_style: true\n    quota_bytes: 1000\n"
           "  - {name: disk, type: local, path: /tmp}\n";
  }
  auto r = LoadDestinationsFile(path, {});
  INFO((r.ok() ? "" : r.status().ToString()));
  REQUIRE(r.ok());
  CHECK((*r)[0].Text("secret_key") == "12345");  // a number where a string is expected: kept as text
  CHECK((*r)[0].Flag("path_style", false));
  CHECK((*r)[0].Number("quota_bytes") == 1000);
  {
    std::ofstream out(path);
    out << "destinations:\n  - name: x\n    type: s3\n    quota_bytes: \"1000\"\n";
  }
  auto quoted = LoadDestinationsFile(path, {});
  REQUIRE_FALSE(quoted.ok());
  CHECK(quoted.status().message().find("key 'quota_bytes' must be an integer") != std::string::npos);
  {
    std::ofstream out(path);
    out << "destinations: [unclosed\n";
  }
  CHECK(LoadDestinationsFile(path, {}).status().message().find("not valid YAML") != std::string::npos);
  std::remove(path.c_str());
  CHECK(LoadDestinationsFile(path, {}).status().code() == bjlg::Status::Code::kNotFound);
}

TEST_CASE("Destinations: B2 takes the bucket by ID or by name", "[quota][destination][b2]") {
  json b2 = {{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}};
  DestinationError e;
  CHECK(Refusal(json::array({b2}), &e) == "destination #0 'b': key 'bucket_id' is required (set 'bucket_id' or 'bucket')");
  CHECK(e.key == "bucket_id");
  b2["bucket"] = "site-backups";
  auto by_name = ParseDestinations(json::array({b2}), {});
  REQUIRE(by_name.ok());
  CHECK((*by_name)[0].Text("bucket") == "site-backups");
  CHECK((*by_name)[0].Secrets() == std::vector<std::string>{"a", "k"});  // the bucket name is not a secret
  b2["bucket_id"] = "4a48fe8875c6214145260818";
  CHECK(ParseDestinations(json::array({b2}), {}).ok());
  b2["bucket_id"] = "";
  CHECK(Refusal(json::array({b2}), &e) == "destination #0 'b': key 'bucket_id' must not be empty");
  b2.erase("bucket_id");
  b2["bucket"] = 42;
  CHECK(Refusal(json::array({b2}), &e).find("key 'bucket' must be a string") != std::string::npos);
  CHECK(e.kind == DestinationError::Kind::kType);
}
