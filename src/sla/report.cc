#include "sla/report.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "common/html_page.h"
#include "common/svg.h"
#include "common/time.h"
#include "cron/time_zone.h"
#include "sla/report_text.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

const char* kLevels[] = {"unknown", "ok", "watch", "warning", "critical"};

int LevelRank(const std::string& level) {
  for (int i = 0; i < 5; ++i) {
    if (level == kLevels[i]) return i;
  }
  return 0;
}

// printf's %s, for phrases whose word order differs between languages.
std::string Fill(std::string phrase, std::initializer_list<std::string> args) {
  for (const std::string& a : args) {
    const size_t at = phrase.find("%s");
    if (at == std::string::npos) break;
    phrase.replace(at, 2, a);
  }
  return phrase;
}

const json& Get(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

Status ValidateData(const json& data) {
  if (!data.is_object()) return Status::InvalidArgument("data must be an array of report sections");
  static const std::set<std::string> kSections = {"title", "forecasts", "purge", "objectives", "backup"};
  for (const auto& [key, value] : data.items()) {
    if (!kSections.count(key)) {
      return Status::InvalidArgument("data contains an unknown section \"" + key +
                                     "\" (known: title, forecasts, purge, objectives, backup)");
    }
    if (key == "title" && !value.is_string()) return Status::InvalidArgument("data \"title\" must be a string");
    if ((key == "purge" || key == "objectives" || key == "backup") && !value.is_object() && !value.is_null()) {
      return Status::InvalidArgument("data \"" + key + "\" must be an array with string keys");
    }
  }
  const json& forecasts = Get(data, "forecasts");
  if (forecasts.is_null()) return Status::OK();
  if (!forecasts.is_array()) return Status::InvalidArgument("data \"forecasts\" must be a list");
  for (size_t i = 0; i < forecasts.size(); ++i) {
    const std::string what = "data \"forecasts\"[" + std::to_string(i) + "]";
    const json& f = forecasts[i];
    if (!f.is_object()) return Status::InvalidArgument(what + " must be an array with keys name, samples, forecast");
    if (!Get(f, "name").is_string() || Get(f, "name").get<std::string>().empty()) {
      return Status::InvalidArgument(what + " must have a non-empty string \"name\"");
    }
    if (!Get(f, "samples").is_null() && !Get(f, "samples").is_array()) {
      return Status::InvalidArgument(what + " \"samples\" must be a list");
    }
    if (!Get(f, "forecast").is_null() && !Get(f, "forecast").is_object()) {
      return Status::InvalidArgument(what + " \"forecast\" must be a Forecast::project() result");
    }
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------------- verdict

struct Verdict {
  int rank = 0;  // unknown until a section says otherwise
  json reasons = json::array();
  void Raise(const std::string& level, const std::string& reason) {
    rank = std::max(rank, LevelRank(level));
    if (!reason.empty()) reasons.push_back({{"level", level}, {"message", reason}});
  }
};

void JudgeForecasts(const json& forecasts, const ReportText& t, Verdict* v) {
  if (!forecasts.is_array()) return;
  for (const json& f : forecasts) {
    const json& fc = Get(f, "forecast");
    const std::string risk = Str(Get(fc, "risk_level"));
    if (risk == "critical" || risk == "warning" || risk == "watch") {
      v->Raise(risk, Fill(t("reason.forecast"), {Str(Get(f, "name")), t.Time(Get(fc, "threshold_at"))}));
    } else if (risk == "ok") {
      v->Raise("ok", "");
    }
  }
}

void JudgePurge(const json& purge, const ReportText& t, Verdict* v) {
  if (!purge.is_object()) return;
  const json& backlog = Get(purge, "backlog");
  v->Raise("ok", "");
  if (Get(backlog, "over_target").is_boolean() && Get(backlog, "over_target").get<bool>()) {
    v->Raise("warning", Fill(t("reason.backlog"), {Str(Get(backlog, "count")), t.Duration(Get(backlog, "oldest_age_seconds"))}));
  }
  const json& rate = Get(Get(purge, "failures"), "rate");
  if (rate.is_number() && rate.get<double>() > 0.1) {
    v->Raise("warning", Fill(t("reason.purge_failures"), {t.Percent(rate)}));
  }
}

void JudgeObjectives(const json& o, const ReportText& t, Verdict* v) {
  if (!o.is_object()) return;
  const json& rpo = Get(o, "rpo");
  const json& rto = Get(o, "rto");
  const std::string verdict = Str(Get(o, "verdict"));
  if (verdict == "met") v->Raise("ok", "");
  if (Get(rpo, "within_target").is_boolean() && !Get(rpo, "within_target").get<bool>()) {
    v->Raise("critical", Fill(t("reason.rpo"), {t.Duration(Get(rpo, "now_seconds")), t.Duration(Get(rpo, "target_seconds"))}));
  } else if (Get(rpo, "breaches").is_array() && !Get(rpo, "breaches").empty()) {
    v->Raise("watch", Fill(t("reason.rpo_past"), {std::to_string(Get(rpo, "breaches").size())}));
  }
  if (Get(rto, "within_target").is_boolean() && !Get(rto, "within_target").get<bool>()) {
    v->Raise("warning", Fill(t("reason.rto"), {t.Duration(Get(rto, "last_seconds")), t.Duration(Get(rto, "target_seconds"))}));
  }
}

bool Succeeded(const json& status) {
  const std::string s = Str(status);
  return s.empty() || s == "success" || s == "passed" || s == "ok" || s == "completed";
}

void JudgeBackup(const json& b, const ReportText& t, Verdict* v) {
  if (!b.is_object()) return;
  const std::string name = Str(Get(b, "archive"));
  if (!Succeeded(Get(b, "status"))) {
    v->Raise("critical", Fill(t("reason.backup_failed"), {name}));
  } else {
    v->Raise("ok", "");
  }
  const json& verify = Get(b, "verify");
  if (verify.is_object() && !Succeeded(Get(verify, "status"))) {
    v->Raise("critical", Fill(t("reason.verify_failed"), {name}));
  }
}

// ---------------------------------------------------------------------------------- HTML

std::string RiskText(const ReportText& t, const json& risk) { return t("risk." + (risk.is_string() ? risk.get<std::string>() : std::string("unknown"))); }

// Ticks of a count: whole numbers as such, the steps between them with one decimal.
std::string Count(const ReportText& t, double v) { return t.Number(v, v == std::floor(v) ? 0 : 1); }

std::function<std::string(double)> DateAxis(const ReportText& t) {
  return [&t](double v) { return t.Date(static_cast<int64_t>(v)); };
}

void ForecastSection(const json& forecasts, const ReportText& t, int64_t now, Html* h) {
  h->Raw("<section id=\"forecasts\">").Tag("h2", t("forecasts"));
  std::vector<std::vector<std::string>> rows;
  for (const json& f : forecasts) {
    const json& fc = Get(f, "forecast");
    std::string interval = "—";
    if (!Get(fc, "threshold_at_low").is_null() || !Get(fc, "threshold_at_high").is_null()) {
      interval = t.Date(JsonTime(Get(fc, "threshold_at_low")).value_or(now)) + " – " +
                 (JsonTime(Get(fc, "threshold_at_high")) ? t.Date(*JsonTime(Get(fc, "threshold_at_high"))) : t("never"));
    }
    rows.push_back({Str(Get(f, "name")), t.Bytes(Get(fc, "current_used_bytes")), t.Percent(Get(fc, "current_ratio")),
                    t.Bytes(Get(fc, "growth_bytes_per_day")),
                    Get(fc, "threshold_at").is_null() ? t("never") : t.Time(Get(fc, "threshold_at")), interval,
                    RiskText(t, Get(fc, "risk_level"))});
  }
  h->Table({t("destination"), t("used"), t("quota"), t("growth"), t("threshold_at"), t("interval"), t("risk")}, rows);
  for (const json& f : forecasts) {
    const json& fc = Get(f, "forecast");
    LineChart chart;
    chart.title = t("usage") + " — " + Str(Get(f, "name"));
    chart.x_label = DateAxis(t);
    chart.y_label = [&t](double v) { return t.Bytes(v); };
    ChartSeries used{t("used"), "#4e79a7", {}, false, true};
    double quota = NAN;
    double first = NAN, last = NAN;
    if (Get(f, "samples").is_array()) {
      for (const json& s : Get(f, "samples")) {
        const std::optional<int64_t> at = JsonTime(Get(s, "at"));
        const json& u = Get(s, "used_bytes");
        if (!at || !u.is_number()) continue;
        used.points.push_back({static_cast<double>(*at), u.get<double>()});
        if (Get(s, "quota_bytes").is_number()) quota = Get(s, "quota_bytes").get<double>();
      }
      std::sort(used.points.begin(), used.points.end(), [](auto& a, auto& b) { return a.x < b.x; });
      if (!used.points.empty()) first = used.points.front().x, last = used.points.back().x;
    }
    chart.series.push_back(used);
    const json& cur = Get(fc, "current_used_bytes");
    const json& growth = Get(fc, "growth_bytes_per_day");
    const json& thr = Get(fc, "threshold_bytes");
    if (cur.is_number() && growth.is_number()) {
      const double t0 = std::isfinite(last) ? last : static_cast<double>(now);
      const double span = std::isfinite(first) ? std::max(t0 - first, 30.0 * 86400) : 30.0 * 86400;
      double end = t0 + span;  // show as far ahead as the history goes back, or to the crossing
      for (const char* key : {"threshold_at_high", "threshold_at"}) {
        if (auto at = JsonTime(Get(fc, key))) {
          end = std::min(std::max(end, static_cast<double>(*at) + 7 * 86400), t0 + 4 * span);
          break;
        }
      }
      const double c = cur.get<double>(), g = growth.get<double>();
      chart.series.push_back({t("projection"), "#e15759", {{t0, c}, {end, c + g * (end - t0) / 86400}}, true, false});
      auto lo = JsonTime(Get(fc, "threshold_at_low"));
      auto hi = JsonTime(Get(fc, "threshold_at_high"));
      if (thr.is_number() && lo && hi && static_cast<double>(*lo) > t0 && static_cast<double>(*hi) > t0) {
        const double rise = thr.get<double>() - c;
        auto at_end = [&](int64_t crossing) { return c + rise * (end - t0) / (static_cast<double>(crossing) - t0); };
        chart.bands.push_back({t("interval"), "#e15759", {{t0, c}, {end, at_end(*hi)}}, {{t0, c}, {end, at_end(*lo)}}});
      }
      chart.x_max = end;
    }
    if (thr.is_number()) chart.lines.push_back({t("threshold"), "#ef6c00", thr.get<double>()});
    if (std::isfinite(quota)) chart.lines.push_back({t("quota"), "#c62828", quota});
    h->Tag("h3", Str(Get(f, "name"))).Figure(RenderLineChart(chart));
  }
  h->Raw("</section>");
}

void PurgeSection(const json& p, const ReportText& t, Html* h) {
  const json& backlog = Get(p, "backlog");
  const json& latency = Get(p, "latency");
  const json& clearance = Get(p, "clearance");
  h->Raw("<section id=\"purge\">").Tag("h2", t("purge"));
  h->Facts({{t("backlog"), Str(Get(backlog, "count")) + " (" + t.Bytes(Get(backlog, "bytes")) + ")"},
            {t("oldest"), t.Duration(Get(backlog, "oldest_age_seconds"))},
            {t("latency") + " — " + t("mean"), t.Duration(Get(latency, "mean_seconds"))},
            {t("latency") + " — p50 / p95 / max", t.Duration(Get(latency, "p50_seconds")) + " / " +
                                                       t.Duration(Get(latency, "p95_seconds")) + " / " +
                                                       t.Duration(Get(latency, "max_seconds"))},
            {t("within_target") + " (" + t.Duration(Get(p, "target_seconds")) + ")", t.Percent(Get(latency, "within_target_share"))},
            {t("throughput"), Get(Get(p, "throughput"), "items_per_day").is_number()
                                  ? t.Number(Get(Get(p, "throughput"), "items_per_day").get<double>(), 1)
                                  : "—"},
            {t("failure_rate"), t.Percent(Get(Get(p, "failures"), "rate"))},
            {t("clears_at"), t.Time(Get(clearance, "at"))}});
  std::vector<std::vector<std::string>> rows;
  if (Get(p, "destinations").is_object()) {
    for (const auto& [id, d] : Get(p, "destinations").items()) {
      const json& q = Get(Get(p, "quotas"), id.c_str());
      rows.push_back({id, Str(Get(Get(d, "backlog"), "count")), t.Bytes(Get(Get(d, "backlog"), "bytes")),
                      t.Duration(Get(Get(d, "latency"), "p95_seconds")), t.Percent(Get(d, "failure_rate")),
                      t.Time(Get(Get(d, "clearance"), "at")), t.Time(Get(q, "threshold_at")),
                      t.Time(Get(q, "threshold_at_after_purge"))});
    }
  }
  h->Table({t("destination"), t("backlog"), t("size"), "p95", t("failure_rate"), t("clears_at"), t("saturation"),
            t("saturation_after")},
           rows);
  // Buckets a person reasons in, around the usual one-day target.
  const double edges[] = {0, 3600, 6 * 3600, 86400, 3 * 86400, 7 * 86400};
  std::vector<Bar> bars;
  for (size_t i = 0; i < 6; ++i) {
    const std::string label = i + 1 < 6 ? "< " + t.Duration(edges[i + 1]) : "≥ " + t.Duration(edges[5]);
    const bool over = Get(p, "target_seconds").is_number() && edges[i] >= Get(p, "target_seconds").get<double>();
    bars.push_back({label, 0, over ? "#e15759" : "#4e79a7"});
  }
  if (Get(p, "samples").is_array()) {
    for (const json& s : Get(p, "samples")) {
      const json& sec = Get(s, "seconds");
      if (!sec.is_number()) continue;
      size_t i = 5;
      while (i > 0 && sec.get<double>() < edges[i]) --i;
      bars[i].value += 1;
    }
  }
  BarChart hist{t("latency_chart"), bars, std::nullopt, [&t](double v) { return Count(t, v); }};
  h->Tag("h3", t("latency_chart")).Figure(RenderBarChart(hist));
  LineChart chart;
  chart.title = t("backlog_chart");
  chart.x_label = DateAxis(t);
  chart.y_label = [&t](double v) { return Count(t, v); };
  ChartSeries s{t("backlog"), "#f28e2b", {}, false, false};
  if (Get(p, "backlog_series").is_array()) {
    double prev = NAN;
    for (const json& pt : Get(p, "backlog_series")) {
      const auto at = JsonTime(Get(pt, "at"));
      if (!at || !Get(pt, "count").is_number()) continue;
      if (std::isfinite(prev)) s.points.push_back({static_cast<double>(*at), prev});  // a step, not a slope
      prev = Get(pt, "count").get<double>();
      s.points.push_back({static_cast<double>(*at), prev});
    }
    if (std::isfinite(prev) && Get(p, "now").is_number()) s.points.push_back({Get(p, "now").get<double>(), prev});
  }
  chart.series.push_back(s);
  h->Tag("h3", t("backlog_chart")).Figure(RenderLineChart(chart));
  h->Raw("</section>");
}

std::string VerdictText(const ReportText& t, const json& v) { return t("verdict." + (v.is_string() ? v.get<std::string>() : std::string("unknown"))); }

void ObjectivesSection(const json& o, const ReportText& t, Html* h) {
  const json& rpo = Get(o, "rpo");
  const json& rto = Get(o, "rto");
  h->Raw("<section id=\"objectives\">").Tag("h2", t("objectives"));
  h->Facts({{t("verdict"), VerdictText(t, Get(o, "verdict"))},
            {t("rpo_now"), t.Duration(Get(rpo, "now_seconds")) + " (" + t("target") + " " + t.Duration(Get(rpo, "target_seconds")) + ")"},
            {t("rpo_worst"), t.Duration(Get(rpo, "worst_seconds")) + " — " + t.Time(Get(rpo, "worst_at"))},
            {"RPO — " + t("within_target"), t.Percent(Get(rpo, "share_within_target"))},
            {t("rto_last"), t.Duration(Get(rto, "last_seconds")) + " — " + t.Time(Get(rto, "last_at"))},
            {"RTO p50 / p95", t.Duration(Get(rto, "p50_seconds")) + " / " + t.Duration(Get(rto, "p95_seconds")) + " (" +
                                  t("target") + " " + t.Duration(Get(rto, "target_seconds")) + ")"}});
  std::vector<std::vector<std::string>> rows;
  if (Get(rpo, "breaches").is_array()) {
    for (const json& b : Get(rpo, "breaches")) {
      rows.push_back({"RPO", t.Time(Get(b, "start")),
                      Get(b, "ongoing").is_boolean() && Get(b, "ongoing").get<bool>() ? t("ongoing") : t.Time(Get(b, "end")),
                      t.Duration(Get(b, "seconds"))});
    }
  }
  if (Get(rto, "breaches").is_array()) {
    for (const json& b : Get(rto, "breaches")) {
      rows.push_back({"RTO", t.Time(Get(b, "at")), Str(Get(b, "archive")), t.Duration(Get(b, "seconds"))});
    }
  }
  if (!rows.empty()) h->Tag("h3", t("breaches")).Table({"", t("start"), t("end"), t("duration")}, rows);
  LineChart chart;
  chart.title = t("rpo_chart");
  chart.x_label = DateAxis(t);
  chart.y_label = [&t](double v) { return t.Duration(v); };
  ChartSeries s{"RPO", "#4e79a7", {}, false, false};
  if (Get(rpo, "series").is_array()) {
    for (const json& pt : Get(rpo, "series")) {
      const auto at = JsonTime(Get(pt, "at"));
      if (!at) continue;
      s.points.push_back({static_cast<double>(*at), Get(pt, "seconds").is_number() ? Get(pt, "seconds").get<double>() : NAN});
    }
  }
  chart.series.push_back(s);
  if (Get(rpo, "target_seconds").is_number()) chart.lines.push_back({t("target"), "#c62828", Get(rpo, "target_seconds").get<double>()});
  h->Tag("h3", t("rpo_chart")).Figure(RenderLineChart(chart));
  BarChart bars{t("rto_chart"), {}, std::nullopt, [&t](double v) { return t.Duration(v); }};
  if (Get(rto, "series").is_array()) {
    for (const json& pt : Get(rto, "series")) {
      const bool passed = Get(pt, "passed").is_boolean() && Get(pt, "passed").get<bool>();
      bars.bars.push_back({t.Date(JsonTime(Get(pt, "at")).value_or(0)) + (passed ? "" : " ✗"),
                           Get(pt, "seconds").is_number() ? Get(pt, "seconds").get<double>() : 0,
                           passed ? "#59a14f" : "#e15759"});
    }
  }
  if (Get(rto, "target_seconds").is_number()) bars.line = ChartLine{t("target"), "#c62828", Get(rto, "target_seconds").get<double>()};
  h->Tag("h3", t("rto_chart")).Figure(RenderBarChart(bars));
  if (Get(o, "sites").is_object() && !Get(o, "sites").empty()) {
    std::vector<std::vector<std::string>> site_rows;
    for (const auto& [id, s] : Get(o, "sites").items()) {
      site_rows.push_back({id, VerdictText(t, Get(s, "verdict")), t.Duration(Get(Get(s, "rpo"), "now_seconds")),
                           t.Duration(Get(Get(s, "rpo"), "worst_seconds")), t.Duration(Get(Get(s, "rto"), "last_seconds"))});
    }
    h->Tag("h3", t("sites")).Table({t("site"), t("verdict"), t("rpo_now"), t("rpo_worst"), t("rto_last")}, site_rows);
  }
  h->Raw("</section>");
}

std::string YesNo(const ReportText& t, const json& v) {
  if (!v.is_boolean()) return "—";
  return v.get<bool>() ? t("yes") : t("no");
}

void BackupSection(const json& b, const ReportText& t, Html* h) {
  h->Raw("<section id=\"backup\">").Tag("h2", t("backup"));
  std::vector<std::pair<std::string, std::string>> facts = {
      {t("archive"), Str(Get(b, "archive"))},
      {t("status"), Str(Get(b, "status")).empty() ? "—" : Str(Get(b, "status"))},
      {t("started"), t.Time(Get(b, "started_at"))},
      {t("finished"), t.Time(Get(b, "finished_at"))},
      {t("duration"), t.Duration(Get(b, "duration_seconds"))},
      {t("size"), t.Bytes(Get(b, "size_bytes"))},
      {t("files"), Str(Get(b, "files")).empty() ? "—" : Str(Get(b, "files"))},
      {t("encrypted"), YesNo(t, Get(b, "encrypted"))},
      {t("incremental"), YesNo(t, Get(b, "incremental"))}};
  if (Get(b, "site").is_string()) facts.insert(facts.begin() + 1, {t("site"), Str(Get(b, "site"))});
  h->Facts(facts);
  if (Get(b, "destinations").is_array() && !Get(b, "destinations").empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const json& d : Get(b, "destinations")) {
      rows.push_back({Str(Get(d, "name")), Str(Get(d, "status")), t.Bytes(Get(d, "bytes")), Str(Get(d, "message"))});
    }
    h->Tag("h3", t("destinations")).Table({t("destination"), t("status"), t("size"), t("message")}, rows);
  }
  const json& verify = Get(b, "verify");
  if (verify.is_object()) {
    h->Tag("h3", t("verification") + ": " + Str(Get(verify, "status")));
    std::vector<std::vector<std::string>> rows;
    if (Get(verify, "checks").is_array()) {
      for (const json& c : Get(verify, "checks")) {
        rows.push_back({Str(Get(c, "name")), Str(Get(c, "status")), Str(Get(c, "message"))});
      }
    }
    h->Table({t("check"), t("status"), t("message")}, rows);
    std::vector<Bar> bars;
    if (Get(verify, "durations").is_object()) {
      for (const auto& [phase, secs] : Get(verify, "durations").items()) {
        if (secs.is_number()) bars.push_back({phase, secs.get<double>(), phase == "total" ? "#f28e2b" : "#4e79a7"});
      }
    }
    if (!bars.empty()) {
      h->Figure(RenderBarChart({t("verification") + " — " + t("duration"), bars, std::nullopt,
                                [&t](double v) { return t.Duration(v); }}));
    }
  }
  h->Raw("</section>");
}

std::string RenderHtml(const json& data, const json& verdict, const ReportText& t, const ReportOptions& o) {
  const std::string title = Get(data, "title").is_string() ? Get(data, "title").get<std::string>() : t("title");
  const std::string level = Str(Get(verdict, "level"));
  Html h;
  h.Raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").Raw(t.french() ? "fr" : "en");
  h.Raw("\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
  h.Tag("title", title).Raw("<style>").Raw(kReportStyle).Raw("</style></head><body><header>").Tag("h1", title);
  h.Tag("p", t("generated") + " " + t.Time(o.now) + " — " + t("timezone") + " " + t.ZoneName(), "meta");
  h.Raw("</header><section id=\"verdict\" class=\"verdict level-" + XmlEscape(level) + "\">");
  h.Tag("p", t("verdict") + (t.french() ? " : " : ": ") + t("risk." + level) + ". " + t("level." + level));
  if (!Get(verdict, "reasons").empty()) {
    h.Raw("<ul>");
    for (const json& r : Get(verdict, "reasons")) h.Tag("li", Str(Get(r, "message")));
    h.Raw("</ul>");
  }
  h.Raw("</section>");
  if (Get(data, "backup").is_object()) BackupSection(data["backup"], t, &h);
  if (Get(data, "forecasts").is_array() && !data["forecasts"].empty()) ForecastSection(data["forecasts"], t, o.now, &h);
  if (Get(data, "purge").is_object()) PurgeSection(data["purge"], t, &h);
  if (Get(data, "objectives").is_object()) ObjectivesSection(data["objectives"], t, &h);
  h.Raw("</body></html>\n");
  return h.str();
}

// ---------------------------------------------------------------------------------- CSV

std::string CsvField(const std::string& s) {
  std::string v = s;
  // A spreadsheet would run a cell starting with these as a formula (CSV injection).
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void CsvRow(std::string* out, const std::string& section, const std::string& subject, const std::string& metric,
            const json& value) {
  std::string v;
  if (value.is_string()) {
    v = CsvField(value.get<std::string>());
  } else if (!value.is_null()) {
    v = value.dump();
  }
  *out += CsvField(section) + "," + CsvField(subject) + "," + CsvField(metric) + "," + v + "\n";
}

// Every scalar under `value`, named by its path; the chart series and the legacy shapes are
// left to the JSON format.
void CsvFlatten(std::string* out, const std::string& section, const std::string& subject, const std::string& path,
                const json& value) {
  static const std::set<std::string> kSkip = {"series", "samples", "backlog_series", "legacy", "sites", "destinations",
                                              "quotas"};
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) {
      if (kSkip.count(k)) continue;
      CsvFlatten(out, section, subject, path.empty() ? k : path + "." + k, v);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) CsvFlatten(out, section, subject, path + "." + std::to_string(i), value[i]);
  } else {
    CsvRow(out, section, subject, path, value);
  }
}

std::string RenderCsv(const json& data, const json& verdict) {
  std::string out = "section,subject,metric,value\n";
  CsvRow(&out, "verdict", "", "level", verdict["level"]);
  for (const json& r : verdict["reasons"]) CsvRow(&out, "verdict", r["level"].get<std::string>(), "reason", r["message"]);
  if (Get(data, "backup").is_object()) CsvFlatten(&out, "backup", Str(Get(data["backup"], "archive")), "", data["backup"]);
  if (Get(data, "forecasts").is_array()) {
    for (const json& f : data["forecasts"]) CsvFlatten(&out, "forecast", Str(Get(f, "name")), "", Get(f, "forecast"));
  }
  if (Get(data, "purge").is_object()) {
    const json& p = data["purge"];
    CsvFlatten(&out, "purge", "", "", p);
    if (Get(p, "destinations").is_object()) {
      for (const auto& [id, d] : p["destinations"].items()) CsvFlatten(&out, "purge", id, "", d);
    }
    if (Get(p, "quotas").is_object()) {
      for (const auto& [id, q] : p["quotas"].items()) CsvFlatten(&out, "purge", id, "quota", q);
    }
  }
  if (Get(data, "objectives").is_object()) {
    const json& o = data["objectives"];
    CsvFlatten(&out, "objectives", "", "", o);
    if (Get(o, "sites").is_object()) {
      for (const auto& [id, s] : o["sites"].items()) CsvFlatten(&out, "objectives", id, "", s);
    }
  }
  return out;
}

}  // namespace

Status ReportOptions::Validate() const {
  if (locale != "en" && locale != "fr") return Status::InvalidOption("locale", "must be \"en\" or \"fr\"");
  Result<cron::TimeZone> zone = cron::TimeZone::Named(timezone);
  if (!zone.ok()) return Status::InvalidOption("timezone", "is not a known time zone: " + timezone);
  if (now < 0 || now > 253402300799) return Status::InvalidOption("now", "must be between 1970 and 9999");
  return Status::OK();
}

Result<ReportFormat> ParseReportFormat(const std::string& name) {
  if (name == "html") return ReportFormat::kHtml;
  if (name == "json") return ReportFormat::kJson;
  if (name == "csv") return ReportFormat::kCsv;
  return Status::InvalidArgument("format must be \"html\", \"json\" or \"csv\"");
}

json ReportVerdict(const json& data, const std::string& locale) {
  const ReportText t(locale, cron::TimeZone());
  Verdict v;
  JudgeBackup(Get(data, "backup"), t, &v);
  JudgeForecasts(Get(data, "forecasts"), t, &v);
  JudgePurge(Get(data, "purge"), t, &v);
  JudgeObjectives(Get(data, "objectives"), t, &v);
  if (v.rank == 0 && v.reasons.empty()) v.reasons.push_back({{"level", "unknown"}, {"message", t("reason.none")}});
  return {{"level", kLevels[v.rank]}, {"reasons", v.reasons}};
}

Result<std::string> RenderReport(const json& data, ReportFormat format, const ReportOptions& o) {
  Status s = ValidateData(data);
  if (!s.ok()) return s;
  Result<cron::TimeZone> zone = cron::TimeZone::Named(o.timezone);
  if (!zone.ok()) return Status::InvalidOption("timezone", "is not a known time zone: " + o.timezone);
  const ReportText t(o.locale, *zone);
  json verdict = ReportVerdict(data, o.locale);
  switch (format) {
    case ReportFormat::kHtml:
      return RenderHtml(data, verdict, t, o);
    case ReportFormat::kCsv:
      return RenderCsv(data, verdict);
    case ReportFormat::kJson: {
      // Ordered, so that the verdict comes first for a person reading the file too.
      nlohmann::ordered_json out;
      out["generated_at"] = FormatUtcIso8601(o.now);
      out["locale"] = o.locale;
      out["timezone"] = t.ZoneName();
      out["verdict"] = nlohmann::ordered_json(verdict);
      for (const char* section : {"title", "backup", "forecasts", "purge", "objectives"}) {
        if (data.contains(section)) out[section] = nlohmann::ordered_json(data[section]);
      }
      return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
  }
  return Status::InvalidArgument("unknown report format");
}

}  // namespace bjlg::sla
