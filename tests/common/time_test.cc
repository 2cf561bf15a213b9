#include "common/time.h"

#include <catch2/catch.hpp>

using bjlg::FormatUtcIso8601;
using bjlg::ParseIso8601;

TEST_CASE("Times are written in the one ISO 8601 UTC form", "[common][time]") {
  CHECK(FormatUtcIso8601(0) == "1970-01-01T00:00:00+00:00");
  CHECK(FormatUtcIso8601(1798390608) == "2026-12-27T16:56:48+00:00");
  CHECK(FormatUtcIso8601(-1) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("Now is written in that form and reads back", "[common][time]") {
  const int64_t before = bjlg::NowUnixSeconds();
  const std::string now = bjlg::NowUtcIso8601();
  const int64_t after = bjlg::NowUnixSeconds();
  REQUIRE(now.size() == 25);
  CHECK(now.substr(19) == "+00:00");
  int64_t t = 0;
  bool assumed = true;
  REQUIRE(ParseIso8601(now, &t, &assumed));
  CHECK_FALSE(assumed);
  CHECK(t >= before);
  CHECK(t <= after);
}

TEST_CASE("ISO 8601 times are read with any zone, or as UTC without one", "[common][time]") {
  int64_t t = 0;
  bool assumed = false;
  REQUIRE(ParseIso8601("2026-12-04T16:56:48Z", &t, &assumed));
  CHECK(t == 1796403408);
  CHECK_FALSE(assumed);
  REQUIRE(ParseIso8601("2026-12-04T17:56:48+01:00", &t));
  CHECK(t == 1796403408);
  REQUIRE(ParseIso8601("2026-12-04T16:56:48.123456-00:00", &t));
  CHECK(t == 1796403408);
  REQUIRE(ParseIso8601("2026-12-04 16:56:48", &t, &assumed));
  CHECK(t == 1796403408);
  CHECK(assumed);
  CHECK_FALSE(ParseIso8601("2026-13-04T16:56:48Z", &t));
  CHECK_FALSE(ParseIso8601("2026-12-04T16:56:48 UTC", &t));
  CHECK_FALSE(ParseIso8601("yesterday", &t));
}
