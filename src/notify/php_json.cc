// PHP json_encode() with the default flags. The string escaping follows
// ext/json/json_encoder.c (php_json_escape_string) and the float form main/snprintf.c
// (php_gcvt with precision 17 and mode 0 digits, which are the shortest that read back).
#include "notify/php_json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace bjlg::notify {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendUnit(uint32_t unit, std::string* out) {
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(unit >> shift) & 0xF]);
}

// The code point starting at text[*i], advancing *i; false on invalid UTF-8 (overlong forms,
// surrogates and values past U+10FFFF included, as PHP's decoder refuses them).
bool NextCodePoint(std::string_view text, size_t* i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  int extra;
  uint32_t min;
  if (c < 0x80) { *cp = c; ++*i; return true; }
  if ((c & 0xE0) == 0xC0) { extra = 1; *cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { extra = 2; *cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { extra = 3; *cp = c & 0x07; min = 0x10000; }
  else return false;
  if (*i + extra >= text.size()) return false;
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[*i + k]);
    if ((cc & 0xC0) != 0x80) return false;
    *cp = (*cp << 6) | (cc & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return false;
  *i += extra + 1;
  return true;
}

Status Encode(const OrderedJson& v, std::string* out) {
  switch (v.type()) {
    case OrderedJson::value_t::null: out->append("null"); return Status::OK();
    case OrderedJson::value_t::boolean: out->append(v.get<bool>() ? "true" : "false"); return Status::OK();
    case OrderedJson::value_t::number_integer: out->append(std::to_string(v.get<int64_t>())); return Status::OK();
    case OrderedJson::value_t::number_unsigned: out->append(std::to_string(v.get<uint64_t>())); return Status::OK();
    case OrderedJson::value_t::number_float: {
      double d = v.get<double>();
      if (!std::isfinite(d)) return Status::InvalidArgument("json: Inf and NaN cannot be JSON encoded");
      out->append(PhpJsonDouble(d));
      return Status::OK();
    }
    case OrderedJson::value_t::string:
      if (!PhpJsonEncodeString(v.get_ref<const std::string&>(), out)) {
        return Status::InvalidArgument("json: malformed UTF-8 characters, possibly incorrectly encoded");
      }
      return Status::OK();
    case OrderedJson::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const OrderedJson& item : v) {
        if (!first) out->push_back(',');
        first = false;
        Status s = Encode(item, out);
        if (!s.ok()) return s;
      }
      out->push_back(']');
      return Status::OK();
    }
    case OrderedJson::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out->push_back(',');
        first = false;
        if (!PhpJsonEncodeString(it.key(), out)) {
          return Status::InvalidArgument("json: malformed UTF-8 characters in a key");
        }
        out->push_back(':');
        Status s = Encode(it.value(), out);
        if (!s.ok()) return s;
      }
      out->push_back('}');
      return Status::OK();
    }
    default:
      return Status::InvalidArgument("json: a binary value cannot be JSON encoded");
  }
}

}  // namespace

bool PhpJsonEncodeString(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp;
    if (!NextCodePoint(text, &i, &cp)) return false;
    switch (cp) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '/': out->append("\\/"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (cp < 0x20) {
          AppendUnit(cp, out);
        } else if (cp < 0x80) {
          out->push_back(static_cast<char>(cp));
        } else if (cp < 0x10000) {
          AppendUnit(cp, out);
        } else {
          cp -= 0x10000;
          AppendUnit(0xD800 | (cp >> 10), out);
          AppendUnit(0xDC00 | (cp & 0x3FF), out);
        }
    }
  }
  out->push_back('"');
  return true;
}

std::string PhpJsonDouble(double value) {
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  // Shortest round-trip digits and the decimal exponent, from "d.ddde±x".
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string out;
  if (sci[0] == '-') { out.push_back('-'); sci.erase(0, 1); }
  size_t e = sci.find('e');
  std::string digits;
  for (size_t k = 0; k < e; ++k) if (sci[k] != '.') digits.push_back(sci[k]);
  int decpt = std::stoi(sci.substr(e + 1)) + 1;  // php_gcvt's position of the decimal point
  constexpr int kPrecision = 17;
  if (decpt < 0 ? decpt < -3 : decpt > kPrecision) {
    int exponent = decpt - 1;
    out.push_back(digits[0]);
    out.push_back('.');
    out.append(digits.size() > 1 ? digits.substr(1) : "0");
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    out.append(std::to_string(exponent < 0 ? -exponent : exponent));
  } else if (decpt <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-decpt), '0');
    out.append(digits);
  } else {
    for (int k = 0; k < decpt; ++k) out.push_back(k < static_cast<int>(digits.size()) ? digits[k] : '0');
    if (static_cast<int>(digits.size()) > decpt) {
      out.push_back('.');
      out.append(digits.substr(decpt));
    }
  }
  return out;
}

Result<std::string> PhpJsonEncode(const OrderedJson& value) {
  std::string out;
  Status s = Encode(value, &out);
  if (!s.ok()) return s;
  return out;
}

}  // namespace bjlg::notify
