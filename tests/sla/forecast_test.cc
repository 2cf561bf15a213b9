// The saturation forecast as a specification: exact fits, sawtooth purges, glitches, gaps,
// flat and decreasing usage, one sample, huge values and bad timestamps.
#include "sla/forecast.h"

#include <cmath>
#include <functional>
#include <limits>

#include <catch2/catch.hpp>

#include "sla/robust_line.h"

using namespace bjlg::sla;

namespace {

constexpr int64_t kT0 = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kDay = 86400;
constexpr double kGiB = 1024.0 * 1024 * 1024;

std::vector<UsageSample> Daily(int days, const std::function<double(int)>& used, double quota) {
  std::vector<UsageSample> out;
  for (int d = 0; d < days; ++d) {
    UsageSample s;
    s.at = kT0 + d * kDay;
    s.used_bytes = used(d);
    s.quota_bytes = quota;
    s.index = static_cast<size_t>(d);
    out.push_back(s);
  }
  return out;
}

ForecastOptions At(int64_t now) {
  ForecastOptions o;
  o.now = now;
  return o;
}

Forecast Run(std::vector<UsageSample> samples, const ForecastOptions& o) {
  auto r = Project(std::move(samples), o);
  REQUIRE(r.ok());
  return *r;
}

double DaysFrom(int64_t from, int64_t at) { return static_cast<double>(at - from) / kDay; }

}  // namespace

TEST_CASE("an exact straight line crosses the threshold where algebra says", "[sla]") {
  // 10 GiB growing 1 GiB a day, quota 100 GiB: 85 GiB on day 75.
  const auto samples = Daily(30, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB);
  const Forecast f = Run(samples, At(kT0 + 29 * kDay));
  CHECK(f.model == "trend");
  CHECK(f.samples_used == 30);
  CHECK(*f.growth_bytes_per_day == Approx(kGiB).epsilon(1e-9));
  CHECK(*f.threshold_bytes == static_cast<int64_t>(std::floor(100 * kGiB * 0.85)));
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(75).margin(0.01));
  CHECK(DaysFrom(kT0, *f.full_at) == Approx(90).margin(0.01));
  CHECK(*f.days_to_threshold == Approx(46).margin(0.01));
  CHECK(*f.current_used_bytes == static_cast<int64_t>(39 * kGiB));
  CHECK(*f.current_ratio == Approx(0.39));
  // A perfect fit leaves no doubt: the interval is the point.
  CHECK(DaysFrom(kT0, *f.threshold_at_low) == Approx(75).margin(0.01));
  CHECK(DaysFrom(kT0, *f.threshold_at_high) == Approx(75).margin(0.01));
  CHECK(f.risk_level == "watch");  // 46 days: beyond warning (30), within watch (90)
}

TEST_CASE("risk bands are days to the threshold and can be changed", "[sla]") {
  const auto samples = Daily(30, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB);
  ForecastOptions o = At(kT0 + 29 * kDay);
  o.bands = {50, 60, 70};
  CHECK(Run(samples, o).risk_level == "critical");
  o.bands = {1, 2, 3};
  CHECK(Run(samples, o).risk_level == "ok");
}

TEST_CASE("samples may come in any order", "[sla]") {
  auto samples = Daily(30, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB);
  std::reverse(samples.begin(), samples.end());
  const Forecast f = Run(samples, At(kT0 + 29 * kDay));
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(75).margin(0.01));
}

