// Retention policies from PHP arrays (as JSON) and YAML files: every key checked, unknown keys
// refused, YAML errors with their line, alias bombs stopped by the shared budget.
#include <catch2/catch.hpp>

#include "remote/purge/policy.h"

using namespace bjlg::remote::purge;
using nlohmann::json;

TEST_CASE("policy from JSON: every key read, defaults otherwise", "[purge]") {
  auto p = PolicyFromJson(json::parse(R"({"keep_last":2,"keep_daily":7,"keep_weekly":4,"keep_monthly":12,
      "keep_yearly":3,"max_age_days":90,"min_keep":2,"keep_verified":true,"timezone":"Europe/Paris",
      "target_ratio":0.8,"lead_days":3.5})"));
  REQUIRE(p.ok());
  CHECK(p->keep_last == 2);
  CHECK(p->keep_yearly == 3);
  CHECK(p->max_age_days == 90);
  CHECK(p->keep_verified);
  CHECK(p->timezone == "Europe/Paris");
  CHECK(p->target_ratio == 0.8);
  CHECK(p->lead_days == 3.5);
  CHECK(p->HasRetentionRule());
  CHECK(p->ToJson()["lead_days"] == 3.5);

  auto empty = PolicyFromJson(json::array());
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->HasRetentionRule());
  CHECK(empty->ToJson()["max_age_days"].is_null());
}

TEST_CASE("policy from JSON: bad values named with the key", "[purge]") {
  auto msg = [](const char* text) { return PolicyFromJson(json::parse(text)).status().message(); };
  CHECK(msg(R"({"keep_daily":-1})") == "key \"keep_daily\" must be an integer between 0 and 1000000, -1 given");
  CHECK(msg(R"({"keep_daily":"7"})") == "key \"keep_daily\" must be an integer between 0 and 1000000, \"7\" given");
  CHECK(msg(R"({"keep_last":1.5})") == "key \"keep_last\" must be an integer between 0 and 1000000, 1.5 given");
  CHECK(msg(R"({"max_age_days":0})") == "key \"max_age_days\" must be an integer between 1 and 36500, 0 given");
  CHECK(msg(R"({"keep_verified":1})") == "key \"keep_verified\" must be true or false, 1 given");
  CHECK(msg(R"({"timezone":"Mars/Olympus"})") == "key \"timezone\": unknown time zone \"Mars/Olympus\"");
  CHECK(msg(R"({"target_ratio":0})") == "key \"target_ratio\" must be a number > 0 and <= 1, 0 given");
  CHECK(msg(R"({"target_ratio":1.5})") == "key \"target_ratio\" must be a number > 0 and <= 1, 1.5 given");
  CHECK(msg(R"({"lead_days":2})") == "key \"lead_days\" needs \"target_ratio\" (the share of the quota to stay under)");
  CHECK(msg(R"({"keep_hourly":2})").rfind("unknown key \"keep_hourly\" (known: keep_last,", 0) == 0);
  CHECK(msg(R"([1])") == "the policy must be a map of keys");
  CHECK(PolicyFromJson(json::parse(R"({"keep_last":[]})"), "policy.yaml").status().message() ==
        "policy.yaml: key \"keep_last\" must be an integer between 0 and 1000000, a list given");
}

TEST_CASE("policy from YAML: a map, or the map under `policy`, errors with their line", "[purge]") {
  auto p = ParsePolicyYaml("# retention\nkeep_daily: 7\nkeep_weekly: 4\nkeep_verified: true\ntarget_ratio: 0.9\n",
                           "p.yaml");
  REQUIRE(p.ok());
  CHECK(p->keep_daily == 7);
  CHECK(p->keep_verified);
  CHECK(p->target_ratio == 0.9);

  auto nested = ParsePolicyYaml("destinations: []\npolicy:\n  keep_last: 3\n", "f.yaml");
  REQUIRE(nested.ok());
  CHECK(nested->keep_last == 3);

  CHECK(ParsePolicyYaml("keep_daily: 7\nkeep_weekly: four\n", "p.yaml").status().message() ==
        "p.yaml line 2: key \"keep_weekly\" must be an integer between 0 and 1000000, \"four\" given");
  CHECK(ParsePolicyYaml("keep_daily: '7'\n", "p.yaml").status().message() ==
        "p.yaml line 1: key \"keep_daily\" must be an integer between 0 and 1000000, \"7\" given");
  CHECK(ParsePolicyYaml("\n\nkeep_dayly: 7\n", "p.yaml").status().message().rfind("p.yaml line 3: unknown key", 0) == 0);
  CHECK(ParsePolicyYaml("- keep_daily\n", "p.yaml").status().message() ==
        "p.yaml line 1: the policy must be a map of keys (keep_daily: 7, ...)");
  CHECK(ParsePolicyYaml("keep_daily: [7\n", "p.yaml").status().message().rfind("p.yaml: not valid YAML", 0) == 0);
  CHECK(ParsePolicyYaml("", "p.yaml").ok());
  CHECK(ParsePolicyYaml("target_ratio: '0.9'\n", "p.yaml").status().message() ==
        "p.yaml line 1: key \"target_ratio\" must be a number > 0 and <= 1, \"0.9\" given");
  CHECK(ParsePolicyYaml("keep_last: 2.5\n", "p.yaml").status().message() ==
        "p.yaml line 1: key \"keep_last\" must be an integer between 0 and 1000000, 2.5 given");
}

TEST_CASE("policy from YAML: an alias bomb is stopped by the expansion budget", "[purge]") {
  // Eight levels of ten aliases each: 10^8 nodes if expanded.
  std::string doc = "anchors:\n";
  char prev = 'a';
  doc += "  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    doc += std::string("  ") + c + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) doc += std::string(i ? ", *" : "*") + prev;
    doc += "]\n";
    prev = c;
  }
  doc += "keep_last: *h\n";
  auto r = ParsePolicyYaml(doc, "bomb.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("bomb.yaml") != std::string::npos);
}
