// The retention engine read as its specification: archive names, restic's bucket rules at their
// calendar boundaries (ISO weeks across a year end, DST weeks and days), chains of incrementals,
// max_age_days, min_keep, keep_verified, foreign files, and the reasons in words.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>

#include "cron/calendar.h"
#include "remote/purge/archive_name.h"
#include "remote/purge/retention.h"
#include "remote/purge/retention_words.h"

using namespace bjlg::remote::purge;
using bjlg::cron::TimeZone;
using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;

int64_t At(int y, unsigned m, unsigned d, int hh = 12, int mm = 0, int ss = 0) {
  return bjlg::cron::DaysFromCivil(y, m, d) * kDay + hh * 3600 + mm * 60 + ss;
}

// The plugin's name for an archive made at `t` (UTC).
std::string Name(const std::string& prefix, int64_t t, const std::string& uniq = "6751a2b3c4d5e12345678") {
  const bjlg::cron::CivilDate c = bjlg::cron::CivilFromDays(bjlg::cron::FloorDiv(t, kDay));
  const int64_t s = t - bjlg::cron::FloorDiv(t, kDay) * kDay;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u-%02d-%02d-%02d", c.year, c.month, c.day, static_cast<int>(s / 3600),
                static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
  return prefix + buf + "-" + uniq + ".zip";
}
std::string Full(int64_t t) { return Name("backup-full-", t); }
std::string Incr(int64_t t) { return Name("incremental-full-", t); }

Archive A(const std::string& name, uint64_t size = 100, bool verified = false) {
  Archive a;
  a.name = name;
  a.size = size;
  a.verified = verified;
  return a;
}

// name -> first rule code, for every backup archive; "delete:" prefixed for deleted ones.
std::map<std::string, std::string> Verdicts(const RetentionResult& r) {
  std::map<std::string, std::string> m;
  for (const Verdict& v : r.keep) m[v.name] = RuleCode(v.reasons.front().rule);
  for (const Verdict& v : r.remove) m[v.name] = std::string("delete:") + RuleCode(v.reasons.front().rule);
  return m;
}

RetentionResult Run(const std::vector<Archive>& archives, const Policy& p, int64_t now,
                    const TimeZone& zone = TimeZone()) {
  bjlg::Result<RetentionResult> r = Evaluate(archives, p, zone, now);
  REQUIRE(r.ok());
  return std::move(*r);
}

TimeZone Paris() {
  bjlg::Result<TimeZone> z = TimeZone::Named("Europe/Paris");
  REQUIRE(z.ok());
  return *z;
}

}  // namespace

TEST_CASE("archive names: the plugin's and bjlg's are backups, anything else is foreign", "[purge]") {
  const ArchiveName full = ParseArchiveName("backup-full-2026-12-04-16-56-48-6751a2b3c4d5e12345678.zip");
  CHECK(full.kind == ArchiveKind::kFull);
  CHECK(full.time == At(2026, 12, 4, 16, 56, 48));
  CHECK(full.components == "full");
  CHECK_FALSE(full.encrypted);

  const ArchiveName partial = ParseArchiveName("site/1/backup-db-uploads-2026-01-02-03-04-05-abc123.zip.enc");
  CHECK(partial.kind == ArchiveKind::kFull);
  CHECK(partial.components == "db-uploads");
  CHECK(partial.encrypted);

  const ArchiveName incr = ParseArchiveName("incremental-full-2026-12-05-00-00-00-5f0e1d2c3b4a912345678.zip");
  CHECK(incr.kind == ArchiveKind::kIncremental);
  CHECK(incr.time == At(2026, 12, 5, 0));

  // bjlg's WordPress plugin writes backup-full-{Ymd}-{His}-{random}.zip (Backup_Store::archive_name).
  const ArchiveName ours = ParseArchiveName("backup-full-20261206-030000-ab12cd.zip");
  CHECK(ours.kind == ArchiveKind::kFull);
  CHECK(ours.time == At(2026, 12, 6, 3, 0, 0));
  CHECK(ours.components == "full");
  CHECK(ParseArchiveName("backup-full-20261206-030000-ab12cd.zip.enc").encrypted);

  CHECK(ParseArchiveName("pre-restore-backup-2026-12-04-10-00-00.zip").kind == ArchiveKind::kStandalone);
  CHECK(ParseArchiveName("pre-restore-backup-2026-12-04-10-00-00-2.zip").kind == ArchiveKind::kStandalone);

  for (const char* foreign : {"notes.txt", "backup-full-2026-13-04-16-56-48-abc.zip",  // month 13
                              "backup-full-2026-02-30-16-56-48-abc.zip",               // no 30 February
                              "backup-full-2026-12-04-24-00-00-abc.zip",               // hour 24
                              "backup-cache-2026-12-04-16-56-48-abc.zip",              // not a component
                              "backup-full-2026-12-04-16-56-48.zip",                   // no uniqid
                              "backup-full-2026-12-04-16-56-48-abc.zip.tmp", "restore_5f0e1d2c_site.zip",
                              ".bjlg-partial-Ab12Cd", "backup-2026-12-04-16-56-48-abc.zip",
                              "pre-restore-backup-2026-12-04-10-00-00-x.zip", ".zip", "incremental-full-.zip",
                              "backup-full-20261306-030000-ab12cd.zip",                // month 13
                              "backup-20261206-030000-ab12cd.zip",                     // no component
                              "backup-full-2026126-030000-ab12cd.zip",                 // 7 digits
                              "backup-full-20261206-030000.zip"}) {                    // no random part
    INFO(foreign);
    CHECK(ParseArchiveName(foreign).kind == ArchiveKind::kForeign);
  }
}

