#include "database/sql_text.h"

#include <cctype>
#include <vector>

#include "archive/path_rules.h"  // IsValidUtf8

namespace bjlg::database {

namespace {

// The escape of each byte that needs one in a quoted SQL string, else nullptr.
const char* EscapeOf(char c) {
  switch (c) {
    case '\0': return "\\0";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\\': return "\\\\";
    case '\'': return "\\'";
    case '"': return "\\\"";
    case '\032': return "\\Z";
    default: return nullptr;
  }
}

}  // namespace

// Copies the runs between escaped bytes in one append each: most of a post's text needs no
// escape, and the dump spends its time here.
void AppendEscaped(std::string* out, std::string_view s) {
  out->reserve(out->size() + s.size() + 8);
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = EscapeOf(s[i]);
    if (escape == nullptr) continue;
    out->append(s.data() + run, i - run);
    out->append(escape, 2);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
}

void AppendValue(std::string* out, const char* data, size_t size, bool null) {
  if (null) {
    out->append("NULL");
    return;
  }
  const std::string_view v(data, size);
  if (v.find('\0') != std::string_view::npos || !archive::IsValidUtf8(v)) {
    static const char kHex[] = "0123456789abcdef";
    out->reserve(out->size() + 2 + 2 * size);
    out->append("0x");
    for (unsigned char b : v) {
      out->push_back(kHex[b >> 4]);
      out->push_back(kHex[b & 15]);
    }
    return;
  }
  out->push_back('\'');
  AppendEscaped(out, v);
  out->push_back('\'');
}

std::string QuoteName(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

namespace {

enum class Tok { kSpace, kLineComment, kBlockComment, kString, kName, kWord, kOther };

struct Token {
  Tok type;
  std::string_view text;
};

bool IsWordChar(char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// Splits complete SQL text into tokens (quotes, comments, names, words). Unterminated quotes and
// comments run to the end.
std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char c = s[i];
    Tok type;
    if (isspace(static_cast<unsigned char>(c))) {
      while (i < s.size() && isspace(static_cast<unsigned char>(s[i]))) ++i;
      type = Tok::kSpace;
    } else if (c == '#' || (c == '-' && i + 1 < s.size() && s[i + 1] == '-' &&
                            (i + 2 >= s.size() || static_cast<unsigned char>(s[i + 2]) <= ' '))) {
      while (i < s.size() && s[i] != '\n') ++i;
      type = Tok::kLineComment;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const size_t e = s.find("*/", i + 2);
      i = e == std::string_view::npos ? s.size() : e + 2;
      type = Tok::kBlockComment;
    } else if (c == '\'' || c == '"' || c == '`') {
      ++i;
      while (i < s.size()) {
        if (s[i] == '\\' && c != '`') {
          i += 2;
        } else if (s[i] == c) {
          if (i + 1 < s.size() && s[i + 1] == c) {
            i += 2;
          } else {
            ++i;
            break;
          }
        } else {
          ++i;
        }
      }
      if (i > s.size()) i = s.size();
      type = c == '`' ? Tok::kName : Tok::kString;
    } else if (IsWordChar(c)) {
      while (i < s.size() && IsWordChar(s[i])) ++i;
      type = Tok::kWord;
    } else {
      ++i;
      type = Tok::kOther;
    }
    out.push_back({type, s.substr(start, i - start)});
  }
  return out;
}

std::string Unquote(std::string_view name) {
  std::string out;
  for (size_t i = 1; i + 1 < name.size(); ++i) {
    out += name[i];
    if (name[i] == '`' && name[i + 1] == '`') ++i;
  }
  return out;
}

std::string Upper(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string OneLine(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (const Token& t : Tokens(sql)) {
    switch (t.type) {
      case Tok::kSpace:
        out += t.text.find_first_of("\r\n") == std::string_view::npos ? std::string(t.text) : " ";
        break;
      case Tok::kLineComment:
        out += ' ';
        break;
      case Tok::kBlockComment:
        for (char c : t.text) out += (c == '\n' || c == '\r') ? ' ' : c;
        break;
      case Tok::kString: {
        bool escaped = false;
        for (char c : t.text) {
          if (c == '\n' || c == '\r') {
            out += escaped ? "" : "\\";  // after a backslash, the letter alone completes the escape
            out += c == '\n' ? 'n' : 'r';
            escaped = false;
            continue;
          }
          out += c;
          escaped = !escaped && c == '\\';
        }
        break;
      }
      default:
        out += t.text;
    }
  }
  return out;
}

std::string WithoutDefiner(std::string_view sql) {
  const std::vector<Token> toks = Tokens(sql);
  std::string out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].type == Tok::kWord && Upper(toks[i].text) == "DEFINER") {
      // DEFINER = name @ name | CURRENT_USER [()]
      size_t j = i + 1;
      auto skip_space = [&] {
        while (j < toks.size() && toks[j].type == Tok::kSpace) ++j;
      };
      skip_space();
      if (j < toks.size() && toks[j].text == "=") {
        ++j;
        skip_space();
        size_t k = j;
        while (k < toks.size() && toks[k].type != Tok::kSpace) ++k;  // user@host has no space
        if (k > j) {
          i = k;  // the space after the clause is kept
          continue;
        }
      }
    }
    out += toks[i].text;
  }
  return out;
}

