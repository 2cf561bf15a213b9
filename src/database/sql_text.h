// SQL text: how values and names are written into a dump, and the small amount of SQL reading
// the dumper and the importer need (never a parser: tokens, quotes and comments only).
#ifndef BJLG_DATABASE_SQL_TEXT_H_
#define BJLG_DATABASE_SQL_TEXT_H_

#include <functional>
#include <string>
#include <string_view>

namespace bjlg::database {

// Appends `s` escaped as mysqli_real_escape_string (hence WordPress's esc_sql in production)
// does: NUL, LF, CR, backslash, ', " and Ctrl-Z become \0 \n \r \\ \' \" \Z.
void AppendEscaped(std::string* out, std::string_view s);
// Appends one value in the plugin's dump form (design §2.4): NULL; a string containing NUL or
// invalid UTF-8 as 0x<hex>; any other string quoted and escaped ('1' for the number 1, as wpdb
// returns strings). An empty string is ''.
void AppendValue(std::string* out, const char* data, size_t size, bool null);
// `name` in backquotes, a backquote doubled.
std::string QuoteName(std::string_view name);

// The statement on one line: LF and CR outside quotes become spaces, inside quotes the escapes
// \n and \r; `--` and `#` comments are dropped. For triggers and routines, whose bodies contain
// ';' at line ends, so that a line-by-line reader (the plugin's importer) sees one statement.
std::string OneLine(std::string_view sql);

// Drops a DEFINER=`user`@`host` clause (a dump restored elsewhere must not need that account).
std::string WithoutDefiner(std::string_view sql);

// Calls `fn` on each name outside strings and comments (backquoted, or a bare word: a
// trigger's original text may not quote its table); the name is replaced by what fn returns,
// backquoted, when it sets *replace.
std::string RewriteNames(std::string_view sql,
                         const std::function<std::string(const std::string& name, bool* replace)>& fn);

// The statement's kind and target: the first words (upper case, comments skipped) and the name
// that follows the object keyword. "DROP TABLE IF EXISTS `a`" -> kind "DROP TABLE", name "a".
struct StatementTarget {
  std::string kind;   // "CREATE TABLE", "DROP TABLE", "INSERT", "CREATE VIEW", "DROP VIEW",
                      // "CREATE TRIGGER", "DROP TRIGGER", "CREATE PROCEDURE", "CREATE FUNCTION",
                      // "DROP PROCEDURE", "DROP FUNCTION", "ALTER TABLE", "LOCK TABLES",
                      // "REPLACE", "TRUNCATE", "SELECT"..., or "" when unknown
  std::string name;   // "" when none
  std::string object; // "table", "trigger", "routine", or ""
};
StatementTarget TargetOf(std::string_view sql);

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_SQL_TEXT_H_
