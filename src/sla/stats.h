// Summary statistics of measured durations: the one percentile definition of bjlg's SLA numbers.
//
// Percentiles interpolate linearly between order statistics (idx = p·(n−1)), the definition the
// plugin uses for its purge p95 (design §A.7.3), so that bjlg's numbers and the plugin's agree
// on the same samples.
#ifndef BJLG_SLA_STATS_H_
#define BJLG_SLA_STATS_H_

#include <optional>
#include <vector>

namespace bjlg::sla {

// The p-quantile (0 <= p <= 1) of `values`; nullopt when empty. Sorts a copy.
std::optional<double> Percentile(std::vector<double> values, double p);

struct Summary {
  size_t count = 0;
  double mean = 0, p50 = 0, p95 = 0, min = 0, max = 0;
};

// count, mean, p50, p95, min and max of `values`; count 0 (and zeros) when empty.
Summary Summarize(const std::vector<double>& values);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_STATS_H_
