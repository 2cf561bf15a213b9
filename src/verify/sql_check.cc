#include "verify/sql_check.h"

#include <cctype>

namespace bjlg::verify {

namespace {

constexpr size_t kHeadCap = 64 * 1024;
constexpr size_t kMaxErrors = 20;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string Upper(const std::string& s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return u;
}

// Skips spaces from `at`; then, if the upper-cased head continues with `word` as a whole
// word, moves past it and returns true.
bool Word(const std::string& upper, size_t* at, const char* word) {
  size_t p = *at;
  while (p < upper.size() && IsSpace(upper[p])) ++p;
  size_t n = 0;
  while (word[n] != 0) {
    if (p + n >= upper.size() || upper[p + n] != word[n]) return false;
    ++n;
  }
  if (p + n < upper.size() && (isalnum(static_cast<unsigned char>(upper[p + n])) || upper[p + n] == '_')) {
    return false;
  }
  *at = p + n;
  return true;
}

// A table name at `at`: `quoted` (doubled backquotes inside) or bare, optionally qualified by
// a database name (the last part is returned). Empty when there is none.
std::string Identifier(const std::string& head, size_t at) {
  std::string name;
  for (int part = 0; part < 2; ++part) {
    while (at < head.size() && IsSpace(head[at])) ++at;
    name.clear();
    if (at < head.size() && head[at] == '`') {
      ++at;
      bool closed = false;
      while (at < head.size()) {
        if (head[at] == '`') {
          if (at + 1 < head.size() && head[at + 1] == '`') {
            name += '`';
            at += 2;
            continue;
          }
          closed = true;
          ++at;
          break;
        }
        name += head[at++];
      }
      if (!closed) return "";
    } else {
      while (at < head.size() && (isalnum(static_cast<unsigned char>(head[at])) || head[at] == '_' ||
                                  head[at] == '$' || static_cast<unsigned char>(head[at]) >= 0x80)) {
        name += head[at++];
      }
    }
    if (name.empty() || at >= head.size() || head[at] != '.') break;
    ++at;
  }
  return name;
}

std::string Excerpt(const std::string& head) {
  std::string e;
  for (char c : head) {
    if (e.size() >= 40) {
      e += "...";
      break;
    }
    e += IsSpace(c) ? ' ' : c;
  }
  return e;
}

}  // namespace

void SqlCheck::Error(const std::string& what, uint64_t at) {
  ++summary_.error_count;
  if (summary_.errors.size() < kMaxErrors) {
    summary_.errors.push_back(what + " (byte " + std::to_string(at) + ")");
  }
}

void SqlCheck::Classify() {
  if (classified_) return;
  classified_ = true;
  const std::string upper = Upper(head_.substr(0, 64));
  size_t at = 0;
  is_insert_ = Word(upper, &at, "INSERT") || Word(upper, &at, "REPLACE");
}

void SqlCheck::NormalChar(char c) {
  const uint64_t offset = summary_.bytes;
  if (c == ';') {
    EndStatement();
    return;
  }
  if (IsSpace(c)) {
    if (in_statement_ && head_.size() < kHeadCap) head_ += c;
    return;
  }
  if (!in_statement_) {
    in_statement_ = true;
    statement_start_ = offset;
    head_.clear();
    depth_ = 0;
    negative_depth_ = is_insert_ = values_seen_ = after_tuple_ = expect_tuple_ = stray_ = false;
    parens_seen_ = classified_ = false;
    tuples_ = 0;
  }
  if (head_.size() < kHeadCap) head_ += c;
  // In the VALUES list of an INSERT, at depth 0 only tuples and commas may appear.
  const bool in_values = is_insert_ && values_seen_ && depth_ == 0;
  switch (c) {
    case '\'': lex_ = Lex::kSingle; if (in_values) stray_ = true; return;
    case '"': lex_ = Lex::kDouble; if (in_values) stray_ = true; return;
    case '`': lex_ = Lex::kBacktick; if (in_values) stray_ = true; return;
    case '(':
      parens_seen_ = true;
      if (depth_++ == 0) {
        Classify();
        if (is_insert_ && !values_seen_) {
          size_t at = 0;
          const std::string upper = Upper(head_);
          // VALUES as a word of the head, outside the table name and column list.
          for (size_t p = upper.find("VALUES"); p != std::string::npos; p = upper.find("VALUES", p + 1)) {
            at = p;
            const bool before_ok = p == 0 || IsSpace(upper[p - 1]) || upper[p - 1] == ')';
            if (before_ok && Word(upper, &at, "VALUES")) {
              values_seen_ = true;
              expect_tuple_ = true;
              break;
            }
          }
          if (values_seen_) {
            ++tuples_;
            expect_tuple_ = false;
          }
        } else if (is_insert_ && values_seen_) {
          if (!expect_tuple_) stray_ = true;
          ++tuples_;
          expect_tuple_ = false;
        }
      }
      return;
    case ')':
      if (--depth_ < 0) negative_depth_ = true;
      if (depth_ == 0 && is_insert_ && values_seen_) after_tuple_ = true;
      return;
    case ',':
      if (in_values) {
        if (!after_tuple_) stray_ = true;
        after_tuple_ = false;
        expect_tuple_ = true;
      }
      return;
    default:
      if (in_values) stray_ = true;
      return;
  }
}

void SqlCheck::Feed(const char* data, size_t size) {
  for (size_t i = 0; i < size; ++i, ++summary_.bytes) {
    const char c = data[i];
    if (c == '\0') {
      Error("NUL byte in the dump", summary_.bytes);
      continue;
    }
    switch (lex_) {
      case Lex::kNormal:
        if (pending_ != 0) {
          const char p = pending_;
          pending_ = 0;
          if (p == '-' && c == '-') {
            lex_ = Lex::kLineComment;
            continue;
          }
          if (p == '/' && c == '*') {
            lex_ = Lex::kBlockComment;
            block_prev_ = 0;
            continue;
          }
          NormalChar(p);
          if (lex_ != Lex::kNormal) break;  // unreachable for '-' and '/', kept for clarity
        }
        if (c == '#') {
          lex_ = Lex::kLineComment;
        } else if (c == '-' || c == '/') {
          pending_ = c;
        } else {
          NormalChar(c);
        }
        break;
      case Lex::kSingle:
      case Lex::kDouble: {
        const char quote = lex_ == Lex::kSingle ? '\'' : '"';
        if (!escape_ && c != quote && c != '\\') {
          // Most of a dump is the inside of strings: jump to the next byte that matters (the
          // quote, a backslash or a NUL) instead of going round the loop for each byte.
          size_t end = i + 1;
          while (end < size && data[end] != quote && data[end] != '\\' && data[end] != '\0') ++end;
          if (in_statement_ && head_.size() < kHeadCap) head_.append(data + i, std::min(end - i, kHeadCap - head_.size()));
          summary_.bytes += end - 1 - i;
          i = end - 1;  // the loop moves on to `end`
          break;
        }
        if (in_statement_ && head_.size() < kHeadCap) head_ += c;
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == quote) {
          lex_ = Lex::kNormal;
        }
        break;
      }
      case Lex::kBacktick:
        if (head_.size() < kHeadCap) head_ += c;
        if (c == '`') lex_ = Lex::kNormal;
        break;
      case Lex::kLineComment:
        if (c == '\n') lex_ = Lex::kNormal;
        break;
      case Lex::kBlockComment:
        if (block_prev_ == '*' && c == '/') {
          lex_ = Lex::kNormal;
          block_prev_ = 0;
        } else {
          block_prev_ = c;
        }
        break;
    }
  }
}

