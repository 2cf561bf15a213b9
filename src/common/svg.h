// SVG charts for every report bjlg draws (the SLA reports, the verification and restore-test
// trend): a line chart (series, an interval band, a target line) and a bar chart, drawn as
// standalone, well-formed SVG with presentation attributes only (no CSS, no script), so that they
// render the same inline in HTML, on screen, printed, and offline.
//
// Every label is XML-escaped. Series longer than kMaxPoints are thinned (every k-th point, the
// last kept) so that a report of years of history stays a few hundred kilobytes.
#ifndef BJLG_COMMON_SVG_H_
#define BJLG_COMMON_SVG_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/xml_escape.h"

namespace bjlg {

constexpr size_t kMaxPoints = 1000;

struct ChartPoint {
  double x = 0;
  double y = 0;  // NaN: a gap (the line stops and starts again)
};

struct ChartSeries {
  std::string label;
  std::string color;  // an SVG colour: "#1f77b4"
  std::vector<ChartPoint> points;
  bool dashed = false;
  bool dots = false;  // a marker on each point (measured samples)
};

// The area between two lines sharing their x: an interval.
struct ChartBand {
  std::string label;
  std::string color;
  std::vector<ChartPoint> lower, upper;
};

struct ChartLine {  // a horizontal line: a target, a quota
  std::string label;
  std::string color;
  double y = 0;
};

struct LineChart {
  std::string title;  // the chart's accessible name
  std::vector<ChartSeries> series;
  std::vector<ChartBand> bands;
  std::vector<ChartLine> lines;
  std::function<std::string(double)> x_label;  // a tick's text
  std::function<std::string(double)> y_label;
  std::optional<double> x_min, x_max;  // defaults: the data's extent
};

struct Bar {
  std::string label;
  double value = 0;
  std::string color;
};

struct BarChart {
  std::string title;
  std::vector<Bar> bars;
  std::optional<ChartLine> line;
  std::function<std::string(double)> y_label;
};

// An <svg> element (with its xmlns) of the chart; a chart without data says so in its text.
std::string RenderLineChart(const LineChart& chart);
std::string RenderBarChart(const BarChart& chart);

}  // namespace bjlg

#endif  // BJLG_COMMON_SVG_H_
