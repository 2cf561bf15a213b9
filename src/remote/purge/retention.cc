#include "remote/purge/retention.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "cron/calendar.h"

namespace bjlg::remote::purge {
namespace {

using cron::CivilDate;
using cron::FloorDiv;
using cron::kSecondsPerDay;

// The calendar position of an instant on the zone's wall clock.
struct LocalDay {
  int64_t day;       // days since 1970-01-01, local
  CivilDate date;
  int64_t week_key;  // the day number of the Monday of its ISO week
  int iso_year;
  int iso_week;
};

// The offset of `t` in `zone`, reusing `*period` when `t` falls in it: archives come sorted, so
// consecutive ones share an offset period and the zone's table is searched once per period.
int OffsetOf(int64_t t, const cron::TimeZone& zone, cron::OffsetPeriod* period) {
  if (t < period->begin || t >= period->end) *period = zone.PeriodAt(t);
  return period->offset;
}

LocalDay LocalDayOf(int64_t t, const cron::TimeZone& zone, cron::OffsetPeriod* period) {
  LocalDay d;
  d.day = FloorDiv(t + OffsetOf(t, zone, period), kSecondsPerDay);
  d.date = cron::CivilFromDays(d.day);
  const int64_t monday_based = (cron::WeekdayFromDays(d.day) + 6) % 7;  // Monday 0 … Sunday 6
  d.week_key = d.day - monday_based;
  // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
  const int64_t thursday = d.week_key + 3;
  d.iso_year = cron::CivilFromDays(thursday).year;
  d.iso_week = static_cast<int>((thursday - cron::DaysFromCivil(d.iso_year, 1, 1)) / 7 + 1);
  return d;
}

std::string Label(Rule rule, const LocalDay& d) {
  char buf[32];
  switch (rule) {
    case Rule::kKeepDaily:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.date.year, d.date.month, d.date.day);
      break;
    case Rule::kKeepWeekly: std::snprintf(buf, sizeof buf, "%04d-W%02d", d.iso_year, d.iso_week); break;
    case Rule::kKeepMonthly: std::snprintf(buf, sizeof buf, "%04d-%02u", d.date.year, d.date.month); break;
    case Rule::kKeepYearly: std::snprintf(buf, sizeof buf, "%04d", d.date.year); break;
    default: return "";
  }
  return buf;
}

// One restic bucket rule: how many buckets it may still keep, and the last bucket kept.
struct Bucket {
  Rule rule;
  int64_t remaining;
  std::optional<int64_t> last;
};

int64_t BucketKey(Rule rule, const LocalDay& d, size_t position) {
  switch (rule) {
    case Rule::kKeepLast: return static_cast<int64_t>(position);
    case Rule::kKeepDaily: return d.day;
    case Rule::kKeepWeekly: return d.week_key;
    case Rule::kKeepMonthly: return static_cast<int64_t>(d.date.year) * 12 + d.date.month;
    default: return d.date.year;
  }
}

class Engine {
 public:
  Engine(const Policy& policy, const cron::TimeZone& zone, int64_t now) : policy_(policy), zone_(zone), now_(now) {}

  RetentionResult Run(std::vector<Verdict> backups, std::vector<Verdict> foreign) {
    // Newest first; the uniqid breaks ties of the same second.
    std::sort(backups.begin(), backups.end(), [](const Verdict& a, const Verdict& b) {
      return a.time != b.time ? *a.time > *b.time : a.name > b.name;
    });
    v_ = std::move(backups);
    kept_.assign(v_.size(), false);
    LinkChains();
    if (!policy_.HasRetentionRule()) {
      for (size_t i = 0; i < v_.size(); ++i) Keep(i, {Rule::kNoPolicy, ""});
    } else {
      ApplyBucketRules();
      ApplyMaxAge();
      ApplyKeepVerified();
      for (size_t i = 0; i < v_.size(); ++i) {
        if (kept_[i]) KeepChainOf(i);
      }
      ApplyMinKeep();
    }
    RetentionResult result;
    for (size_t i = 0; i < v_.size(); ++i) {
      if (kept_[i]) {
        result.keep.push_back(std::move(v_[i]));
        continue;
      }
      const bool too_old = policy_.max_age_days && Age(v_[i]) >= *policy_.max_age_days * kSecondsPerDay;
      v_[i].reasons.push_back({too_old ? Rule::kTooOld : Rule::kNoRule, ""});
      result.bytes_freed += v_[i].size;
      result.remove.push_back(std::move(v_[i]));
    }
    for (Verdict& f : foreign) f.reasons.push_back({Rule::kForeign, ""});
    result.foreign = std::move(foreign);
    return result;
  }

 private:
  int64_t Age(const Verdict& v) const { return now_ - *v.time; }

  void Keep(size_t i, Reason why) {
    kept_[i] = true;
    v_[i].reasons.push_back(std::move(why));
  }

