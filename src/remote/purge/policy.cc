#include "remote/purge/policy.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>

#include "common/parse_limits.h"
#include "common/yaml_json.h"
#include "cron/time_zone.h"

namespace bjlg::remote::purge {
namespace {

using json = nlohmann::json;

std::string Given(const json& v) {
  switch (v.type()) {
    case json::value_t::string: return "\"" + v.get<std::string>().substr(0, 40) + "\"";
    case json::value_t::object: return "a map";
    case json::value_t::array: return "a list";
    case json::value_t::null: return "nothing";
    default: return v.dump();
  }
}

Status Refuse(const std::string& key, const std::string& expected, const json& v) {
  return Status::InvalidArgument("key \"" + key + "\" must be " + expected + ", " + Given(v) + " given");
}

Status ReadCount(const std::string& key, const json& v, int64_t min, int64_t max, int64_t* out) {
  const std::string expected = "an integer between " + std::to_string(min) + " and " + std::to_string(max);
  if (!v.is_number_integer()) return Refuse(key, expected, v);
  const int64_t n = v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)
                        ? INT64_MAX
                        : v.get<int64_t>();
  if (n < min || n > max) return Refuse(key, expected, v);
  *out = n;
  return Status::OK();
}

Status ReadNumber(const std::string& key, const json& v, double min, double max, bool min_open, double* out) {
  char range[96];
  std::snprintf(range, sizeof range, "a number %s %g and <= %g", min_open ? ">" : ">=", min, max);
  if (!v.is_number()) return Refuse(key, range, v);
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < min || (min_open && d == min) || d > max) return Refuse(key, range, v);
  *out = d;
  return Status::OK();
}

Status SetKey(const std::string& key, const json& v, Policy* p) {
  if (key == "keep_last") return ReadCount(key, v, 0, kMaxKeepCount, &p->keep_last);
  if (key == "keep_daily") return ReadCount(key, v, 0, kMaxKeepCount, &p->keep_daily);
  if (key == "keep_weekly") return ReadCount(key, v, 0, kMaxKeepCount, &p->keep_weekly);
  if (key == "keep_monthly") return ReadCount(key, v, 0, kMaxKeepCount, &p->keep_monthly);
  if (key == "keep_yearly") return ReadCount(key, v, 0, kMaxKeepCount, &p->keep_yearly);
  if (key == "min_keep") return ReadCount(key, v, 0, kMaxKeepCount, &p->min_keep);
  if (key == "max_age_days") {
    if (v.is_null()) return Status::OK();
    int64_t days = 0;
    Status s = ReadCount(key, v, 1, kMaxDays, &days);
    if (s.ok()) p->max_age_days = days;
    return s;
  }
  if (key == "keep_verified") {
    if (!v.is_boolean()) return Refuse(key, "true or false", v);
    p->keep_verified = v.get<bool>();
    return Status::OK();
  }
  if (key == "timezone") {
    if (v.is_null()) return Status::OK();
    if (!v.is_string()) return Refuse(key, "a time zone name", v);
    const std::string name = v.get<std::string>();
    if (!cron::TimeZone::Named(name).ok()) {
      return Status::InvalidArgument("key \"timezone\": unknown time zone \"" + name.substr(0, 64) + "\"");
    }
    p->timezone = name;
    return Status::OK();
  }
  if (key == "target_ratio" || key == "lead_days") {
    if (v.is_null()) return Status::OK();
    double d = 0;
    const bool ratio = key == "target_ratio";
    Status s = ratio ? ReadNumber(key, v, 0, 1, true, &d) : ReadNumber(key, v, 0, kMaxDays, false, &d);
    if (!s.ok()) return s;
    (ratio ? p->target_ratio : p->lead_days) = d;
    return Status::OK();
  }
  return Status::InvalidArgument("unknown key \"" + key.substr(0, 64) +
                                 "\" (known: keep_last, keep_daily, keep_weekly, keep_monthly, keep_yearly, "
                                 "max_age_days, min_keep, keep_verified, timezone, target_ratio, lead_days)");
}

