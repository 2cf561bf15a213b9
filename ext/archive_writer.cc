/* Bjlg\Archive\Writer: PHP arrays and streams in, core Writer calls, a summary array out.
 *
 * The progress callback runs PHP code while core C++ frames are live. It is only ever called
 * from this (the PHP) thread, between pipeline steps. A PHP exception or a false return makes
 * the core cancel and unwind normally; a bailout (exit(), a fatal error) is caught with
 * zend_try, turned into a cancellation, and re-raised with zend_bailout() only once the core
 * call has returned and every C++ object of the call is destroyed.
 *
 * The `encrypt` option holds a key or a password: the options parameter is
 * #[\SensitiveParameter], the constructor's exceptions lose their backtrace arguments (as
 * Bjlg\Crypto's do), and the secret lives only inside the core writer, which var_dump cannot see. */
#include <memory>
#include <string>
#include <vector>

#include "archive/writer.h"
#include "common/parse_limits.h"
#include "archive_exception.h"
#include "crypto_args.h"
#include "crypto_exception.h"
#include "json_zval.h"
#include "database/dumper.h"
#include "database_exception.h"

extern "C" {
#include "ext/json/php_json.h"
#include "ext/standard/php_var.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "archive_writer_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

zend_class_entry *writer_ce;
zend_object_handlers writer_handlers;

struct WriterObject {
  std::unique_ptr<bjlg::archive::Writer> writer;
  zval progress;     // the callable, or UNDEF
  bool busy;         // inside a core call: the callback may not re-enter
  bool bailout;      // the callback bailed out: re-raise after the core call
  zend_object std;
};

WriterObject *from_obj(zend_object *obj) {
  return reinterpret_cast<WriterObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(WriterObject, std));
}

zend_object *writer_create(zend_class_entry *ce) {
  WriterObject *o = static_cast<WriterObject *>(zend_object_alloc(sizeof(WriterObject), ce));
  new (&o->writer) std::unique_ptr<bjlg::archive::Writer>();
  ZVAL_UNDEF(&o->progress);
  o->busy = false;
  o->bailout = false;
  zend_object_std_init(&o->std, ce);
  object_properties_init(&o->std, ce);
  o->std.handlers = &writer_handlers;
  return &o->std;
}

void writer_free(zend_object *obj) {
  WriterObject *o = from_obj(obj);
  o->writer.reset();  // an unclosed archive is abandoned: its temporary file is removed
  o->writer.~unique_ptr();
  zval_ptr_dtor(&o->progress);
  zend_object_std_dtor(obj);
}

HashTable *writer_get_gc(zend_object *obj, zval **table, int *n) {
  WriterObject *o = from_obj(obj);
  *table = Z_ISUNDEF(o->progress) ? nullptr : &o->progress;
  *n = Z_ISUNDEF(o->progress) ? 0 : 1;
  return zend_std_get_properties(obj);
}

/* ---- options ---------------------------------------------------------------------------- */

bool string_list(zval *value, const char *key, std::vector<std::string> *out) {
  if (Z_TYPE_P(value) == IS_STRING) {
    out->emplace_back(Z_STRVAL_P(value), Z_STRLEN_P(value));
    return true;
  }
  if (Z_TYPE_P(value) != IS_ARRAY) {
    zend_type_error("Option \"%s\" must be of type array|string, %s given", key, zend_zval_type_name(value));
    return false;
  }
  zval *item;
  ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
    if (Z_TYPE_P(item) != IS_STRING) {
      zend_type_error("Option \"%s\" must contain only strings, %s found", key, zend_zval_type_name(item));
      return false;
    }
    out->emplace_back(Z_STRVAL_P(item), Z_STRLEN_P(item));
  } ZEND_HASH_FOREACH_END();
  return true;
}

bool int_option(zval *value, const char *key, zend_long min, zend_long max, zend_long *out) {
  if (Z_TYPE_P(value) != IS_LONG) {
    zend_type_error("Option \"%s\" must be of type int, %s given", key, zend_zval_type_name(value));
    return false;
  }
  if (Z_LVAL_P(value) < min || Z_LVAL_P(value) > max) {
    zend_value_error("Option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT, key, min, max);
    return false;
  }
  *out = Z_LVAL_P(value);
  return true;
}

bool bool_option(zval *value, const char *key, bool *out) {
  if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
    zend_type_error("Option \"%s\" must be of type bool, %s given", key, zend_zval_type_name(value));
    return false;
  }
  *out = Z_TYPE_P(value) == IS_TRUE;
  return true;
}

