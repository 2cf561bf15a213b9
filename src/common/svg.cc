#include "common/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace bjlg {

namespace {

constexpr double kWidth = 720, kHeight = 260;
constexpr double kLeft = 78, kRight = 16, kTop = 16, kBottom = 58;
constexpr int kTicks = 5;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Scale {
  double lo, hi, from, to;
  double operator()(double v) const { return hi > lo ? from + (v - lo) / (hi - lo) * (to - from) : (from + to) / 2; }
};

// Widens [lo, hi] to round numbers so that the ticks read well.
void NiceRange(double* lo, double* hi) {
  if (!(*hi > *lo)) {
    const double pad = std::max(1.0, std::fabs(*lo) * 0.1);
    *lo -= pad;
    *hi += pad;
  }
  const double raw = (*hi - *lo) / kTicks;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * mag) {
      step = m * mag;
      break;
    }
  }
  *lo = std::floor(*lo / step) * step;
  *hi = std::ceil(*hi / step) * step;
}

std::vector<ChartPoint> Thin(const std::vector<ChartPoint>& points) {
  if (points.size() <= kMaxPoints) return points;
  const size_t stride = (points.size() + kMaxPoints - 1) / kMaxPoints;
  std::vector<ChartPoint> out;
  for (size_t i = 0; i < points.size(); i += stride) out.push_back(points[i]);
  if (out.back().x != points.back().x) out.push_back(points.back());
  return out;
}

std::string Open(const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " + Num(kWidth) +
         " " + Num(kHeight) + "\" width=\"" + Num(kWidth) + "\" height=\"" + Num(kHeight) + "\" aria-label=\"" +
         XmlEscape(title) + "\"><title>" + XmlEscape(title) + "</title>";
}

std::string Text(double x, double y, const std::string& text, const char* anchor, const std::string& color = "#444") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-family=\"sans-serif\" font-size=\"11\" fill=\"" +
         color + "\" text-anchor=\"" + anchor + "\">" + XmlEscape(text) + "</text>";
}

std::string Empty(const std::string& title) {
  return Open(title) + Text(kWidth / 2, kHeight / 2, "—", "middle") + "</svg>";
}

std::string YAxis(const Scale& y, const std::function<std::string(double)>& label) {
  std::string out;
  for (int i = 0; i <= kTicks; ++i) {
    const double v = y.lo + (y.hi - y.lo) * i / kTicks;
    const double py = y(v);
    out += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kWidth - kRight) + "\" y1=\"" + Num(py) + "\" y2=\"" +
           Num(py) + "\" stroke=\"#ddd\" stroke-width=\"1\"/>";
    out += Text(kLeft - 6, py + 4, label ? label(v) : Num(v), "end");
  }
  return out;
}

std::string Legend(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out;
  double x = kLeft;
  const double y = kHeight - 10;
  for (const auto& [label, color] : entries) {
    if (label.empty()) continue;
    out += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y - 9) + "\" width=\"10\" height=\"10\" fill=\"" + color + "\"/>";
    out += Text(x + 14, y, label, "start");
    x += 24 + 6.5 * static_cast<double>(label.size());
  }
  return out;
}

std::string HLine(const ChartLine& line, const Scale& x, const Scale& y) {
  const double py = y(line.y);
  return "<line x1=\"" + Num(x.from) + "\" x2=\"" + Num(x.to) + "\" y1=\"" + Num(py) + "\" y2=\"" + Num(py) +
         "\" stroke=\"" + line.color + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>" +
         Text(x.to - 4, py - 4, line.label, "end", line.color);
}

}  // namespace

