// The hosted providers' listing and deleting probes (B2 native, Google Drive, Dropbox, OneDrive,
// pCloud) driven by canned answers in the shapes their documentation gives: what each request
// is, how each listing shape is read (pages, folders skipped, versions and same-name files
// merged), and what each delete answer means (deleted, already gone, failed). The same probes
// against a stateful server, through Purge::plan and run: tests/purge/integration.php.
#include <catch2/catch.hpp>

#include <deque>
#include <functional>

#include "remote/purge/purge.h"
#include "remote/purge/store.h"

namespace purge = bjlg::remote::purge;
using bjlg::quota::Destination;
using bjlg::remote::ErrorCode;
using bjlg::remote::Probe;
using bjlg::remote::RemoteError;
using bjlg::remote::Request;
using bjlg::remote::Response;
using nlohmann::json;

namespace {

const Destination& Parse(json d) {
  bjlg::quota::ParseOptions options;
  options.allow_test_endpoints = true;
  auto parsed = bjlg::quota::ParseDestinations(json::array({d}), options);
  if (!parsed.ok()) FAIL(parsed.status().ToString());
  static std::deque<Destination> keep;  // probes refer to their destination: never moved
  keep.push_back((*parsed)[0]);
  return keep.back();
}

using Server = std::function<Response(const Request&)>;

Response Answer(long status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  return r;
}

// Runs `probe` to its end against `server`; the requests it sent, and the error that stopped it.
std::vector<Request> Drive(Probe& probe, const Server& server, std::optional<RemoteError>* error = nullptr) {
  std::vector<Request> sent;
  Request r;
  while (sent.size() < 50 && probe.Next(&r)) {
    sent.push_back(r);
    Response answer = server(r);
    std::optional<RemoteError> e = probe.OnResponse(answer);
    if (e) {
      if (error != nullptr) *error = e;
      break;
    }
    r = Request();
  }
  return sent;
}

bool Has(const Request& r, const std::string& header) {
  for (const std::string& h : r.headers) {
    if (h == header) return true;
  }
  return false;
}

const purge::ListedObject* Find(const purge::Listing& l, const std::string& name) {
  for (const purge::ListedObject& o : l.objects) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

const char kBase[] = "http://api.test";
const char kFull1[] = "backup-full-2026-12-01-03-00-00-65f1a2b3c4d5e1.zip";
const char kFull2[] = "backup-full-2026-12-02-03-00-00-65f1a2b3c4d5e2.zip";

json Oauth(const char* type) {
  return {{"name", "h"}, {"type", type}, {"refresh_token", "r"}, {"client_id", "c"}, {"api_base_url", kBase},
          {"token_url", std::string(kBase) + "/token"}};
}

Response Token() { return Answer(200, {{"access_token", "fresh"}, {"expires_in", 3599}}); }

// Deletes `names` (each with `ids`) through `probe_of` against `server`; the items' outcomes.
std::vector<purge::Deletion> Delete(const std::function<std::unique_ptr<Probe>(std::vector<purge::Deletion*>)>& probe_of,
                                    std::vector<purge::Deletion> items, const Server& server,
                                    std::vector<Request>* sent = nullptr) {
  std::vector<purge::Deletion*> pointers;
  for (purge::Deletion& d : items) pointers.push_back(&d);
  std::unique_ptr<Probe> probe = probe_of(pointers);
  std::vector<Request> requests = Drive(*probe, server);
  if (sent != nullptr) *sent = requests;
  return items;
}

purge::Deletion Item(const std::string& name, std::vector<std::string> ids = {}) {
  purge::Deletion d;
  d.name = name;
  d.ids = std::move(ids);
  return d;
}

}  // namespace

TEST_CASE("Drive: files.list of the folder, paged, folders skipped, same-name files one archive", "[purge][hosted]") {
  json d = Oauth("gdrive");
  d["folder_id"] = "1AbC'x";
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(Parse(d), &listing);
  std::vector<Request> sent = Drive(*probe, [](const Request& r) {
    if (r.url == std::string(kBase) + "/token") return Token();
    if (r.url.find("pageToken=p2") == std::string::npos) {
      return Answer(200, {{"nextPageToken", "p2"},
                          {"files", {{{"id", "f1"}, {"name", kFull1}, {"size", "1000"}, {"mimeType", "application/zip"},
                                      {"modifiedTime", "2026-12-01T03:00:05.120Z"}},
                                     {{"id", "d1"}, {"name", "old"}, {"mimeType", "application/vnd.google-apps.folder"}}}}});
    }
    return Answer(200, {{"files", {{{"id", "f2"}, {"name", kFull2}, {"size", "2000"}, {"mimeType", "application/zip"}},
                                   {{"id", "f3"}, {"name", kFull1}, {"size", "5"}, {"mimeType", "application/zip"}}}}});
  });
  REQUIRE(sent.size() == 3);  // the token, two pages
  CHECK(sent[1].url ==
        "http://api.test/drive/v3/files?q=%271AbC%5C%27x%27%20in%20parents%20and%20trashed%20%3D%20false"
        "&pageSize=1000&supportsAllDrives=true&includeItemsFromAllDrives=true"
        "&fields=nextPageToken%2Cfiles%28id%2Cname%2Csize%2CmodifiedTime%2CmimeType%29");
  CHECK(Has(sent[1], "Authorization: Bearer fresh"));
  CHECK(sent[2].url.find("&pageToken=p2") != std::string::npos);
  CHECK(listing.errors.empty());
  REQUIRE(listing.objects.size() == 2);
  const purge::ListedObject* full1 = Find(listing, kFull1);
  REQUIRE(full1 != nullptr);
  CHECK(full1->ids == std::vector<std::string>{"f1", "f3"});
  CHECK(full1->size == 1005);
  CHECK(full1->mtime == 1796094005);  // 2026-12-01T03:00:05Z
}

TEST_CASE("Drive: a page token that does not advance fails the listing", "[purge][hosted]") {
  json d = Oauth("gdrive");
  d["folder_id"] = "F";
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(Parse(d), &listing);
  std::optional<RemoteError> error;
  Drive(*probe, [](const Request& r) {
    if (r.url.find("/token") != std::string::npos) return Token();
    return Answer(200, {{"nextPageToken", "same"}, {"files", json::array()}});
  }, &error);
  REQUIRE(error);
  CHECK(error->message.find("did not advance") != std::string::npos);
}

TEST_CASE("Drive deletes: one DELETE per file id, 404 already gone, 403 failed; one refresh per lane", "[purge][hosted]") {
  json d = Oauth("gdrive");
  d["folder_id"] = "F";
  const Destination& dest = Parse(d);
  std::vector<Request> sent;
  auto items = Delete([&](auto p) { return purge::MakeDeleteProbe(dest, p, 1, nullptr, nullptr); },
                      {Item("a.zip", {"f1", "f3"}), Item("b.zip", {"f2"}), Item("c.zip", {"f4"})},
                      [](const Request& r) {
                        if (r.url == std::string(kBase) + "/token") return Token();
                        if (r.url.find("/f2") != std::string::npos) return Answer(404, {{"error", {{"code", 404}}}});
                        if (r.url.find("/f4") != std::string::npos) {
                          return Answer(403, {{"error", {{"code", 403}, {"message", "The user does not have sufficient permissions"}}}});
                        }
                        return Answer(204, nullptr);
                      },
                      &sent);
  REQUIRE(sent.size() == 5);
  CHECK(sent[0].url == "http://api.test/token");
  CHECK(sent[1].method == "DELETE");
  CHECK(sent[1].url == "http://api.test/drive/v3/files/f1?supportsAllDrives=true");
  CHECK(sent[2].url == "http://api.test/drive/v3/files/f3?supportsAllDrives=true");
  CHECK(Has(sent[3], "Authorization: Bearer fresh"));
  CHECK(items[0].outcome == purge::Deletion::Outcome::kDeleted);
  CHECK(items[0].attempts == 2);
  CHECK(items[1].outcome == purge::Deletion::Outcome::kGone);
  CHECK(items[2].outcome == purge::Deletion::Outcome::kFailed);
  REQUIRE(items[2].error);
  CHECK(items[2].error->code == ErrorCode::kAuth);
  CHECK(items[2].error->message.find("sufficient permissions") != std::string::npos);
}

TEST_CASE("Dropbox: list_folder then continue with the cursor; files only; a missing folder is not_found", "[purge][hosted]") {
  json d = Oauth("dropbox");
  d["folder"] = "/Apps/bjlg/";
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(Parse(d), &listing);
  std::vector<Request> sent = Drive(*probe, [](const Request& r) {
    if (r.url.find("/token") != std::string::npos) return Token();
    if (r.url == std::string(kBase) + "/2/files/list_folder") {
      return Answer(200, {{"entries", {{{".tag", "file"}, {"name", kFull1}, {"id", "id:a"}, {"size", 1000},
                                        {"server_modified", "2026-12-01T03:00:09Z"}},
                                       {{".tag", "folder"}, {"name", "sub"}, {"id", "id:b"}}}},
                          {"cursor", "c1"}, {"has_more", true}});
    }
    return Answer(200, {{"entries", {{{".tag", "file"}, {"name", kFull2}, {"id", "id:c"}, {"size", 2000}},
                                     {{".tag", "deleted"}, {"name", "gone.zip"}}}},
                        {"cursor", "c2"}, {"has_more", false}});
  });
  REQUIRE(sent.size() == 3);
  CHECK(sent[1].method == "POST");
  CHECK(json::parse(sent[1].body) ==
        json({{"path", "/Apps/bjlg"}, {"recursive", false}, {"include_deleted", false}, {"limit", 2000}}));
  CHECK(sent[2].url == "http://api.test/2/files/list_folder/continue");
  CHECK(json::parse(sent[2].body) == json({{"cursor", "c1"}}));
  REQUIRE(listing.objects.size() == 2);
  CHECK(Find(listing, kFull1)->mtime == 1796094009);
  CHECK(Find(listing, kFull2)->size == 2000);

  purge::Listing missing;
  probe = purge::MakeListProbe(Parse(d), &missing);
  std::optional<RemoteError> error;
  Drive(*probe, [](const Request& r) {
    if (r.url.find("/token") != std::string::npos) return Token();
    return Answer(409, {{"error_summary", "path/not_found/.."}, {"error", {{".tag", "path"}}}});
  }, &error);
  REQUIRE(error);
  CHECK(error->code == ErrorCode::kNotFound);
  CHECK(error->message.find("path/not_found") != std::string::npos);
}

TEST_CASE("Dropbox deletes: delete_v2 by path, path_lookup/not_found already gone, other 409 failed", "[purge][hosted]") {
  json d = Oauth("dropbox");
  d["folder"] = "/Apps/bjlg";
  const Destination& dest = Parse(d);
  std::vector<Request> sent;
  auto items = Delete([&](auto p) { return purge::MakeDeleteProbe(dest, p, 1, nullptr, nullptr); },
                      {Item("a.zip"), Item("b.zip"), Item("c.zip")},
                      [](const Request& r) {
                        if (r.url.find("/token") != std::string::npos) return Token();
                        std::string path = json::parse(r.body)["path"];
                        if (path == "/Apps/bjlg/b.zip") {
                          return Answer(409, {{"error_summary", "path_lookup/not_found/.."}});
                        }
                        if (path == "/Apps/bjlg/c.zip") {
                          return Answer(409, {{"error_summary", "path_write/disallowed_name/"}});
                        }
                        return Answer(200, {{"metadata", {{".tag", "file"}, {"name", "a.zip"}}}});
                      },
                      &sent);
  REQUIRE(sent.size() == 4);
  CHECK(sent[1].url == "http://api.test/2/files/delete_v2");
  CHECK(json::parse(sent[1].body) == json({{"path", "/Apps/bjlg/a.zip"}}));
  CHECK(items[0].outcome == purge::Deletion::Outcome::kDeleted);
  CHECK(items[1].outcome == purge::Deletion::Outcome::kGone);
  CHECK(items[2].outcome == purge::Deletion::Outcome::kFailed);
  CHECK(items[2].error->message.find("path_write/disallowed_name") != std::string::npos);
}

TEST_CASE("OneDrive: children of the folder's path, @odata.nextLink pages on the API's origin only", "[purge][hosted]") {
  json d = Oauth("onedrive");
  d["folder"] = "/Backups/site a";
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(Parse(d), &listing);
  std::vector<Request> sent = Drive(*probe, [](const Request& r) {
    if (r.url.find("/token") != std::string::npos) return Token();
    if (r.url.find("skiptoken") == std::string::npos) {
      return Answer(200, {{"value", {{{"id", "i1"}, {"name", kFull1}, {"size", 1000}, {"file", json::object()},
                                      {"lastModifiedDateTime", "2026-12-01T03:00:07Z"}},
                                     {{"id", "i2"}, {"name", "sub"}, {"size", 99}, {"folder", {{"childCount", 1}}}}}},
                          {"@odata.nextLink", std::string(kBase) + "/v1.0/me/drive/items/x/children?$skiptoken=s2"}});
    }
    return Answer(200, {{"value", {{{"id", "i3"}, {"name", kFull2}, {"size", 2000}, {"file", json::object()}}}}});
  });
  REQUIRE(sent.size() == 3);
  CHECK(sent[1].url ==
        "http://api.test/v1.0/me/drive/root:/Backups/site%20a:/children?$select=id,name,size,lastModifiedDateTime,file,"
        "folder&$top=200");
  CHECK(sent[2].url == "http://api.test/v1.0/me/drive/items/x/children?$skiptoken=s2");
  REQUIRE(listing.objects.size() == 2);
  CHECK(Find(listing, kFull1)->ids == std::vector<std::string>{"i1"});
  CHECK(Find(listing, kFull1)->mtime == 1796094007);

  purge::Listing elsewhere;
  probe = purge::MakeListProbe(Parse(d), &elsewhere);
  std::optional<RemoteError> error;
  sent = Drive(*probe, [](const Request& r) {
    if (r.url.find("/token") != std::string::npos) return Token();
    return Answer(200, {{"value", json::array()}, {"@odata.nextLink", "https://evil.example/v1.0/next"}});
  }, &error);
  REQUIRE(error);
  CHECK(error->message.find("leaves api.test") != std::string::npos);
  CHECK(sent.size() == 2);  // the token never went to the other host
}

TEST_CASE("OneDrive deletes: DELETE items/{id}, 404 already gone", "[purge][hosted]") {
  json d = Oauth("onedrive");
  d["folder"] = "/Backups";
  const Destination& dest = Parse(d);
  std::vector<Request> sent;
  auto items = Delete([&](auto p) { return purge::MakeDeleteProbe(dest, p, 1, nullptr, nullptr); },
                      {Item("a.zip", {"i1"}), Item("b.zip", {"i2"})},
                      [](const Request& r) {
                        if (r.url.find("/token") != std::string::npos) return Token();
                        if (r.url.find("/i2") != std::string::npos) {
                          return Answer(404, {{"error", {{"code", "itemNotFound"}, {"message", "not found"}}}});
                        }
                        return Answer(204, nullptr);
                      },
                      &sent);
  REQUIRE(sent.size() == 3);
  CHECK(sent[1].method == "DELETE");
  CHECK(sent[1].url == "http://api.test/v1.0/me/drive/items/i1");
  CHECK(items[0].outcome == purge::Deletion::Outcome::kDeleted);
  CHECK(items[1].outcome == purge::Deletion::Outcome::kGone);
}

TEST_CASE("pCloud: listfolder by path or folder id, result codes read, files by fileid", "[purge][hosted]") {
  json d = {{"name", "p"}, {"type", "pcloud"}, {"access_token", "static"}, {"api_base_url", kBase},
            {"folder", "/Backups"}};
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(Parse(d), &listing);
  std::vector<Request> sent = Drive(*probe, [](const Request&) {
    return Answer(200, {{"result", 0},
                        {"metadata", {{"name", "Backups"}, {"isfolder", true}, {"folderid", 7},
                                      {"contents", {{{"name", kFull1}, {"isfolder", false}, {"fileid", 11}, {"size", 1000},
                                                     {"modified", "Tue, 01 Dec 2026 03:00:04 +0000"}},
                                                    {{"name", "sub"}, {"isfolder", true}, {"folderid", 8}}}}}}});
  });
  REQUIRE(sent.size() == 1);  // a static token: no refresh
  CHECK(sent[0].url == "http://api.test/listfolder?path=/Backups");
  CHECK(Has(sent[0], "Authorization: Bearer static"));
  REQUIRE(listing.objects.size() == 1);
  CHECK(listing.objects[0].ids == std::vector<std::string>{"11"});
  CHECK(listing.objects[0].mtime == 1796094004);

  d.erase("folder");
  d["folder_id"] = "7";
  purge::Listing missing;
  probe = purge::MakeListProbe(Parse(d), &missing);
  std::optional<RemoteError> error;
  sent = Drive(*probe, [](const Request&) { return Answer(200, {{"result", 2005}, {"error", "Directory does not exist."}}); },
               &error);
  CHECK(sent[0].url == "http://api.test/listfolder?folderid=7");
  REQUIRE(error);
  CHECK(error->code == ErrorCode::kNotFound);
  CHECK(error->message.find("result 2005") != std::string::npos);
}

TEST_CASE("pCloud deletes: deletefile by fileid, result 2009 already gone, 2094 auth", "[purge][hosted]") {
  const Destination& dest = Parse({{"name", "p"}, {"type", "pcloud"}, {"access_token", "static"},
                                   {"api_base_url", kBase}, {"folder", "/Backups"}});
  std::vector<Request> sent;
  auto items = Delete([&](auto p) { return purge::MakeDeleteProbe(dest, p, 1, nullptr, nullptr); },
                      {Item("a.zip", {"11"}), Item("b.zip", {"12"}), Item("c.zip", {"13"})},
                      [](const Request& r) {
                        if (r.url.find("=12") != std::string::npos) return Answer(200, {{"result", 2009}, {"error", "File not found."}});
                        if (r.url.find("=13") != std::string::npos) return Answer(200, {{"result", 2094}, {"error", "Invalid 'access_token' provided."}});
                        return Answer(200, {{"result", 0}, {"metadata", {{"isdeleted", true}}}});
                      },
                      &sent);
  REQUIRE(sent.size() == 3);
  CHECK(sent[0].url == "http://api.test/deletefile?fileid=11");
  CHECK(items[0].outcome == purge::Deletion::Outcome::kDeleted);
  CHECK(items[1].outcome == purge::Deletion::Outcome::kGone);
  CHECK(items[2].outcome == purge::Deletion::Outcome::kFailed);
  CHECK(items[2].error->code == ErrorCode::kAuth);
}

TEST_CASE("B2: every version of a visible name is one archive; a hidden name is not listed", "[purge][hosted]") {
  const Destination& dest = Parse({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "s"},
                                   {"bucket_id", "bk"}, {"prefix", "site/"}, {"page_size", 2}, {"api_base_url", kBase}});
  purge::Listing listing;
  std::unique_ptr<Probe> probe = purge::MakeListProbe(dest, &listing);
  auto file = [](const std::string& name, const char* id, const char* action, uint64_t size, int64_t ms) {
    return json{{"fileName", "site/" + name}, {"fileId", id}, {"action", action}, {"contentLength", size},
                {"uploadTimestamp", ms}};
  };
  std::vector<Request> sent = Drive(*probe, [&](const Request& r) {
    if (r.url.find("b2_authorize_account") != std::string::npos) {
      return Answer(200, {{"accountId", "acc"}, {"authorizationToken", "tok"}, {"apiUrl", "http://api2.test"}});
    }
    json body = json::parse(r.body);
    if (!body.contains("startFileName")) {  // newest first within a name
      return Answer(200, {{"files", {file(kFull1, "v3", "upload", 30, 1796785300000), file(kFull1, "v2", "hide", 0, 1796785200000)}},
                          {"nextFileName", "site/" + std::string(kFull1)}, {"nextFileId", "v1"}});
    }
    return Answer(200, {{"files", {file(kFull1, "v1", "upload", 10, 1796785100000), file(kFull2, "h1", "hide", 0, 1796871700000),
                                   file(kFull2, "u1", "upload", 20, 1796871600000), file("big.zip", "s1", "start", 0, 1)}},
                        {"nextFileName", nullptr}});
  });
  REQUIRE(sent.size() == 3);
  CHECK(sent[1].url == "http://api2.test/b2api/v2/b2_list_file_versions");
  CHECK(Has(sent[1], "Authorization: tok"));
  CHECK(json::parse(sent[1].body) == json({{"bucketId", "bk"}, {"maxFileCount", 2}, {"prefix", "site/"}}));
  CHECK(json::parse(sent[2].body)["startFileId"] == "v1");
  CHECK(listing.errors.empty());
  REQUIRE(listing.objects.size() == 1);  // kFull2's newest version is a hide marker; big.zip unfinished
  const purge::ListedObject& o = listing.objects[0];
  CHECK(o.name == "site/" + std::string(kFull1));
  CHECK(o.ids == std::vector<std::string>{"v3", "v2", "v1"});
  CHECK(o.size == 40);
  CHECK(o.mtime == 1796785300);
}