TEST_CASE("keep_last keeps the N newest, the others go with no rule", "[purge]") {
  std::vector<Archive> in;
  for (int d = 1; d <= 10; ++d) in.push_back(A(Full(At(2026, 3, d))));
  Policy p;
  p.keep_last = 3;
  RetentionResult r = Run(in, p, At(2026, 3, 11));
  REQUIRE(r.keep.size() == 3);
  CHECK(r.keep[0].name == Full(At(2026, 3, 10)));
  CHECK(r.keep[2].name == Full(At(2026, 3, 8)));
  REQUIRE(r.remove.size() == 7);
  CHECK(r.remove.front().name == Full(At(2026, 3, 7)));
  CHECK(r.remove.front().reasons.front().rule == Rule::kNoRule);
  CHECK(r.bytes_freed == 700);
}

TEST_CASE("keep_daily keeps the newest of each of the N most recent days that have archives", "[purge]") {
  std::vector<Archive> in = {A(Full(At(2026, 3, 10, 23, 59, 59))), A(Full(At(2026, 3, 10, 0, 0, 0))),
                             A(Full(At(2026, 3, 8, 6))), A(Full(At(2026, 3, 1, 6)))};
  Policy p;
  p.keep_daily = 2;
  auto v = Verdicts(Run(in, p, At(2026, 3, 11)));
  CHECK(v[Full(At(2026, 3, 10, 23, 59, 59))] == "keep_daily");
  CHECK(v[Full(At(2026, 3, 10, 0, 0, 0))] == "delete:no_rule");  // same day, older
  CHECK(v[Full(At(2026, 3, 8, 6))] == "keep_daily");             // the gap days do not count
  CHECK(v[Full(At(2026, 3, 1, 6))] == "delete:no_rule");
}

TEST_CASE("keep_weekly uses ISO weeks: the last days of December may belong to week 53", "[purge]") {
  // 2026 starts on a Thursday: it has 53 ISO weeks, Monday 28 Dec 2026 to Sunday 3 Jan 2027.
  std::vector<Archive> in = {A(Full(At(2027, 1, 4))), A(Full(At(2027, 1, 3))), A(Full(At(2026, 12, 28))),
                             A(Full(At(2026, 12, 27)))};
  Policy p;
  p.keep_weekly = 2;
  RetentionResult r = Run(in, p, At(2027, 1, 5));
  auto v = Verdicts(r);
  CHECK(v[Full(At(2027, 1, 4))] == "keep_weekly");
  CHECK(v[Full(At(2027, 1, 3))] == "keep_weekly");
  CHECK(v[Full(At(2026, 12, 28))] == "delete:no_rule");
  CHECK(v[Full(At(2026, 12, 27))] == "delete:no_rule");
  REQUIRE(r.keep.size() == 2);
  CHECK(r.keep[0].reasons[0].detail == "2027-W01");
  CHECK(r.keep[1].reasons[0].detail == "2026-W53");
}

