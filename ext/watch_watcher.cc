/* Bjlg\Watch\Watcher: the core Watcher (src/watch/watcher.h) for one bounded wait at a time. */
#include <memory>
#include <string>
#include <vector>

#include "watch/watcher.h"  /* core headers before the PHP headers: they redefine snprintf */
#include "watch_exception.h"

#include "watch_watcher_arginfo.h"

namespace {

zend_class_entry *watcher_ce;
zend_object_handlers watcher_handlers;

struct WatcherObject {
  std::unique_ptr<bjlg::watch::Watcher> watcher;
  zend_object std;
};

WatcherObject *from_obj(zend_object *obj) {
  return reinterpret_cast<WatcherObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(WatcherObject, std));
}

zend_object *watcher_create(zend_class_entry *ce) {
  WatcherObject *o = static_cast<WatcherObject *>(zend_object_alloc(sizeof(WatcherObject), ce));
  new (&o->watcher) std::unique_ptr<bjlg::watch::Watcher>();
  zend_object_std_init(&o->std, ce);
  object_properties_init(&o->std, ce);
  o->std.handlers = &watcher_handlers;
  return &o->std;
}

void watcher_free(zend_object *obj) {
  WatcherObject *o = from_obj(obj);
  o->watcher.reset();
  o->watcher.~unique_ptr();
  zend_object_std_dtor(obj);
}

bjlg::watch::Watcher *started(zval *self) {
  WatcherObject *o = from_obj(Z_OBJ_P(self));
  if (!o->watcher) {
    zend_throw_error(nullptr, "Bjlg\\Watch\\Watcher is not started");
    return nullptr;
  }
  return o->watcher.get();
}

/* [prefix => folder] or [folder, ...]. */
bool read_roots(HashTable *roots, std::vector<bjlg::watch::WatchRoot> *out) {
  zend_string *key;
  zend_ulong index;
  zval *dir;
  ZEND_HASH_FOREACH_KEY_VAL(roots, index, key, dir) {
    (void)index;
    ZVAL_DEREF(dir);
    if (Z_TYPE_P(dir) != IS_STRING) {
      zend_argument_type_error(1, "must hold folders as strings, %s given", zend_zval_type_name(dir));
      return false;
    }
    if (Z_STRLEN_P(dir) == 0 || memchr(Z_STRVAL_P(dir), 0, Z_STRLEN_P(dir)) != nullptr) {
      zend_argument_value_error(1, "must hold non-empty folder paths without NUL bytes");
      return false;
    }
    bjlg::watch::WatchRoot r;
    r.dir.assign(Z_STRVAL_P(dir), Z_STRLEN_P(dir));
    if (key != nullptr) r.prefix.assign(ZSTR_VAL(key), ZSTR_LEN(key));
    out->push_back(std::move(r));
  } ZEND_HASH_FOREACH_END();
  return true;
}

}  // namespace

ZEND_METHOD(Bjlg_Watch_Watcher, __construct) {
  HashTable *roots_ht, *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(roots_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    std::vector<bjlg::watch::WatchRoot> roots;
    if (!read_roots(roots_ht, &roots)) return;
    BjlgOptions options(options_ht, 2);
    bjlg::watch::WatcherOptions o;
    if (!options.only({"exclude", "include", "default_excludes", "scan", "hash", "max_events", "max_watches"}) ||
        !options.get_string_list("exclude", &o.exclude) || !options.get_string_list("include", &o.include) ||
        !options.get_bool("default_excludes", &o.default_excludes) || !options.get_bool("scan", &o.scan) ||
        !options.get_bool("hash", &o.hash) || !options.get_int("max_events", &o.max_events) || !options.get_int("max_watches", &o.max_watches)) {
      return;
    }
    if (o.max_events < 1 || o.max_events > 1000000) {
      options.value_error("max_events", "must be between 1 and 1000000");
      return;
    }
    auto w = bjlg::watch::Watcher::Create(std::move(roots), std::move(o));
    if (!w.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, w.status());
      return;
    }
    from_obj(Z_OBJ_P(ZEND_THIS))->watcher = std::move(*w);
  });
}

ZEND_METHOD(Bjlg_Watch_Watcher, wait) {
  zend_long timeout;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(timeout)
  ZEND_PARSE_PARAMETERS_END();
  if (timeout < 0 || timeout > 86400000) {
    zend_argument_value_error(1, "must be between 0 and 86400000");
    RETURN_THROWS();
  }
  bjlg::watch::Watcher *w = started(ZEND_THIS);
  if (w == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto events = w->Wait(static_cast<int>(timeout));
    if (!events.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, events.status());
      return;
    }
    array_init_size(return_value, static_cast<uint32_t>(events->size()));
    for (const bjlg::watch::WatchEvent &e : *events) {
      zval item;
      array_init(&item);
      add_assoc_stringl(&item, "type", e.type.data(), e.type.size());
      add_assoc_stringl(&item, "path", e.path.data(), e.path.size());
      add_assoc_bool(&item, "dir", e.dir);
      if (e.type == "moved") add_assoc_stringl(&item, "from", e.from.data(), e.from.size());
      if (e.type == "rescan") add_assoc_stringl(&item, "reason", e.reason.data(), e.reason.size());
      add_next_index_zval(return_value, &item);
    }
  });
}

ZEND_METHOD(Bjlg_Watch_Watcher, mode) {
  ZEND_PARSE_PARAMETERS_NONE();
  bjlg::watch::Watcher *w = started(ZEND_THIS);
  if (w == nullptr) RETURN_THROWS();
  RETURN_STRING(w->mode());
}

ZEND_METHOD(Bjlg_Watch_Watcher, warning) {
  ZEND_PARSE_PARAMETERS_NONE();
  bjlg::watch::Watcher *w = started(ZEND_THIS);
  if (w == nullptr) RETURN_THROWS();
  if (w->warning().empty()) RETURN_NULL();
  RETURN_STRINGL(w->warning().data(), w->warning().size());
}

void bjlg_register_watch_watcher(void) {
  watcher_ce = register_class_Bjlg_Watch_Watcher();
  watcher_ce->create_object = watcher_create;
  memcpy(&watcher_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  watcher_handlers.offset = XtOffsetOf(WatcherObject, std);
  watcher_handlers.free_obj = watcher_free;
  watcher_handlers.clone_obj = nullptr;
}
