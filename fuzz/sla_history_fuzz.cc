// Fuzzes the SLA history reader on arbitrary bytes, then the forecast on every destination's
// samples it accepted: no crash, no sanitizer report, and no crossing time outside
// [now, now + horizon] whatever the numbers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

#include "sla/forecast.h"
#include "sla/history.h"

using namespace bjlg::sla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  auto history = ReadHistory(in, "fuzz");
  if (!history.ok()) return 0;
  std::map<std::string, std::vector<UsageSample>> by_destination;
  for (const HistorySample& s : history->samples) {
    if (!s.used_bytes) continue;
    auto& list = by_destination[s.destination];
    UsageSample u;
    u.at = s.at;
    u.used_bytes = static_cast<double>(*s.used_bytes);
    if (s.quota_bytes) u.quota_bytes = static_cast<double>(*s.quota_bytes);
    u.index = list.size();
    list.push_back(u);
  }
  ForecastOptions options;
  options.now = 1800000000;  // 2027-01-15
  options.horizon_days = 365;
  for (auto& [name, samples] : by_destination) {
    auto f = Project(samples, options);
    if (!f.ok()) continue;
    for (const auto& t : {f->threshold_at, f->threshold_at_low, f->threshold_at_high, f->full_at}) {
      if (t && (*t < *options.now || *t > *options.now + 365 * 86400 + 1)) abort();
    }
    (void)ForecastToJson(*f);
  }
  return 0;
}
