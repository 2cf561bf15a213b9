/* Bjlg\Database's exceptions (the marker interface DatabaseException and one class per kind)
 * and the one reader of the $connection array. */
#include "database_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "database_exception_arginfo.h"

BjlgExceptionKinds bjlg_database_kinds;

void bjlg_register_database_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Database_DatabaseException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_database_kinds;
  k.network = register_class_Bjlg_Database_NetworkException(bjlg_ce_NetworkException, marker);
  k.io = register_class_Bjlg_Database_IOException(bjlg_ce_IOException, marker);
  k.cancelled = register_class_Bjlg_Database_CancelledException(bjlg_ce_CancelledException, marker);
  k.corrupt = register_class_Bjlg_Database_CorruptDataException(bjlg_ce_CorruptDataException, marker);
}

bool bjlg_database_connection(HashTable *connection, uint32_t arg, bjlg::database::Connection *out) {
  BjlgOptions o(connection, arg);
  if (!o.only({"host", "port", "socket", "user", "password", "database", "charset", "tls", "dsn", "wp_config"})) {
    return false;
  }
  std::string dsn, wp_config;
  if (!o.get_string("dsn", &dsn) || !o.get_path("wp_config", &wp_config)) return false;
  bjlg::database::Connection c;
  bjlg::Status s;
  if (o.has("wp_config")) {
    for (const char *k : {"host", "port", "socket", "user", "password", "database", "charset", "tls", "dsn"}) {
      if (o.has(k)) {
        o.value_error(k, "cannot be combined with \"wp_config\" (the file gives the whole connection)");
        return false;
      }
    }
    s = bjlg::database::ReadWpConfig(wp_config, &c);
    if (!s.ok() && s.code() != bjlg::Status::Code::kInvalidArgument) {
      bjlg_throw_status(bjlg_database_kinds, s);
      return false;
    }
  } else if (o.has("dsn")) {
    for (const char *k : {"host", "port", "socket", "database", "charset"}) {
      if (o.has(k)) {
        o.value_error(k, "cannot be combined with \"dsn\" (the DSN gives it)");
        return false;
      }
    }
    s = bjlg::database::ParseDsn(dsn, &c);
  } else {
    zend_long port = 0;
    if (!o.get_string("host", &c.host) || !o.get_long("port", &port) || !o.get_string("socket", &c.socket) ||
        !o.get_string("database", &c.database) || !o.get_string("charset", &c.charset)) {
      return false;
    }
    if (port < 0 || port > 65535) {
      o.value_error("port", "must be between 1 and 65535");
      return false;
    }
    c.port = static_cast<unsigned>(port);
    if (c.host.empty() && c.socket.empty()) c.host = "localhost";
  }
  if (!o.has("wp_config")) {
    if (!o.get_string("user", &c.user) || !o.get_string("password", &c.password) || !o.get_bool("tls", &c.tls)) {
      return false;
    }
  }
  if (s.ok()) s = c.Validate();
  if (!s.ok()) {
    o.refuse(bjlg_database_kinds, s);
    return false;
  }
  *out = std::move(c);
  return true;
}

bool bjlg_database_stream_or_path(zval *value, uint32_t arg, php_stream **stream) {
  *stream = nullptr;
  if (Z_TYPE_P(value) == IS_RESOURCE) {
    /* Throws a TypeError itself for a resource that is not a stream. */
    *stream = static_cast<php_stream *>(
        zend_fetch_resource2_ex(value, "stream", php_file_le_stream(), php_file_le_pstream()));
    return *stream != nullptr;
  }
  if (Z_TYPE_P(value) != IS_STRING) {
    zend_argument_type_error(arg, "must be of type string or resource, %s given", zend_zval_type_name(value));
    return false;
  }
  if (Z_STRLEN_P(value) == 0 || memchr(Z_STRVAL_P(value), '\0', Z_STRLEN_P(value)) != nullptr) {
    zend_argument_value_error(arg, "must be a non-empty path without NUL bytes");
    return false;
  }
  return true;
}
