// Percentiles as the plugin computes its purge p95 (linear interpolation, idx = p·(n−1)).
#include <catch2/catch.hpp>

#include "sla/stats.h"

using namespace bjlg::sla;

TEST_CASE("percentiles interpolate between order statistics, whatever the input order", "[sla]") {
  CHECK(*Percentile({40, 10, 30, 20}, 0.5) == Approx(25));
  CHECK(*Percentile({40, 10, 30, 20}, 0.95) == Approx(38.5));  // idx 2.85: 30 + 10·0.85
  CHECK(*Percentile({40, 10, 30, 20}, 0) == 10);
  CHECK(*Percentile({40, 10, 30, 20}, 1) == 40);
  CHECK(*Percentile({7}, 0.95) == 7);
  CHECK_FALSE(Percentile({}, 0.5).has_value());
}

TEST_CASE("a summary gives count, mean, p50, p95, min and max; an empty one is all zero", "[sla]") {
  const Summary s = Summarize({3600, 60, 600, 7200, 60});
  CHECK(s.count == 5);
  CHECK(s.mean == Approx(2304));
  CHECK(s.p50 == 600);
  CHECK(s.p95 == Approx(3600 + 3600 * 0.8));
  CHECK(s.min == 60);
  CHECK(s.max == 7200);
  CHECK(Summarize({}).count == 0);
}

TEST_CASE("the mean of huge durations does not overflow to infinity", "[sla]") {
  const Summary s = Summarize({1e308, 1e308, 1e308});
  CHECK(s.mean == Approx(1e308));
}
