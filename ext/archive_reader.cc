/* Bjlg\Archive\Reader: the core Reader behind a PHP object; readEntry() returns a PHP stream
 * that keeps the Reader alive and checks size and CRC-32 when it reaches the end. */
#include <memory>
#include <optional>
#include <string>

#include "archive/reader.h"  /* core headers before the PHP headers: they redefine snprintf */
#include "crypto/cipher.h"
#include "archive_exception.h"
#include "crypto_args.h"
#include "crypto_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "archive_reader_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

zend_class_entry *reader_ce;
zend_object_handlers reader_handlers;

struct ReaderObject {
  std::unique_ptr<bjlg::archive::Reader> reader;
  zend_object std;
};

ReaderObject *from_obj(zend_object *obj) {
  return reinterpret_cast<ReaderObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(ReaderObject, std));
}

zend_object *reader_create(zend_class_entry *ce) {
  ReaderObject *o = static_cast<ReaderObject *>(zend_object_alloc(sizeof(ReaderObject), ce));
  new (&o->reader) std::unique_ptr<bjlg::archive::Reader>();
  zend_object_std_init(&o->std, ce);
  object_properties_init(&o->std, ce);
  o->std.handlers = &reader_handlers;
  return &o->std;
}

void reader_free(zend_object *obj) {
  ReaderObject *o = from_obj(obj);
  o->reader.reset();
  o->reader.~unique_ptr();
  zend_object_std_dtor(obj);
}

ReaderObject *opened(zval *self) {
  ReaderObject *o = from_obj(Z_OBJ_P(self));
  if (!o->reader) {
    zend_throw_error(nullptr, "Bjlg\\Archive\\Reader is not open");
    return nullptr;
  }
  return o;
}

/* ---- the entry stream ----------------------------------------------------------------------- */

struct EntryStreamData {
  std::unique_ptr<bjlg::archive::EntryStream> entry;
  zend_object *owner;  // the Reader, kept alive while the stream is open
};

ssize_t entry_read(php_stream *stream, char *buf, size_t count) {
  auto *d = static_cast<EntryStreamData *>(stream->abstract);
  ssize_t result = -1;
  bjlg_guard([&] {
    auto n = d->entry->Read(reinterpret_cast<unsigned char *>(buf), count);
    if (!n.ok()) {
      bjlg_archive_throw(n.status());
      stream->eof = 1;
      return;
    }
    if (*n == 0) stream->eof = 1;
    result = static_cast<ssize_t>(*n);
  });
  return result;
}

ssize_t entry_write(php_stream *, const char *, size_t) { return -1; }

int entry_close(php_stream *stream, int) {
  auto *d = static_cast<EntryStreamData *>(stream->abstract);
  d->entry.reset();
  OBJ_RELEASE(d->owner);
  delete d;
  return 0;
}

int entry_flush(php_stream *) { return 0; }

const php_stream_ops entry_ops = {
  entry_write, entry_read, entry_close, entry_flush, "bjlg archive entry",
  nullptr, nullptr, nullptr, nullptr,
};

void entry_to_array(const bjlg::archive::EntryInfo &e, zval *out) {
  array_init(out);
  add_assoc_stringl(out, "name", e.name.data(), e.name.size());
  add_assoc_long(out, "size", static_cast<zend_long>(e.size));
  add_assoc_long(out, "compressed_size", static_cast<zend_long>(e.compressed_size));
  add_assoc_long(out, "crc", static_cast<zend_long>(e.crc));
  add_assoc_long(out, "method", e.method);
  add_assoc_long(out, "mtime", static_cast<zend_long>(e.mtime));
  add_assoc_long(out, "mode", static_cast<zend_long>(e.mode));
  add_assoc_bool(out, "is_dir", e.is_directory);
  add_assoc_bool(out, "is_symlink", e.is_symlink);
}

}  // namespace

ZEND_METHOD(Bjlg_Archive_Reader, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Archive_Reader, open) {
  zend_string *path;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(path)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  BjlgCryptoScrubOnExit scrub;
  bjlg_guard([&] {
    BjlgOptions options(options_ht, 2);
    std::optional<bjlg::crypto::Secret> secret;
    if (!options.only({"key"}) || !bjlg_option_secret(options, "key", &secret)) return;
    auto r = bjlg::archive::Reader::Open(std::string(ZSTR_VAL(path), ZSTR_LEN(path)),
                                         secret ? &*secret : nullptr);
    if (!r.ok()) {
      bjlg_archive_throw(r.status());
      return;
    }
    object_init_ex(return_value, reader_ce);
    from_obj(Z_OBJ_P(return_value))->reader = std::move(*r);
  });
}

