/* Bjlg\Database\Importer: the connection array and options in, a core import from a file or a
 * PHP stream, the result array out. */
#include <memory>
#include <string>

#include "database/importer.h"
#include "database_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "database_importer_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

bjlg::Result<bjlg::database::ImportResult> from_stream(const bjlg::database::Connection &c,
                                                       const bjlg::database::ImportOptions &options,
                                                       bjlg::ProgressFn progress, php_stream *stream) {
  bjlg::Result<std::unique_ptr<bjlg::database::Importer>> im =
      bjlg::database::Importer::Open(c, options, std::move(progress), 0);
  if (!im.ok()) return im.status();
  std::vector<char> buf(1 << 20);
  while (!php_stream_eof(stream)) {
    const ssize_t n = php_stream_read(stream, buf.data(), buf.size());
    if (EG(exception)) return bjlg::Status::Cancelled("the stream threw an exception");
    if (n < 0) return bjlg::Status::IOError("reading the dump from the stream failed");
    if (n == 0) continue;
    bjlg::Status s = (*im)->Feed(std::string_view(buf.data(), static_cast<size_t>(n)));
    if (!s.ok()) return s;
  }
  return (*im)->Finish();
}

void result_to_array(const bjlg::database::ImportResult &r, zval *out) {
  array_init(out);
  add_assoc_stringl(out, "flavour", r.flavour.data(), r.flavour.size());
  add_assoc_long(out, "statements", static_cast<zend_long>(r.statements));
  add_assoc_long(out, "rows", static_cast<zend_long>(r.rows));
  add_assoc_long(out, "errors", static_cast<zend_long>(r.errors));
  add_assoc_long(out, "bytes", static_cast<zend_long>(r.bytes));
  add_assoc_double(out, "seconds", r.seconds);
  add_assoc_bool(out, "placeholder", r.placeholder);
  zval tables;
  array_init(&tables);
  for (const std::string &t : r.tables) add_next_index_stringl(&tables, t.data(), t.size());
  add_assoc_zval(out, "tables", &tables);
  if (!r.has_error) {
    add_assoc_null(out, "first_error");
  } else {
    zval e;
    array_init(&e);
    add_assoc_long(&e, "line", static_cast<zend_long>(r.first_error.line));
    add_assoc_stringl(&e, "message", r.first_error.message.data(), r.first_error.message.size());
    add_assoc_stringl(&e, "statement", r.first_error.statement.data(), r.first_error.statement.size());
    add_assoc_zval(out, "first_error", &e);
  }
}

}  // namespace

ZEND_METHOD(Bjlg_Database_Importer, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Database_Importer, import) {
  BjlgScrubOnExit scrub;  // the connection holds a password
  HashTable *connection;
  zval *from;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(connection)
    Z_PARAM_ZVAL(from)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  php_stream *stream = nullptr;
  if (!bjlg_database_stream_or_path(from, 2, &stream)) RETURN_THROWS();
  bool bailout = false;
  bjlg_guard([&] {
    bjlg::database::Connection c;
    if (!bjlg_database_connection(connection, 1, &c)) return;
    BjlgOptions o(options, 3);
    if (!o.only({"prefix", "source_prefix", "replace", "batch", "continue_on_error", "max_statement", "progress"})) return;
    bjlg::database::ImportOptions io;
    BjlgProgressOption progress;
    if (!o.get_string("prefix", &io.prefix) || !o.get_string("source_prefix", &io.source_prefix) ||
        !o.get_bool("replace", &io.replace) || !o.get_int("batch", &io.batch) ||
        !o.get_bool("continue_on_error", &io.continue_on_error) || !o.get_int("max_statement", &io.max_statement) ||
        !o.get_progress("progress", &progress)) {
      return;
    }
    bjlg::Status s = io.Validate();
    if (!s.ok()) {
      o.refuse(bjlg_database_kinds, s);
      return;
    }
    bjlg::Result<bjlg::database::ImportResult> r =
        stream == nullptr
            ? bjlg::database::ImportFile(c, std::string(Z_STRVAL_P(from), Z_STRLEN_P(from)), io, progress.fn())
            : from_stream(c, io, progress.fn(), stream);
    bailout = progress.bailed_out();
    if (bailout) return;
    if (!r.ok()) {
      // A refused overwrite is about the options ("replace", "source_prefix"): a ValueError of them.
      if (r.status().code() == bjlg::Status::Code::kInvalidArgument) {
        zend_argument_value_error(3, "%s", r.status().message().c_str());
      } else {
        bjlg_throw_status(bjlg_database_kinds, r.status());
      }
      return;
    }
    result_to_array(*r, return_value);
  });
  if (bailout) zend_bailout();
}

void bjlg_register_database_importer(void) { register_class_Bjlg_Database_Importer(); }