TEST_CASE("a sawtooth of purges forecasts the net growth of its peaks, not the slope of a cycle", "[sla]") {
  // Every 10 days a purge removes 9 GiB; in between 1 GiB a day is added: net 0.1 GiB a day.
  // Peaks on days 9, 19, 29, ... are 19 + 0.1 * 10k GiB. Quota 40 GiB: 34 GiB is passed by the
  // peak of day 159 (34 GiB exactly at k = 15) -> the first peak over it is day 159.
  auto used = [](int d) { return (10 + 0.1 * 10 * (d / 10) + (d % 10)) * kGiB; };
  const auto samples = Daily(120, used, 40 * kGiB);
  const Forecast f = Run(samples, At(kT0 + 119 * kDay + 3600));
  CHECK(f.model == "purge_envelope");
  CHECK(f.purges == 11);
  CHECK(*f.growth_bytes_per_day == Approx(0.1 * kGiB).epsilon(0.05));
  REQUIRE(f.threshold_at);
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(159.5).margin(10));
  CHECK(*f.threshold_at_low <= *f.threshold_at);
  // One cycle's slope (1 GiB a day) would say day 135: far too early.
  CHECK(DaysFrom(kT0, *f.threshold_at) > 145);
}

TEST_CASE("a steady retention (purges balancing backups) never saturates", "[sla]") {
  auto used = [](int d) { return (10 + (d % 7)) * kGiB; };
  const Forecast f = Run(Daily(90, used, 40 * kGiB), At(kT0 + 89 * kDay));
  CHECK(f.model == "purge_envelope");
  CHECK(std::fabs(*f.growth_bytes_per_day) < 0.01 * kGiB);
  CHECK_FALSE(f.threshold_at);
  CHECK(f.risk_level == "ok");
}

TEST_CASE("a glitch is dropped and does not tilt the trend", "[sla]") {
  auto samples = Daily(40, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB);
  samples[20].used_bytes = 0;             // the provider answered 0
  samples[30].used_bytes *= 3;            // or three times the usage
  const Forecast f = Run(samples, At(kT0 + 39 * kDay));
  CHECK(f.outliers == 2);
  CHECK(f.samples_used == 38);
  CHECK(*f.growth_bytes_per_day == Approx(kGiB).epsilon(1e-6));
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(75).margin(0.01));
}

TEST_CASE("gaps of days change nothing on a line", "[sla]") {
  std::vector<UsageSample> samples;
  for (int d : {0, 1, 2, 10, 11, 25, 26, 27, 40}) {
    samples.push_back({kT0 + d * kDay, (10 + d) * kGiB, 100 * kGiB, samples.size()});
  }
  const Forecast f = Run(samples, At(kT0 + 40 * kDay));
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(75).margin(0.01));
}

TEST_CASE("when growth changes, the latest regime decides", "[sla]") {
  // 0.2 GiB a day for 100 days, then 1 GiB a day for 40 days: 60 GiB on day 139.
  auto used = [](int d) { return d < 100 ? (20 + 0.2 * d) * kGiB : (40 + (d - 100)) * kGiB; };
  const Forecast f = Run(Daily(140, used, 100 * kGiB), At(kT0 + 139 * kDay));
  REQUIRE(f.growth_changed_at);
  CHECK(DaysFrom(kT0, *f.growth_changed_at) == Approx(100).margin(12));
  CHECK(*f.growth_bytes_per_day == Approx(kGiB).epsilon(0.05));
  // 85 GiB at 1 GiB a day from 40 GiB on day 100: day 145.
  CHECK(DaysFrom(kT0, *f.threshold_at) == Approx(145).margin(1));
}

TEST_CASE("flat and decreasing usage never cross: risk ok, null times", "[sla]") {
  const Forecast flat = Run(Daily(30, [](int) { return 50 * kGiB; }, 100 * kGiB), At(kT0 + 29 * kDay));
  CHECK(*flat.growth_bytes_per_day == Approx(0).margin(1));
  CHECK_FALSE(flat.threshold_at);
  CHECK_FALSE(flat.threshold_at_low);
  CHECK_FALSE(flat.full_at);
  CHECK_FALSE(flat.days_to_threshold);
  CHECK(flat.risk_level == "ok");
  const Forecast down = Run(Daily(30, [](int d) { return (80 - d) * kGiB; }, 100 * kGiB), At(kT0 + 29 * kDay));
  CHECK(*down.growth_bytes_per_day < 0);
  CHECK_FALSE(down.threshold_at);
  CHECK(down.risk_level == "ok");
}

