// The change journal: records checksummed, a torn tail ignored and repaired, sequence numbers
// never reused after a crash, compaction keeping what is not archived yet.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "../archive/test_util.h"
#include "watch/journal.h"

using bjlg::archive::testing::TempDir;
using namespace bjlg::watch;
using nlohmann::json;

namespace {

std::unique_ptr<Journal> OpenJournal(const std::string& path) {
  auto j = Journal::Open(path);
  INFO(j.status().ToString());
  REQUIRE(j.ok());
  return std::move(*j);
}

json Modified(const std::string& path) { return {{"type", "modified"}, {"path", path}}; }

void AppendRaw(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << bytes;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("Journal records round-trip with increasing sequence numbers", "[watch][journal]") {
  TempDir t;
  auto j = OpenJournal(t / "journal");
  REQUIRE(*j->Append(Modified("wp-content/uploads/a.jpg")) == 1);
  REQUIRE(*j->Append({{"type", "post_saved"}, {"tables", {"wp_posts", "wp_postmeta"}}, {"id", 42}}) == 2);
  REQUIRE(*j->AppendAll({Modified("a"), Modified("b")}) == 3);
  auto c = j->Read(0, 100);
  REQUIRE(c.ok());
  REQUIRE(c->records.size() == 4);
  CHECK(c->records[1].event["tables"][1] == "wp_postmeta");
  CHECK(c->records[3].seq == 4);
  CHECK(c->last_seq == 4);
  auto since = j->Read(2, 1);
  REQUIRE(since.ok());
  REQUIRE(since->records.size() == 1);
  CHECK(since->records[0].seq == 3);
  CHECK(since->more);
}

TEST_CASE("Journal refuses invalid events with the key named", "[watch][journal]") {
  TempDir t;
  auto j = OpenJournal(t / "journal");
  auto bad = [&](const json& e, const std::string& needle) {
    auto r = j->Append(e);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == bjlg::Status::Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains(needle));
  };
  bad(json::array(), "event must be");
  bad({{"path", "a"}}, "\"type\" is required");
  bad({{"type", "Modified"}, {"path", "a"}}, "\"type\" must be");
  bad({{"type", "modified"}}, "\"path\" is required");
  bad({{"type", "modified"}, {"path", "../etc/passwd"}}, "\"path\" must be a relative path");
  bad({{"type", "modified"}, {"path", "/etc/passwd"}}, "\"path\" must be a relative path");
  bad({{"type", "moved"}, {"path", "a"}}, "\"from\" is required");
  bad({{"type", "x"}, {"tables", {"wp posts"}}}, "\"tables\" must hold");
  bad({{"type", "x"}, {"nested", {{"a", 1}}}}, "\"nested\" must be a string");
  bad({{"type", "x"}, {"note", std::string(2000, 'a')}}, "at most 1024 bytes");
  CHECK(j->Read(0, 10)->records.empty());
}

TEST_CASE("Journal ignores a torn tail, repairs it on the next append and never reuses its number", "[watch][journal]") {
  TempDir t;
  const std::string path = t / "journal";
  {
    auto j = OpenJournal(path);
    REQUIRE(j->Append(Modified("a")).ok());
    REQUIRE(j->Append(Modified("b")).ok());
  }
  const std::string whole = Slurp(path);
  // A writer killed in the middle of record 3.
  auto line3 = FormatRecord(3, 1, Modified("c"));
  REQUIRE(line3.ok());
  AppendRaw(path, line3->substr(0, line3->size() / 2));
  auto j = OpenJournal(path);
  auto c = j->Read(0, 100);
  REQUIRE(c.ok());
  CHECK(c->records.size() == 2);
  CHECK(c->torn_tail);
  CHECK(c->damaged == 0);
  // Its number was started: 3 is never handed out again.
  auto seq = j->Append(Modified("d"));
  REQUIRE(seq.ok());
  CHECK(*seq == 4);
  c = j->Read(0, 100);
  CHECK_FALSE(c->torn_tail);
  REQUIRE(c->records.size() == 3);
  CHECK(c->records[2].event["path"] == "d");
  CHECK(Slurp(path).substr(0, whole.size()) == whole);
}

TEST_CASE("Journal detects a damaged record in the middle and keeps the numbers after it", "[watch][journal]") {
  TempDir t;
  const std::string path = t / "journal";
  auto j = OpenJournal(path);
  for (int i = 0; i < 3; ++i) REQUIRE(j->Append(Modified("f" + std::to_string(i))).ok());
  std::string text = Slurp(path);
  const size_t at = text.find("\"f1\"");
  REQUIRE(at != std::string::npos);
  text[at + 2] = '9';  // a flipped byte: the checksum no longer matches
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }
  auto fresh = OpenJournal(path);
  auto c = fresh->Read(0, 100);
  REQUIRE(c.ok());
  CHECK(c->damaged == 1);
  REQUIRE(c->records.size() == 2);
  CHECK(c->records[1].seq == 3);
  CHECK(*fresh->Append(Modified("x")) == 4);
}

