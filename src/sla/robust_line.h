// The statistics the saturation forecast rests on: a robust weighted straight line (Huber
// weights, recency weights, centred time) with the standard errors of its level and slope, and
// the few order statistics and normal quantiles the model needs. Pure functions, no I/O.
#ifndef BJLG_SLA_ROBUST_LINE_H_
#define BJLG_SLA_ROBUST_LINE_H_

#include <cstddef>
#include <vector>

namespace bjlg::sla {

// The median of `values` (the mean of the two middle ones for an even count); 0 when empty.
double Median(std::vector<double> values);

// The weighted median: the smallest value whose cumulative weight reaches half the total.
// REQUIRES: values.size() == weights.size(), weights >= 0. 0 when empty or all weights are 0.
double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights);

// z such that a standard normal variable falls within [-z, z] with probability `confidence`.
// REQUIRES: 0 < confidence < 1.
double TwoSidedNormalQuantile(double confidence);

// y = level + slope * (x - centre), fitted to points (x, y) with prior weights (recency) times
// Huber weights that down-weight points far from the line, so that a glitch cannot tilt it.
// x is centred on its weighted mean before any sum, so that large abscissae (Unix times) never
// cancel in double precision.
struct RobustLine {
  double centre = 0;      // weighted mean of x
  double level = 0;       // fitted y at x = centre
  double slope = 0;       // dy/dx
  double level_se = 0;    // standard error of `level`
  double slope_se = 0;    // standard error of `slope`
  double residual_scale = 0;  // robust scale of the residuals
  double lag1_correlation = 0;  // of the residuals in x order (0 when it cannot be measured)
  bool ok = false;        // false: fewer than 2 distinct x with weight

  double At(double x) const { return level + slope * (x - centre); }
  // Standard error of At(x) as an estimate of the line (not of a new point).
  double SeAt(double x) const;
};

// REQUIRES: x.size() == y.size() == prior.size(); x sorted ascending; prior weights >= 0.
// The standard errors use sandwich sums of the final weights and are widened by
// (1 + r) / (1 - r) for a positive lag-1 correlation r of the residuals (a weekly rhythm or a
// sawtooth leaves runs of residuals of one sign, which carry less information than as many
// independent points).
RobustLine FitRobustLine(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& prior);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_ROBUST_LINE_H_
