#include "common/progress.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

using bjlg::Progress;
using bjlg::ProgressReporter;

namespace {
struct Recorder {
  std::vector<Progress> seen;
  bool answer = true;
  bjlg::ProgressFn fn() {
    return [this](const Progress& p) { seen.push_back(p); return answer; };
  }
};
}  // namespace

TEST_CASE("A phase reports its start and its end, whatever the interval") {
  Recorder r;
  ProgressReporter reporter(r.fn(), {"archive"}, 3600);
  REQUIRE(reporter.Begin("archive", 10, "files"));
  REQUIRE(reporter.Update(4, "a.txt"));  // within the interval: not reported
  REQUIRE(reporter.End());
  REQUIRE(r.seen.size() == 2);
  CHECK(r.seen[0].done == 0);
  CHECK(r.seen[0].total == 10);
  CHECK(r.seen[0].unit == "files");
  CHECK(r.seen[1].done == 10);
  CHECK(r.seen[1].current == "a.txt");
}

TEST_CASE("done never goes back within a phase") {
  Recorder r;
  ProgressReporter reporter(r.fn(), {"verify"}, 0);
  reporter.Begin("verify", 100, "bytes");
  reporter.Update(50);
  reporter.Update(20);
  CHECK(r.seen.back().done == 50);
  reporter.Advance(5);
  CHECK(r.seen.back().done == 55);
}

TEST_CASE("Phases move forward in their declared order, with their position") {
  Recorder r;
  ProgressReporter reporter(r.fn(), {"archive", "encrypt", "authenticate"}, 0);
  reporter.Begin("archive", 1, "files");
  reporter.Begin("encrypt", 1, "bytes");
  CHECK(r.seen.back().phase_index == 1);
  CHECK(r.seen.back().phases.size() == 3);
  reporter.Begin("archive", 1, "files");  // going back is not allowed to lower the position
  CHECK(r.seen.back().phase_index == 1);
  reporter.Begin("cleanup", 0, "items");  // undeclared: appended after the others
  CHECK(r.seen.back().phase_index == 3);
}

TEST_CASE("A callback returning false cancels, once and for good") {
  Recorder r;
  r.answer = false;
  ProgressReporter reporter(r.fn(), {"dump"}, 0);
  CHECK_FALSE(reporter.Begin("dump", 3, "tables"));
  CHECK(reporter.cancelled());
  CHECK_FALSE(reporter.Update(1));
  CHECK(r.seen.size() == 1);
}

TEST_CASE("Without a callback nothing is reported and nothing cancels") {
  ProgressReporter reporter(nullptr, {"x"});
  CHECK(reporter.Begin("x", 1, "items"));
  CHECK(reporter.Update(1));
  CHECK(reporter.End());
  CHECK_FALSE(reporter.enabled());
}

TEST_CASE("A phase declared several times is matched forward, one occurrence after the other") {
  Recorder r;
  // A chain of two encrypted archives: decrypt and extract each, then check the files.
  ProgressReporter reporter(r.fn(), {"decrypt", "extract", "decrypt", "extract", "files"}, 0);
  reporter.Begin("decrypt", 1, "bytes");
  CHECK(r.seen.back().phase_index == 0);
  reporter.Begin("extract", 1, "bytes");
  CHECK(r.seen.back().phase_index == 1);
  reporter.Begin("decrypt", 1, "bytes");
  CHECK(r.seen.back().phase_index == 2);
  reporter.Begin("extract", 1, "bytes");
  CHECK(r.seen.back().phase_index == 3);
  reporter.Begin("extract", 1, "bytes");  // no later occurrence: the position stays
  CHECK(r.seen.back().phase_index == 3);
  reporter.Begin("files", 1, "files");
  CHECK(r.seen.back().phase_index == 4);
  CHECK(r.seen.back().phases.size() == 5);

  SECTION("a declared phase with nothing to do may be skipped") {
    Recorder s;
    ProgressReporter skipping(s.fn(), {"decrypt", "extract", "files"}, 0);
    skipping.Begin("extract", 1, "bytes");  // not encrypted: no decrypt
    CHECK(s.seen.back().phase_index == 1);
    skipping.Begin("decrypt", 1, "bytes");  // only before the current position: never back
    CHECK(s.seen.back().phase_index == 1);
  }
}

TEST_CASE("Begin names the item the phase starts on; Update replaces it") {
  Recorder r;
  ProgressReporter reporter(r.fn(), {"decrypt", "extract"}, 0);
  reporter.Begin("decrypt", 10, "bytes", "full.zip.bjlg");
  CHECK(r.seen.back().current == "full.zip.bjlg");
  reporter.Update(5);  // no new item: the archive's name stays
  CHECK(r.seen.back().current == "full.zip.bjlg");
  reporter.Begin("extract", 10, "bytes");  // a new phase without an item starts with none
  CHECK(r.seen.back().current.empty());
  reporter.Update(3, "wp-config.php");
  CHECK(r.seen.back().current == "wp-config.php");
}

TEST_CASE("progress_interval: a non-negative number of seconds, checked in one place") {
  CHECK(bjlg::CheckProgressInterval(0).ok());
  CHECK(bjlg::CheckProgressInterval(0.25).ok());
  bjlg::Status negative = bjlg::CheckProgressInterval(-0.5);
  CHECK(negative.code() == bjlg::Status::Code::kInvalidArgument);
  CHECK(negative.message() == "option \"progress_interval\" must be a non-negative number of seconds");
  CHECK_FALSE(bjlg::CheckProgressInterval(std::nan("")).ok());
}
