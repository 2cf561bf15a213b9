#include "database/connection.h"

#include <cctype>
#include <cstring>
#include <map>

#include "common/parse_limits.h"

namespace bjlg::database {

namespace {

bool HasNul(const std::string& s) { return s.find('\0') != std::string::npos; }

Result<unsigned> ParsePort(const std::string& v, const std::string& what) {
  if (v.empty() || v.size() > 5 || v.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(what + " must be a port number (1 to 65535)");
  }
  const unsigned long p = std::stoul(v);
  if (p < 1 || p > 65535) return Status::InvalidArgument(what + " must be a port number (1 to 65535)");
  return static_cast<unsigned>(p);
}

}  // namespace

Status Connection::Validate() const {
  const std::pair<const char*, const std::string*> fields[] = {
      {"host", &host}, {"socket", &socket}, {"user", &user}, {"database", &database}, {"charset", &charset}};
  for (const auto& [key, value] : fields) {
    if (HasNul(*value)) return Status::InvalidArgument("connection \"" + std::string(key) + "\" must not contain NUL bytes");
  }
  if (HasNul(password)) return Status::InvalidArgument("connection \"password\" must not contain NUL bytes");
  if (database.empty()) return Status::InvalidArgument("connection \"database\" must name a database");
  if (database.size() > 64) return Status::InvalidArgument("connection \"database\" is longer than 64 characters");
  if (host.empty() && socket.empty()) return Status::InvalidArgument("connection needs a \"host\" or a \"socket\"");
  if (port > 65535) return Status::InvalidArgument("connection \"port\" must be between 1 and 65535");
  if (charset.empty() || charset.size() > 32 ||
      charset.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) {
    return Status::InvalidArgument("connection \"charset\" must be a character set name such as utf8mb4");
  }
  if (!socket.empty() && socket[0] != '/') return Status::InvalidArgument("connection \"socket\" must be an absolute path");
  return Status::OK();
}

std::string Connection::Describe() const {
  std::string where = socket.empty() ? (host + (port != 0 ? ":" + std::to_string(port) : "")) : socket;
  return (user.empty() ? "" : user + "@") + where + "/" + database;
}

Status ApplyDbHost(const std::string& db_host, Connection* c) {
  std::string h = db_host;
  if (HasNul(h)) return Status::InvalidArgument("DB_HOST must not contain NUL bytes");
  if (!h.empty() && h[0] == '[') {  // [v6] or [v6]:port
    const size_t close = h.find(']');
    if (close == std::string::npos) return Status::InvalidArgument("DB_HOST has an unclosed '[': " + h);
    c->host = h.substr(1, close - 1);
    if (close + 1 < h.size()) {
      if (h[close + 1] != ':') return Status::InvalidArgument("DB_HOST has text after ']': " + h);
      Result<unsigned> p = ParsePort(h.substr(close + 2), "the port of DB_HOST");
      if (!p.ok()) return p.status();
      c->port = *p;
    }
    return Status::OK();
  }
  const size_t colon = h.find(':');
  if (colon == std::string::npos || h.find(':', colon + 1) != std::string::npos) {
    c->host = h;  // a name, or a bare IPv6 address
    return Status::OK();
  }
  const std::string after = h.substr(colon + 1);
  c->host = h.substr(0, colon);
  if (!after.empty() && after[0] == '/') {
    c->socket = after;
    if (c->host.empty()) c->host = "localhost";
    return Status::OK();
  }
  Result<unsigned> p = ParsePort(after, "the port of DB_HOST");
  if (!p.ok()) return p.status();
  c->port = *p;
  return Status::OK();
}

Status ParseDsn(const std::string& dsn, Connection* c) {
  if (HasNul(dsn)) return Status::InvalidArgument("connection \"dsn\" must not contain NUL bytes");
  if (dsn.compare(0, 6, "mysql:") != 0) {
    return Status::InvalidArgument("connection \"dsn\" must start with \"mysql:\" (a PDO MySQL DSN)");
  }
  size_t pos = 6;
  while (pos <= dsn.size()) {
    size_t end = dsn.find(';', pos);
    if (end == std::string::npos) end = dsn.size();
    std::string part = dsn.substr(pos, end - pos);
    pos = end + 1;
    while (!part.empty() && isspace(static_cast<unsigned char>(part.front()))) part.erase(0, 1);
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("connection \"dsn\" has a part without '=': \"" + part.substr(0, 32) + "\"");
    }
    const std::string key = part.substr(0, eq), value = part.substr(eq + 1);
    if (key == "host") {
      c->host = value;
    } else if (key == "port") {
      Result<unsigned> p = ParsePort(value, "connection \"dsn\" port");
      if (!p.ok()) return p.status();
      c->port = *p;
    } else if (key == "dbname") {
      c->database = value;
    } else if (key == "unix_socket") {
      c->socket = value;
    } else if (key == "charset") {
      c->charset = value;
    } else if (key == "user") {
      c->user = value;
    } else if (key == "password") {
      c->password = value;
    } else {
      return Status::InvalidArgument("connection \"dsn\" has an unknown key \"" + key.substr(0, 32) +
                                     "\" (known: host, port, dbname, unix_socket, charset, user, password)");
    }
  }
  if (c->socket.empty() && c->host.empty()) c->host = "localhost";
  return Status::OK();
}

