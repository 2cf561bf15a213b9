#include "sla/forecast.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/time.h"
#include "sla/robust_line.h"

namespace bjlg::sla {

namespace {

constexpr double kDay = 86400;
// The largest double below 2^63: byte counts are clamped to it before becoming int64_t.
constexpr double kMaxBytes = 9223372036854774784.0;
// Clock skew tolerated between the machine that recorded a sample and the one forecasting.
constexpr int64_t kFutureSkewSeconds = 300;
// Hampel filter: neighbours on each side, and how many robust deviations make a glitch.
constexpr size_t kHampelHalfWindow = 3;
constexpr double kHampelDeviations = 5;
// A drop is a purge when it exceeds this many robust deviations of the day-to-day changes,
// and this share of the usual level (so that rounding on a flat series is never a purge).
constexpr double kPurgeDeviations = 4;
constexpr double kPurgeMinShare = 0.002;
// From this many complete purge cycles on, the peaks carry the net growth.
constexpr size_t kEnvelopeMinPurges = 3;
// Recency: a sample's weight halves every max(kMinHalfLifeDays, span * kHalfLifeShare) days
// before the latest one, so that a growth change shows in weeks, not in months.
constexpr double kMinHalfLifeDays = 21;
constexpr double kHalfLifeShare = 0.35;
// The line's standard errors assume the residuals are what the fit saw; on the backtest
// (bench/sla) real crossings fell outside the interval more often than `confidence` says (the
// Huber-weighted fit is more confident than its data, and glitches at the ends cannot be told
// from changes). This widening, measured there, brings coverage to `confidence`.
constexpr double kIntervalWidening = 1.25;
// Crossing search: grid steps over the horizon before the bisection.
constexpr int kCrossingGrid = 1024;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

Status SampleError(size_t index, const char* field, const std::string& what) {
  return Status::InvalidArgument("sample " + std::to_string(index) + ": field " + Quote(field) + " " + what).AtItem(index);
}

std::vector<double> RecencyWeights(const std::vector<double>& t) {
  std::vector<double> w(t.size(), 1.0);
  if (t.empty()) return w;
  const double span = t.back() - t.front();
  const double half_life = std::max(kMinHalfLifeDays, span * kHalfLifeShare);
  for (size_t i = 0; i < t.size(); ++i) w[i] = std::exp2(-(t.back() - t[i]) / half_life);
  return w;
}

// Indices of the samples kept after glitches are dropped. A sample needs two neighbours on each
// side to be judged: at the ends a glitch and a real change cannot be told apart.
std::vector<size_t> DropGlitches(const std::vector<double>& u) {
  std::vector<size_t> kept;
  const size_t n = u.size();
  for (size_t i = 0; i < n; ++i) {
    if (i < 2 || i + 2 >= n) {
      kept.push_back(i);
      continue;
    }
    std::vector<double> neighbours;
    for (size_t j = i >= kHampelHalfWindow ? i - kHampelHalfWindow : 0; j <= std::min(n - 1, i + kHampelHalfWindow); ++j) {
      if (j != i) neighbours.push_back(u[j]);
    }
    const double m = Median(neighbours);
    std::vector<double> dev;
    for (double v : neighbours) dev.push_back(std::fabs(v - m));
    const double scale = 1.4826 * Median(dev);
    const double limit = std::max({kHampelDeviations * scale, 0.01 * std::fabs(m), 1.0});
    if (std::fabs(u[i] - m) <= limit) kept.push_back(i);
  }
  return kept;
}

// Positions in `u` (at least 1) where a purge dropped the usage.
std::vector<size_t> FindPurges(const std::vector<double>& u) {
  std::vector<size_t> purges;
  if (u.size() < 3) return purges;
  std::vector<double> d;
  for (size_t i = 1; i < u.size(); ++i) d.push_back(u[i] - u[i - 1]);
  const double md = Median(d);
  std::vector<double> dev;
  for (double v : d) dev.push_back(std::fabs(v - md));
  const double scale = 1.4826 * Median(dev);
  const double level = Median(u);
  const double limit = std::max({kPurgeDeviations * scale, kPurgeMinShare * level, 1.0});
  for (size_t i = 1; i < u.size(); ++i) {
    if (u[i] - u[i - 1] < -limit) purges.push_back(i);
  }
  return purges;
}

// The first t in [from, from + horizon] (days) where line + k * se reaches `target`, or none.
std::optional<double> FirstCrossing(const RobustLine& line, double k, double target, double from, double horizon) {
  auto value = [&](double t) { return line.At(t) + k * line.SeAt(t); };
  if (value(from) >= target) return from;
  double prev = from;
  for (int i = 1; i <= kCrossingGrid; ++i) {
    const double t = from + horizon * i / kCrossingGrid;
    if (value(t) >= target) {
      double lo = prev, hi = t;
      for (int j = 0; j < 60; ++j) {
        const double mid = (lo + hi) / 2;
        if (value(mid) >= target) hi = mid; else lo = mid;
      }
      return hi;
    }
    prev = t;
  }
  return std::nullopt;
}

// The start of the latest regime when growth changed: the split of the points into a line
// before and a line after that leaves at most kChangeResidualShare of the residual sum of
// squares of one line (a weekly rhythm or noise never halves it; a change of slope does).
// 0 when growth did not change.
constexpr double kChangeResidualShare = 0.5;
constexpr size_t kChangeMinPoints = 30;

double SumSquaresOfLine(const std::vector<double>& x, const std::vector<double>& y, size_t from, size_t to) {
  const double n = static_cast<double>(to - from);
  double mx = 0, my = 0;
  for (size_t i = from; i < to; ++i) { mx += x[i]; my += y[i]; }
  mx /= n;
  my /= n;
  double sxx = 0, sxy = 0, syy = 0;
  for (size_t i = from; i < to; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 ? std::max(0.0, syy - sxy * sxy / sxx) : syy;
}

size_t ChangePoint(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < kChangeMinPoints) return 0;
  const double one = SumSquaresOfLine(x, y, 0, n);
  if (one <= 0) return 0;
  size_t best = 0;
  double best_ss = one * kChangeResidualShare;
  const size_t min_side = std::max<size_t>(10, n / 10);
  for (int k = 6; k <= 18; ++k) {  // candidates from 30% to 90% of the points
    const size_t c = n * k / 20;
    if (c < min_side || n - c < min_side) continue;
    const double two = SumSquaresOfLine(x, y, 0, c) + SumSquaresOfLine(x, y, c, n);
    if (two < best_ss) {
      best_ss = two;
      best = c;
    }
  }
  return best;
}

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(pos);
  const size_t hi = std::min(v.size() - 1, lo + 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

// With purges, usage is highest just before each purge: the envelope crossing at T is reached
// by the usage at the first purge after T. A regular schedule (intervals within a quarter of
// their median) predicts that purge; an irregular one moves the point by half a period and
// widens the interval by a period.
struct Snap {
  std::vector<double> purges;  // empty: no snapping
  double period = 0, step = 0, from = 0, horizon = 0;
  bool regular = false;

  double Next(double t) const {
    const double last = purges.back();
    const double k = std::max(1.0, std::ceil((t - last) / period));
    return last + k * period;
  }
  std::optional<double> Clamp(double t) const {
    if (t > from + horizon) return std::nullopt;
    return std::max(t, from);
  }
  std::optional<double> Point(std::optional<double> t) const {
    if (!t || purges.empty() || *t <= from) return t;
    return Clamp(regular ? Next(*t) : *t + period / 2);
  }
  std::optional<double> Low(std::optional<double> t) const {
    if (!t || purges.empty() || *t <= from) return t;
    return Clamp(regular ? Next(*t) - step : *t);
  }
  std::optional<double> High(std::optional<double> t) const {
    if (!t || purges.empty()) return t;
    return Clamp(regular ? Next(*t) + step : *t + period);
  }
};

Snap MakeSnap(const std::vector<double>& purges, double step, double from, double horizon) {
  Snap s;
  s.from = from;
  s.horizon = horizon;
  s.step = step;
  if (purges.size() < 2) return s;
  std::vector<double> gaps, dev;
  for (size_t i = 1; i < purges.size(); ++i) gaps.push_back(purges[i] - purges[i - 1]);
  s.period = Median(gaps);
  if (!(s.period > 0)) return s;
  for (double g : gaps) dev.push_back(std::fabs(g - s.period));
  s.regular = Median(dev) <= 0.25 * s.period;
  s.purges = purges;
  return s;
}

std::string RiskFor(double days, const RiskBands& b) {
  if (days <= b.critical_days) return "critical";
  if (days <= b.warning_days) return "warning";
  if (days <= b.watch_days) return "watch";
  return "ok";
}

}  // namespace

Status ForecastOptions::Validate() const {
  if (!(threshold > 0 && threshold <= 1)) return Status::InvalidOption("threshold", "must be a ratio greater than 0 and at most 1");
  if (quota_bytes && *quota_bytes <= 0) return Status::InvalidOption("quota_bytes", "must be greater than 0");
  if (horizon_days < 1 || horizon_days > 36500) return Status::InvalidOption("horizon_days", "must be between 1 and 36500");
  if (!(confidence >= 0.5 && confidence <= 0.999)) return Status::InvalidOption("confidence", "must be between 0.5 and 0.999");
  if (now && (*now < 0 || *now > 253402300799)) return Status::InvalidOption("now", "must be between 1970 and 9999");
  const RiskBands& b = bands;
  if (!(b.critical_days >= 0 && b.critical_days <= b.warning_days && b.warning_days <= b.watch_days && b.watch_days <= 36500)) {
    return Status::InvalidOption("risk_days", "must hold 0 <= critical <= warning <= watch <= 36500 days");
  }
  return Status::OK();
}

Status CheckSamples(std::vector<UsageSample>* samples, int64_t now) {
  for (const UsageSample& s : *samples) {
    if (!std::isfinite(s.used_bytes) || s.used_bytes < 0) {
      return SampleError(s.index, "used_bytes", "must be a finite number of bytes >= 0");
    }
    if (s.quota_bytes && (!std::isfinite(*s.quota_bytes) || *s.quota_bytes < 0)) {
      return SampleError(s.index, "quota_bytes", "must be null or a finite number of bytes >= 0");
    }
    if (s.at > now + kFutureSkewSeconds) {
      return SampleError(s.index, "at", "(" + FormatUtcIso8601(s.at) + ") is in the future (now is " + FormatUtcIso8601(now) + ")");
    }
    if (s.at < 0) return SampleError(s.index, "at", "is before 1970");
  }
  std::stable_sort(samples->begin(), samples->end(), [](const UsageSample& a, const UsageSample& b) { return a.at < b.at; });
  for (size_t i = 1; i < samples->size(); ++i) {
    const UsageSample& a = (*samples)[i - 1];
    const UsageSample& b = (*samples)[i];
    if (a.at == b.at) {
      const UsageSample& later = a.index > b.index ? a : b;
      const UsageSample& earlier = a.index > b.index ? b : a;
      return SampleError(later.index, "at", "(" + FormatUtcIso8601(b.at) + ") duplicates the time of sample " + std::to_string(earlier.index));
    }
  }
  return Status::OK();
}

Result<Forecast> Project(std::vector<UsageSample> samples, const ForecastOptions& options) {
  Forecast f;
  f.now = options.now ? *options.now : NowUnixSeconds();
  f.horizon_days = options.horizon_days;
  f.threshold = options.threshold;
  f.confidence = options.confidence;
  f.bands = options.bands;
  f.risk_level = "unknown";
  f.model = "none";
  Status st = CheckSamples(&samples, f.now);
  if (!st.ok()) return st;

  if (options.quota_bytes) {
    f.quota_bytes = *options.quota_bytes;
  } else {
    for (auto it = samples.rbegin(); it != samples.rend(); ++it) {
      if (it->quota_bytes && *it->quota_bytes >= 1) {
        f.quota_bytes = static_cast<int64_t>(std::min(*it->quota_bytes, kMaxBytes));
        break;
      }
    }
  }
  if (f.quota_bytes) f.threshold_bytes = static_cast<int64_t>(std::floor(static_cast<double>(*f.quota_bytes) * options.threshold));
  if (samples.empty()) return f;

  const UsageSample& last = samples.back();
  f.current_used_bytes = static_cast<int64_t>(std::min(last.used_bytes, kMaxBytes));
  f.current_at = last.at;
  if (f.quota_bytes) f.current_ratio = last.used_bytes / static_cast<double>(*f.quota_bytes);
  const bool over = f.threshold_bytes && last.used_bytes >= static_cast<double>(*f.threshold_bytes);

  // Days before the latest sample: small numbers whatever the epoch, nothing cancels.
  std::vector<double> t, u;
  for (const UsageSample& s : samples) {
    t.push_back(static_cast<double>(s.at - last.at) / kDay);
    u.push_back(s.used_bytes);
  }
  const std::vector<size_t> kept = DropGlitches(u);
  f.outliers = u.size() - kept.size();
  f.samples_used = kept.size();
  std::vector<double> kt, ku;
  for (size_t i : kept) {
    kt.push_back(t[i]);
    ku.push_back(u[i]);
  }
  const std::vector<size_t> purges = FindPurges(ku);
  f.purges = purges.size();

  std::vector<double> ft, fu;  // the points the line is fitted to
  double offset_now = 0;       // added back to the fitted line at `now`
  std::vector<double> purge_times;  // days, with the envelope model
  double sampling_step = 0;
  if (purges.size() >= kEnvelopeMinPurges) {
    f.model = "purge_envelope";
    // The sampled peak misses the growth between the last sample and the purge: half a
    // sampling interval of in-cycle growth on average.
    std::vector<double> steps, rates;
    for (size_t i = 1; i < kt.size(); ++i) {
      steps.push_back(kt[i] - kt[i - 1]);
      if (!std::binary_search(purges.begin(), purges.end(), i) && kt[i] > kt[i - 1]) {
        rates.push_back((ku[i] - ku[i - 1]) / (kt[i] - kt[i - 1]));
      }
    }
    const double step = Median(steps);
    const double missed = std::max(0.0, Median(rates)) * step / 2;
    size_t start = 0;
    for (size_t p : purges) {  // the peak of each complete cycle [start, p)
      size_t best = start;
      for (size_t i = start; i < p; ++i) if (ku[i] >= ku[best]) best = i;
      ft.push_back(kt[best]);
      fu.push_back(ku[best] + missed);
      purge_times.push_back((kt[p - 1] + kt[p]) / 2);
      start = p;
    }
    sampling_step = step;
  } else {
    f.model = purges.empty() ? "trend" : "segmented_trend";
    // Each purge's drop is added back to what follows (less one usual step of growth), so the
    // segments join into one series whose slope is the growth between purges.
    std::vector<double> d;
    for (size_t i = 1; i < ku.size(); ++i) d.push_back(ku[i] - ku[i - 1]);
    const double usual_step = Median(d);
    double offset = 0;
    size_t next = 0;
    for (size_t i = 0; i < ku.size(); ++i) {
      if (next < purges.size() && purges[next] == i) {
        offset += ku[i - 1] - ku[i] + usual_step;
        ++next;
      }
      ft.push_back(kt[i]);
      fu.push_back(ku[i] + offset);
    }
    offset_now = -offset;
  }

  if (f.model != "purge_envelope") {
    const size_t change = ChangePoint(ft, fu);
    if (change > 0) {
      f.growth_changed_at = last.at + static_cast<int64_t>(std::llround(ft[change] * kDay));
      ft.erase(ft.begin(), ft.begin() + static_cast<std::ptrdiff_t>(change));
      fu.erase(fu.begin(), fu.begin() + static_cast<std::ptrdiff_t>(change));
    }
  }
  const RobustLine line = FitRobustLine(ft, fu, RecencyWeights(ft));
  // A rhythm (weekly backups, a sawtooth too young for the envelope) leaves runs of residuals
  // of one sign: usage first reaches the threshold on a crest, above the line by about the
  // crests' height in the last four weeks.
  double crest = 0;
  if (line.ok && f.model != "purge_envelope" && line.lag1_correlation > 0.5) {
    std::vector<double> recent;
    for (size_t i = 0; i < ft.size(); ++i) {
      if (ft[i] >= ft.back() - 28) recent.push_back(fu[i] - line.At(ft[i]));
    }
    crest = std::max(0.0, Quantile(recent, 0.9));
  }
  const double t_now = static_cast<double>(f.now - last.at) / kDay;
  const double horizon = static_cast<double>(options.horizon_days);
  if (!line.ok) {
    f.model = "none";
    if (over) {
      f.threshold_at = f.threshold_at_low = f.threshold_at_high = f.now;
      f.days_to_threshold = 0;
      f.risk_level = "critical";
    }
    return f;
  }
  const double z = kIntervalWidening * TwoSidedNormalQuantile(options.confidence);
  RobustLine shifted = line;
  shifted.level += offset_now + crest;
  if (f.model == "purge_envelope") {
    // The crossing is one peak's, and a peak strays from the envelope line by the residual
    // scale: a prediction interval for one new peak, not for the line.
    shifted.level_se = std::hypot(line.level_se, line.residual_scale);
  }
  f.growth_bytes_per_day = line.slope + 0.0;  // never -0
  f.growth_low = line.slope - z * line.slope_se;
  f.growth_high = line.slope + z * line.slope_se;
  f.level_now = shifted.At(t_now);
  if (!f.quota_bytes) return f;

  auto at = [&](std::optional<double> days) -> std::optional<int64_t> {
    if (!days) return std::nullopt;
    return f.now + static_cast<int64_t>(std::llround((*days - t_now) * kDay));
  };
  const double target = static_cast<double>(*f.threshold_bytes);
  if (over) {
    f.threshold_at = f.threshold_at_low = f.threshold_at_high = f.now;
  } else {
    const Snap snap = MakeSnap(purge_times, sampling_step, t_now, horizon);
    f.threshold_at = at(snap.Point(FirstCrossing(shifted, 0, target, t_now, horizon)));
    f.threshold_at_low = at(snap.Low(FirstCrossing(shifted, z, target, t_now, horizon)));
    f.threshold_at_high = at(snap.High(FirstCrossing(shifted, -z, target, t_now, horizon)));
  }
  if (last.used_bytes >= static_cast<double>(*f.quota_bytes)) {
    f.full_at = f.now;
  } else {
    const Snap snap = MakeSnap(purge_times, sampling_step, t_now, horizon);
    f.full_at = at(snap.Point(FirstCrossing(shifted, 0, static_cast<double>(*f.quota_bytes), t_now, horizon)));
  }
  if (f.threshold_at) {
    f.days_to_threshold = static_cast<double>(*f.threshold_at - f.now) / kDay;
    f.risk_level = RiskFor(*f.days_to_threshold, options.bands);
  } else {
    f.risk_level = "ok";
  }
  return f;
}

}  // namespace bjlg::sla
