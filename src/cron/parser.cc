// The cron parser: text -> Expression, or a SyntaxError that names the field, the byte position
// and the reason, with a suggestion when one is obvious. It reads the input once, refuses
// anything longer than Expression::kMaxLength before reading it, and accepts ASCII only.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "cron/expression.h"
#include "cron/field_spec.h"

namespace bjlg::cron {
namespace {

struct Macro {
  const char* name;
  const char* fields;
};

constexpr Macro kMacros[] = {
    {"@yearly", "0 0 1 1 *"},  {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},  {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
};

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

struct Token {
  std::string_view text;
  size_t position;
};

class Failure {};  // thrown inside the parser only; Parse() turns it into a Status

}  // namespace

// Parses one expression. Internal exceptions (Failure) never leave Parse().
class Parser {
 public:
  explicit Parser(std::string_view input) : input_(input) {}

  Result<Expression> Run(SyntaxError* error_out) {
    try {
      Expression expr = ParseAll();
      return expr;
    } catch (const Failure&) {
      if (error_out != nullptr) *error_out = error_;
      return Status::InvalidArgument(error_.ToString());
    }
  }

 private:
  [[noreturn]] void Fail(std::optional<Field> field, size_t position, std::string reason,
                         std::string suggestion = "") {
    error_.field = field;
    error_.position = position;
    error_.reason = std::move(reason);
    error_.suggestion = std::move(suggestion);
    throw Failure();
  }

  void CheckCharacters() {
    if (input_.size() > Expression::kMaxLength) {
      Fail(std::nullopt, Expression::kMaxLength,
           "the expression is " + std::to_string(input_.size()) + " bytes long; at most " +
               std::to_string(Expression::kMaxLength) + " are accepted");
    }
    for (size_t i = 0; i < input_.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(input_[i]);
      if (c == 0) Fail(std::nullopt, i, "NUL byte in the expression");
      if (c >= 0x80 || (c < 0x20 && !IsBlank(static_cast<char>(c))) || c == 0x7f) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", c);
        Fail(std::nullopt, i,
             std::string("byte ") + hex +
                 " is not allowed: use ASCII digits, names, spaces and * , - / ? L W # @");
      }
    }
  }

  std::vector<Token> SplitFields() {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < input_.size()) {
      while (i < input_.size() && IsBlank(input_[i])) ++i;
      if (i >= input_.size()) break;
      const size_t start = i;
      while (i < input_.size() && !IsBlank(input_[i])) ++i;
      tokens.push_back({input_.substr(start, i - start), start});
    }
    return tokens;
  }

  Expression ParseAll() {
    CheckCharacters();
    std::vector<Token> tokens = SplitFields();
    if (tokens.empty()) Fail(std::nullopt, 0, "the expression is empty");

    Expression expr;
    if (tokens[0].text[0] == '@') {
      const Macro* macro = FindMacro(tokens[0]);
      if (tokens.size() > 1) {
        Fail(std::nullopt, tokens[1].position,
             "a macro such as " + std::string(macro->name) + " stands alone", macro->name);
      }
      expr.macro_ = macro->name;
      std::vector<Token> fields = SplitFieldsOf(macro->fields);
      ParseFields(fields, &expr, /*from_macro=*/true);
    } else {
      CheckFieldCount(tokens);
      ParseFields(tokens, &expr, /*from_macro=*/false);
    }
    expr.Finish();
    return expr;
  }

  std::vector<Token> SplitFieldsOf(const char* fields) {
    std::vector<Token> tokens;
    std::string_view view(fields);
    size_t i = 0;
    while (i < view.size()) {
      const size_t start = i;
      while (i < view.size() && view[i] != ' ') ++i;
      tokens.push_back({view.substr(start, i - start), 0});
      ++i;
    }
    return tokens;
  }

  const Macro* FindMacro(const Token& token) {
    const std::string name = Lower(token.text);
    for (const Macro& m : kMacros) {
      if (name == m.name) return &m;
    }
    if (name == "@reboot") {
      Fail(std::nullopt, token.position, "@reboot has no schedule and is not supported");
    }
    const Macro* best = nullptr;
    size_t best_distance = 3;
    for (const Macro& m : kMacros) {
      const size_t d = EditDistance(name, m.name);
      if (d < best_distance) {
        best_distance = d;
        best = &m;
      }
    }
    Fail(std::nullopt, token.position,
         "unknown macro " + std::string(token.text) +
             "; known: @yearly @annually @monthly @weekly @daily @midnight @hourly",
         best != nullptr ? best->name : "");
  }

