#include "verify/report_trend.h"

#include <cmath>
#include <deque>
#include <limits>

#include "common/svg.h"
#include "verify/report.h"
#include "verify/report_words.h"

namespace bjlg::verify {

namespace {

constexpr double kGap = std::numeric_limits<double>::quiet_NaN();

struct StatusColor {
  const char* status;
  const char* color;
};
constexpr StatusColor kStatusColors[] = {
    {"passed", "#2e7d32"}, {"failed", "#c62828"}, {"inconclusive", "#ef6c00"}};

// One series per result: a dot at each run with that result, a gap elsewhere.
ChartSeries ResultDots(const std::vector<TrendRun>& runs, const StatusColor& sc, bool french) {
  ChartSeries s{Word(sc.status, french), sc.color, {}, false, true};
  for (const TrendRun& r : runs) {
    s.points.push_back({static_cast<double>(r.finished_at), r.status == sc.status ? r.seconds : kGap});
  }
  return s;
}

}  // namespace

std::optional<TrendRun> RunOf(const nlohmann::json& line) {
  const std::optional<int64_t> at = sla::JsonTime(line.value("finished_at", nlohmann::json()));
  if (!at) return std::nullopt;
  const nlohmann::json durations = line.value("durations", nlohmann::json::object());
  const nlohmann::json total = durations.is_object() ? durations.value("total", nlohmann::json()) : nlohmann::json();
  const nlohmann::json status = line.value("status", nlohmann::json());
  return TrendRun{*at, total.is_number() ? total.get<double>() : kGap,
                  status.is_string() ? status.get<std::string>() : "inconclusive"};
}

std::vector<TrendRun> ReadTrend(const std::string& history, const std::string& kind, size_t max_runs) {
  std::deque<TrendRun> runs;
  if (history.empty() || max_runs == 0) return {};
  ForEachHistoryLine(history, [&](const nlohmann::json& line) {
    if (line.value("kind", nlohmann::json()) != kind) return;
    std::optional<TrendRun> run = RunOf(line);
    if (!run) return;
    runs.push_back(*run);
    if (runs.size() > max_runs) runs.pop_front();
  });
  return {runs.begin(), runs.end()};
}

std::string RenderTrendChart(const std::vector<TrendRun>& runs, const sla::ReportText& text) {
  if (runs.empty()) return "";
  const bool fr = text.french();
  LineChart chart;
  chart.title = Word("history_chart", fr);
  ChartSeries duration{Word("duration", fr), "#607d8b", {}, false, false};
  for (const TrendRun& r : runs) duration.points.push_back({static_cast<double>(r.finished_at), r.seconds});
  chart.series.push_back(std::move(duration));
  for (const StatusColor& sc : kStatusColors) chart.series.push_back(ResultDots(runs, sc, fr));
  // Runs within a few days of each other: the hours tell them apart, not the dates.
  const bool hours = runs.back().finished_at - runs.front().finished_at < 3 * 86400;
  chart.x_label = [&text, hours](double v) {
    return hours ? text.Time(static_cast<int64_t>(v)) : text.Date(static_cast<int64_t>(v));
  };
  chart.y_label = [&text](double v) { return text.Duration(v); };
  return RenderLineChart(chart);
}

}  // namespace bjlg::verify