// YAML's core schema reads an unquoted 0.85 as a float; the shared conversion types integers and
// booleans only, so a plain scalar that is a whole decimal number becomes one here.
void PlainDecimal(const YAML::Node& node, json* value) {
  if (!value->is_string() || !node.IsScalar() || node.Tag() == "!") return;
  const std::string& text = value->get_ref<const std::string&>();
  if (text.empty() || text.size() > 32 || text.find_first_not_of("0123456789.-+eE") != std::string::npos) return;
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (end == text.c_str() + text.size() && std::isfinite(d)) *value = d;
}

Status CheckCombination(const Policy& p) {
  if (p.lead_days && !p.target_ratio) {
    return Status::InvalidArgument("key \"lead_days\" needs \"target_ratio\" (the share of the quota to stay under)");
  }
  return Status::OK();
}

}  // namespace

bool Policy::HasRetentionRule() const {
  return keep_last > 0 || keep_daily > 0 || keep_weekly > 0 || keep_monthly > 0 || keep_yearly > 0 ||
         max_age_days.has_value() || min_keep > 0 || keep_verified;
}

json Policy::ToJson() const {
  json j = {{"keep_last", keep_last},       {"keep_daily", keep_daily},     {"keep_weekly", keep_weekly},
            {"keep_monthly", keep_monthly}, {"keep_yearly", keep_yearly},   {"max_age_days", nullptr},
            {"min_keep", min_keep},         {"keep_verified", keep_verified}, {"timezone", nullptr},
            {"target_ratio", nullptr},      {"lead_days", nullptr}};
  if (max_age_days) j["max_age_days"] = *max_age_days;
  if (!timezone.empty()) j["timezone"] = timezone;
  if (target_ratio) j["target_ratio"] = *target_ratio;
  if (lead_days) j["lead_days"] = *lead_days;
  return j;
}

Result<Policy> PolicyFromJson(const json& object, const std::string& where) {
  const std::string prefix = where.empty() ? "" : where + ": ";
  // An empty PHP array arrives as a JSON list: the empty policy.
  if (object.is_array() && object.empty()) return Policy{};
  if (!object.is_object()) return Status::InvalidArgument(prefix + "the policy must be a map of keys");
  Policy p;
  for (const auto& [key, value] : object.items()) {
    Status s = SetKey(key, value, &p);
    if (!s.ok()) return Status::InvalidArgument(prefix + s.message());
  }
  Status s = CheckCombination(p);
  if (!s.ok()) return Status::InvalidArgument(prefix + s.message());
  return p;
}

Result<Policy> ParsePolicyYaml(const std::string& yaml, const std::string& name) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(name + ": not valid YAML: " + e.what());
  }
  if (root.IsNull()) return Policy{};
  if (root.IsMap() && root["policy"]) root = root["policy"];
  if (!root.IsMap()) {
    return Status::InvalidArgument(name + " line " + std::to_string(root.Mark().line + 1) +
                                   ": the policy must be a map of keys (keep_daily: 7, ...)");
  }
  Policy p;
  ExpansionBudget budget(name);
  try {
    for (const auto& kv : root) {
      const std::string at = name + " line " + std::to_string(kv.first.Mark().line + 1) + ": ";
      if (!kv.first.IsScalar()) return Status::InvalidArgument(at + "a key must be a plain name");
      json value;
      Status s = YamlToJson(kv.second, 1, &budget, &value);
      if (!s.ok()) return Status::InvalidArgument(s.message());
      PlainDecimal(kv.second, &value);
      s = SetKey(kv.first.Scalar(), value, &p);
      if (!s.ok()) return Status::InvalidArgument(at + s.message());
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument(name + ": " + e.what());
  }
  Status s = CheckCombination(p);
  if (!s.ok()) return Status::InvalidArgument(name + ": " + s.message());
  return p;
}

Result<Policy> LoadPolicyFile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, kMaxConfigFileBytes, "policy file");
  if (!text.ok()) return text.status();
  return ParsePolicyYaml(*text, path);
}

}  // namespace bjlg::remote::purge