TEST_CASE("usage already over the threshold is critical now", "[sla]") {
  const Forecast f = Run(Daily(10, [](int d) { return (86 + 0.1 * d) * kGiB; }, 100 * kGiB), At(kT0 + 9 * kDay));
  CHECK(*f.threshold_at == kT0 + 9 * kDay);
  CHECK(*f.days_to_threshold == 0);
  CHECK(f.risk_level == "critical");
}

TEST_CASE("one sample or none says what it can and nothing more", "[sla]") {
  const Forecast one = Run(Daily(1, [](int) { return 10 * kGiB; }, 100 * kGiB), At(kT0));
  CHECK(one.model == "none");
  CHECK(one.risk_level == "unknown");
  CHECK_FALSE(one.growth_bytes_per_day);
  CHECK_FALSE(one.threshold_at);
  CHECK(*one.current_ratio == Approx(0.1));
  const Forecast none = Run({}, At(kT0));
  CHECK(none.risk_level == "unknown");
  CHECK_FALSE(none.current_used_bytes);
}

TEST_CASE("without a quota there is growth but no crossing", "[sla]") {
  auto samples = Daily(30, [](int d) { return (10 + d) * kGiB; }, 0);
  for (auto& s : samples) s.quota_bytes.reset();
  const Forecast f = Run(samples, At(kT0 + 29 * kDay));
  CHECK(*f.growth_bytes_per_day == Approx(kGiB));
  CHECK_FALSE(f.quota_bytes);
  CHECK_FALSE(f.threshold_at);
  CHECK(f.risk_level == "unknown");
  // The option gives it one; a quota of 0 in a sample means "not reported".
  ForecastOptions o = At(kT0 + 29 * kDay);
  o.quota_bytes = static_cast<int64_t>(100 * kGiB);
  CHECK(DaysFrom(kT0, *Run(samples, o).threshold_at) == Approx(75).margin(0.01));
}

TEST_CASE("a crossing beyond the horizon is null, never a date in year 292 billion", "[sla]") {
  // 1 byte a day towards an exabyte quota.
  const Forecast slow = Run(Daily(30, [](int d) { return 1e6 + d; }, 1e18), At(kT0 + 29 * kDay));
  CHECK(*slow.growth_bytes_per_day == Approx(1));
  CHECK_FALSE(slow.threshold_at);
  CHECK_FALSE(slow.full_at);
  CHECK(slow.risk_level == "ok");
  ForecastOptions o = At(kT0 + 29 * kDay);
  o.horizon_days = 10;
  const Forecast near = Run(Daily(30, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB), o);
  CHECK_FALSE(near.threshold_at);  // day 75 is 46 days away
}

TEST_CASE("huge values near 2^63 bytes keep their precision where it matters", "[sla]") {
  const double eib = 1152921504606846976.0;  // 2^60
  // A quota of 2^63 bytes is one more than an int64 holds: it is clamped, not wrapped.
  const Forecast f = Run(Daily(30, [&](int d) { return eib + d * 1e16; }, 8 * eib), At(kT0 + 29 * kDay));
  CHECK(*f.quota_bytes > 0);
  CHECK(*f.growth_bytes_per_day == Approx(1e16).epsilon(1e-6));
  REQUIRE(f.threshold_at);
  CHECK(*f.threshold_at > kT0);
  CHECK(*f.days_to_threshold < 36500);
}