  // Oldest first: a full starts a chain, each incremental depends on the chain so far.
  void LinkChains() {
    deps_.assign(v_.size(), {});
    std::vector<size_t> chain;
    std::string base;
    bool have_base = false;
    for (size_t k = v_.size(); k-- > 0;) {
      Verdict& v = v_[k];
      if (v.kind == ArchiveKind::kFull) {
        chain = {k};
        base = v.name;
        have_base = true;
      } else if (v.kind == ArchiveKind::kIncremental) {
        deps_[k] = chain;
        v.base = have_base ? base : "";
        v.orphan = !have_base;
        chain.push_back(k);
      }
    }
  }

  void ApplyBucketRules() {
    std::vector<Bucket> buckets;
    const std::pair<Rule, int64_t> rules[] = {{Rule::kKeepLast, policy_.keep_last},
                                              {Rule::kKeepDaily, policy_.keep_daily},
                                              {Rule::kKeepWeekly, policy_.keep_weekly},
                                              {Rule::kKeepMonthly, policy_.keep_monthly},
                                              {Rule::kKeepYearly, policy_.keep_yearly}};
    for (const auto& [rule, count] : rules) {
      if (count > 0) buckets.push_back({rule, count, std::nullopt});
    }
    cron::OffsetPeriod period{0, 0, 0};  // empty: the first lookup fills it
    for (size_t i = 0; i < v_.size(); ++i) {
      const LocalDay d = LocalDayOf(*v_[i].time, zone_, &period);
      for (Bucket& b : buckets) {
        if (b.remaining == 0) continue;
        const int64_t key = BucketKey(b.rule, d, i);
        if (b.last && *b.last == key) continue;
        b.last = key;
        --b.remaining;
        Keep(i, {b.rule, Label(b.rule, d)});
      }
    }
  }

  void ApplyMaxAge() {
    if (!policy_.max_age_days) return;
    for (size_t i = 0; i < v_.size(); ++i) {
      if (Age(v_[i]) < *policy_.max_age_days * kSecondsPerDay) Keep(i, {Rule::kMaxAge, ""});
    }
  }

  void ApplyKeepVerified() {
    if (!policy_.keep_verified) return;
    for (size_t i = 0; i < v_.size(); ++i) {
      if (v_[i].verified) {
        Keep(i, {Rule::kKeepVerified, ""});
        return;
      }
    }
  }

  // REQUIRES: kept_[i]. Keeps what archive i needs to restore.
  void KeepChainOf(size_t i) {
    for (size_t d : deps_[i]) {
      if (!kept_[d]) Keep(d, {Rule::kChain, v_[i].name});
    }
  }

  void ApplyMinKeep() {
    auto count = [this] { return static_cast<int64_t>(std::count(kept_.begin(), kept_.end(), true)); };
    for (size_t i = 0; i < v_.size() && count() < policy_.min_keep; ++i) {
      if (kept_[i]) continue;
      Keep(i, {Rule::kMinKeep, ""});
      KeepChainOf(i);
    }
  }

  const Policy& policy_;
  const cron::TimeZone& zone_;
  int64_t now_;
  std::vector<Verdict> v_;
  std::vector<bool> kept_;
  std::vector<std::vector<size_t>> deps_;  // per incremental: its full and the incrementals before it
};

}  // namespace

const char* RuleCode(Rule rule) {
  switch (rule) {
    case Rule::kKeepLast: return "keep_last";
    case Rule::kKeepDaily: return "keep_daily";
    case Rule::kKeepWeekly: return "keep_weekly";
    case Rule::kKeepMonthly: return "keep_monthly";
    case Rule::kKeepYearly: return "keep_yearly";
    case Rule::kMaxAge: return "max_age_days";
    case Rule::kKeepVerified: return "keep_verified";
    case Rule::kChain: return "chain";
    case Rule::kMinKeep: return "min_keep";
    case Rule::kNoPolicy: return "no_policy";
    case Rule::kTooOld: return "too_old";
    case Rule::kNoRule: return "no_rule";
    case Rule::kQuota: return "quota";
    case Rule::kForeign: break;
  }
  return "foreign";
}

Result<RetentionResult> Evaluate(const std::vector<Archive>& archives, const Policy& policy,
                                 const cron::TimeZone& zone, int64_t now) {
  std::vector<Verdict> backups, foreign;
  std::set<std::string> names;
  for (size_t i = 0; i < archives.size(); ++i) {
    const Archive& a = archives[i];
    if (!names.insert(a.name).second) {
      return Status::InvalidArgument("archive " + std::to_string(i) + ": the name \"" + a.name.substr(0, 200) +
                                     "\" is listed twice");
    }
    const ArchiveName parsed = ParseArchiveName(a.name);
    Verdict v;
    v.index = i;
    v.name = a.name;
    v.size = a.size;
    v.kind = parsed.kind;
    v.time_from_name = parsed.time.has_value();
    v.time = parsed.time ? parsed.time : a.mtime;
    v.verified = a.verified;
    (parsed.kind == ArchiveKind::kForeign ? foreign : backups).push_back(std::move(v));
  }
  return Engine(policy, zone, now).Run(std::move(backups), std::move(foreign));
}

}  // namespace bjlg::remote::purge
