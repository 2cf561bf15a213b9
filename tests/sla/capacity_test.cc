// The capacity plan: which destination saturates first, and recommendations whose numbers follow
// from the forecast (bytes freed or added, days gained), ranked by urgency.
#include "sla/capacity.h"

#include <functional>

#include <catch2/catch.hpp>

using namespace bjlg::sla;

namespace {

constexpr int64_t kT0 = 1767225600;
constexpr int64_t kDay = 86400;
constexpr double kGiB = 1024.0 * 1024 * 1024;

DestinationPlanInput Destination(const std::string& name, int days, const std::function<double(int)>& used, double quota) {
  DestinationPlanInput d;
  d.name = name;
  for (int i = 0; i < days; ++i) d.samples.push_back({kT0 + i * kDay, used(i), quota, static_cast<size_t>(i)});
  return d;
}

CapacityOptions Options() {
  CapacityOptions o;
  o.forecast.now = kT0 + 59 * kDay;
  o.target_days = 180;
  return o;
}

const Recommendation* Find(const CapacityPlan& p, const std::string& code, const std::string& dest) {
  for (const auto& r : p.recommendations) {
    if (r.code == code && r.destination == dest) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the plan names the destination that saturates first and what buys time there", "[sla]") {
  // offsite: 10 GiB + 1 GiB a day, quota 100 GiB -> 85 GiB on day 75, 16 days after now.
  DestinationPlanInput offsite = Destination("offsite", 60, [](int d) { return (10 + d) * kGiB; }, 100 * kGiB);
  for (int i = 0; i < 10; ++i) offsite.archives.push_back({"site-" + std::to_string(i) + ".zip", static_cast<int64_t>(3 * kGiB), kT0 + i * 3 * kDay});
  offsite.max_backups = 10;
  offsite.incremental = false;
  DestinationPlanInput nas = Destination("nas", 60, [](int) { return 5 * kGiB; }, 500 * kGiB);
  auto plan = Plan({offsite, nas}, Options());
  REQUIRE(plan.ok());
  CHECK(*plan->first_to_saturate == "offsite");
  CHECK(plan->first_threshold_at == kT0 + 75 * kDay);
  // 180 days of headroom need 69 + 180 - 85 = 164 GiB.
  const Recommendation* purge = Find(*plan, "purge_archives", "offsite");
  REQUIRE(purge);
  CHECK(purge->bytes == static_cast<int64_t>(27 * kGiB));  // all but the newest of the 10 archives
  CHECK(*purge->days_gained == Approx(27));
  CHECK(purge->details["archives"].size() == 9);
  CHECK(purge->details["archives"][0] == "site-0.zip");
  const Recommendation* raise = Find(*plan, "raise_quota", "offsite");
  REQUIRE(raise);
  CHECK(raise->details["new_quota_bytes"].get<double>() == Approx((69 + 180) * kGiB / 0.85).epsilon(1e-6));
  CHECK(*raise->days_gained == Approx(164));
  const Recommendation* move = Find(*plan, "move_to_destination", "offsite");
  REQUIRE(move);
  CHECK(move->details["target_destination"] == "nas");
  CHECK(move->bytes == static_cast<int64_t>(69 * kGiB));  // no more than offsite holds
  REQUIRE(Find(*plan, "shorten_retention", "offsite"));
  CHECK(Find(*plan, "shorten_retention", "offsite")->details["new_max_backups"] == 1);
  const Recommendation* inc = Find(*plan, "switch_to_incremental", "offsite");
  REQUIRE(inc);
  CHECK(inc->bytes == static_cast<int64_t>(27 * kGiB * 0.8));
  CHECK(inc->message_fr.find("incrémentales") != std::string::npos);
  // nas never saturates: nothing is proposed for it.
  for (const auto& r : plan->recommendations) CHECK(r.destination == "offsite");
  // Ranked within the destination by days gained.
  for (size_t i = 1; i < plan->recommendations.size(); ++i) {
    CHECK(plan->recommendations[i - 1].days_gained.value_or(1e18) >= plan->recommendations[i].days_gained.value_or(1e18));
  }
}

TEST_CASE("a growth rate that jumped is flagged whatever the risk", "[sla]") {
  auto jump = Destination("jump", 60, [](int d) { return d < 40 ? (10 + 0.1 * d) * kGiB : (14 + (d - 40)) * kGiB; }, 10000 * kGiB);
  auto plan = Plan({jump}, Options());
  REQUIRE(plan.ok());
  const Recommendation* r = Find(*plan, "investigate_growth", "jump");
  REQUIRE(r);
  CHECK(r->details["growth_before_bytes_per_day"].get<double>() == Approx(0.1 * kGiB).epsilon(0.05));
  CHECK(r->bytes == Approx(0.9 * kGiB * 30).epsilon(0.05));
  CHECK(r->message_en.rfind("The growth of jump jumped", 0) == 0);
  // Steady growth is not flagged.
  auto steady = Plan({Destination("steady", 60, [](int d) { return (10 + d) * kGiB; }, 10000 * kGiB)}, Options());
  REQUIRE(steady.ok());
  CHECK(steady->recommendations.empty());
}

TEST_CASE("the plan refuses duplicated names, bad samples (naming the destination) and bad options", "[sla]") {
  auto a = Destination("a", 5, [](int d) { return d * 1.0; }, 100);
  auto plan = Plan({a, a}, Options());
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().message() == "destination 1: name \"a\" is used twice");
  auto bad = a;
  bad.samples[2].used_bytes = -1;
  plan = Plan({bad}, Options());
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().message() == "destination \"a\" sample 2: field \"used_bytes\" must be a finite number of bytes >= 0");
  CapacityOptions o = Options();
  o.target_days = 0;
  CHECK(o.Validate().message() == "option \"target_days\" must be between 1 and 36500");
  o = Options();
  o.incremental_ratio = 1;
  CHECK(o.Validate().message() == "option \"incremental_ratio\" must be greater than 0 and less than 1");
  o = Options();
  o.forecast.quota_bytes = 5;
  CHECK(o.Validate().message().rfind("option \"quota_bytes\" is per destination", 0) == 0);
  auto empty = Plan({}, Options());
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->first_to_saturate);
}
