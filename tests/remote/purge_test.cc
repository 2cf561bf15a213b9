// Purge::Plan and Purge::Run on local folders: what goes, what stays, and the safety rules
// (stale plans, changed destinations, archives gone, the journal, cancellation). The same code
// against S3, Azure and WebDAV servers: tests/purge/integration.php.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "../crypto/test_files.h"
#include "common/time.h"
#include "remote/purge/purge.h"

namespace purge = bjlg::remote::purge;
using bjlg::quota::Destination;
using bjlg::quota::DestinationType;
using bjlg::crypto::testing::ScratchDir;
using nlohmann::json;

namespace {

constexpr int64_t kNow = 1796515200;  // 2026-12-04T00:00:00Z

// Daily full backups of the `days` days before kNow, 03:00 UTC, and a stranger's file.
void Seed(const ScratchDir& dir, int days) {
  for (int d = 1; d <= days; ++d) {
    int64_t t = kNow - d * 86400 + 3 * 3600;
    std::string stamp = bjlg::FormatUtcIso8601(t).substr(0, 19);
    for (char& c : stamp) c = (c == 'T' || c == ':') ? '-' : c;
    std::ofstream(dir / ("backup-full-" + stamp + "-65f1a2b3c4d5e" + std::to_string(d) + ".zip")) << "archive " << d;
  }
  std::ofstream(dir / "notes.txt") << "not a backup";
}

Destination Local(const std::string& name, const std::string& path) {
  Destination d;
  d.name = name;
  d.type = DestinationType::kLocal;
  d.text = {{"name", name}, {"type", "local"}, {"path", path}};
  return d;
}

purge::Policy KeepLast(int64_t n) {
  purge::Policy p;
  p.keep_last = n;
  return p;
}

purge::PurgeOptions Options() {
  purge::PurgeOptions o;
  o.now = kNow;
  return o;
}

json PlanOf(const std::vector<Destination>& ds, const purge::Policy& p) {
  bjlg::Result<json> plan = purge::Plan(ds, p, bjlg::cron::TimeZone(), Options());
  REQUIRE(plan.ok());
  return *plan;
}

size_t Count(const ScratchDir& dir) { return dir.List().size(); }

}  // namespace

TEST_CASE("a plan deletes what the policy does not keep and never touches foreign files", "[purge]") {
  ScratchDir dir;
  Seed(dir, 10);
  json plan = PlanOf({Local("nas", dir.path())}, KeepLast(3));
  const json& nas = plan["destinations"]["nas"];
  CHECK(nas["ok"] == true);
  CHECK(nas["listed"] == 11);
  CHECK(nas["keep"].size() == 3);
  CHECK(nas["delete"].size() == 7);
  REQUIRE(nas["foreign"].size() == 1);
  CHECK(nas["foreign"][0]["name"] == "notes.txt");
  CHECK(plan["totals"]["delete"] == 7);
  CHECK(Count(dir) == 11);  // a plan deletes nothing
}

TEST_CASE("a destination that cannot be listed or purged deletes nothing and others proceed", "[purge]") {
  ScratchDir dir;
  Seed(dir, 4);
  Destination drive;
  drive.name = "drive";
  drive.type = DestinationType::kGdrive;
  std::vector<Destination> ds = {Local("gone", dir / "missing"), drive, Local("nas", dir.path())};
  json plan = PlanOf(ds, KeepLast(1));
  CHECK(plan["destinations"]["gone"]["ok"] == false);
  CHECK(plan["destinations"]["gone"]["error"]["code"] == "not_found");
  CHECK(plan["destinations"]["drive"]["error"]["code"] == "rejected");
  CHECK(plan["totals"]["failed_destinations"] == 2);
  bjlg::Result<json> run = purge::Run(plan, ds, Options());
  REQUIRE(run.ok());
  CHECK((*run)["deleted"] == 3);
  CHECK(Count(dir) == 2);
}

TEST_CASE("run deletes exactly the plan's archives and reports one event each", "[purge]") {
  ScratchDir dir;
  Seed(dir, 10);
  std::vector<Destination> ds = {Local("nas", dir.path())};
  json plan = PlanOf(ds, KeepLast(3));
  purge::PurgeOptions o = Options();
  o.parallel = 3;
  bjlg::Result<json> run = purge::Run(plan, ds, o);
  REQUIRE(run.ok());
  CHECK((*run)["deleted"] == 7);
  CHECK((*run)["failed"] == 0);
  REQUIRE((*run)["events"].size() == 7);
  for (const json& e : (*run)["events"]) {
    CHECK(e["status"] == "completed");
    CHECK(e["outcome"] == "deleted");
    CHECK(e["destination"] == "nas");
    CHECK(e["attempts"] == 1);
    CHECK(e["finished_at"].get<int64_t>() >= e["queued_at"].get<int64_t>());
  }
  std::set<std::string> left;
  for (const std::string& n : dir.List()) left.insert(n);
  CHECK(left.count("notes.txt") == 1);
  for (const json& k : plan["destinations"]["nas"]["keep"]) CHECK(left.count(k["name"].get<std::string>()) == 1);
  CHECK(left.size() == 4);
}

