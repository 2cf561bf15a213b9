// What each collector sends, checked without a network: the probe's first request (and the
// next one after a canned answer) as the engine would run it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>

#include "quota/probe.h"

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

struct Probed {
  QuotaUsage usage;
  std::unique_ptr<Probe> probe;
  Request first;
};

std::unique_ptr<Probed> Start(const json& destination) {
  ParseOptions options;
  options.allow_test_endpoints = true;
  auto parsed = ParseDestinations(json::array({destination}), options);
  if (!parsed.ok()) FAIL(parsed.status().ToString());
  static std::deque<std::vector<Destination>> keep;  // probes refer to their destination: never moved
  keep.push_back(*parsed);
  auto p = std::make_unique<Probed>();
  p->probe = MakeProbe(keep.back()[0], &p->usage);
  REQUIRE(p->probe->Next(&p->first));
  return p;
}

bool HasHeader(const Request& r, const std::string& header) {
  return std::find(r.headers.begin(), r.headers.end(), header) != r.headers.end();
}

std::string HeaderStarting(const Request& r, const std::string& prefix) {
  for (const std::string& h : r.headers) {
    if (h.rfind(prefix, 0) == 0) return h;
  }
  return "";
}

}  // namespace

TEST_CASE("S3 requests: AWS virtual host by default, path style on request, prefix and token encoded", "[quota][requests]") {
  auto aws = Start({{"name", "a"}, {"type", "s3"}, {"bucket", "backups"}, {"region", "eu-west-3"},
                    {"access_key", "AK"}, {"secret_key", "SK"}, {"prefix", "site a/"}});
  CHECK(aws->first.url == "https://backups.s3.eu-west-3.amazonaws.com/?list-type=2&max-keys=1000&prefix=site%20a%2F");
  CHECK(HeaderStarting(aws->first, "Authorization: AWS4-HMAC-SHA256 Credential=AK/").find("/eu-west-3/s3/aws4_request, "
                                                                                          "SignedHeaders=host;x-amz-content-sha256;x-amz-date, ") !=
        std::string::npos);
  CHECK(HasHeader(aws->first, "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

  auto east = Start({{"name", "e"}, {"type", "s3"}, {"bucket", "b"}, {"access_key", "AK"}, {"secret_key", "SK"}});
  CHECK(east->first.url.rfind("https://b.s3.amazonaws.com/?", 0) == 0);

  auto minio = Start({{"name", "m"}, {"type", "s3"}, {"bucket", "b"}, {"access_key", "AK"}, {"secret_key", "SK"},
                      {"endpoint", "http://minio.lan:9000/"}, {"path_style", true}, {"page_size", 10},
                      {"session_token", "tok"}});
  CHECK(minio->first.url == "http://minio.lan:9000/b/?list-type=2&max-keys=10");
  CHECK(HasHeader(minio->first, "x-amz-security-token: tok"));
  CHECK(HeaderStarting(minio->first, "Authorization:").find("x-amz-security-token") != std::string::npos);

  // A truncated page: the next request carries the continuation token, encoded.
  Response page;
  page.status = 200;
  std::string xml =
      "<ListBucketResult><Contents><Size>5</Size></Contents><IsTruncated>true</IsTruncated>"
      "<NextContinuationToken>a+b/c=</NextContinuationToken></ListBucketResult>";
  REQUIRE(minio->first.sink(xml));
  CHECK_FALSE(minio->probe->OnResponse(page).has_value());
  Request next;
  REQUIRE(minio->probe->Next(&next));
  CHECK(next.url == "http://minio.lan:9000/b/?continuation-token=a%2Bb%2Fc%3D&list-type=2&max-keys=10");
  CHECK(minio->usage.used_bytes == 5u);
}

TEST_CASE("Azure requests: default endpoint, Shared Key header, SAS appended", "[quota][requests]") {
  auto key = Start({{"name", "a"}, {"type", "azure"}, {"account", "acct"}, {"container", "backups"},
                    {"key", "a2V5a2V5"}, {"prefix", "db/"}});
  CHECK(key->first.url ==
        "https://acct.blob.core.windows.net/backups?restype=container&comp=list&maxresults=5000&prefix=db%2F");
  CHECK(HeaderStarting(key->first, "Authorization: SharedKey acct:").size() > 40);
  CHECK(HasHeader(key->first, "x-ms-version: 2023-08-03"));
  auto sas = Start({{"name", "s"}, {"type", "azure"}, {"account", "acct"}, {"container", "c"}, {"sas", "?sv=1&sig=x"}});
  CHECK(sas->first.url == "https://acct.blob.core.windows.net/c?restype=container&comp=list&maxresults=5000&sv=1&sig=x");
  CHECK(HeaderStarting(sas->first, "Authorization:").empty());
}

TEST_CASE("Hosted providers' requests: endpoints, methods, bodies, refresh form", "[quota][requests]") {
  auto dropbox = Start({{"name", "d"}, {"type", "dropbox"}, {"access_token", "tok"}});
  CHECK(dropbox->first.method == "POST");
  CHECK(dropbox->first.url == "https://api.dropboxapi.com/2/users/get_space_usage");
  CHECK(dropbox->first.body == "null");
  CHECK(HasHeader(dropbox->first, "Authorization: Bearer tok"));

  auto drive = Start({{"name", "g"}, {"type", "gdrive"}, {"refresh_token", "r/1+2"}, {"client_id", "id"},
                      {"client_secret", "s&t"}});
  CHECK(drive->first.url == "https://oauth2.googleapis.com/token");
  CHECK(drive->first.body == "grant_type=refresh_token&refresh_token=r%2F1%2B2&client_id=id&client_secret=s%26t");
  Response token;
  token.status = 200;
  token.body = R"({"access_token": "fresh", "expires_in": 3599})";
  CHECK_FALSE(drive->probe->OnResponse(token).has_value());
  Request api;
  REQUIRE(drive->probe->Next(&api));
  CHECK(api.url == "https://www.googleapis.com/drive/v3/about?fields=storageQuota");
  CHECK(HasHeader(api, "Authorization: Bearer fresh"));

  auto onedrive = Start({{"name", "o"}, {"type", "onedrive"}, {"access_token", "t"}});
  CHECK(onedrive->first.url == "https://graph.microsoft.com/v1.0/me/drive");
  auto gov = Start({{"name", "o"}, {"type", "onedrive"}, {"cloud", "us_gov"}, {"tenant", "contoso.onmicrosoft.us"},
                    {"refresh_token", "r"}, {"client_id", "id"}});
  CHECK(gov->first.url == "https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token");
  Response fresh;
  fresh.status = 200;
  fresh.body = R"({"access_token": "t2"})";
  CHECK_FALSE(gov->probe->OnResponse(fresh).has_value());
  Request gov_api;
  REQUIRE(gov->probe->Next(&gov_api));
  CHECK(gov_api.url == "https://graph.microsoft.us/v1.0/me/drive");
  auto china = Start({{"name", "o"}, {"type", "onedrive"}, {"cloud", "china"}, {"access_token", "t"}});
  CHECK(china->first.url == "https://microsoftgraph.chinacloudapi.cn/v1.0/me/drive");
  auto eu = Start({{"name", "p"}, {"type", "pcloud"}, {"access_token", "t"}, {"region", "eu"}});
  CHECK(eu->first.url == "https://eapi.pcloud.com/userinfo");
  auto b2 = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "keyId"}, {"application_key", "appKey"}, {"bucket_id", "x"}});
  CHECK(b2->first.url == "https://api.backblazeb2.com/b2api/v2/b2_authorize_account");
  CHECK(HasHeader(b2->first, "Authorization: Basic a2V5SWQ6YXBwS2V5"));
}