std::string RewriteNames(std::string_view sql,
                         const std::function<std::string(const std::string& name, bool* replace)>& fn) {
  std::string out;
  out.reserve(sql.size() + 16);
  for (const Token& t : Tokens(sql)) {
    if (t.type == Tok::kName && t.text.size() >= 2) {
      bool replace = false;
      std::string repl = fn(Unquote(t.text), &replace);
      out += replace ? QuoteName(repl) : std::string(t.text);
    } else if (t.type == Tok::kWord) {
      // A trigger's or routine's original text may name tables without backquotes.
      bool replace = false;
      std::string repl = fn(std::string(t.text), &replace);
      out += replace ? QuoteName(repl) : std::string(t.text);
    } else {
      out += t.text;
    }
  }
  return out;
}

StatementTarget TargetOf(std::string_view sql) {
  std::vector<Token> toks;
  for (const Token& t : Tokens(sql.substr(0, 4096))) {  // the target is always near the start
    if (t.type == Tok::kWord || t.type == Tok::kName || t.type == Tok::kOther) toks.push_back(t);
  }
  StatementTarget r;
  if (toks.empty() || toks[0].type != Tok::kWord) return r;
  const std::string first = Upper(toks[0].text);
  size_t i = 1;
  auto word = [&](size_t k) { return k < toks.size() && toks[k].type == Tok::kWord ? Upper(toks[k].text) : std::string(); };
  auto name_at = [&](size_t k) {
    // name, or qualifier.name
    if (k >= toks.size() || (toks[k].type != Tok::kName && toks[k].type != Tok::kWord)) return std::string();
    if (k + 2 < toks.size() && toks[k + 1].text == ".") ++k, ++k;
    return toks[k].type == Tok::kName ? Unquote(toks[k].text) : std::string(toks[k].text);
  };
  auto object_of = [](const std::string& w) -> std::string {
    if (w == "TABLE" || w == "VIEW") return "table";
    if (w == "TRIGGER") return "trigger";
    if (w == "PROCEDURE" || w == "FUNCTION") return "routine";
    return "";
  };
  if (first == "CREATE" || first == "DROP") {
    for (; i < toks.size(); ++i) {
      const std::string w = word(i);
      if (!object_of(w).empty()) break;
      if (w == "DATABASE" || w == "SCHEMA" || w == "INDEX" || w == "EVENT" || w == "USER") return {first + " " + w, "", ""};
    }
    if (i >= toks.size()) return {first, "", ""};
    const std::string obj = word(i);
    r.kind = first + " " + obj;
    r.object = object_of(obj);
    ++i;
    if (word(i) == "IF") i += (word(i + 1) == "NOT") ? 3 : 2;
    r.name = name_at(i);
    return r;
  }
  if (first == "INSERT" || first == "REPLACE") {
    while (word(i) == "IGNORE" || word(i) == "INTO" || word(i) == "LOW_PRIORITY" || word(i) == "DELAYED" ||
           word(i) == "HIGH_PRIORITY") {
      ++i;
    }
    return {first, name_at(i), "table"};
  }
  if (first == "ALTER" && word(i) != "TABLE") return {first, "", ""};
  if (first == "ALTER" || first == "TRUNCATE" || first == "LOCK") {
    if (word(i) == "TABLE" || word(i) == "TABLES") ++i;
    return {first + (first == "LOCK" ? " TABLES" : " TABLE"), name_at(i), "table"};
  }
  r.kind = first;
  return r;
}

}  // namespace bjlg::database