void SqlCheck::EndStatement() {
  if (!in_statement_) return;  // an empty statement (`;;`) is harmless
  in_statement_ = false;
  ++summary_.statements;
  Classify();
  const std::string upper = Upper(head_.substr(0, 256));
  const std::string where = " in the statement at byte " + std::to_string(statement_start_) + " ('" + Excerpt(head_) + "')";
  size_t at = 0;
  if (Word(upper, &at, "CREATE") && (Word(upper, &at, "TEMPORARY"), Word(upper, &at, "TABLE"))) {
    if (Word(upper, &at, "IF")) {
      Word(upper, &at, "NOT");
      Word(upper, &at, "EXISTS");
    }
    const std::string name = Identifier(head_, at);
    if (name.empty()) {
      Error("CREATE TABLE without a table name" + where, statement_start_);
    } else if (!parens_seen_ || depth_ != 0 || negative_depth_) {
      Error("CREATE TABLE `" + name + "` has unbalanced or missing parentheses" + where, statement_start_);
    } else {
      summary_.tables[name].created = true;
    }
    return;
  }
  at = 0;
  if (is_insert_) {
    ++summary_.inserts;
    Word(upper, &at, "INSERT") || Word(upper, &at, "REPLACE");
    Word(upper, &at, "IGNORE");
    std::string name;
    if (Word(upper, &at, "INTO")) name = Identifier(head_, at);
    if (name.empty()) {
      Error("INSERT without INTO and a table name" + where, statement_start_);
    } else if (!values_seen_ || tuples_ == 0) {
      Error("INSERT INTO `" + name + "` has no VALUES tuple" + where, statement_start_);
    } else if (depth_ != 0 || negative_depth_ || stray_ || expect_tuple_ || !after_tuple_) {
      Error("INSERT INTO `" + name + "` is malformed (its VALUES are not a comma-separated list of "
            "balanced (...) tuples)" + where, statement_start_);
    } else {
      summary_.tables[name].rows += tuples_;
    }
    return;
  }
  if (depth_ != 0 || negative_depth_) {
    Error("unbalanced parentheses" + where, statement_start_);
  }
}

void SqlCheck::Finish() {
  if (pending_ != 0 && lex_ == Lex::kNormal) {
    const char p = pending_;
    pending_ = 0;
    NormalChar(p);
  }
  switch (lex_) {
    case Lex::kSingle:
    case Lex::kDouble:
    case Lex::kBacktick:
      Error("truncated: the dump ends inside a quoted string of the statement at byte " +
                std::to_string(statement_start_) + " ('" + Excerpt(head_) + "')",
            summary_.bytes);
      return;
    case Lex::kBlockComment:
      Error("truncated: the dump ends inside a /* comment */", summary_.bytes);
      return;
    default:
      break;
  }
  if (in_statement_) {
    Error("truncated: the last statement, at byte " + std::to_string(statement_start_) + " ('" + Excerpt(head_) +
              "'), does not end with ;",
          summary_.bytes);
    return;
  }
  summary_.complete = true;
}

}  // namespace bjlg::verify
