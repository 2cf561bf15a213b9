// The resolution report of one incident (post-mortem): summary, timeline, time to acknowledge
// and to resolve, actions done and still open with their owners, operator notes. One data
// document, four renderings (json, markdown, text, html) in English or French; durations and
// times are worded by the SLA reports' ReportText so every bjlg report says them the same way.
#include "common/phrases.h"
#include "common/xml_escape.h"
#include "notify/incident.h"
#include "notify/php_json.h"
#include "sla/report_text.h"

namespace bjlg::notify {

struct IncidentReport {
  static OrderedJson Data(const Incident& i);
};

namespace {

const PhraseBook& Words() {
  static const PhraseBook kWords = {
      {"title", {"Incident report", "Rapport d’incident"}},
      {"status", {"Status", "Statut"}},
      {"pending", {"open", "ouvert"}},
      {"acknowledged", {"acknowledged", "pris en compte"}},
      {"resolved", {"resolved", "résolu"}},
      {"severity", {"Severity", "Gravité"}},
      {"event", {"Event", "Événement"}},
      {"opened", {"Opened", "Ouvert"}},
      {"acknowledged_at", {"Acknowledged", "Pris en compte"}},
      {"resolved_at", {"Resolved", "Résolu"}},
      {"tta", {"Time to acknowledge", "Délai de prise en compte"}},
      {"ttr", {"Time to resolve", "Délai de résolution"}},
      {"summary", {"Summary", "Résumé"}},
      {"timeline", {"Timeline", "Chronologie"}},
      {"actions_done", {"Actions taken", "Actions réalisées"}},
      {"actions_open", {"Actions still open", "Actions en cours"}},
      {"notes", {"Operator notes", "Notes des opérateurs"}},
      {"owner", {"owner", "responsable"}},
      {"due", {"due", "échéance"}},
      {"none", {"none", "aucune"}},
      {"by", {"by", "par"}},
  };
  return kWords;
}

class Renderer {
 public:
  Renderer(const OrderedJson& d, const std::string& locale)
      : d_(d), fr_(locale == "fr"), text_(locale, cron::TimeZone()) {}

  std::string W(const std::string& key) const {
    const char* phrase = FindPhrase(Words(), key, fr_);
    return phrase != nullptr ? phrase : key;
  }
  std::string Time(const OrderedJson& v) const { return v.is_number() ? text_.Time(v.get<int64_t>()) + " UTC" : "—"; }
  std::string Dur(const OrderedJson& v) const { return v.is_number() ? text_.Duration(v.get<double>()) : "—"; }

  // Facts as (label, value) pairs, in order.
  std::vector<std::pair<std::string, std::string>> Facts() const {
    return {{W("status"), W(d_["status"].get<std::string>())},
            {W("severity"), d_["severity"].get<std::string>()},
            {W("event"), d_["event"].get<std::string>()},
            {W("opened"), Time(d_["created_at"])},
            {W("acknowledged_at"), Time(d_["acknowledged_at"]) + By("acknowledged_by")},
            {W("resolved_at"), Time(d_["resolved_at"]) + By("resolved_by")},
            {W("tta"), Dur(d_["time_to_acknowledge_seconds"])},
            {W("ttr"), Dur(d_["time_to_resolve_seconds"])}};
  }
  std::string By(const char* key) const {
    std::string who = d_[key].get<std::string>();
    return who.empty() ? "" : " (" + W("by") + " " + who + ")";
  }
  std::vector<std::string> Timeline() const {
    std::vector<std::string> out;
    for (const OrderedJson& s : d_["timeline"]) {
      out.push_back("[" + Time(s["timestamp"]) + "] " + s["actor"].get<std::string>() + " — " +
                    s["summary"].get<std::string>());
    }
    return out;
  }
  std::vector<std::string> Actions(const char* key) const {
    std::vector<std::string> out;
    for (const OrderedJson& a : d_[key]) {
      std::string line = a["title"].get<std::string>() + " [" + a["status"].get<std::string>() + "]";
      if (!a["owner"].get<std::string>().empty()) line += ", " + W("owner") + " " + a["owner"].get<std::string>();
      if (a["due_at"].is_number()) line += ", " + W("due") + " " + Time(a["due_at"]) + (a["overdue"].get<bool>() ? " (!)" : "");
      out.push_back(line);
    }
    return out;
  }
  std::vector<std::string> Notes() const { return d_["notes"].get<std::vector<std::string>>(); }
  std::string Heading() const { return W("title") + ": " + d_["title"].get<std::string>(); }
  std::string Summary() const { return d_["summary"].get<std::string>(); }

