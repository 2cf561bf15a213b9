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
  BjlgProgressOption progress;  // the callable, and whether it (or a stream read) bailed out
  bool busy;                    // inside a core call: the callback may not re-enter
  zend_object std;
};

WriterObject *from_obj(zend_object *obj) {
  return reinterpret_cast<WriterObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(WriterObject, std));
}

zend_object *writer_create(zend_class_entry *ce) {
  WriterObject *o = static_cast<WriterObject *>(zend_object_alloc(sizeof(WriterObject), ce));
  new (&o->writer) std::unique_ptr<bjlg::archive::Writer>();
  new (&o->progress) BjlgProgressOption();
  o->busy = false;
  zend_object_std_init(&o->std, ce);
  object_properties_init(&o->std, ce);
  o->std.handlers = &writer_handlers;
  return &o->std;
}

void writer_free(zend_object *obj) {
  WriterObject *o = from_obj(obj);
  o->writer.reset();  // an unclosed archive is abandoned: its temporary file is removed
  o->writer.~unique_ptr();
  o->progress.~BjlgProgressOption();
  zend_object_std_dtor(obj);
}

HashTable *writer_get_gc(zend_object *obj, zval **table, int *n) {
  WriterObject *o = from_obj(obj);
  *table = o->progress.empty() ? nullptr : o->progress.callable();
  *n = o->progress.empty() ? 0 : 1;
  return zend_std_get_properties(obj);
}

/* ---- options ---------------------------------------------------------------------------- */

/* A list option that also takes one string: exclude, include, store, allowed_roots. */
bool string_or_list(const BjlgOptions &opts, const char *name, std::vector<std::string> *out) {
  zval *v = opts.find(name);
  if (v != nullptr && Z_TYPE_P(v) == IS_STRING) {
    *out = {std::string(Z_STRVAL_P(v), Z_STRLEN_P(v))};
    return true;
  }
  if (v != nullptr && Z_TYPE_P(v) != IS_ARRAY) {
    opts.type_error(name, "array|string", v);
    return false;
  }
  return opts.get_string_list(name, out);
}