bool string_option(zval *value, const char *key, std::string *out) {
  if (Z_TYPE_P(value) != IS_STRING) {
    zend_type_error("Option \"%s\" must be of type string, %s given", key, zend_zval_type_name(value));
    return false;
  }
  out->assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
  return true;
}

bool parse_options(HashTable *options, bjlg::archive::WriterOptions *o, zval *progress) {
  zend_string *key;
  zval *value;
  std::string encrypt_option;  // the first encrypt_* option given, which needs `encrypt`
  ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, value) {
    if (key == nullptr) {
      zend_value_error("Options must be an array with string keys");
      return false;
    }
    const std::string k(ZSTR_VAL(key), ZSTR_LEN(key));
    const char *ks = k.c_str();
    zend_long n;
    ZVAL_DEREF(value);
    if (k == "level") {
      if (!int_option(value, ks, 0, 9, &n)) return false;
      o->level = static_cast<int>(n);
    } else if (k == "threads") {
      if (!int_option(value, ks, 0, 256, &n)) return false;
      o->threads = static_cast<int>(n);
    } else if (k == "chunk_size") {
      if (!int_option(value, ks, 64 * 1024, 256 * 1024 * 1024, &n)) return false;
      o->chunk_size = static_cast<size_t>(n);
    } else if (k == "exclude") {
      if (!string_list(value, ks, &o->exclude)) return false;
    } else if (k == "include") {
      if (!string_list(value, ks, &o->include)) return false;
    } else if (k == "store") {
      o->store_extensions.clear();
      if (!string_list(value, ks, &o->store_extensions)) return false;
    } else if (k == "default_excludes") {
      if (!bool_option(value, ks, &o->default_excludes)) return false;
    } else if (k == "follow_symlinks") {
      if (!bool_option(value, ks, &o->follow_symlinks)) return false;
    } else if (k == "allowed_roots") {
      if (!string_list(value, ks, &o->allowed_roots)) return false;
    } else if (k == "verify") {
      if (!bool_option(value, ks, &o->verify_full)) return false;
    } else if (k == "since") {
      if (!string_option(value, ks, &o->since)) return false;
    } else if (k == "progress_interval") {
      if (Z_TYPE_P(value) != IS_LONG && Z_TYPE_P(value) != IS_DOUBLE) {
        zend_type_error("Option \"progress_interval\" must be of type float, %s given", zend_zval_type_name(value));
        return false;
      }
      o->progress_interval = zval_get_double(value);
      if (!(o->progress_interval >= 0)) {
        zend_value_error("Option \"progress_interval\" must be a non-negative number of seconds");
        return false;
      }
    } else if (k == "encrypt") {
      auto secret = bjlg_crypto_secret_of_zval(value, BjlgValueSite{0, ""}, "encrypt");
      if (!secret) return false;
      o->encrypt = std::make_shared<const bjlg::crypto::Secret>(std::move(*secret));
    } else if (k.rfind("encrypt_", 0) == 0) {
      /* Cipher::encryptFile()'s options, prefixed; `threads` is the writer's own. */
      const int applied = bjlg_crypto_encrypt_option(k.substr(8), value, BjlgValueSite{0, "encrypt_"},
                                                     &o->encryption);
      if (applied < 0) return false;
      if (applied == 0) {
        zend_value_error("Unknown option \"%s\"", ks);
        return false;
      }
      if (encrypt_option.empty()) encrypt_option = k;
    } else if (k == "progress") {
      if (!zend_is_callable(value, 0, nullptr)) {
        zend_type_error("Option \"progress\" must be a valid callback");
        return false;
      }
      ZVAL_COPY(progress, value);
    } else if (k == "manifest") {
      if (Z_TYPE_P(value) != IS_ARRAY) {
        zend_type_error("Option \"manifest\" must be of type array, %s given", zend_zval_type_name(value));
        return false;
      }
      /* PHP's encoder checks its depth only after recursing into each level: a PHP array nested
       * 100,000 deep would overflow the stack before it says so. */
      if (!bjlg_zval_depth_within(value, bjlg::kMaxNestingDepth)) {
        zend_value_error("Option \"manifest\" is %s or contains itself",
                         bjlg::DepthLimitMessage(bjlg::kMaxNestingDepth).c_str());
        return false;
      }
      smart_str buf = {};
      php_json_encode_ex(&buf, value, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE |
                                          PHP_JSON_PRESERVE_ZERO_FRACTION, bjlg::kMaxNestingDepth);
      smart_str_0(&buf);
      if (EG(exception)) {  // a JsonSerializable in the manifest threw
        smart_str_free(&buf);
        return false;
      }
      const bool failed = JSON_G(error_code) != PHP_JSON_ERROR_NONE || buf.s == nullptr;
      if (!failed) o->manifest_json.assign(ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
      smart_str_free(&buf);
      if (JSON_G(error_code) == PHP_JSON_ERROR_DEPTH) {
        zend_value_error("Option \"manifest\" is %s", bjlg::DepthLimitMessage(bjlg::kMaxNestingDepth).c_str());
        return false;
      }
      if (failed) {
        zend_value_error("Option \"manifest\" cannot be encoded as JSON");
        return false;
      }
      if (o->manifest_json == "[]") o->manifest_json = "{}";
      if (!o->manifest_json.empty() && o->manifest_json[0] != '{') {
        zend_value_error("Option \"manifest\" must be an array with string keys");
        return false;
      }
    } else {
      zend_value_error("Unknown option \"%s\"", ks);
      return false;
    }
  } ZEND_HASH_FOREACH_END();
  if (!encrypt_option.empty() && !o->encrypt) {
    zend_value_error("Option \"%s\" needs the \"encrypt\" option", encrypt_option.c_str());
    return false;
  }
  if (o->encrypt) {
    /* An option that does not apply (a KDF with a Key, any with bjlgenc1) is refused, never
     * ignored. The core names Cipher's option ("option \"kdf\" ..."); the writer's is prefixed. */
    const bjlg::Status checked = bjlg::crypto::CheckEncryptOptions(*o->encrypt, o->encryption);
    if (!checked.ok()) {
      const std::string &m = checked.message();
      const std::string named = m.rfind("option \"", 0) == 0 ? "Option \"encrypt_" + m.substr(8) : m;
      zend_value_error("%s", named.c_str());
      return false;
    }
  }
  return true;
}