TEST_CASE("B2 deletes: b2_delete_file_version for every version; file_not_present is gone; 401 fails", "[purge][hosted]") {
  const Destination& dest = Parse({{"name", "b"}, {"type", "b2"}, {"key_id", "k"}, {"application_key", "s"},
                                   {"bucket", "site-backups"}, {"api_base_url", kBase}});
  std::vector<Request> sent;
  auto items = Delete([&](auto p) { return purge::MakeDeleteProbe(dest, p, 1, nullptr, nullptr); },
                      {Item("site/a.zip", {"v2", "v1"}), Item("site/b.zip", {"u1"}), Item("site/c.zip", {"w1"})},
                      [](const Request& r) {
                        if (r.url.find("b2_authorize_account") != std::string::npos) {
                          return Answer(200, {{"accountId", "acc"}, {"authorizationToken", "tok"}, {"apiUrl", "http://api2.test"}});
                        }
                        if (r.url.find("b2_list_buckets") != std::string::npos) {
                          return Answer(200, {{"buckets", {{{"bucketId", "bk"}, {"bucketName", "site-backups"}}}}});
                        }
                        std::string id = json::parse(r.body)["fileId"];
                        if (id == "v1" || id == "u1") {
                          return Answer(400, {{"status", 400}, {"code", "file_not_present"}, {"message", "File not present: " + id}});
                        }
                        if (id == "w1") return Answer(401, {{"status", 401}, {"code", "unauthorized"}, {"message", "no deleteFiles"}});
                        return Answer(200, {{"fileId", id}, {"fileName", "site/a.zip"}});
                      },
                      &sent);
  REQUIRE(sent.size() == 6);  // authorize, list_buckets, then a.zip's two versions, b, c
  CHECK(sent[2].url == "http://api2.test/b2api/v2/b2_delete_file_version");
  CHECK(json::parse(sent[2].body) == json({{"fileName", "site/a.zip"}, {"fileId", "v2"}}));
  CHECK(json::parse(sent[3].body)["fileId"] == "v1");
  CHECK(Has(sent[3], "Authorization: tok"));
  CHECK(items[0].outcome == purge::Deletion::Outcome::kDeleted);  // one version deleted, the other already gone
  CHECK(items[1].outcome == purge::Deletion::Outcome::kGone);
  CHECK(items[2].outcome == purge::Deletion::Outcome::kFailed);
  CHECK(items[2].error->code == ErrorCode::kAuth);
  CHECK(items[2].error->message.find("unauthorized") != std::string::npos);
}