TEST_CASE("run refuses a stale plan and a destination whose kept archives changed", "[purge]") {
  ScratchDir dir;
  Seed(dir, 5);
  std::vector<Destination> ds = {Local("nas", dir.path())};
  json plan = PlanOf(ds, KeepLast(2));

  purge::PurgeOptions late = Options();
  late.now = kNow + 3601;
  bjlg::Result<json> stale = purge::Run(plan, ds, late);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().message().find("3601 s old") != std::string::npos);

  std::string kept = plan["destinations"]["nas"]["keep"][0]["name"];
  REQUIRE(std::remove((dir / kept).c_str()) == 0);
  bjlg::Result<json> run = purge::Run(plan, ds, Options());
  REQUIRE(run.ok());
  CHECK((*run)["deleted"] == 0);
  CHECK((*run)["failed"] == 3);
  CHECK((*run)["destinations"]["nas"]["error"]["message"].get<std::string>().find("changed since the plan") !=
        std::string::npos);
  CHECK(Count(dir) == 5);  // 4 archives and the notes: nothing deleted
}

TEST_CASE("an archive deleted by someone else counts as done", "[purge]") {
  ScratchDir dir;
  Seed(dir, 5);
  std::vector<Destination> ds = {Local("nas", dir.path())};
  json plan = PlanOf(ds, KeepLast(2));
  std::string doomed = plan["destinations"]["nas"]["delete"][0]["name"];
  REQUIRE(std::remove((dir / doomed).c_str()) == 0);
  bjlg::Result<json> run = purge::Run(plan, ds, Options());
  REQUIRE(run.ok());
  CHECK((*run)["deleted"] == 2);
  CHECK((*run)["already_gone"] == 1);
  CHECK((*run)["failed"] == 0);
}

TEST_CASE("a cancelled run resumes from its journal without repeating a deletion", "[purge]") {
  ScratchDir dir, state;
  Seed(dir, 12);
  std::vector<Destination> ds = {Local("nas", dir.path())};
  json plan = PlanOf(ds, KeepLast(2));
  purge::PurgeOptions o = Options();
  o.journal = state / "journal.jsonl";
  o.parallel = 1;
  o.progress = [](const bjlg::Progress& p) { return !(p.phase == "purge" && p.done >= 4); };
  bjlg::Result<json> first = purge::Run(plan, ds, o);
  REQUIRE_FALSE(first.ok());
  CHECK(first.status().code() == bjlg::Status::Code::kCancelled);
  CHECK(first.status().message().find("journal") != std::string::npos);
  CHECK(Count(dir) == 13 - 4);  // the callback said stop at the 4th deletion

  o.progress = nullptr;
  bjlg::Result<json> second = purge::Run(plan, ds, o);
  REQUIRE(second.ok());
  CHECK((*second)["deleted"] == 10);  // those of the first run (from the journal) and the rest
  CHECK((*second)["failed"] == 0);
  CHECK(Count(dir) == 3);
  // Every archive has exactly one outcome in the journal.
  std::ifstream in(o.journal);
  std::multiset<std::string> done;
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (j.contains("done")) done.insert(j["archive"].get<std::string>());
  }
  CHECK(done.size() == 10);
  for (const std::string& name : done) CHECK(done.count(name) == 1);
}

TEST_CASE("a journal belongs to one plan; a torn last line is redone", "[purge]") {
  ScratchDir dir, state;
  Seed(dir, 6);
  std::vector<Destination> ds = {Local("nas", dir.path())};
  purge::PurgeOptions o = Options();
  o.journal = state / "journal.jsonl";
  std::ofstream(o.journal) << "{\"plan\":\"0123\"}\n";
  bjlg::Result<json> other = purge::Run(PlanOf(ds, KeepLast(2)), ds, o);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message().rfind("option \"journal\": ", 0) == 0);
  CHECK(Count(dir) == 7);

  std::remove(o.journal.c_str());
  json plan = PlanOf(ds, KeepLast(2));
  REQUIRE(purge::Run(plan, ds, o).ok());
  std::ofstream(o.journal, std::ios::app) << "{\"done\":\"nas\",\"arch";  // killed mid-write
  bjlg::Result<json> again = purge::Run(plan, ds, o);
  REQUIRE(again.ok());
  CHECK((*again)["deleted"] == 4);
}

TEST_CASE("purge options and plans are checked", "[purge]") {
  ScratchDir dir;
  std::vector<Destination> ds = {Local("nas", dir.path())};
  purge::PurgeOptions o = Options();
  o.parallel = 0;
  CHECK(o.Validate().message() == "option \"parallel\" must be between 1 and 64");
  o = Options();
  o.batch_size = 1001;
  CHECK_FALSE(o.Validate().ok());
  CHECK_FALSE(purge::Run(json::array(), ds, Options()).ok());
  json plan = PlanOf(ds, KeepLast(1));
  plan["destinations"]["elsewhere"] = {{"type", "local"}, {"delete", json::array({{{"name", "x"}, {"size", 1}}})}};
  bjlg::Result<json> unknown = purge::Run(plan, ds, Options());
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message() == "plan destination 'elsewhere' is not among the destinations given");
  plan = PlanOf(ds, KeepLast(1));
  plan["destinations"]["nas"]["delete"] = json::array({{{"name", "x"}, {"size", -1}}});
  CHECK(purge::Run(plan, ds, Options()).status().message() == "plan destination 'nas'.delete[0].size must be an integer >= 0");
}