TEST_CASE("Journal sequence numbers survive a crash of the last record's writer", "[watch][journal]") {
  TempDir t;
  const std::string path = t / "journal";
  auto j = OpenJournal(path);
  REQUIRE(j->Append(Modified("a")).ok());
  // A damaged but complete last record (a bit flipped after it was read): its number may have
  // been seen by a reader, so it is not reused.
  AppendRaw(path, "7 1 0000000000000000 {\"type\":\"modified\",\"path\":\"z\"}\n");
  auto other = OpenJournal(path);
  CHECK(*other->Append(Modified("b")) == 8);
}

TEST_CASE("Journal appends from many processes get unique numbers in file order", "[watch][journal]") {
  TempDir t;
  const std::string path = t / "journal";
  OpenJournal(path);
  const int kProcs = 6, kEach = 60;
  std::vector<pid_t> kids;
  for (int p = 0; p < kProcs; ++p) {
    const pid_t pid = fork();
    if (pid == 0) {
      auto j = Journal::Open(path);
      for (int i = 0; i < kEach && j.ok(); ++i) {
        if (!(*j)->Append(Modified("p" + std::to_string(p) + "/" + std::to_string(i))).ok()) _exit(1);
      }
      _exit(j.ok() ? 0 : 1);
    }
    kids.push_back(pid);
  }
  for (pid_t k : kids) {
    int st = 0;
    waitpid(k, &st, 0);
    CHECK(WEXITSTATUS(st) == 0);
  }
  auto c = OpenJournal(path)->Read(0, 100000);
  REQUIRE(c.ok());
  REQUIRE(c->records.size() == kProcs * kEach);
  std::set<std::string> paths;
  for (size_t i = 0; i < c->records.size(); ++i) {
    CHECK(c->records[i].seq == i + 1);
    paths.insert(c->records[i].event["path"].get<std::string>());
  }
  CHECK(paths.size() == kProcs * kEach);
}

TEST_CASE("Journal compaction drops archived and superseded records and keeps numbering", "[watch][journal]") {
  TempDir t;
  const std::string path = t / "journal";
  auto j = OpenJournal(path);
  REQUIRE(j->Append(Modified("a")).ok());                                          // 1 archived
  REQUIRE(j->Append(Modified("b")).ok());                                          // 2 superseded by 4
  REQUIRE(j->Append({{"type", "option_updated"}, {"tables", {"wp_options"}}}).ok());  // 3 kept
  REQUIRE(j->Append({{"type", "deleted"}, {"path", "b"}}).ok());                   // 4 kept
  auto other = OpenJournal(path);  // holds the old file open: must follow the rename
  auto r = j->Compact(1);
  REQUIRE(r.ok());
  CHECK(r->kept == 2);
  CHECK(r->dropped == 2);
  CHECK(r->base == 4);
  CHECK(*other->Append(Modified("c")) == 5);
  auto c = j->Read(0, 100);
  REQUIRE(c.ok());
  REQUIRE(c->records.size() == 3);
  CHECK(c->records[0].seq == 3);
  CHECK(c->records[1].event["type"] == "deleted");
  CHECK(c->records[2].seq == 5);
  // Everything archived: an empty journal still continues after 5.
  REQUIRE(j->Compact(5).ok());
  CHECK(j->Read(0, 100)->records.empty());
  CHECK(*j->Append(Modified("d")) == 6);
}

TEST_CASE("Journal refuses a file that is not a journal", "[watch][journal]") {
  TempDir t;
  AppendRaw(t / "notes.txt", "hello\n");
  auto j = Journal::Open(t / "notes.txt");
  REQUIRE_FALSE(j.ok());
  CHECK(j.status().code() == bjlg::Status::Code::kCorruption);
  CHECK_FALSE(Journal::Open(t / "missing/dir/journal").ok());
}

TEST_CASE("Journal record parser refuses what is not a record", "[watch][journal]") {
  auto good = FormatRecord(12, 1700000000000, Modified("a/b"));
  REQUIRE(good.ok());
  std::string line = good->substr(0, good->size() - 1);
  CHECK(ParseRecord(line).ok());
  CHECK_FALSE(ParseRecord("").ok());
  CHECK_FALSE(ParseRecord("012 1 0000000000000000 {}").ok());
  CHECK_FALSE(ParseRecord(line.substr(0, line.size() - 1)).ok());
  std::string flipped = line;
  flipped[flipped.size() - 3] ^= 1;
  CHECK_FALSE(ParseRecord(flipped).ok());
  CHECK(LeadingSeq(line) == 12);
  CHECK(LeadingSeq("garbage") == 0);
}