ZEND_METHOD(Bjlg_Archive_Reader, entries) {
  ZEND_PARSE_PARAMETERS_NONE();
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  array_init(return_value);
  for (const bjlg::archive::EntryInfo &e : o->reader->Entries()) {
    zval item;
    entry_to_array(e, &item);
    add_next_index_zval(return_value, &item);
  }
}

ZEND_METHOD(Bjlg_Archive_Reader, extractTo) {
  zend_string *dir;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(dir)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  bjlg::archive::ExtractOptions opts;
  BjlgProgressOption progress;
  BjlgOptions reader(options, 2);
  if (!reader.only({"max_entry_size", "max_total_size", "max_entries", "max_ratio", "overwrite", "progress",
                    "progress_interval"}) ||
      !reader.get_int("max_entry_size", &opts.max_entry_size) ||
      !reader.get_int("max_total_size", &opts.max_total_size) ||
      !reader.get_int("max_entries", &opts.max_entries) || !reader.get_int("max_ratio", &opts.max_ratio) ||
      !reader.get_bool("overwrite", &opts.overwrite) || !reader.get_progress("progress", &progress) ||
      !reader.get_double("progress_interval", &opts.progress_interval)) {
    RETURN_THROWS();
  }
  if (bjlg::Status valid = opts.Validate(); !valid.ok()) {
    reader.refuse(bjlg_archive_kinds, valid);
    RETURN_THROWS();
  }
  opts.progress = progress.fn();
  bool bailout = false;
  bjlg_guard([&] {
    auto report = o->reader->ExtractTo(std::string(ZSTR_VAL(dir), ZSTR_LEN(dir)), opts);
    bailout = progress.bailed_out();
    if (bailout) return;
    if (!report.ok()) {
      /* Cancelled: CancelledException, with the callable's exception (if it threw) as previous. */
      bjlg_archive_throw(report.status());
      return;
    }
    array_init(return_value);
    add_assoc_long(return_value, "files", static_cast<zend_long>(report->files));
    add_assoc_long(return_value, "directories", static_cast<zend_long>(report->directories));
    add_assoc_long(return_value, "bytes", static_cast<zend_long>(report->bytes));
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Archive_Reader, readEntry) {
  zend_string *name;
  zend_long max_size = ZEND_LONG_MAX;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_STR(name)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(max_size)
  ZEND_PARSE_PARAMETERS_END();
  if (max_size < 0) {
    zend_argument_value_error(2, "must be greater than or equal to 0");
    RETURN_THROWS();
  }
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto entry = o->reader->OpenEntry(std::string(ZSTR_VAL(name), ZSTR_LEN(name)),
                                      static_cast<uint64_t>(max_size));
    if (!entry.ok()) {
      bjlg_archive_throw(entry.status());
      return;
    }
    auto *d = new EntryStreamData{std::move(*entry), Z_OBJ_P(ZEND_THIS)};
    GC_ADDREF(d->owner);
    php_stream *stream = php_stream_alloc(&entry_ops, d, nullptr, "rb");
    php_stream_to_zval(stream, return_value);
  });
}

ZEND_METHOD(Bjlg_Archive_Reader, verify) {
  ZEND_PARSE_PARAMETERS_NONE();
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    bjlg::Status s = o->reader->VerifyAll();
    if (!s.ok()) bjlg_archive_throw(s);
  });
}

ZEND_METHOD(Bjlg_Archive_Reader, deletedFiles) {
  ZEND_PARSE_PARAMETERS_NONE();
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto paths = o->reader->DeletedFiles();
    if (!paths.ok()) {
      bjlg_archive_throw(paths.status());
      return;
    }
    array_init(return_value);
    for (const std::string &p : *paths) add_next_index_stringl(return_value, p.data(), p.size());
  });
}

ZEND_METHOD(Bjlg_Archive_Reader, encryption) {
  ZEND_PARSE_PARAMETERS_NONE();
  ReaderObject *o = opened(ZEND_THIS);
  if (o == nullptr) RETURN_THROWS();
  const std::string format = o->reader->encryption();
  RETURN_STRINGL(format.data(), format.size());
}

void bjlg_register_archive_reader(void) {
  reader_ce = register_class_Bjlg_Archive_Reader();
  reader_ce->create_object = reader_create;
  memcpy(&reader_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  reader_handlers.offset = XtOffsetOf(ReaderObject, std);
  reader_handlers.free_obj = reader_free;
  reader_handlers.clone_obj = nullptr;
}