/* The manifest array as the JSON object merged into backup-manifest.json. */
bool manifest_option(const BjlgOptions &opts, std::string *out) {
  zval *value = opts.find("manifest");
  if (value == nullptr) return true;
  if (Z_TYPE_P(value) != IS_ARRAY) {
    opts.type_error("manifest", "array", value);
    return false;
  }
  /* PHP's encoder checks its depth only after recursing into each level: a PHP array nested
   * 100,000 deep would overflow the stack before it says so. */
  if (!bjlg_zval_depth_within(value, bjlg::kMaxNestingDepth)) {
    opts.value_error("manifest", "is " + bjlg::DepthLimitMessage(bjlg::kMaxNestingDepth) + " or contains itself");
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
  if (!failed) out->assign(ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
  smart_str_free(&buf);
  if (JSON_G(error_code) == PHP_JSON_ERROR_DEPTH) {
    opts.value_error("manifest", "is " + bjlg::DepthLimitMessage(bjlg::kMaxNestingDepth));
    return false;
  }
  if (failed) {
    opts.value_error("manifest", "cannot be encoded as JSON");
    return false;
  }
  if (*out == "[]") *out = "{}";
  if (!out->empty() && (*out)[0] != '{') {
    opts.value_error("manifest", "must be an array with string keys");
    return false;
  }
  return true;
}

constexpr const char *kEncryptOptions[] = {"format", "chunk_size", "kdf", "scrypt_log_n", "pbkdf2_iterations", "cipher"};

/* `encrypt` and Cipher::encryptFile()'s options prefixed with "encrypt_" (its `threads` is the
 * writer's own). An option that does not apply (a KDF with a Key, any with bjlgenc1) is refused
 * by the core, never ignored; the writer names it with its prefix. */
bool encrypt_options(const BjlgOptions &opts, bjlg::archive::WriterOptions *o) {
  std::optional<bjlg::crypto::Secret> secret;
  if (!bjlg_option_secret(opts, "encrypt", &secret)) return false;
  if (secret) o->encrypt = std::make_shared<const bjlg::crypto::Secret>(std::move(*secret));
  for (const char *name : kEncryptOptions) {
    const std::string prefixed = std::string("encrypt_") + name;
    zval *v = opts.find(prefixed.c_str());
    if (v == nullptr) continue;
    if (!o->encrypt) {
      opts.value_error(prefixed.c_str(), "needs the \"encrypt\" option");
      return false;
    }
    if (!bjlg_option_encrypt_setting(opts, prefixed.c_str(), name, &o->encryption)) return false;
  }
  if (!o->encrypt) return true;
  const bjlg::Status checked = bjlg::crypto::CheckEncryptOptions(*o->encrypt, o->encryption);
  if (!checked.ok()) opts.refuse(bjlg_archive_kinds, checked.ForOption("encrypt_" + checked.option()));
  return checked.ok();
}

/* Reads the writer's options with the glue's one reader; ranges are the core's (Writer::Create). */
bool parse_options(HashTable *options, bjlg::archive::WriterOptions *o, BjlgProgressOption *progress) {
  const BjlgOptions opts(options, 2);
  /* Null is "absent" for every other option; for this one it is most likely a key that failed
   * to load, and an archive left unencrypted would be the worst answer to it. */
  zval *encrypt = options == nullptr ? nullptr : zend_hash_str_find_deref(options, ZEND_STRL("encrypt"));
  if (encrypt != nullptr && Z_TYPE_P(encrypt) == IS_NULL) {
    opts.type_error("encrypt", "Bjlg\\Crypto\\Key|string", encrypt);
    return false;
  }
  return opts.only({"level", "threads", "chunk_size", "exclude", "include", "store", "default_excludes",
                    "follow_symlinks", "allowed_roots", "verify", "since", "progress", "progress_interval",
                    "manifest", "encrypt", "encrypt_format", "encrypt_chunk_size", "encrypt_kdf",
                    "encrypt_scrypt_log_n", "encrypt_pbkdf2_iterations", "encrypt_cipher"}) &&
         opts.get_int("level", &o->level) && opts.get_int("threads", &o->threads) &&
         opts.get_int("chunk_size", &o->chunk_size) && string_or_list(opts, "exclude", &o->exclude) &&
         string_or_list(opts, "include", &o->include) && string_or_list(opts, "store", &o->store_extensions) &&
         string_or_list(opts, "allowed_roots", &o->allowed_roots) &&
         opts.get_bool("default_excludes", &o->default_excludes) &&
         opts.get_bool("follow_symlinks", &o->follow_symlinks) && opts.get_bool("verify", &o->verify_full) &&
         opts.get_string("since", &o->since) && opts.get_progress("progress", progress) &&
         opts.get_double("progress_interval", &o->progress_interval) && manifest_option(opts, &o->manifest_json) &&
         encrypt_options(opts, o);
}

/* ---- the progress callback --------------------------------------------------------------- */


/* ---- a PHP stream as a core ByteSource ---------------------------------------------------- */

class StreamSource : public bjlg::archive::ByteSource {
 public:
  StreamSource(php_stream *stream, WriterObject *o) : stream_(stream), o_(o) {}
  bjlg::Result<size_t> Read(unsigned char *buffer, size_t size) override {
    ssize_t n = -1;
    zend_try {
      n = php_stream_read(stream_, reinterpret_cast<char *>(buffer), size);
    } zend_catch {
      o_->progress.set_bailed_out();
    } zend_end_try();
    if (o_->progress.bailed_out()) return bjlg::Status::Cancelled("aborted while reading the stream");
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
    /* A callable's (or a stream's) exception becomes the previous of the CancelledException. */
    if (!s.ok() && !o->progress.bailed_out()) bjlg_archive_throw(s);
  });
  o->busy = false;
  if (o->writer && o->writer->closed()) o->writer.reset();
  return o->progress.bailed_out();
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
    if (!parse_options(options, &opts, &o->progress)) return;
    auto w = bjlg::archive::Writer::Create(std::string(ZSTR_VAL(path), ZSTR_LEN(path)), std::move(opts));
    if (!w.ok() && !w.status().option().empty()) {
      BjlgOptions(options, 2).refuse(bjlg_archive_kinds, w.status());
      return;
    }
    if (!w.ok()) {
      bjlg_archive_throw(w.status());
      return;
    }
    o->writer = std::move(*w);
    if (!o->progress.empty()) o->writer->set_progress(o->progress.fn());
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
    } else if (!o->progress.bailed_out()) {
      if (database_failed) {
        bjlg_throw_status(bjlg_database_kinds, r.status());
      } else {
        bjlg_archive_throw(r.status());
      }
    }
  });
  o->busy = false;
  if (o->writer && o->writer->closed()) o->writer.reset();
  if (o->progress.bailed_out()) zend_bailout();
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