  std::string Text(bool markdown) const {
    std::string out = (markdown ? "# " : "") + Heading() + "\n\n";
    for (const auto& [k, v] : Facts()) out += (markdown ? "- **" + k + "**: " : k + ": ") + v + "\n";
    auto section = [&](const std::string& title, const std::vector<std::string>& items) {
      out += "\n" + (markdown ? "## " + title : title + ":") + "\n";
      if (items.empty()) out += (markdown ? "- " : "  ") + W("none") + "\n";
      for (const std::string& it : items) out += (markdown ? "- " : "  - ") + it + "\n";
    };
    section(W("summary"), Summary().empty() ? std::vector<std::string>{} : std::vector<std::string>{Summary()});
    section(W("timeline"), Timeline());
    section(W("actions_done"), Actions("actions_done"));
    section(W("actions_open"), Actions("actions_open"));
    section(W("notes"), Notes());
    return out;
  }

  std::string Html() const {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(fr_ ? "fr" : "en") +
                      "\"><head><meta charset=\"utf-8\"><title>" + XmlEscape(Heading()) +
                      "</title><style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
                      "th{text-align:left;padding-right:1em}</style></head>\n<body>\n<h1>" + XmlEscape(Heading()) + "</h1>\n<table>\n";
    for (const auto& [k, v] : Facts()) out += "<tr><th>" + XmlEscape(k) + "</th><td>" + XmlEscape(v) + "</td></tr>\n";
    out += "</table>\n";
    auto section = [&](const std::string& title, const std::vector<std::string>& items) {
      out += "<h2>" + XmlEscape(title) + "</h2>\n<ul>\n";
      if (items.empty()) out += "<li>" + XmlEscape(W("none")) + "</li>\n";
      for (const std::string& it : items) out += "<li>" + XmlEscape(it) + "</li>\n";
      out += "</ul>\n";
    };
    section(W("summary"), Summary().empty() ? std::vector<std::string>{} : std::vector<std::string>{Summary()});
    section(W("timeline"), Timeline());
    section(W("actions_done"), Actions("actions_done"));
    section(W("actions_open"), Actions("actions_open"));
    section(W("notes"), Notes());
    return out + "</body></html>\n";
  }

 private:
  const OrderedJson& d_;
  bool fr_;
  sla::ReportText text_;
};

}  // namespace

OrderedJson IncidentReport::Data(const Incident& i) {
  OrderedJson d = OrderedJson::object();
  d["id"] = i.id_;
  d["event"] = i.event_;
  d["title"] = i.title_;
  d["severity"] = SeverityName(i.severity_);
  d["status"] = i.status();
  d["created_at"] = i.created_at_;
  d["acknowledged_at"] = i.acknowledged_at_ > 0 ? OrderedJson(i.acknowledged_at_) : OrderedJson(nullptr);
  d["acknowledged_by"] = i.acknowledged_by_;
  d["resolved_at"] = i.resolved_at_ > 0 ? OrderedJson(i.resolved_at_) : OrderedJson(nullptr);
  d["resolved_by"] = i.resolved_by_;
  d["time_to_acknowledge_seconds"] = i.acknowledged_at_ > 0 ? OrderedJson(i.acknowledged_at_ - i.created_at_) : OrderedJson(nullptr);
  d["time_to_resolve_seconds"] = i.resolved_at_ > 0 ? OrderedJson(i.resolved_at_ - i.created_at_) : OrderedJson(nullptr);
  d["summary"] = i.summary_;
  d["timeline"] = OrderedJson::array();
  for (const Step& s : i.steps_) {
    if (s.type == "notified") continue;  // one line per delivery would drown the story
    d["timeline"].push_back({{"timestamp", s.timestamp}, {"actor", s.actor}, {"summary", s.summary}, {"type", s.type}});
  }
  d["actions_done"] = OrderedJson::array();
  d["actions_open"] = OrderedJson::array();
  int64_t reference = i.resolved_at_ > 0 ? i.resolved_at_ : 0;
  for (const Action& a : i.actions_) {
    OrderedJson o = {{"id", a.id}, {"title", a.title}, {"owner", a.owner}, {"status", a.status},
                     {"due_at", a.due_at > 0 ? OrderedJson(a.due_at) : OrderedJson(nullptr)},
                     {"overdue", a.overdue_notified_at > 0 || (reference > 0 && a.due_at > 0 && a.due_at < reference &&
                                                               (a.status == "open" || a.status == "in_progress"))}};
    bool closed = a.status == "done" || a.status == "cancelled";
    d[closed ? "actions_done" : "actions_open"].push_back(std::move(o));
  }
  d["notes"] = i.notes_;
  return d;
}

Result<std::string> Incident::Report(const std::string& format, const std::string& locale) const {
  if (locale != "en" && locale != "fr") return Status::InvalidArgument("locale must be en or fr");
  OrderedJson data = IncidentReport::Data(*this);
  if (format == "json") return data.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  Renderer r(data, locale);
  if (format == "markdown") return r.Text(true);
  if (format == "text") return r.Text(false);
  if (format == "html") return r.Html();
  return Status::InvalidArgument("format must be html, markdown, json or text");
}

}  // namespace bjlg::notify