TEST_CASE("a refused token refresh fails the lane: nothing is deleted", "[purge][hosted]") {
  json d = Oauth("onedrive");
  d["folder"] = "/Backups";
  const Destination& dest = Parse(d);
  std::vector<purge::Deletion> items = {Item("a.zip", {"i1"})};
  std::vector<purge::Deletion*> pointers = {&items[0]};
  std::unique_ptr<Probe> probe = purge::MakeDeleteProbe(dest, pointers, 1, nullptr, nullptr);
  std::optional<RemoteError> error;
  std::vector<Request> sent = Drive(*probe, [](const Request&) { return Answer(400, {{"error", "invalid_grant"}}); }, &error);
  CHECK(sent.size() == 1);
  REQUIRE(error);
  CHECK(error->code == ErrorCode::kAuth);
  CHECK(items[0].outcome == purge::Deletion::Outcome::kPending);
}

TEST_CASE("a hosted destination is purged only in its folder", "[purge][hosted]") {
  std::vector<Destination> ds = {Parse({{"name", "drive"}, {"type", "gdrive"}, {"access_token", "t"}}),
                                 Parse({{"name", "box"}, {"type", "dropbox"}, {"access_token", "t"}}),
                                 Parse({{"name", "one"}, {"type", "onedrive"}, {"access_token", "t"}}),
                                 Parse({{"name", "pc"}, {"type", "pcloud"}, {"access_token", "t"}})};
  purge::PurgeOptions o;
  o.now = 1796515200;
  bjlg::Result<json> plan = purge::Plan(ds, purge::Policy(), bjlg::cron::TimeZone(), o);
  REQUIRE(plan.ok());
  for (const auto& [name, key] : std::vector<std::pair<std::string, std::string>>{
           {"drive", "folder_id"}, {"box", "folder"}, {"one", "folder"}, {"pc", "folder"}}) {
    const json& entry = (*plan)["destinations"][name];
    CHECK(entry["ok"] == false);
    CHECK(entry["error"]["code"] == "rejected");
    CHECK(entry["error"]["message"].get<std::string>().find("needs the key '" + key + "'") != std::string::npos);
  }
  CHECK((*plan)["totals"]["failed_destinations"] == 4);
}