  // A 4-digit year or range of years, as in Quartz's optional seventh field.
  static bool LooksLikeYear(std::string_view text) {
    if (text.size() != 4 && text.find('-') == std::string_view::npos) return false;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ',' && c != '/') return false;
    }
    return text.size() >= 4 && text[0] >= '1' && text[0] <= '2';
  }

  static std::string Join(const std::vector<Token>& tokens, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
      if (!out.empty()) out += ' ';
      out += tokens[i].text;
    }
    return out;
  }

  void CheckFieldCount(const std::vector<Token>& tokens) {
    const size_t n = tokens.size();
    if (n == static_cast<size_t>(kFieldCount)) return;
    const std::string expected = "expected 5 fields (minute hour day-of-month month day-of-week), found ";
    if (n < static_cast<size_t>(kFieldCount)) {
      const char* missing[] = {"minute", "hour", "day-of-month", "month", "day-of-week"};
      Fail(std::nullopt, input_.size(),
           expected + std::to_string(n) + ": the " + missing[n] + " field is missing");
    }
    if (n == 6) {
      // Quartz and some schedulers put seconds first, others a year last.
      if (LooksLikeYear(tokens[5].text) && !LooksLikeYear(tokens[0].text)) {
        Fail(std::nullopt, tokens[5].position,
             expected + "6: the last field looks like a year, which this dialect does not have",
             Join(tokens, 0, 5));
      }
      Fail(std::nullopt, tokens[0].position,
           expected + "6: the first field looks like seconds (Quartz style), which this dialect "
                      "does not have",
           Join(tokens, 1, 6));
    }
    if (n == 7) {
      Fail(std::nullopt, tokens[0].position,
           expected + "7: seconds and year fields (Quartz style) are not part of this dialect",
           Join(tokens, 1, 6));
    }
    Fail(std::nullopt, tokens[5].position, expected + std::to_string(n));
  }

  void ParseFields(const std::vector<Token>& tokens, Expression* expr, bool from_macro) {
    std::string normalized;
    for (int f = 0; f < kFieldCount; ++f) {
      const Field field = static_cast<Field>(f);
      std::vector<Item> items = ParseField(field, tokens[f]);
      if (!normalized.empty()) normalized += ' ';
      normalized += RenderField(field, items);
      expr->items_[f] = std::move(items);
    }
    (void)from_macro;
    expr->normalized_ = std::move(normalized);
  }

  std::vector<Item> ParseField(Field field, const Token& token) {
    std::vector<Item> items;
    size_t start = 0;
    const std::string_view text = token.text;
    while (true) {
      size_t comma = text.find(',', start);
      if (comma == std::string_view::npos) comma = text.size();
      const size_t position = token.position + start;
      if (comma == start) {
        Fail(field, position, "empty item in the list", "");
      }
      items.push_back(ParseItem(field, text.substr(start, comma - start), position));
      if (comma == text.size()) break;
      start = comma + 1;
      if (start == text.size()) Fail(field, token.position + start, "the list ends with a comma");
    }
    if (items.size() > 1) {
      for (const Item& item : items) {
        if (item.kind == Item::Kind::kAny && item.step == 1) {
          Fail(field, token.position,
               std::string(item.question_mark ? "?" : "*") + " cannot be combined with other items",
               item.question_mark ? "?" : "*");
        }
      }
    }
    return items;
  }

  // Reads a number or a name at text[*i], advancing *i.
  int ReadValue(Field field, std::string_view text, size_t* i, size_t base, bool* named) {
    const FieldSpec& spec = SpecOf(field);
    const size_t begin = *i;
    if (*i < text.size() && std::isdigit(static_cast<unsigned char>(text[*i]))) {
      long value = 0;
      while (*i < text.size() && std::isdigit(static_cast<unsigned char>(text[*i]))) {
        if (value < 100000) value = value * 10 + (text[*i] - '0');
        ++*i;
      }
      if (value < spec.min || value > spec.max_written) {
        Fail(field, base + begin,
             "value " + std::string(text.substr(begin, *i - begin)) + " is out of range " +
                 std::to_string(spec.min) + "-" + std::to_string(spec.max_written),
             std::to_string(spec.min) + "-" + std::to_string(spec.max_written));
      }
      *named = false;
      return static_cast<int>(value);
    }
    if (*i < text.size() && std::isalpha(static_cast<unsigned char>(text[*i]))) {
      while (*i < text.size() && std::isalpha(static_cast<unsigned char>(text[*i]))) ++*i;
      const std::string word = Upper(text.substr(begin, *i - begin));
      int value = 0;
      if (LookupName(field, word, &value)) {
        *named = true;
        return value;
      }
      FailOnName(field, word, base + begin);
    }
    if (*i >= text.size()) Fail(field, base + begin, "a value is missing");
    Fail(field, base + begin, std::string("unexpected character '") + text[*i] + "'");
  }

  [[noreturn]] void FailOnName(Field field, const std::string& word, size_t position) {
    int value = 0;
    if (field != Field::kMonth && field != Field::kDayOfWeek) {
      const bool other = LookupName(Field::kMonth, word, &value) || LookupName(Field::kDayOfWeek, word, &value);
      Fail(field, position,
           other ? "names such as " + word + " are not allowed in the " + FieldName(field) + " field"
                 : "unexpected word '" + word + "'");
    }
    const Field other_field = field == Field::kMonth ? Field::kDayOfWeek : Field::kMonth;
    if (LookupName(other_field, word, &value)) {
      Fail(field, position, word + " is a " + (field == Field::kMonth ? "day" : "month") +
                                " name, not valid in the " + FieldName(field) + " field");
    }
    // Full names ("monday", "january") and near misses get the three-letter name.
    std::string suggestion;
    if (word.size() > 3 && LookupName(field, word.substr(0, 3), &value)) suggestion = word.substr(0, 3);
    Fail(field, position,
         "unknown name '" + word + "' (" + FieldName(field) + " names are " +
             (field == Field::kMonth ? "JAN-DEC" : "SUN-SAT") + ")",
         suggestion);
  }

  int ReadStep(Field field, std::string_view text, size_t* i, size_t base) {
    const FieldSpec& spec = SpecOf(field);
    ++*i;  // '/'
    const size_t begin = *i;
    long step = 0;
    while (*i < text.size() && std::isdigit(static_cast<unsigned char>(text[*i]))) {
      if (step < 100000) step = step * 10 + (text[*i] - '0');
      ++*i;
    }
    if (*i == begin) Fail(field, base + begin, "the step after '/' is missing", "");
    if (step == 0) Fail(field, base + begin, "step 0 is not allowed: a step must be at least 1");
    const int span = spec.max_written - spec.min;
    if (step > span) {
      Fail(field, base + begin,
           "step " + std::to_string(step) + " is larger than the " + FieldName(field) +
               " range " + std::to_string(spec.min) + "-" + std::to_string(spec.max_written) +
               ", so it would fire only once per " + spec.period_name,
           "");
    }
    return static_cast<int>(step);
  }

  Item ParseItem(Field field, std::string_view text, size_t base) {
    const std::string upper = Upper(text);
    Item item;
    const bool day_field = field == Field::kDayOfMonth || field == Field::kDayOfWeek;

    if (upper[0] == '*' || upper[0] == '?') {
      if (upper[0] == '?' && !day_field) {
        Fail(field, base, "? is only allowed in the day-of-month and day-of-week fields", "*");
      }
      item.kind = Item::Kind::kAny;
      item.question_mark = upper[0] == '?';
      size_t i = 1;
      if (i < text.size() && text[i] == '/') {
        if (item.question_mark) Fail(field, base + i, "? cannot take a step", "*" + std::string(text.substr(i)));
        item.step = ReadStep(field, text, &i, base);
      }
      if (i != text.size()) Fail(field, base + i, std::string("unexpected character '") + text[i] + "'");
      return item;
    }

    if (field == Field::kDayOfMonth && (upper == "L" || upper == "LW")) {
      item.kind = upper == "L" ? Item::Kind::kLastDayOfMonth : Item::Kind::kLastWeekday;
      return item;
    }
    if (upper[0] == 'L') {
      if (field == Field::kDayOfMonth && upper.size() > 1 && upper[1] == '-') {
        Fail(field, base, "offsets from the last day (L-n) are not supported", "L");
      }
      if (field == Field::kDayOfWeek && upper == "L") {
        Fail(field, base, "L alone is ambiguous in the day-of-week field; write nL for the last "
                          "weekday n of the month", "5L");
      }
      Fail(field, base, "L is only allowed in the day-of-month field (L, LW) and as nL in the "
                        "day-of-week field");
    }

    size_t i = 0;
    bool named = false;
    item.first = ReadValue(field, text, &i, base, &named);
    item.last = item.first;
    item.first_named = item.last_named = named;
    item.kind = Item::Kind::kValue;

    if (i < text.size() && (upper[i] == 'W' || upper[i] == 'L' || upper[i] == '#')) {
      return ParseSpecialSuffix(field, text, upper, i, base, item);
    }
    if (i < text.size() && text[i] == '-') {
      ++i;
      bool last_named = false;
      item.last = ReadValue(field, text, &i, base, &last_named);
      item.last_named = last_named;
      item.kind = Item::Kind::kRange;
      // FRI-SUN: Sunday closing a day-of-week range is day 7, the end of the week.
      if (field == Field::kDayOfWeek && item.last == 0 && last_named && item.first > 0) item.last = 7;
      if (item.last < item.first) {
        if (field == Field::kDayOfWeek && item.last == 0) {
          Fail(field, base, "reversed range " + std::string(text.substr(0, i)) +
                                ": Sunday ends a day-of-week range as 7",
               std::to_string(item.first) + "-7");
        }
        Fail(field, base, "reversed range " + std::string(text.substr(0, i)) +
                              ": the start must not come after the end",
             std::to_string(item.last) + "-" + std::to_string(item.first));
      }
    }
    if (i < text.size() && text[i] == '/') {
      item.step = ReadStep(field, text, &i, base);
      if (item.kind == Item::Kind::kValue) {
        item.open_ended = true;
        item.last = SpecOf(field).max_written;
      }
    }
    if (i != text.size()) {
      Fail(field, base + i, std::string("unexpected character '") + text[i] + "'");
    }
    return item;
  }

  Item ParseSpecialSuffix(Field field, std::string_view text, const std::string& upper, size_t i,
                          size_t base, Item item) {
    const char suffix = upper[i];
    if (suffix == 'W') {
      if (field != Field::kDayOfMonth) Fail(field, base + i, "W is only allowed in the day-of-month field");
      if (i + 1 != text.size()) Fail(field, base + i + 1, "nothing may follow W");
      item.kind = Item::Kind::kNearestWeekday;
      return item;
    }
    if (field != Field::kDayOfWeek) {
      Fail(field, base + i, std::string(1, suffix) + (suffix == 'L' ? " after a value" : "") +
                                " is only allowed in the day-of-week field");
    }
    if (suffix == 'L') {
      if (i + 1 != text.size()) Fail(field, base + i + 1, "nothing may follow nL");
      item.kind = Item::Kind::kLastOfWeekday;
      return item;
    }
    // n#k
    ++i;
    const size_t begin = i;
    int nth = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && nth < 100) {
      nth = nth * 10 + (text[i] - '0');
      ++i;
    }
    if (i == begin) Fail(field, base + begin, "the occurrence after '#' is missing (1-5)");
    if (nth < 1 || nth > 5) {
      Fail(field, base + begin, "occurrence #" + std::to_string(nth) + " is out of range 1-5", "1-5");
    }
    if (i != text.size()) Fail(field, base + i, std::string("unexpected character '") + text[i] + "'");
    item.kind = Item::Kind::kNthOfWeekday;
    item.nth = nth;
    return item;
  }

  std::string_view input_;
  SyntaxError error_;
};

Result<Expression> Expression::Parse(std::string_view text, SyntaxError* error) {
  return Parser(text).Run(error);
}

}  // namespace bjlg::cron
