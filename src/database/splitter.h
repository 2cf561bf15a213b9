// Splitter: cuts a SQL dump into statements as it streams in, the way the mariadb client does:
//  - a statement ends at the delimiter (";" unless a `DELIMITER x` line changed it) outside
//    quotes ('...', "...", `...`, with backslash escapes and doubled quotes) and comments;
//  - `-- ` and `#` comments are dropped, /* */ comments kept (/*! */ ones are executable);
//  - a statement of comments and spaces only is skipped.
// It therefore reads every flavour of the plugin's dumps (one statement per line group, ';' at
// a line end) and bjlg's own, and mysqldump's. Memory: the statement being read, at most
// `max_statement` bytes, and the input not yet consumed.
#ifndef BJLG_DATABASE_SPLITTER_H_
#define BJLG_DATABASE_SPLITTER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace bjlg::database {

struct Statement {
  std::string sql;     // without the delimiter, trimmed
  uint64_t line = 0;   // line (from 1) of its first character
};

class Splitter {
 public:
  explicit Splitter(size_t max_statement = size_t(1) << 30) : max_(max_statement) {}

  // Adds input. REQUIRES: Finish() not called.
  void Feed(std::string_view data);
  // No more input: what is left becomes the last statement.
  void Finish() { finished_ = true; }
  // The next complete statement: true with *out set; false when more input is needed (or, after
  // Finish(), at the end). Corruption for a statement larger than `max_statement`; Truncated
  // when the input ends inside a quote.
  Result<bool> Next(Statement* out);

  // Line mode, for the plugin's dumps and bjlg's: a statement ends only where a line ends with
  // ';' (outside quotes), as the plugin's importer reads them, so that a trigger written on one
  // line with ';' inside its body stays one statement. DELIMITER lines are not read then.
  void set_line_mode(bool on) { line_mode_ = on; }

  uint64_t line() const { return line_; }
  const std::string& delimiter() const { return delimiter_; }

 private:
  enum class State { kCode, kSingle, kDouble, kBacktick, kLineComment, kBlockComment };
  // 1: handled, 0: needs more input, -1: not a DELIMITER line
  int TryDelimiterLine();
  // Hands out current_ (without its last `cut` bytes) as a statement; false when it held only
  // comments and spaces.
  bool Emit(size_t cut, Statement* out);
  void Append(char c);
  bool EndsWithDelimiter() const;

  size_t max_;
  std::string in_;       // input not yet consumed, from pos_
  size_t pos_ = 0;
  bool finished_ = false;
  bool line_mode_ = false;
  State state_ = State::kCode;
  bool escaped_ = false;     // the previous character in a quote was a backslash
  bool line_start_ = true;   // only spaces since the last newline
  bool has_code_ = false;    // the current statement has more than comments and spaces
  size_t code_at_ = 0;       // where in current_ its first code character is (when has_code_)
  std::string current_;
  size_t comment_body_ = 0;  // characters read inside the current /* */ comment
  uint64_t line_ = 1, start_line_ = 0, quote_line_ = 0;
  std::string delimiter_ = ";";
};

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_SPLITTER_H_