TEST_CASE("weeks and days are the policy zone's, across DST changes", "[purge]") {
  // Europe/Paris moves to summer time on Sunday 29 March 2026: 22:30Z is already Monday 00:30.
  const int64_t sunday_late = At(2026, 3, 29, 21, 30);  // 23:30 CEST, Sunday (week 13)
  const int64_t monday = At(2026, 3, 29, 22, 30);       // 00:30 CEST, Monday (week 14)
  std::vector<Archive> in = {A(Full(monday)), A(Full(sunday_late))};
  Policy p;
  p.keep_weekly = 2;
  auto paris = Verdicts(Run(in, p, At(2026, 4, 1), Paris()));
  CHECK(paris[Full(sunday_late)] == "keep_weekly");
  CHECK(paris[Full(monday)] == "keep_weekly");
  auto utc = Verdicts(Run(in, p, At(2026, 4, 1)));
  CHECK(utc[Full(sunday_late)] == "delete:no_rule");  // in UTC both are Sunday of week 13

  // Back to winter time on 25 October 2026: 22:30Z is 23:30 CET, still the 25th (the summer
  // offset would have made it the 26th).
  std::vector<Archive> fall = {A(Full(At(2026, 10, 25, 22, 30))), A(Full(At(2026, 10, 25, 21, 59))),
                               A(Full(At(2026, 10, 24, 12)))};
  Policy daily;
  daily.keep_daily = 2;
  RetentionResult r = Run(fall, daily, At(2026, 10, 27), Paris());
  auto v = Verdicts(r);
  CHECK(v[Full(At(2026, 10, 25, 22, 30))] == "keep_daily");
  CHECK(v[Full(At(2026, 10, 25, 21, 59))] == "delete:no_rule");
  CHECK(v[Full(At(2026, 10, 24, 12))] == "keep_daily");
  CHECK(r.keep[0].reasons[0].detail == "2026-10-25");
}

TEST_CASE("keep_monthly and keep_yearly cut at midnight of the first day", "[purge]") {
  std::vector<Archive> in = {A(Full(At(2026, 2, 1, 0, 0, 0))), A(Full(At(2026, 1, 31, 23, 59, 59))),
                             A(Full(At(2026, 1, 1, 0, 0, 0))), A(Full(At(2025, 12, 31, 23, 59, 59))),
                             A(Full(At(2024, 6, 1)))};
  Policy p;
  p.keep_monthly = 2;
  auto v = Verdicts(Run(in, p, At(2026, 2, 2)));
  CHECK(v[Full(At(2026, 2, 1, 0, 0, 0))] == "keep_monthly");
  CHECK(v[Full(At(2026, 1, 31, 23, 59, 59))] == "keep_monthly");
  CHECK(v[Full(At(2026, 1, 1, 0, 0, 0))] == "delete:no_rule");
  CHECK(v[Full(At(2025, 12, 31, 23, 59, 59))] == "delete:no_rule");

  Policy y;
  y.keep_yearly = 3;
  auto w = Verdicts(Run(in, y, At(2026, 2, 2)));
  CHECK(w[Full(At(2026, 2, 1, 0, 0, 0))] == "keep_yearly");
  CHECK(w[Full(At(2026, 1, 31, 23, 59, 59))] == "delete:no_rule");
  CHECK(w[Full(At(2025, 12, 31, 23, 59, 59))] == "keep_yearly");
  CHECK(w[Full(At(2024, 6, 1))] == "keep_yearly");
}

TEST_CASE("rules combine as restic's: an archive kept by any rule stays, every reason is listed", "[purge]") {
  std::vector<Archive> in;
  for (int d = 1; d <= 20; ++d) in.push_back(A(Full(At(2026, 3, d))));
  Policy p;
  p.keep_last = 2;
  p.keep_weekly = 3;
  RetentionResult r = Run(in, p, At(2026, 3, 21));
  // The newest: last and weekly; 19 March: last only; then the newest of weeks 11 and 10.
  REQUIRE(r.keep.size() == 4);
  CHECK(r.keep[0].reasons.size() == 2);
  CHECK(r.keep[1].reasons.size() == 1);
  CHECK(r.keep[2].name == Full(At(2026, 3, 15)));  // Sunday of week 11
  CHECK(r.keep[3].name == Full(At(2026, 3, 8)));   // Sunday of week 10
}