TEST_CASE("WebDAV and SFTP requests", "[quota][requests]") {
  auto dav = Start({{"name", "w"}, {"type", "webdav"}, {"url", "https://nas/dav/"}, {"username", "u"}, {"password", "p"}});
  CHECK(dav->first.method == "PROPFIND");
  CHECK(HasHeader(dav->first, "Depth: 0"));
  CHECK(dav->first.body.find("<d:quota-used-bytes/>") != std::string::npos);
  CHECK(dav->first.username == "u");

  auto sftp = Start({{"name", "s"}, {"type", "sftp"}, {"host", "box"}, {"port", 2222}, {"username", "u"},
                     {"private_key", "/k"}, {"path", "/srv/my backups"}, {"host_key_sha256", "abc"}});
  CHECK(sftp->first.url == "sftp://box:2222/srv/my%20backups/");
  CHECK(sftp->first.quote == std::vector<std::string>{"statvfs \"/srv/my backups\""});
  CHECK(sftp->first.ssh_host_sha256 == "abc");
  auto unchecked = Start({{"name", "s"}, {"type", "sftp"}, {"host", "box"}, {"username", "u"}, {"password", "p"},
                          {"verify_host_key", false}, {"host_key_sha256", "abc"}});
  CHECK(unchecked->first.url == "sftp://box:22/");
  CHECK(unchecked->first.ssh_host_sha256.empty());
}