/* ---- the progress callback --------------------------------------------------------------- */

bool call_progress(WriterObject *o, const bjlg::Progress &p) {
  if (o->bailout || EG(exception)) return false;
  zval arg;
  bjlg_progress_to_array(p, &arg);
  return bjlg_call_progress(&o->progress, &arg, &o->bailout);
}

/* ---- a PHP stream as a core ByteSource ---------------------------------------------------- */

class StreamSource : public bjlg::archive::ByteSource {
 public:
  StreamSource(php_stream *stream, WriterObject *o) : stream_(stream), o_(o) {}
  bjlg::Result<size_t> Read(unsigned char *buffer, size_t size) override {
    ssize_t n = -1;
    zend_try {
      n = php_stream_read(stream_, reinterpret_cast<char *>(buffer), size);
    } zend_catch {
      o_->bailout = true;
    } zend_end_try();
    if (o_->bailout) return bjlg::Status::Cancelled("aborted while reading the stream");
    if (EG(exception)) return bjlg::Status::Cancelled("the stream threw an exception");
    if (n < 0) return bjlg::Status::IOError("read error");
    return static_cast<size_t>(n);
  }

 private:
  php_stream *stream_;
  WriterObject *o_;
};

/* ---- method plumbing ---------------------------------------------------------------------- */

WriterObject *usable(zval *self) {
  WriterObject *o = from_obj(Z_OBJ_P(self));
  if (o->busy) {
    zend_throw_error(nullptr, "Bjlg\\Archive\\Writer cannot be used from its own progress callback");
    return nullptr;
  }
  if (!o->writer) {
    zend_throw_error(nullptr, "Bjlg\\Archive\\Writer is closed");
    return nullptr;
  }
  return o;
}

/* Runs a core call with the object marked busy, turns its status into an exception (unless the
 * callback already threw), and reports whether a bailout must be re-raised. */
template <typename Body>
bool run(WriterObject *o, Body &&body) {
  o->busy = true;
  bjlg_guard([&] {
    bjlg::Status s = body();
    if (!s.ok() && !EG(exception) && !o->bailout) bjlg_archive_throw(s);
  });
  o->busy = false;
  if (o->writer && o->writer->closed()) o->writer.reset();
  return o->bailout;
}