TEST_CASE("an incremental is kept with its full and every incremental before it", "[purge]") {
  const std::string f1 = Full(At(2026, 3, 1)), i1 = Incr(At(2026, 3, 2)), i2 = Incr(At(2026, 3, 3));
  const std::string f2 = Full(At(2026, 3, 4)), i3 = Incr(At(2026, 3, 5));
  std::vector<Archive> in = {A(i3), A(f1), A(i2), A(f2), A(i1)};  // listing order is irrelevant
  Policy p;
  p.keep_last = 1;
  RetentionResult r = Run(in, p, At(2026, 3, 6));
  auto v = Verdicts(r);
  CHECK(v[i3] == "keep_last");
  CHECK(v[f2] == "chain");
  CHECK(v[i2] == "delete:no_rule");
  CHECK(v[i1] == "delete:no_rule");
  CHECK(v[f1] == "delete:no_rule");
  CHECK(r.keep[0].base == f2);
  CHECK(r.keep[1].reasons[0].detail == i3);

  // Keeping i2 alone is impossible: i1 and f1 come with it, and a max_age that would delete the
  // full cannot while i2 needs it.
  std::vector<Archive> chain = {A(f1), A(i1), A(i2)};
  Policy young;
  young.max_age_days = 2;
  auto w = Verdicts(Run(chain, young, At(2026, 3, 4, 13)));
  CHECK(w[i2] == "max_age_days");
  CHECK(w[i1] == "chain");
  CHECK(w[f1] == "chain");
}

TEST_CASE("an incremental with no full listed before it is an orphan and says so", "[purge]") {
  const std::string i1 = Incr(At(2026, 3, 2)), f = Full(At(2026, 3, 3));
  Policy p;
  p.keep_last = 2;
  RetentionResult r = Run({A(i1), A(f)}, p, At(2026, 3, 4));
  REQUIRE(r.keep.size() == 2);
  CHECK(r.keep[1].name == i1);
  CHECK(r.keep[1].orphan);
  CHECK(r.keep[1].base.empty());
  CHECK(ReasonText(r.keep[1], p, Lang::kEn) == "one of the last 2 archives (its full backup is not listed)");
}

TEST_CASE("max_age_days keeps the young, deletes the old no rule keeps", "[purge]") {
  std::vector<Archive> in = {A(Full(At(2026, 3, 10))), A(Full(At(2026, 3, 6))), A(Full(At(2026, 1, 1)))};
  Policy p;
  p.max_age_days = 7;
  p.keep_monthly = 1;
  auto v = Verdicts(Run(in, p, At(2026, 3, 12)));
  CHECK(v[Full(At(2026, 3, 10))] == "keep_monthly");
  CHECK(v[Full(At(2026, 3, 6))] == "max_age_days");
  CHECK(v[Full(At(2026, 1, 1))] == "delete:too_old");
}

TEST_CASE("min_keep keeps back the newest until enough remain, chains included", "[purge]") {
  const std::string f1 = Full(At(2026, 1, 1)), i1 = Incr(At(2026, 1, 2)), f0 = Full(At(2025, 12, 1));
  Policy p;
  p.max_age_days = 1;
  p.min_keep = 1;
  RetentionResult r = Run({A(f0), A(f1), A(i1)}, p, At(2026, 3, 1));
  auto v = Verdicts(r);
  CHECK(v[i1] == "min_keep");
  CHECK(v[f1] == "chain");  // so 2 remain: the incremental is useless without its full
  CHECK(v[f0] == "delete:too_old");

  p.min_keep = 3;
  CHECK(Run({A(f0), A(f1), A(i1)}, p, At(2026, 3, 1)).remove.empty());
  p.min_keep = 10;  // more than there are: all kept, nothing breaks
  CHECK(Run({A(f0), A(f1), A(i1)}, p, At(2026, 3, 1)).keep.size() == 3);
}

