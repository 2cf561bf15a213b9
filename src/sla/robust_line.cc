#include "sla/robust_line.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bjlg::sla {

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + mid);
  return lower + (upper - lower) / 2;
}

double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (total <= 0) return 0;
  double sum = 0;
  for (size_t i : order) {
    sum += weights[i];
    if (sum >= total / 2) return values[i];
  }
  return values[order.back()];
}

double TwoSidedNormalQuantile(double confidence) {
  // Bisection on the exact CDF: 80 halvings of [0, 40] reach double precision, and this runs
  // once per forecast.
  const double target = (1 + confidence) / 2;
  double lo = 0, hi = 40;
  for (int i = 0; i < 80; ++i) {
    const double mid = (lo + hi) / 2;
    if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < target) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

double RobustLine::SeAt(double x) const {
  const double d = x - centre;
  return std::sqrt(level_se * level_se + d * d * slope_se * slope_se);
}

namespace {

// Huber's tuning constant: 95% efficiency on normal residuals, bounded influence beyond.
constexpr double kHuber = 1.345;
// MAD to standard deviation for normal residuals.
constexpr double kMadToSigma = 1.4826;
// A lag-1 correlation of 0.98 already means 1 independent point in 100: beyond, the residuals
// are one smooth curve and the inflation would only measure rounding.
constexpr double kMaxInflation = 100;

std::vector<double> abs_of(const std::vector<double>& v) {
  std::vector<double> out(v.size());
  for (size_t i = 0; i < v.size(); ++i) out[i] = std::fabs(v[i]);
  return out;
}

struct Sums {
  double weight = 0, centre = 0, mean_y = 0, sxx = 0, sxy = 0;
};

Sums WeightedSums(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w) {
  Sums s;
  for (size_t i = 0; i < x.size(); ++i) s.weight += w[i];
  if (s.weight <= 0) return s;
  for (size_t i = 0; i < x.size(); ++i) {
    s.centre += w[i] * x[i];
    s.mean_y += w[i] * y[i];
  }
  s.centre /= s.weight;
  s.mean_y /= s.weight;
  for (size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - s.centre;
    s.sxx += w[i] * dx * dx;
    s.sxy += w[i] * dx * (y[i] - s.mean_y);
  }
  return s;
}

}  // namespace

RobustLine FitRobustLine(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& prior) {
  RobustLine line;
  const size_t n = x.size();
  double first = 0, last = 0;
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (prior[i] <= 0) continue;
    if (!any) first = x[i];
    last = x[i];
    any = true;
  }
  if (!any || !(last > first)) return line;

  std::vector<double> huber(n, 1.0), w(prior), r(n, 0.0), abs_r(n, 0.0);
  // The weighted least-squares line of the current weights; false when x has no spread under them.
  Sums s;
  auto fit = [&] {
    for (size_t i = 0; i < n; ++i) w[i] = prior[i] * huber[i];
    s = WeightedSums(x, y, w);
    if (s.sxx <= 0) return false;
    line.centre = s.centre;
    line.slope = s.sxy / s.sxx;
    line.level = s.mean_y;
    return true;
  };
  for (int iteration = 0; iteration < 30; ++iteration) {
    if (!fit()) return line;
    for (size_t i = 0; i < n; ++i) {
      r[i] = y[i] - line.At(x[i]);
      abs_r[i] = std::fabs(r[i]);
    }
    line.residual_scale = kMadToSigma * WeightedMedian(abs_r, prior);
    if (line.residual_scale <= 0) break;  // more than half the weight fits exactly
    const double k = kHuber * line.residual_scale;
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      const double h = abs_r[i] <= k ? 1.0 : k / abs_r[i];
      change = std::max(change, std::fabs(h - huber[i]));
      huber[i] = h;
    }
    if (change < 1e-6) break;
  }
  // The line of the final weights, and its residuals.
  if (!fit()) return line;
  for (size_t i = 0; i < n; ++i) r[i] = y[i] - line.At(x[i]);

  double sw = 0, sw2 = 0, sw2dx2 = 0;
  for (size_t i = 0; i < n; ++i) {
    const double dx = x[i] - line.centre;
    sw += w[i];
    sw2 += w[i] * w[i];
    sw2dx2 += w[i] * w[i] * dx * dx;
  }
  const double n_eff = sw * sw / sw2;
  // Two parameters are fitted: the usual n - 2 correction, on the effective count.
  // The residual variance from the robust scale: the Huber-weighted mean square would shrink it
  // by the very down-weighting that protects the slope.
  line.residual_scale = kMadToSigma * WeightedMedian(abs_of(r), prior);
  const double raw = line.residual_scale * line.residual_scale;
  const double variance = n_eff > 2.5 ? raw * n_eff / (n_eff - 2) : raw * 5;

  double num = 0, den = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    const double pair = std::sqrt(w[i] * w[i + 1]);
    num += pair * r[i] * r[i + 1];
  }
  for (size_t i = 0; i < n; ++i) den += w[i] * r[i] * r[i];
  line.lag1_correlation = den > 0 ? std::clamp(num / den, -1.0, 1.0) : 0;
  double inflation = 1;
  if (line.lag1_correlation > 0) {
    inflation = std::min(kMaxInflation, (1 + line.lag1_correlation) / std::max(1e-9, 1 - line.lag1_correlation));
  }
  line.level_se = std::sqrt(variance * inflation * sw2 / (sw * sw));
  line.slope_se = std::sqrt(variance * inflation * sw2dx2) / s.sxx;
  line.ok = true;
  return line;
}

}  // namespace bjlg::sla
