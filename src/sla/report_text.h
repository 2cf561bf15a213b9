// The words and number formats of the SLA reports, in English and French: sizes (KiB/Kio),
// durations, percentages and local times, so that every format says a value the same way.
#ifndef BJLG_SLA_REPORT_TEXT_H_
#define BJLG_SLA_REPORT_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cron/time_zone.h"

namespace bjlg::sla {

class ReportText {
 public:
  ReportText(std::string locale, cron::TimeZone zone) : fr_(locale == "fr"), zone_(std::move(zone)) {}

  // The phrase `key` in the report's language; the key itself when unknown.
  std::string operator()(const std::string& key) const;
  std::string Bytes(double bytes) const;          // "1.5 GiB" / "1,5 Gio"
  std::string Duration(double seconds) const;     // "2 d 4 h" / "2 j 4 h"
  std::string Percent(double share) const;        // 0.953 -> "95.3 %"
  std::string Number(double v, int decimals) const;
  std::string Time(int64_t unix_seconds) const;   // "2026-12-05 08:30" in the zone
  std::string Date(int64_t unix_seconds) const;   // "2026-12-05"
  // "2026-12-05 08:30:15 +01:00": a moment that must not be misread (the offset in force then).
  std::string TimeWithOffset(int64_t unix_seconds) const;
  std::string ZoneName() const { return zone_.name(); }
  bool french() const { return fr_; }

  // The same for JSON values: "—" for null or a non-number.
  std::string Bytes(const nlohmann::json& v) const;
  std::string Duration(const nlohmann::json& v) const;
  std::string Percent(const nlohmann::json& v) const;
  std::string Time(const nlohmann::json& v) const;
  std::string TimeWithOffset(const nlohmann::json& v) const;

 private:
  bool fr_;
  cron::TimeZone zone_;
};

// A time in a report's data: Unix seconds or an ISO 8601 string; nullopt otherwise.
std::optional<int64_t> JsonTime(const nlohmann::json& v);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_REPORT_TEXT_H_
