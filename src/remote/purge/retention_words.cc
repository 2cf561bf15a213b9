#include "remote/purge/retention_words.h"

#include "common/time.h"

namespace bjlg::remote::purge {
namespace {

using json = nlohmann::json;

std::string N(int64_t n) { return std::to_string(n); }

std::string OneReason(const Reason& r, const Policy& p, Lang lang) {
  const bool fr = lang == Lang::kFr;
  switch (r.rule) {
    case Rule::kKeepLast:
      return fr ? "parmi les " + N(p.keep_last) + " dernières archives" : "one of the last " + N(p.keep_last) + " archives";
    case Rule::kKeepDaily:
      return fr ? "la plus récente du jour " + r.detail + ", parmi les " + N(p.keep_daily) + " derniers jours"
                : "newest of day " + r.detail + ", one of the last " + N(p.keep_daily) + " days";
    case Rule::kKeepWeekly:
      return fr ? "la plus récente de la semaine " + r.detail + ", parmi les " + N(p.keep_weekly) + " dernières semaines"
                : "newest of week " + r.detail + ", one of the last " + N(p.keep_weekly) + " weeks";
    case Rule::kKeepMonthly:
      return fr ? "la plus récente du mois " + r.detail + ", parmi les " + N(p.keep_monthly) + " derniers mois"
                : "newest of month " + r.detail + ", one of the last " + N(p.keep_monthly) + " months";
    case Rule::kKeepYearly:
      return fr ? "la plus récente de l'année " + r.detail + ", parmi les " + N(p.keep_yearly) + " dernières années"
                : "newest of year " + r.detail + ", one of the last " + N(p.keep_yearly) + " years";
    case Rule::kMaxAge: {
      const int64_t d = p.max_age_days.value_or(0);
      return fr ? "plus récente que " + N(d) + " jours" : "younger than " + N(d) + " days";
    }
    case Rule::kKeepVerified:
      return fr ? "archive la plus récente dont le test de restauration a réussi"
                : "newest archive whose restore test passed";
    case Rule::kChain:
      return fr ? "nécessaire pour restaurer l'incrémentale " + r.detail
                : "needed to restore the incremental " + r.detail;
    case Rule::kMinKeep:
      return fr ? "conservée pour qu'il en reste au moins " + N(p.min_keep)
                : "kept so that at least " + N(p.min_keep) + " remain";
    case Rule::kNoPolicy:
      return fr ? "la politique n'a aucune règle : rien n'est supprimé" : "the policy has no rule: nothing is deleted";
    case Rule::kTooOld: {
      const int64_t d = p.max_age_days.value_or(0);
      return fr ? "plus ancienne que " + N(d) + " jours, aucune règle ne la conserve"
                : "older than " + N(d) + " days, kept by no rule";
    }
    case Rule::kNoRule: return fr ? "aucune règle ne la conserve" : "kept by no rule";
    case Rule::kQuota: {
      const std::string pct = N(static_cast<int64_t>(p.target_ratio.value_or(0) * 100 + 0.5));
      const std::string lead = N(static_cast<int64_t>(p.lead_days.value_or(0)));
      return fr ? "supprimée en avance : " + pct + " % du quota atteints dans " + r.detail + " jours, sous le délai de " +
                      lead + " jours"
                : "deleted early: " + pct + "% of the quota reached in " + r.detail + " days, within the " + lead +
                      "-day lead";
    }
    case Rule::kForeign:
      return fr ? "pas un nom d'archive de sauvegarde : jamais touché" : "not a backup archive name: never touched";
  }
  return "";
}

json Entry(const Verdict& v, const Policy& p, Lang lang) {
  json rules = json::array();
  for (const Reason& r : v.reasons) rules.push_back(RuleCode(r.rule));
  json e = {{"name", v.name},
            {"size", v.size},
            {"time", nullptr},
            {"time_source", nullptr},
            {"kind", ArchiveKindName(v.kind)},
            {"chain", nullptr},
            {"rule", v.reasons.empty() ? "" : RuleCode(v.reasons.front().rule)},
            {"rules", std::move(rules)},
            {"reason", ReasonText(v, p, lang)}};
  if (v.time) {
    e["time"] = *v.time;
    e["time_source"] = v.time_from_name ? "name" : "mtime";
  }
  if (v.kind == ArchiveKind::kIncremental && !v.base.empty()) e["chain"] = v.base;
  return e;
}

std::string Given(const json& v) {
  if (v.is_string()) return "\"" + v.get<std::string>().substr(0, 40) + "\"";
  if (v.is_object()) return "an array";
  if (v.is_array()) return "a list";
  return v.dump();
}

Status Field(size_t i, const char* field, const std::string& expected, const json& v) {
  return Status::InvalidArgument("archive " + std::to_string(i) + ": field \"" + field + "\" must be " + expected +
                                 ", " + Given(v) + " given");
}

}  // namespace

Result<Lang> LangFromName(const std::string& name) {
  if (name == "en") return Lang::kEn;
  if (name == "fr") return Lang::kFr;
  return Status::InvalidOption("lang", "must be \"en\" or \"fr\"");
}

std::string ReasonText(const Verdict& v, const Policy& policy, Lang lang) {
  std::string text;
  for (const Reason& r : v.reasons) {
    if (!text.empty()) text += "; ";
    text += OneReason(r, policy, lang);
  }
  if (v.orphan && !v.reasons.empty() && v.reasons.front().rule != Rule::kTooOld &&
      v.reasons.front().rule != Rule::kNoRule) {
    text += lang == Lang::kFr ? " (sa sauvegarde complète n'est pas listée)" : " (its full backup is not listed)";
  }
  return text;
}

json RetentionToJson(const RetentionResult& result, const Policy& policy, Lang lang) {
  json keep = json::array(), remove = json::array(), foreign = json::array();
  for (const Verdict& v : result.keep) keep.push_back(Entry(v, policy, lang));
  for (const Verdict& v : result.remove) remove.push_back(Entry(v, policy, lang));
  for (const Verdict& v : result.foreign) foreign.push_back(Entry(v, policy, lang));
  json counts = {{"keep", keep.size()}, {"delete", remove.size()}, {"foreign", foreign.size()}};
  return {{"keep", std::move(keep)},
          {"delete", std::move(remove)},
          {"foreign", std::move(foreign)},
          {"bytes_freed", result.bytes_freed},
          {"counts", std::move(counts)}};
}

Result<std::vector<Archive>> ArchivesFromJson(const json& list) {
  if (!list.is_array()) return Status::InvalidArgument("the archives must be a list");
  std::vector<Archive> out;
  out.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const json& a = list[i];
    if (!a.is_object()) {
      return Status::InvalidArgument("archive " + std::to_string(i) + " must be an array with a \"name\", " +
                                     Given(a) + " given");
    }
    Archive archive;
    auto name = a.find("name");
    if (name == a.end()) return Status::InvalidArgument("archive " + std::to_string(i) + ": field \"name\" is missing");
    if (!name->is_string() || name->get<std::string>().empty()) return Field(i, "name", "a non-empty string", *name);
    archive.name = name->get<std::string>();
    if (auto size = a.find("size"); size != a.end() && !size->is_null()) {
      if (!size->is_number_integer() || (size->is_number_integer() && !size->is_number_unsigned() &&
                                         size->get<int64_t>() < 0)) {
        return Field(i, "size", "an integer >= 0", *size);
      }
      archive.size = size->get<uint64_t>();
    }
    if (auto mtime = a.find("mtime"); mtime != a.end() && !mtime->is_null()) {
      int64_t t = 0;
      if (mtime->is_number_integer()) {
        t = mtime->get<int64_t>();
      } else if (!mtime->is_string() || !ParseIso8601(mtime->get<std::string>(), &t)) {
        return Field(i, "mtime", "Unix seconds or an ISO 8601 date", *mtime);
      }
      archive.mtime = t;
    }
    if (auto verified = a.find("verified"); verified != a.end() && !verified->is_null()) {
      if (!verified->is_boolean()) return Field(i, "verified", "true or false", *verified);
      archive.verified = verified->get<bool>();
    }
    out.push_back(std::move(archive));
  }
  return out;
}

}  // namespace bjlg::remote::purge
