// The HTML of every report page bjlg writes (the SLA reports, the verification and restore-test
// reports): a small builder that escapes every text it is given, and the one inline style sheet,
// so that the pages look alike, stand alone (no script, no external asset) and print well.
#ifndef BJLG_COMMON_HTML_PAGE_H_
#define BJLG_COMMON_HTML_PAGE_H_

#include <string>
#include <utility>
#include <vector>

#include "common/xml_escape.h"

namespace bjlg {

// Appends to a page: Raw() as given (markup the caller wrote), everything else XML-escaped.
class Html {
 public:
  Html& Raw(const std::string& s) { out_ += s; return *this; }
  Html& Text(const std::string& s) { out_ += XmlEscape(s); return *this; }
  Html& Tag(const char* tag, const std::string& text, const char* cls = nullptr) {
    out_ += std::string("<") + tag + (cls ? std::string(" class=\"") + cls + "\"" : "") + ">";
    Text(text);
    out_ += std::string("</") + tag + ">";
    return *this;
  }
  // A two-column table of labelled values.
  Html& Facts(const std::vector<std::pair<std::string, std::string>>& rows) {
    out_ += "<table class=\"facts\">";
    for (const auto& [k, v] : rows) {
      out_ += "<tr><th scope=\"row\">" + XmlEscape(k) + "</th><td>" + XmlEscape(v) + "</td></tr>";
    }
    out_ += "</table>";
    return *this;
  }
  Html& Table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) {
    out_ += "<table><thead><tr>";
    for (const auto& h : head) out_ += "<th scope=\"col\">" + XmlEscape(h) + "</th>";
    out_ += "</tr></thead><tbody>";
    for (const auto& row : rows) {
      out_ += "<tr>";
      for (const auto& c : row) out_ += "<td>" + XmlEscape(c) + "</td>";
      out_ += "</tr>";
    }
    out_ += "</tbody></table>";
    return *this;
  }
  Html& Figure(const std::string& svg) {
    out_ += "<figure>" + svg + "</figure>";
    return *this;
  }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

inline constexpr const char* kReportStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;max-width:980px;margin:0 auto;"
    "padding:16px;line-height:1.4}"
    "h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}"
    "h3{font-size:1.05em;margin:18px 0 6px}.meta{color:#555;margin:0}"
    ".verdict{border-radius:6px;padding:12px 16px;margin:16px 0;border:2px solid}"
    ".verdict p{margin:0;font-weight:bold;font-size:1.15em}.verdict ul{margin:6px 0 0}"
    ".level-ok{border-color:#2e7d32;background:#e8f5e9}.level-watch{border-color:#1565c0;background:#e3f2fd}"
    ".level-warning{border-color:#ef6c00;background:#fff3e0}.level-critical{border-color:#c62828;background:#ffebee}"
    ".level-unknown{border-color:#777;background:#f5f5f5}"
    "table{border-collapse:collapse;margin:8px 0;font-size:.92em}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;"
    "vertical-align:top}thead th{background:#f3f3f3}table.facts th{background:#fafafa;font-weight:600}"
    "figure{margin:8px 0}svg.chart{max-width:100%;height:auto;border:1px solid #eee}"
    ".bad{color:#c62828;font-weight:600}"
    ".st-passed{color:#2e7d32}.st-failed{color:#c62828;font-weight:600}.st-inconclusive{color:#ef6c00;font-weight:600}"
    ".st-skipped{color:#777}dl.kv{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:6px 0}"
    "dl.kv dt{font-weight:600}dl.kv dd{margin:0;overflow-wrap:anywhere}"
    "@media print{body{max-width:none;padding:0;font-size:10pt}section,figure,table{break-inside:avoid}"
    ".verdict{background:none!important}h2{break-after:avoid}a{color:inherit}}";

}  // namespace bjlg

#endif  // BJLG_COMMON_HTML_PAGE_H_