TEST_CASE("folder keys: a path from the root, never the root itself", "[purge][hosted]") {
  bjlg::quota::ParseOptions options;
  auto refused = [&](json d) {
    auto parsed = bjlg::quota::ParseDestinations(json::array({d}), options);
    return parsed.ok() ? std::string() : parsed.status().message();
  };
  CHECK(refused({{"name", "b"}, {"type", "dropbox"}, {"access_token", "t"}, {"folder", "/"}}).find("key 'folder'") !=
        std::string::npos);
  CHECK(refused({{"name", "b"}, {"type", "dropbox"}, {"access_token", "t"}, {"folder", "Apps"}}) != "");
  CHECK(refused({{"name", "b"}, {"type", "onedrive"}, {"access_token", "t"}, {"folder", "/Backups"}}) == "");
  CHECK(refused({{"name", "g"}, {"type", "gdrive"}, {"access_token", "t"}, {"folder_id", "root"}}) != "");
  CHECK(refused({{"name", "p"}, {"type", "pcloud"}, {"access_token", "t"}, {"folder_id", "0"}}).find("not the root") !=
        std::string::npos);
  CHECK(refused({{"name", "p"}, {"type", "pcloud"}, {"access_token", "t"}, {"folder_id", "12"}}) == "");
  CHECK(refused({{"name", "s"}, {"type", "s3"}, {"bucket", "b"}, {"access_key", "a"}, {"secret_key", "s"},
                 {"folder", "/x"}}) != "");  // not an S3 key
}