TEST_CASE("keep_verified keeps the newest archive whose restore test passed, only that one", "[purge]") {
  std::vector<Archive> in = {A(Full(At(2026, 3, 10))), A(Full(At(2026, 3, 9))), A(Full(At(2026, 3, 5)), 100, true),
                             A(Full(At(2026, 3, 1)), 100, true)};
  Policy p;
  p.keep_last = 1;
  p.keep_verified = true;
  auto v = Verdicts(Run(in, p, At(2026, 3, 11)));
  CHECK(v[Full(At(2026, 3, 10))] == "keep_last");
  CHECK(v[Full(At(2026, 3, 9))] == "delete:no_rule");
  CHECK(v[Full(At(2026, 3, 5))] == "keep_verified");
  CHECK(v[Full(At(2026, 3, 1))] == "delete:no_rule");
}

TEST_CASE("foreign names are reported and never deleted; an empty policy deletes nothing", "[purge]") {
  Archive notes = A("notes.txt", 5000);
  notes.mtime = At(2020, 1, 1);
  std::vector<Archive> in = {A(Full(At(2026, 3, 10))), notes, A(Full(At(2020, 1, 1)))};
  Policy p;
  p.keep_last = 1;
  RetentionResult r = Run(in, p, At(2026, 3, 11));
  REQUIRE(r.foreign.size() == 1);
  CHECK(r.foreign[0].name == "notes.txt");
  CHECK(r.foreign[0].time == At(2020, 1, 1));
  CHECK_FALSE(r.foreign[0].time_from_name);
  CHECK(r.remove.size() == 1);
  CHECK(r.bytes_freed == 100);

  RetentionResult none = Run(in, Policy{}, At(2026, 3, 11));
  CHECK(none.remove.empty());
  CHECK(none.keep.size() == 2);
  CHECK(none.keep[0].reasons[0].rule == Rule::kNoPolicy);
}

TEST_CASE("two archives with one name are refused", "[purge]") {
  bjlg::Result<RetentionResult> r = Evaluate({A("a.txt"), A("b"), A("a.txt")}, Policy{}, TimeZone(), 0);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "archive 2: the name \"a.txt\" is listed twice");
}

TEST_CASE("the verdicts in words, English and French, and as JSON", "[purge]") {
  std::vector<Archive> in = {A(Full(At(2026, 3, 10))), A(Full(At(2026, 3, 9))), A("x.txt")};
  Policy p;
  p.keep_daily = 1;
  RetentionResult r = Run(in, p, At(2026, 3, 11));
  CHECK(ReasonText(r.keep[0], p, Lang::kEn) == "newest of day 2026-03-10, one of the last 1 days");
  CHECK(ReasonText(r.keep[0], p, Lang::kFr) == "la plus récente du jour 2026-03-10, parmi les 1 derniers jours");
  CHECK(ReasonText(r.remove[0], p, Lang::kFr) == "aucune règle ne la conserve");
  json j = RetentionToJson(r, p, Lang::kEn);
  CHECK(j["counts"] == json({{"keep", 1}, {"delete", 1}, {"foreign", 1}}));
  CHECK(j["delete"][0]["rule"] == "no_rule");
  CHECK(j["delete"][0]["time"] == At(2026, 3, 9));
  CHECK(j["delete"][0]["time_source"] == "name");
  CHECK(j["foreign"][0]["kind"] == "foreign");
  CHECK(j["foreign"][0]["time"].is_null());
  CHECK(j["bytes_freed"] == 100);
}

TEST_CASE("archives from JSON: fields checked, other keys ignored", "[purge]") {
  auto ok = ArchivesFromJson(json::parse(
      R"([{"name":"a","size":3,"mtime":"2026-03-01T00:00:00+00:00","verified":true,"id":"x"},{"name":"b","mtime":5}])"));
  REQUIRE(ok.ok());
  CHECK(ok->at(0).mtime == At(2026, 3, 1, 0));
  CHECK(ok->at(0).verified);
  CHECK(ok->at(1).mtime == 5);
  CHECK(ArchivesFromJson(json::parse(R"([{"size":1}])")).status().message() ==
        "archive 0: field \"name\" is missing");
  CHECK(ArchivesFromJson(json::parse(R"([{"name":"a"},{"name":"b","size":-1}])")).status().message() ==
        "archive 1: field \"size\" must be an integer >= 0, -1 given");
  CHECK(ArchivesFromJson(json::parse(R"([{"name":"a","mtime":"yesterday"}])")).status().message() ==
        "archive 0: field \"mtime\" must be Unix seconds or an ISO 8601 date, \"yesterday\" given");
  CHECK_FALSE(ArchivesFromJson(json::parse(R"([3])")).ok());
}
