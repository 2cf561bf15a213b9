#include "sla/stats.h"

#include <algorithm>
#include <cmath>

namespace bjlg::sla {

namespace {

double SortedPercentile(const std::vector<double>& sorted, double p) {
  const double idx = p * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(idx));
  const size_t hi = static_cast<size_t>(std::ceil(idx));
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - static_cast<double>(lo));
}

}  // namespace

std::optional<double> Percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return SortedPercentile(values, std::clamp(p, 0.0, 1.0));
}

Summary Summarize(const std::vector<double>& values) {
  Summary s;
  if (values.empty()) return s;
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  s.count = sorted.size();
  // A running mean, as the plugin keeps it: no overflow on large sums of large durations.
  for (size_t i = 0; i < sorted.size(); ++i) s.mean += (sorted[i] - s.mean) / static_cast<double>(i + 1);
  s.p50 = SortedPercentile(sorted, 0.5);
  s.p95 = SortedPercentile(sorted, 0.95);
  s.min = sorted.front();
  s.max = sorted.back();
  return s;
}

}  // namespace bjlg::sla