void summary_to_array(const bjlg::archive::Summary &s, zval *out) {
  array_init(out);
  add_assoc_stringl(out, "path", s.path.data(), s.path.size());
  add_assoc_stringl(out, "type", s.type.data(), s.type.size());
  add_assoc_long(out, "entries", static_cast<zend_long>(s.entries));
  add_assoc_long(out, "files", static_cast<zend_long>(s.files));
  add_assoc_long(out, "unchanged", static_cast<zend_long>(s.unchanged));
  add_assoc_long(out, "deleted", static_cast<zend_long>(s.deleted));
  add_assoc_long(out, "excluded", static_cast<zend_long>(s.excluded));
  add_assoc_long(out, "excluded_bytes", static_cast<zend_long>(s.excluded_bytes));
  add_assoc_long(out, "bytes_in", static_cast<zend_long>(s.bytes_in));
  add_assoc_long(out, "bytes_out", static_cast<zend_long>(s.bytes_out));
  zval skipped;
  array_init(&skipped);
  for (const bjlg::archive::Skipped &k : s.skipped) {
    zval item;
    array_init(&item);
    add_assoc_stringl(&item, "path", k.path.data(), k.path.size());
    add_assoc_stringl(&item, "reason", k.reason.data(), k.reason.size());
    add_next_index_zval(&skipped, &item);
  }
  add_assoc_zval(out, "skipped", &skipped);
  zval warnings;
  array_init(&warnings);
  for (const std::string &w : s.warnings) add_next_index_stringl(&warnings, w.data(), w.size());
  add_assoc_zval(out, "warnings", &warnings);
  add_assoc_stringl(out, "sha256", s.sha256.data(), s.sha256.size());
  add_assoc_double(out, "duration", s.duration_seconds);
  zval stages;
  array_init(&stages);
  const bjlg::archive::StageTimes &t = s.stages;
  for (const auto &[name, seconds] : {std::pair{"scan", t.scan}, {"read", t.read}, {"hash", t.hash},
                                      {"deflate", t.deflate}, {"wait", t.wait}, {"write", t.write},
                                      {"verify", t.verify}, {"checksum", t.checksum}, {"sync", t.sync},
                                      {"encrypt", t.encrypt}}) {
    add_assoc_double(&stages, name, seconds);
  }
  add_assoc_zval(out, "stages", &stages);
  if (s.encryption) {
    zval encryption;
    bjlg_crypto_report_to_array(*s.encryption, &encryption);
    add_assoc_stringl(&encryption, "plaintext_sha256", s.plaintext_sha256.data(), s.plaintext_sha256.size());
    add_assoc_zval(out, "encryption", &encryption);
  } else {
    add_assoc_null(out, "encryption");
  }
}

}  // namespace

ZEND_METHOD(Bjlg_Archive_Writer, __construct) {
  BjlgCryptoScrubOnExit scrub;  // the options may hold a key or a password
  zend_string *path;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(path)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = from_obj(Z_OBJ_P(ZEND_THIS));
  if (o->writer) {
    zend_throw_error(nullptr, "Bjlg\\Archive\\Writer is already constructed");
    RETURN_THROWS();
  }
  if (ZSTR_LEN(path) == 0) {
    zend_argument_value_error(1, "cannot be empty");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    bjlg::archive::WriterOptions opts;
    zval progress;
    ZVAL_UNDEF(&progress);
    if (options != nullptr && !parse_options(options, &opts, &progress)) {
      zval_ptr_dtor(&progress);
      return;
    }
    auto w = bjlg::archive::Writer::Create(std::string(ZSTR_VAL(path), ZSTR_LEN(path)), std::move(opts));
    if (!w.ok()) {
      zval_ptr_dtor(&progress);
      bjlg_archive_throw(w.status());
      return;
    }
    o->writer = std::move(*w);
    zval_ptr_dtor(&o->progress);
    ZVAL_COPY_VALUE(&o->progress, &progress);
    if (!Z_ISUNDEF(o->progress)) {
      o->writer->set_progress([o](const bjlg::Progress &p) { return call_progress(o, p); });
    }
  });
}

