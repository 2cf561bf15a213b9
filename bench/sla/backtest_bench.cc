// Backtest of the saturation forecast on generated usage series whose true crossing time is
// known, beside the plugin's model (OLS of the usage ratio over the last 20 samples, §A.7.5 of
// plugin-quotas-notifications.md, on centred time so that it is judged on its model and not on
// its cancellation bug). Prints, per kind of series, the median error in days of each and the
// share of true crossings inside bjlg's interval; then the cost of 1,000 forecasts of 2,000
// samples. Deterministic: one fixed seed.
//   backtest_bench [trials per kind, default 300] [confidence, default 0.8] [--no-cost]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "sla/forecast.h"

namespace {

using bjlg::sla::UsageSample;
constexpr double kDay = 86400;
constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z
constexpr double kNoCrossing = std::numeric_limits<double>::infinity();

struct Series {
  std::vector<UsageSample> samples;
  int64_t now = 0;
  double quota = 0;
  double truth_days = 0;  // days from now to the true crossing of 85% of the quota
};

// A usage curve (bytes at day t, noise free) with its sampling: which days have a sample, what
// glitches them.
struct Kind {
  const char* name;
  std::function<double(double)> (*make)(std::mt19937_64&);
  double missing_share;     // days without a sample
  double glitch_share;      // samples replaced by a glitch
};

double Uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

std::function<double(double)> Linear(std::mt19937_64& rng) {
  const double base = Uniform(rng, 5e9, 50e9), growth = base * Uniform(rng, 0.002, 0.01);
  return [=](double t) { return base + growth * t; };
}

std::function<double(double)> Sawtooth(std::mt19937_64& rng) {
  // Each backup adds to the cycle; every `period` days a purge removes the cycle's backups but
  // the site keeps growing: net growth across cycles, a drop at every purge.
  const double base = Uniform(rng, 5e9, 50e9), net = base * Uniform(rng, 0.001, 0.006);
  const double period = Uniform(rng, 5, 21), gross = base * Uniform(rng, 0.01, 0.04), phase = Uniform(rng, 0, period);
  return [=](double t) {
    const double cycle = std::fmod(t + phase, period);
    return base + net * t + gross * cycle;
  };
}

std::function<double(double)> Weekly(std::mt19937_64& rng) {
  // Backups only on weekdays, bigger on Mondays: a staircase with a weekly rhythm.
  const double base = Uniform(rng, 5e9, 50e9), growth = base * Uniform(rng, 0.002, 0.01);
  return [=](double t) {
    const double weeks = std::floor(t / 7), day = t - 7 * weeks;
    const double in_week = day < 1 ? 2 * day : (day < 5 ? 2 + (day - 1) : 6);  // 6 units a week
    return base + growth * 7 * (weeks + in_week / 6) + growth * 3 * std::sin(2 * M_PI * t / 7);
  };
}

std::function<double(double)> GrowthChange(std::mt19937_64& rng) {
  const double base = Uniform(rng, 5e9, 50e9), g1 = base * Uniform(rng, 0.002, 0.01);
  const double g2 = g1 * Uniform(rng, 0.3, 3.0), change = Uniform(rng, 90, 150);
  return [=](double t) { return t < change ? base + g1 * t : base + g1 * change + g2 * (t - change); };
}

// The first day after `from` at which `u` reaches `target`, on an hourly scan.
double TrueCrossing(const std::function<double(double)>& u, double from, double target, double horizon) {
  for (double t = from; t <= from + horizon; t += 1.0 / 24) {
    if (u(t) >= target) return t - from;
  }
  return kNoCrossing;
}

Series Generate(const Kind& kind, std::mt19937_64& rng) {
  for (;;) {
    Series s;
    const auto u = kind.make(rng);
    const double history_days = 180;
    const double noise = Uniform(rng, 0.0005, 0.003);
    std::vector<std::pair<double, double>> obs;
    double max_seen = 0;
    for (int day = 0; day <= history_days; ++day) {
      const double t = day + Uniform(rng, 0, 0.1);
      max_seen = std::max(max_seen, u(t));
      if (Uniform(rng, 0, 1) < kind.missing_share) continue;
      double v = u(t) * (1 + noise * std::normal_distribution<double>(0, 1)(rng));
      if (Uniform(rng, 0, 1) < kind.glitch_share) {
        const double pick = Uniform(rng, 0, 3);
        v = pick < 1 ? 0 : (pick < 2 ? v * 2.5 : v * 0.4);
      }
      obs.push_back({t, v});
    }
    if (kind.missing_share > 0) {  // and two long outages
      for (int k = 0; k < 2; ++k) {
        const double from = Uniform(rng, 10, history_days - 30), to = from + Uniform(rng, 5, 20);
        obs.erase(std::remove_if(obs.begin(), obs.end(), [&](auto& o) { return o.first >= from && o.first < to; }), obs.end());
      }
    }
    const double now_day = history_days + 0.5;
    const double lead = Uniform(rng, 10, 200);
    // The threshold the curve reaches `lead` days after now: the highest point by then.
    double target = 0;
    for (double t = now_day; t <= now_day + lead; t += 1.0 / 24) target = std::max(target, u(t));
    if (target <= max_seen * 1.001) continue;  // already crossed in the history: draw again
    s.truth_days = TrueCrossing(u, now_day, target, 800);
    s.quota = target / 0.85;
    s.now = kStart + static_cast<int64_t>(now_day * kDay);
    size_t index = 0;
    for (auto& [t, v] : obs) {
      UsageSample us;
      us.at = kStart + static_cast<int64_t>(t * kDay);
      us.used_bytes = std::max(0.0, v);
      us.quota_bytes = s.quota;
      us.index = index++;
      s.samples.push_back(us);
    }
    return s;
  }
}

// §A.7.5: OLS of ratio over the last 20 samples (centred time); lead = (thr - current)/slope.
double PluginDays(const Series& s) {
  const size_t n = std::min<size_t>(20, s.samples.size());
  if (n < 2) return kNoCrossing;
  std::vector<double> x, y;
  for (size_t i = s.samples.size() - n; i < s.samples.size(); ++i) {
    x.push_back(static_cast<double>(s.samples[i].at - s.now));
    y.push_back(s.samples[i].used_bytes / s.quota);
  }
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
  if (sxx <= 0) return kNoCrossing;
  const double slope = sxy / sxx, current = y.back();
  if (current >= 0.85) return 0;
  if (slope <= 0) return kNoCrossing;
  return (0.85 - current) / slope / kDay;
}

double MedianOf(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::string Days(double d) {
  if (std::isinf(d)) return "no crossing";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const int trials = argc > 1 ? std::atoi(argv[1]) : 300;
  const double confidence = argc > 2 ? std::atof(argv[2]) : 0.8;
  const Kind kinds[] = {
      {"linear", Linear, 0, 0},          {"sawtooth (purges)", Sawtooth, 0, 0},
      {"outliers (3% glitches)", Linear, 0, 0.03}, {"gaps (30% missing, 2 outages)", Linear, 0.3, 0},
      {"weekly rhythm", Weekly, 0, 0},   {"growth change", GrowthChange, 0, 0},
  };
  std::mt19937_64 rng(20261205);
  std::printf("| series | trials | bjlg median error (days) | plugin median error (days) | ratio | bjlg coverage at %.0f%% |\n", confidence * 100);
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  std::vector<double> all_bjlg, all_plugin;
  int all_covered = 0, all_n = 0;
  for (const Kind& kind : kinds) {
    std::vector<double> eb, ep;
    int covered = 0;
    for (int i = 0; i < trials; ++i) {
      const Series s = Generate(kind, rng);
      bjlg::sla::ForecastOptions o;
      o.now = s.now;
      o.confidence = confidence;
      auto r = bjlg::sla::Project(s.samples, o);
      if (!r.ok()) { std::fprintf(stderr, "%s\n", r.status().ToString().c_str()); return 1; }
      const auto& f = *r;
      const double truth_at = static_cast<double>(s.now) + s.truth_days * kDay;
      const double predicted = f.threshold_at ? (static_cast<double>(*f.threshold_at) - s.now) / kDay : kNoCrossing;
      eb.push_back(std::fabs(predicted - s.truth_days));
      ep.push_back(std::fabs(PluginDays(s) - s.truth_days));
      const double low = f.threshold_at_low ? static_cast<double>(*f.threshold_at_low) : kNoCrossing;
      const double high = f.threshold_at_high ? static_cast<double>(*f.threshold_at_high) : kNoCrossing;
      if (truth_at >= low && truth_at <= high) ++covered;
    }
    all_bjlg.insert(all_bjlg.end(), eb.begin(), eb.end());
    all_plugin.insert(all_plugin.end(), ep.begin(), ep.end());
    all_covered += covered;
    all_n += trials;
    const double mb = MedianOf(eb), mp = MedianOf(ep);
    std::printf("| %s | %d | %s | %s | %.2f | %.1f%% |\n", kind.name, trials, Days(mb).c_str(), Days(mp).c_str(),
                std::isinf(mp) ? 0.0 : mb / mp, 100.0 * covered / trials);
  }
  const double mb = MedianOf(all_bjlg), mp = MedianOf(all_plugin);
  std::printf("| **all** | %d | %s | %s | %.2f | %.1f%% |\n", all_n, Days(mb).c_str(), Days(mp).c_str(), mb / mp,
              100.0 * all_covered / all_n);

  if (argc > 3 && std::string(argv[3]) == "--no-cost") return 0;
  // Cost: 1,000 destinations of 2,000 samples each (hourly samples, a sawtooth).
  std::vector<std::vector<UsageSample>> fleet(1000);
  std::mt19937_64 rng2(7);
  for (auto& d : fleet) {
    const auto u = Sawtooth(rng2);
    for (int i = 0; i < 2000; ++i) {
      UsageSample s;
      s.at = kStart + i * 3600;
      s.used_bytes = u(i / 24.0) * (1 + 0.001 * std::normal_distribution<double>(0, 1)(rng2));
      s.quota_bytes = 1e12;
      s.index = i;
      d.push_back(s);
    }
  }
  bjlg::sla::ForecastOptions o;
  o.now = kStart + 2000 * 3600;
  const auto t0 = std::chrono::steady_clock::now();
  size_t crossings = 0;
  for (const auto& d : fleet) crossings += bjlg::sla::Project(d, o)->threshold_at.has_value();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("\nForecast cost: 1,000 destinations x 2,000 samples in %.0f ms (%.2f ms per destination; %zu crossings).\n",
              ms, ms / 1000, crossings);
  return 0;
}