TEST_CASE("B2 requests: a bucket given by name is looked up with b2_list_buckets, then listed by its ID", "[quota][requests][b2]") {
  auto named = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "keyId"}, {"application_key", "appKey"},
                      {"bucket", "site-backups"}, {"prefix", "db/"}, {"page_size", 500}});
  CHECK(named->first.url == "https://api.backblazeb2.com/b2api/v2/b2_authorize_account");
  Response auth;
  auth.status = 200;
  auth.body = R"({"accountId": "acc1", "authorizationToken": "tok", "apiUrl": "https://api005.backblazeb2.com/"})";
  CHECK_FALSE(named->probe->OnResponse(auth).has_value());
  Request lookup;
  REQUIRE(named->probe->Next(&lookup));
  CHECK(lookup.method == "POST");
  CHECK(lookup.url == "https://api005.backblazeb2.com/b2api/v2/b2_list_buckets");
  CHECK(HasHeader(lookup, "Authorization: tok"));
  CHECK(json::parse(lookup.body) == json{{"accountId", "acc1"}, {"bucketName", "site-backups"}});
  Response buckets;
  buckets.status = 200;
  buckets.body = R"({"buckets": [{"accountId": "acc1", "bucketId": "4a48fe8875c6214145260818", "bucketName": "site-backups",
                                  "bucketType": "allPrivate", "revision": 3}]})";
  CHECK_FALSE(named->probe->OnResponse(buckets).has_value());
  Request list;
  REQUIRE(named->probe->Next(&list));
  CHECK(list.url == "https://api005.backblazeb2.com/b2api/v2/b2_list_file_versions");
  CHECK(json::parse(list.body) ==
        json{{"bucketId", "4a48fe8875c6214145260818"}, {"maxFileCount", 500}, {"prefix", "db/"}});
  Response page;
  page.status = 200;
  page.body = R"({"files": [{"fileName": "db/a", "fileId": "1", "contentLength": 7, "action": "upload"}],
                  "nextFileName": null, "nextFileId": null})";
  CHECK_FALSE(named->probe->OnResponse(page).has_value());
  Request none;
  CHECK_FALSE(named->probe->Next(&none));
  CHECK(named->usage.used_bytes == 7u);
  CHECK(named->usage.object_count == 1u);
}

TEST_CASE("B2 requests: an unknown bucket name is not_found, naming the bucket and never the key", "[quota][requests][b2]") {
  auto named = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "keyId-secret"}, {"application_key", "appKey-secret"},
                      {"bucket", "no-such-bucket"}});
  Response auth;
  auth.status = 200;
  auth.body = R"({"accountId": "acc1", "authorizationToken": "tok", "apiUrl": "https://api005.backblazeb2.com"})";
  CHECK_FALSE(named->probe->OnResponse(auth).has_value());
  Request lookup;
  REQUIRE(named->probe->Next(&lookup));
  Response empty;
  empty.status = 200;
  empty.body = R"({"buckets": []})";
  auto error = named->probe->OnResponse(empty);
  REQUIRE(error.has_value());
  CHECK(error->code == ErrorCode::kNotFound);
  CHECK(error->message == "B2 b2_list_buckets on api005.backblazeb2.com: no bucket named 'no-such-bucket' in the account");
  CHECK(error->message.find("keyId-secret") == std::string::npos);
  CHECK(error->message.find("appKey-secret") == std::string::npos);

  // Another bucket's entry (not the one asked) does not count as found.
  auto other = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}, {"bucket", "mine"}});
  CHECK_FALSE(other->probe->OnResponse(auth).has_value());
  REQUIRE(other->probe->Next(&lookup));
  Response wrong;
  wrong.status = 200;
  wrong.body = R"({"buckets": [{"bucketId": "x", "bucketName": "theirs"}]})";
  auto not_mine = other->probe->OnResponse(wrong);
  REQUIRE(not_mine.has_value());
  CHECK(not_mine->code == ErrorCode::kNotFound);

  // An answer without a buckets list, or an authorization without accountId, is a protocol error.
  auto garbled = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}, {"bucket", "mine"}});
  CHECK_FALSE(garbled->probe->OnResponse(auth).has_value());
  REQUIRE(garbled->probe->Next(&lookup));
  Response no_list;
  no_list.status = 200;
  no_list.body = R"({"bucket": "mine"})";
  auto protocol = garbled->probe->OnResponse(no_list);
  REQUIRE(protocol.has_value());
  CHECK(protocol->code == ErrorCode::kProtocol);
  auto anonymous = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"}, {"bucket", "mine"}});
  Response no_account;
  no_account.status = 200;
  no_account.body = R"({"authorizationToken": "tok", "apiUrl": "https://api005.backblazeb2.com"})";
  auto missing = anonymous->probe->OnResponse(no_account);
  REQUIRE(missing.has_value());
  CHECK(missing->code == ErrorCode::kProtocol);
}

TEST_CASE("B2 requests: bucket_id wins over bucket, with no b2_list_buckets call", "[quota][requests][b2]") {
  auto both = Start({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "a"},
                     {"bucket_id", "id-given"}, {"bucket", "some-name"}});
  Response auth;
  auth.status = 200;
  auth.body = R"({"authorizationToken": "tok", "apiUrl": "https://api005.backblazeb2.com"})";
  CHECK_FALSE(both->probe->OnResponse(auth).has_value());  // no accountId needed without a lookup
  Request list;
  REQUIRE(both->probe->Next(&list));
  CHECK(list.url == "https://api005.backblazeb2.com/b2api/v2/b2_list_file_versions");
  CHECK(json::parse(list.body)["bucketId"] == "id-given");
}