namespace {

// A bounded scanner of PHP source: finds define('NAME', 'literal') outside comments.
class DefineScanner {
 public:
  explicit DefineScanner(const std::string& s) : s_(s) {}

  // name -> value (first definition wins, as in PHP); names whose value is not a literal map to
  // a "\x01" marker so that the caller can say so.
  std::map<std::string, std::string> Scan() {
    std::map<std::string, std::string> out;
    size_t i = 0;
    while (i < s_.size()) {
      const char ch = s_[i];
      if (ch == '/' && i + 1 < s_.size() && s_[i + 1] == '/') {
        i = SkipLine(i);
      } else if (ch == '#') {
        i = SkipLine(i);
      } else if (ch == '/' && i + 1 < s_.size() && s_[i + 1] == '*') {
        const size_t e = s_.find("*/", i + 2);
        i = e == std::string::npos ? s_.size() : e + 2;
      } else if (ch == '\'' || ch == '"') {
        std::string ignored;
        i = ReadString(i, &ignored);
      } else if ((ch == 'd' || ch == 'D') && (i == 0 || !IsWord(s_[i - 1])) && StartsDefine(i)) {
        i = ReadDefine(i + 6, &out);
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  static bool IsWord(char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
  size_t SkipLine(size_t i) const {
    const size_t e = s_.find('\n', i);
    return e == std::string::npos ? s_.size() : e + 1;
  }
  bool StartsDefine(size_t i) const {
    if (s_.size() - i < 6) return false;
    for (size_t k = 0; k < 6; ++k) {
      if (tolower(static_cast<unsigned char>(s_[i + k])) != "define"[k]) return false;
    }
    return true;
  }
  size_t SkipSpace(size_t i) const {
    while (i < s_.size() && isspace(static_cast<unsigned char>(s_[i]))) ++i;
    return i;
  }
  // Reads a PHP string literal at s_[i] (a quote). Returns the index after it.
  size_t ReadString(size_t i, std::string* out) const {
    const char q = s_[i++];
    while (i < s_.size() && s_[i] != q) {
      if (s_[i] == '\\' && i + 1 < s_.size()) {
        const char n = s_[i + 1];
        if (q == '\'') {
          if (n == '\\' || n == '\'') { *out += n; i += 2; continue; }
        } else {
          const char* from = "nrt\\\"$";
          const char* to = "\n\r\t\\\"$";
          const char* at = strchr(from, n);
          if (n != '\0' && at != nullptr) { *out += to[at - from]; i += 2; continue; }
        }
      }
      *out += s_[i++];
    }
    return i < s_.size() ? i + 1 : i;
  }
  size_t ReadDefine(size_t i, std::map<std::string, std::string>* out) const {
    i = SkipSpace(i);
    if (i >= s_.size() || s_[i] != '(') return i;
    i = SkipSpace(i + 1);
    if (i >= s_.size() || (s_[i] != '\'' && s_[i] != '"')) return i;
    std::string name, value;
    i = SkipSpace(ReadString(i, &name));
    if (i >= s_.size() || s_[i] != ',') return i;
    i = SkipSpace(i + 1);
    if (i < s_.size() && (s_[i] == '\'' || s_[i] == '"')) {
      const bool dq = s_[i] == '"';
      const size_t start = i;
      i = SkipSpace(ReadString(i, &value));
      // A double-quoted string with a variable is not a literal.
      if (dq && s_.substr(start, i - start).find('$') != std::string::npos) value = "\x01";
      if (i >= s_.size() || s_[i] != ')') value = "\x01";  // concatenation, a function call...
    } else {
      value = "\x01";
    }
    out->emplace(name, value);
    return i;
  }

  const std::string& s_;
};

}  // namespace

Status ParseWpConfig(const std::string& php, Connection* c) {
  const std::map<std::string, std::string> defs = DefineScanner(php).Scan();
  auto get = [&](const char* name, bool required, std::string* out) -> Status {
    auto it = defs.find(name);
    if (it == defs.end()) {
      return required ? Status::InvalidArgument(std::string("wp-config.php does not define ") + name) : Status::OK();
    }
    if (it->second == "\x01") {
      return Status::InvalidArgument(std::string("wp-config.php defines ") + name +
                                     " with an expression bjlg does not evaluate (only a quoted literal is read)");
    }
    *out = it->second;
    return Status::OK();
  };
  std::string db_host, charset;
  Status s = get("DB_NAME", true, &c->database);
  if (s.ok()) s = get("DB_USER", true, &c->user);
  if (s.ok()) s = get("DB_PASSWORD", true, &c->password);
  if (s.ok()) s = get("DB_HOST", true, &db_host);
  if (s.ok()) s = get("DB_CHARSET", false, &charset);
  if (!s.ok()) return s;
  if (!charset.empty()) c->charset = charset;
  return ApplyDbHost(db_host, c);
}

Status ReadWpConfig(const std::string& path, Connection* c) {
  Result<std::string> php = ReadSmallFile(path, 1 << 20, "wp-config.php");
  if (!php.ok()) return php.status();
  return ParseWpConfig(*php, c);
}

}  // namespace bjlg::database