TEST_CASE("bad samples are refused naming the sample and the field", "[sla]") {
  auto base = [] { return Daily(5, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB); };
  auto message = [](std::vector<UsageSample> s, int64_t now) {
    auto r = Project(std::move(s), At(now));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == bjlg::Status::Code::kInvalidArgument);
    return r.status().message();
  };
  auto s = base();
  s[2].used_bytes = -1;
  CHECK(message(s, kT0 + 4 * kDay) == "sample 2: field \"used_bytes\" must be a finite number of bytes >= 0");
  s = base();
  s[3].used_bytes = std::numeric_limits<double>::quiet_NaN();
  CHECK(message(s, kT0 + 4 * kDay).rfind("sample 3: field \"used_bytes\"", 0) == 0);
  s = base();
  s[1].quota_bytes = std::numeric_limits<double>::infinity();
  CHECK(message(s, kT0 + 4 * kDay).rfind("sample 1: field \"quota_bytes\"", 0) == 0);
  s = base();
  CHECK(message(s, kT0 + 2 * kDay) ==
        "sample 3: field \"at\" (2026-01-04T00:00:00+00:00) is in the future (now is 2026-01-03T00:00:00+00:00)");
  s = base();
  s[4].at = s[1].at;
  CHECK(message(s, kT0 + 4 * kDay) == "sample 4: field \"at\" (2026-01-02T00:00:00+00:00) duplicates the time of sample 1");
  // Five minutes of clock skew are tolerated.
  CHECK(Project(base(), At(kT0 + 4 * kDay - 299)).ok());
}

TEST_CASE("options are checked with messages naming them", "[sla]") {
  ForecastOptions o;
  o.threshold = 0;
  CHECK(o.Validate().message() == "option \"threshold\" must be a ratio greater than 0 and at most 1");
  o = {};
  o.confidence = 1;
  CHECK(o.Validate().message().rfind("option \"confidence\"", 0) == 0);
  o = {};
  o.horizon_days = 0;
  CHECK(o.Validate().message().rfind("option \"horizon_days\"", 0) == 0);
  o = {};
  o.quota_bytes = 0;
  CHECK(o.Validate().message() == "option \"quota_bytes\" must be greater than 0");
  o = {};
  o.bands = {10, 5, 90};
  CHECK(o.Validate().message().rfind("option \"risk_days\"", 0) == 0);
  CHECK(ForecastOptions{}.Validate().ok());
}

TEST_CASE("the legacy shapes carry the one model's numbers", "[sla]") {
  const Forecast f = Run(Daily(30, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB), At(kT0 + 29 * kDay));
  const auto j = ForecastToJson(f);
  CHECK(j["legacy"]["collector"]["daily_delta_bytes"] == static_cast<int64_t>(kGiB));
  CHECK(j["legacy"]["collector"]["projection_intent"] == "watch");
  CHECK(j["legacy"]["collector"]["forecast_label"] == "Saturation estimée dans 46 jours");
  CHECK(j["legacy"]["purge_worker"]["trend_direction"] == "up");
  CHECK(j["legacy"]["purge_worker"]["trend_slope"].get<double>() == Approx(0.01 / 86400));
  CHECK(j["legacy"]["purge_worker"]["lead_time_seconds"] == 46 * kDay);
  CHECK(j["legacy"]["purge_worker"]["projected_saturation"] == *f.threshold_at);
  CHECK(j["legacy"]["capacity"]["hours_remaining"].get<double>() == Approx(46 * 24));
  CHECK(j["legacy"]["capacity"]["trend_bytes_per_second"].get<double>() == Approx(kGiB / 86400));
  CHECK(j["legacy"]["capacity"]["risk_level"] == "watch");
  CHECK(j["risk_level"] == "watch");
}

TEST_CASE("the robust line centres time: Unix seconds do not cancel", "[sla]") {
  std::vector<double> x, y, w;
  for (int i = 0; i < 50; ++i) {
    x.push_back(1.7e9 + i * 3600.0);
    y.push_back(5 + 2e-3 * (x.back() - 1.7e9));
    w.push_back(1);
  }
  const RobustLine line = FitRobustLine(x, y, w);
  REQUIRE(line.ok);
  CHECK(line.slope == Approx(2e-3).epsilon(1e-9));
  CHECK(line.At(1.7e9) == Approx(5).epsilon(1e-9));
  CHECK(TwoSidedNormalQuantile(0.95) == Approx(1.959964).epsilon(1e-6));
  CHECK(Median({3, 1, 2, 10}) == 2.5);
}
