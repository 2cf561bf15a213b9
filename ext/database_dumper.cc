/* Bjlg\Database\Dumper: the connection array and options in, a core dump to a file or a PHP
 * stream, the result array out. */
#include <memory>
#include <string>

#include "database/dumper.h"
#include "database_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "database_dumper_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

void add_list(zval *out, const char *key, const std::vector<std::string> &items) {
  zval list;
  array_init(&list);
  for (const std::string &s : items) add_next_index_stringl(&list, s.data(), s.size());
  add_assoc_zval(out, key, &list);
}

/* Writes the dump into a PHP stream as it is produced. */
bjlg::Status to_stream(bjlg::database::DumpSource &source, php_stream *stream) {
  std::vector<unsigned char> buf(1 << 20);
  for (;;) {
    bjlg::Result<size_t> n = source.Read(buf.data(), buf.size());
    if (!n.ok()) return n.status();
    if (*n == 0) return bjlg::Status::OK();
    const ssize_t w = php_stream_write(stream, reinterpret_cast<const char *>(buf.data()), *n);
    if (EG(exception)) return bjlg::Status::Cancelled("the stream threw an exception");
    if (w < 0 || static_cast<size_t>(w) != *n) return bjlg::Status::IOError("writing the dump to the stream failed");
  }
}

}  // namespace

/* The dump's result array (shared with Bjlg\Archive\Writer::addDatabase). */
void bjlg_database_dump_result(const bjlg::database::DumpResult &r, zval *out) {
  array_init(out);
  add_list(out, "tables", r.tables);
  add_list(out, "views", r.views);
  add_list(out, "triggers", r.triggers);
  add_list(out, "routines", r.routines);
  add_list(out, "not_consistent", r.not_consistent);
  add_assoc_long(out, "rows", static_cast<zend_long>(r.rows));
  add_assoc_long(out, "bytes", static_cast<zend_long>(r.bytes));
  add_assoc_double(out, "seconds", r.seconds);
  if (r.binlog_file.empty()) {
    add_assoc_null(out, "binlog");
  } else {
    zval b;
    array_init(&b);
    add_assoc_stringl(&b, "file", r.binlog_file.data(), r.binlog_file.size());
    add_assoc_long(&b, "position", static_cast<zend_long>(r.binlog_position));
    add_assoc_zval(out, "binlog", &b);
  }
  add_assoc_stringl(out, "server_version", r.server_version.data(), r.server_version.size());
}

/* Reads the dump options shared by Dumper::dump and Writer::addDatabase (which has no progress
 * option, the writer's own reports, and has a `level`). */
bool bjlg_database_dump_options(HashTable *options, uint32_t arg, bool with_progress, bjlg::database::DumpOptions *out,
                                BjlgProgressOption *progress) {
  BjlgOptions o(options, arg);
  /* Dumper::dump reports progress; Writer::addDatabase compresses, at its own level. */
  if (with_progress ? !o.only({"tables", "prefix", "site", "progress"}) : !o.only({"tables", "prefix", "site", "level"})) {
    return false;
  }
  if (!o.get_string_list("tables", &out->tables) || !o.get_string("prefix", &out->prefix) ||
      !o.get_string("site", &out->site)) {
    return false;
  }
  if (with_progress && !o.get_progress("progress", progress)) return false;
  if (!with_progress && o.has("level")) {
    int level = 0;
    if (!o.get_int("level", &level)) return false;
    out->level = level;
  }
  bjlg::Status s = out->Validate();
  if (!s.ok()) {
    o.refuse(bjlg_database_kinds, s);
    return false;
  }
  return true;
}

ZEND_METHOD(Bjlg_Database_Dumper, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Database_Dumper, dump) {
  BjlgScrubOnExit scrub;  // the connection holds a password
  HashTable *connection;
  zval *to;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(connection)
    Z_PARAM_ZVAL(to)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  php_stream *stream = nullptr;
  if (!bjlg_database_stream_or_path(to, 2, &stream)) RETURN_THROWS();
  bool bailout = false;
  bjlg_guard([&] {
    bjlg::database::Connection c;
    if (!bjlg_database_connection(connection, 1, &c)) return;
    bjlg::database::DumpOptions d;
    BjlgProgressOption progress;
    if (!bjlg_database_dump_options(options, 3, true, &d, &progress)) return;
    bjlg::Result<bjlg::database::DumpResult> r = bjlg::Status::IOError("not run");
    if (stream == nullptr) {
      r = bjlg::database::DumpToFile(c, std::string(Z_STRVAL_P(to), Z_STRLEN_P(to)), d, progress.fn());
    } else {
      bjlg::Result<std::unique_ptr<bjlg::database::DumpSource>> source = bjlg::database::DumpSource::Open(c, d, progress.fn());
      if (!source.ok()) {
        r = source.status();
      } else {
        bjlg::Status s = to_stream(**source, stream);
        r = s.ok() ? bjlg::Result<bjlg::database::DumpResult>((*source)->result()) : bjlg::Result<bjlg::database::DumpResult>(s);
      }
    }
    bailout = progress.bailed_out();
    if (bailout) return;
    if (!r.ok()) {
      if (r.status().code() == bjlg::Status::Code::kInvalidArgument) {
        zend_argument_value_error(3, "%s", r.status().message().c_str());
      } else {
        bjlg_throw_status(bjlg_database_kinds, r.status());
      }
      return;
    }
    bjlg_database_dump_result(*r, return_value);
  });
  if (bailout) zend_bailout();
}

void bjlg_register_database_dumper(void) { register_class_Bjlg_Database_Dumper(); }