std::string RenderLineChart(const LineChart& chart) {
  double x_lo = std::numeric_limits<double>::infinity(), x_hi = -x_lo, y_lo = 0, y_hi = -x_lo;
  auto extend = [&](const ChartPoint& p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    x_lo = std::min(x_lo, p.x);
    x_hi = std::max(x_hi, p.x);
    y_lo = std::min(y_lo, p.y);
    y_hi = std::max(y_hi, p.y);
  };
  for (const auto& s : chart.series) std::for_each(s.points.begin(), s.points.end(), extend);
  for (const auto& b : chart.bands) {
    std::for_each(b.lower.begin(), b.lower.end(), extend);
    std::for_each(b.upper.begin(), b.upper.end(), extend);
  }
  if (!std::isfinite(x_lo)) return Empty(chart.title);
  for (const auto& l : chart.lines) {
    if (std::isfinite(l.y)) y_hi = std::max(y_hi, l.y), y_lo = std::min(y_lo, l.y);
  }
  if (chart.x_min) x_lo = *chart.x_min;
  if (chart.x_max) x_hi = *chart.x_max;
  if (!(x_hi > x_lo)) x_hi = x_lo + 1;
  NiceRange(&y_lo, &y_hi);
  const Scale x{x_lo, x_hi, kLeft, kWidth - kRight};
  const Scale y{y_lo, y_hi, kHeight - kBottom, kTop};
  auto clip = [&](const ChartPoint& p) { return p.x >= x_lo && p.x <= x_hi; };

  std::string out = Open(chart.title);
  out += YAxis(y, chart.y_label);
  for (int i = 0; i <= 4; ++i) {
    const double v = x_lo + (x_hi - x_lo) * i / 4;
    out += Text(x(v), kHeight - kBottom + 16, chart.x_label ? chart.x_label(v) : Num(v),
                i == 0 ? "start" : (i == 4 ? "end" : "middle"));
  }
  std::vector<std::pair<std::string, std::string>> legend;
  for (const auto& b : chart.bands) {
    std::string poly;
    for (const auto& p : Thin(b.upper)) {
      if (clip(p) && std::isfinite(p.y)) poly += Num(x(p.x)) + "," + Num(y(p.y)) + " ";
    }
    std::vector<ChartPoint> lower = Thin(b.lower);
    for (auto it = lower.rbegin(); it != lower.rend(); ++it) {
      if (clip(*it) && std::isfinite(it->y)) poly += Num(x(it->x)) + "," + Num(y(it->y)) + " ";
    }
    if (!poly.empty()) {
      out += "<polygon points=\"" + poly + "\" fill=\"" + b.color + "\" fill-opacity=\"0.25\" stroke=\"none\"/>";
    }
    legend.emplace_back(b.label, b.color);
  }
  for (const auto& l : chart.lines) {
    if (std::isfinite(l.y)) out += HLine(l, x, y);
  }
  for (const auto& s : chart.series) {
    std::string d;
    bool pen_down = false;
    std::string dots;
    for (const auto& p : Thin(s.points)) {
      if (!clip(p) || !std::isfinite(p.y)) {
        pen_down = false;
        continue;
      }
      d += (pen_down ? "L" : "M") + Num(x(p.x)) + " " + Num(y(p.y)) + " ";
      pen_down = true;
      if (s.dots) dots += "<circle cx=\"" + Num(x(p.x)) + "\" cy=\"" + Num(y(p.y)) + "\" r=\"2.5\" fill=\"" + s.color + "\"/>";
    }
    if (!d.empty()) {
      out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + s.color + "\" stroke-width=\"2\"" +
             (s.dashed ? " stroke-dasharray=\"5 4\"" : "") + "/>";
    }
    out += dots;
    legend.emplace_back(s.label, s.color);
  }
  for (const auto& l : chart.lines) legend.emplace_back(l.label, l.color);
  out += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kLeft) + "\" y1=\"" + Num(kTop) + "\" y2=\"" +
         Num(kHeight - kBottom) + "\" stroke=\"#888\"/>";
  out += Legend(legend);
  return out + "</svg>";
}

std::string RenderBarChart(const BarChart& chart) {
  if (chart.bars.empty()) return Empty(chart.title);
  double lo = 0, hi = 0;
  for (const auto& b : chart.bars) {
    if (std::isfinite(b.value)) hi = std::max(hi, b.value);
  }
  if (chart.line && std::isfinite(chart.line->y)) hi = std::max(hi, chart.line->y);
  NiceRange(&lo, &hi);
  const Scale y{lo, hi, kHeight - kBottom, kTop};
  const double slot = (kWidth - kLeft - kRight) / static_cast<double>(chart.bars.size());
  std::string out = Open(chart.title);
  out += YAxis(y, chart.y_label);
  const bool label_every = chart.bars.size() <= 12;
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& b = chart.bars[i];
    const double v = std::isfinite(b.value) ? std::max(0.0, b.value) : 0;
    const double x0 = kLeft + slot * static_cast<double>(i) + slot * 0.1;
    out += "<rect x=\"" + Num(x0) + "\" y=\"" + Num(y(v)) + "\" width=\"" + Num(slot * 0.8) + "\" height=\"" +
           Num(y(0) - y(v)) + "\" fill=\"" + (b.color.empty() ? "#4e79a7" : b.color) + "\"><title>" +
           XmlEscape(b.label) + "</title></rect>";
    if (label_every || i % (chart.bars.size() / 8 + 1) == 0) {
      out += Text(x0 + slot * 0.4, kHeight - kBottom + 16, b.label, "middle");
    }
  }
  if (chart.line && std::isfinite(chart.line->y)) {
    out += HLine(*chart.line, Scale{0, 1, kLeft, kWidth - kRight}, y);
    out += Legend({{chart.line->label, chart.line->color}});
  }
  return out + "</svg>";
}

}  // namespace bjlg
