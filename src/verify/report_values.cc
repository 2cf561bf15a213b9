#include "verify/report_values.h"

#include <cmath>
#include <cstring>

#include "verify/report_words.h"

namespace bjlg::verify {

namespace {

using nlohmann::json;

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool IsBytes(const std::string& key, const std::string& parent) {
  return parent == "bytes" || key == "size" || EndsWith(key, "bytes") || EndsWith(key, "_size");
}

bool IsSeconds(const std::string& key, const std::string& parent) {
  return EndsWith(key, "seconds") || parent == "durations" || (parent == "rto" && key != "database_included");
}

bool IsSecret(const std::string& key) {
  for (const char* word : {"password", "secret", "dsn", "token", "passphrase"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return key == "key";
}

std::string NumberText(double v, const sla::ReportText& text) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return text.Number(v, 0);
  std::string s = text.Number(v, 3);  // ratios and fractions: at most three decimals
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.' || s.back() == ',') s.pop_back();
  return s;
}

bool StartsPath(const std::string& s, size_t i) {
  if (s[i] != '/') return false;
  return i == 0 || std::strchr(" \t('\"`:=[", s[i - 1]) != nullptr;
}

std::string ListText(const std::string& key, const json& list, const sla::ReportText& text) {
  std::string out;
  size_t shown = 0;
  for (const json& item : list) {
    if (shown == kListedValues) {
      out += " … (+" + std::to_string(list.size() - shown) + " " + Word("more", text.french()) + ")";
      break;
    }
    if (shown++ > 0) out += ", ";
    out += item.is_object() ? item.dump() : ValueText(key, "", item, text);
  }
  return out;
}

}  // namespace

const json& Field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.is_null() ? "" : v.dump();
}

std::string HidePaths(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (!StartsPath(text, i)) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && std::strchr(" \t\n'\"`),;]", text[end]) == nullptr) ++end;
    const std::string path = text.substr(i, end - i);
    const size_t last = path.find_last_of('/');
    // "/x" may be a name of the report's own (an entry, a table); "/a/b" is a server path.
    out += last == 0 || last + 1 == path.size() ? path : path.substr(last + 1);
    i = end;
  }
  return out;
}

std::string ValueText(const std::string& key, const std::string& parent, const json& v, const sla::ReportText& text) {
  if (IsSecret(key)) return "—";
  if (v.is_boolean()) return Word(v.get<bool>() ? "yes" : "no", text.french());
  if (v.is_number() && IsBytes(key, parent)) return text.Bytes(v);
  if (v.is_number() && IsSeconds(key, parent)) return text.Duration(v);
  if (v.is_number()) return NumberText(v.get<double>(), text);
  if (v.is_string() && EndsWith(key, "_at") && sla::JsonTime(v)) return text.TimeWithOffset(v);
  if (v.is_array()) return ListText(key, v, text);
  return Str(v);
}

void KeyValues(const std::string& parent, const json& o, const sla::ReportText& text, Html* html) {
  html->Raw("<dl class=\"kv\">");
  for (const auto& [key, value] : o.items()) {
    html->Tag("dt", Word(key, text.french())).Raw("<dd>");
    if (value.is_object() && !value.empty()) {
      KeyValues(key, value, text, html);
    } else {
      html->Text(ValueText(key, parent, value, text));
    }
    html->Raw("</dd>");
  }
  html->Raw("</dl>");
}

}  // namespace bjlg::verify