ZEND_METHOD(Bjlg_Archive_Writer, addDirectory) {
  BjlgScrubOnExit scrub;  // the callable's exception, or ours, passes frames that may hold secrets
  zend_string *dir, *prefix = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(dir)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(prefix)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] {
    return o->writer->AddDirectory(std::string(ZSTR_VAL(dir), ZSTR_LEN(dir)),
                                   prefix ? std::string(ZSTR_VAL(prefix), ZSTR_LEN(prefix)) : "");
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, addFile) {
  BjlgScrubOnExit scrub;  // the callable's exception, or ours, passes frames that may hold secrets
  zend_string *file, *name;
  ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_PATH_STR(file)
    Z_PARAM_STR(name)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] {
    return o->writer->AddFile(std::string(ZSTR_VAL(file), ZSTR_LEN(file)),
                              std::string(ZSTR_VAL(name), ZSTR_LEN(name)));
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, addDeletion) {
  BjlgScrubOnExit scrub;
  zend_string *name;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(name)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] { return o->writer->AddDeletion(std::string(ZSTR_VAL(name), ZSTR_LEN(name))); });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, addFromString) {
  BjlgScrubOnExit scrub;  // the callable's exception, or ours, passes frames that may hold secrets
  zend_string *name, *data;
  ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_STR(name)
    Z_PARAM_STR(data)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] {
    return o->writer->AddFromString(std::string(ZSTR_VAL(name), ZSTR_LEN(name)),
                                    std::string_view(ZSTR_VAL(data), ZSTR_LEN(data)));
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, addFromStream) {
  BjlgScrubOnExit scrub;  // the callable's exception, or ours, passes frames that may hold secrets
  zend_string *name;
  zval *zstream;
  ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_STR(name)
    Z_PARAM_RESOURCE(zstream)
  ZEND_PARSE_PARAMETERS_END();
  php_stream *stream;
  php_stream_from_zval(stream, zstream);
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] {
    StreamSource source(stream, o);
    return o->writer->AddFromSource(std::string(ZSTR_VAL(name), ZSTR_LEN(name)), source);
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, addDatabase) {
  BjlgScrubOnExit scrub;  // the connection holds a password
  HashTable *connection;
  zend_string *name = nullptr;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_ARRAY_HT(connection)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(name)
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  bjlg::database::Connection c;
  bjlg::database::DumpOptions d;
  bool ok = false;
  bjlg_guard([&] {
    ok = bjlg_database_connection(connection, 1, &c) && bjlg_database_dump_options(options, 3, false, &d, nullptr);
  });
  if (!ok) RETURN_THROWS();
  const std::string entry = name == nullptr ? "database.sql" : std::string(ZSTR_VAL(name), ZSTR_LEN(name));
  o->busy = true;
  bjlg_guard([&] {
    bool database_failed = false;
    auto r = bjlg::database::DumpToArchive(*o->writer, entry, c, d, &database_failed);
    if (r.ok()) {
      bjlg_database_dump_result(*r, return_value);
    } else if (!EG(exception) && !o->bailout) {
      if (database_failed) {
        bjlg_throw_status(bjlg_database_kinds, r.status());
      } else {
        bjlg_archive_throw(r.status());
      }
    }
  });
  o->busy = false;
  if (o->writer && o->writer->closed()) o->writer.reset();
  if (o->bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, close) {
  BjlgScrubOnExit scrub;  // the callable's exception, or ours, passes frames that may hold secrets
  ZEND_PARSE_PARAMETERS_NONE();
  WriterObject *o = usable(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const bool bailout = run(o, [&] {
    auto summary = o->writer->Close();
    if (summary.ok()) summary_to_array(*summary, return_value);
    o->writer.reset();
    return summary.ok() ? bjlg::Status::OK() : summary.status();
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Writer, abort) {
  ZEND_PARSE_PARAMETERS_NONE();
  WriterObject *o = from_obj(Z_OBJ_P(ZEND_THIS));
  if (o->busy) {
    zend_throw_error(nullptr, "Bjlg\\Archive\\Writer cannot be used from its own progress callback");
    RETURN_THROWS();
  }
  o->writer.reset();
}

void bjlg_register_archive_writer(void) {
  writer_ce = register_class_Bjlg_Archive_Writer();
  writer_ce->create_object = writer_create;
  memcpy(&writer_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  writer_handlers.offset = XtOffsetOf(WriterObject, std);
  writer_handlers.free_obj = writer_free;
  writer_handlers.get_gc = writer_get_gc;
  writer_handlers.clone_obj = nullptr;
}
