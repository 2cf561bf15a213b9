// SqlCheck: a structural check of a SQL dump (the plugin's database.sql, or mysqldump output),
// fed in pieces of any size, in bounded memory (a statement's first 64 KiB and one record per
// table), never executing anything.
//
// It tokenises the dump as MySQL does (quoted strings with backslash escapes and doubled quotes,
// `identifiers`, -- and # comments, /* */ comments) and checks that:
//  - there is no NUL byte outside a 0x... literal (the plugin writes binary values in hex);
//  - every statement ends with `;` outside any string or comment (a truncated dump fails here);
//  - CREATE TABLE names a table and has balanced parentheses;
//  - INSERT INTO names a table, and after VALUES has one or more (...) tuples separated by
//    commas and nothing else; its rows are counted per table.
// What it cannot tell: whether values match their columns' types, whether the server accepts
// every statement. A restore test (RestoreTest) answers that by importing the dump.
#ifndef BJLG_VERIFY_SQL_CHECK_H_
#define BJLG_VERIFY_SQL_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bjlg::verify {

struct SqlTable {
  bool created = false;   // a CREATE TABLE was seen
  uint64_t rows = 0;      // tuples of its INSERT statements
};

struct SqlSummary {
  uint64_t bytes = 0;
  uint64_t statements = 0;
  uint64_t inserts = 0;
  std::map<std::string, SqlTable> tables;
  std::vector<std::string> errors;   // the first few problems, each with its byte offset
  uint64_t error_count = 0;
  bool complete = false;             // the last statement ended with `;`
};

class SqlCheck {
 public:
  void Feed(const char* data, size_t size);
  // The input ended; fills summary().complete and reports an unterminated statement.
  void Finish();
  const SqlSummary& summary() const { return summary_; }

 private:
  enum class Lex { kNormal, kSingle, kDouble, kBacktick, kLineComment, kBlockComment };
  void EndStatement();
  void Error(const std::string& what, uint64_t at);
  void NormalChar(char c);
  void Classify();

  SqlSummary summary_;
  Lex lex_ = Lex::kNormal;
  bool escape_ = false;
  std::string head_;               // the statement's first bytes (quotes included), capped
  bool in_statement_ = false;
  uint64_t statement_start_ = 0;
  int depth_ = 0;
  bool negative_depth_ = false;
  // INSERT parsing.
  bool is_insert_ = false;
  bool values_seen_ = false;
  uint64_t tuples_ = 0;
  bool after_tuple_ = false;       // at depth 0 after a tuple: only `,` or spaces may follow
  bool expect_tuple_ = false;      // after VALUES or a comma: a tuple must come
  bool stray_ = false;
  bool parens_seen_ = false;
  bool classified_ = false;
  char pending_ = 0;               // a '-' or '/' that may start a comment
  char block_prev_ = 0;
};

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_SQL_CHECK_H_
