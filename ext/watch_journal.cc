/* Bjlg\Watch\Journal: the core change journal (src/watch/journal.h) behind a PHP object. */
#include <memory>
#include <string>

#include "watch/journal.h"  /* core headers before the PHP headers: they redefine snprintf */
#include "json_zval.h"
#include "watch_exception.h"

#include "watch_journal_arginfo.h"

namespace {

zend_class_entry *journal_ce;
zend_object_handlers journal_handlers;

struct JournalObject {
  std::unique_ptr<bjlg::watch::Journal> journal;
  zend_object std;
};

JournalObject *from_obj(zend_object *obj) {
  return reinterpret_cast<JournalObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(JournalObject, std));
}

zend_object *journal_create(zend_class_entry *ce) {
  JournalObject *o = static_cast<JournalObject *>(zend_object_alloc(sizeof(JournalObject), ce));
  new (&o->journal) std::unique_ptr<bjlg::watch::Journal>();
  zend_object_std_init(&o->std, ce);
  object_properties_init(&o->std, ce);
  o->std.handlers = &journal_handlers;
  return &o->std;
}

void journal_free(zend_object *obj) {
  JournalObject *o = from_obj(obj);
  o->journal.reset();
  o->journal.~unique_ptr();
  zend_object_std_dtor(obj);
}

bjlg::watch::Journal *opened(zval *self) {
  JournalObject *o = from_obj(Z_OBJ_P(self));
  if (!o->journal) {
    zend_throw_error(nullptr, "Bjlg\\Watch\\Journal is not open");
    return nullptr;
  }
  return o->journal.get();
}

bool non_negative(zend_long v, uint32_t arg, const char *name) {
  if (v >= 0) return true;
  zend_argument_value_error(arg, "must be greater than or equal to 0");
  (void)name;
  return false;
}

}  // namespace

ZEND_METHOD(Bjlg_Watch_Journal, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Watch_Journal, open) {
  zend_string *path;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH_STR(path)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    auto j = bjlg::watch::Journal::Open(std::string(ZSTR_VAL(path), ZSTR_LEN(path)));
    if (!j.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, j.status());
      return;
    }
    object_init_ex(return_value, journal_ce);
    from_obj(Z_OBJ_P(return_value))->journal = std::move(*j);
  });
}

ZEND_METHOD(Bjlg_Watch_Journal, append) {
  zval *event;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY(event)
  ZEND_PARSE_PARAMETERS_END();
  bjlg::watch::Journal *j = opened(ZEND_THIS);
  if (j == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    nlohmann::json e;
    std::string error;
    if (!bjlg_zval_to_json(event, &e, &error, 4)) {
      bjlg_throw_status(bjlg_watch_kinds, bjlg::Status::InvalidArgument("event " + error));
      return;
    }
    auto seq = j->Append(e);
    if (!seq.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, seq.status());
      return;
    }
    RETVAL_LONG(static_cast<zend_long>(*seq));
  });
}

ZEND_METHOD(Bjlg_Watch_Journal, changes) {
  zend_long since, limit = 100000;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_LONG(since)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(limit)
  ZEND_PARSE_PARAMETERS_END();
  if (!non_negative(since, 1, "since_seq")) RETURN_THROWS();
  if (limit < 1 || limit > 10000000) {
    zend_argument_value_error(2, "must be between 1 and 10000000");
    RETURN_THROWS();
  }
  bjlg::watch::Journal *j = opened(ZEND_THIS);
  if (j == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto c = j->Read(static_cast<uint64_t>(since), static_cast<size_t>(limit));
    if (!c.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, c.status());
      return;
    }
    array_init_size(return_value, static_cast<uint32_t>(c->records.size()));
    for (const bjlg::watch::Record &r : c->records) {
      zval item, event;
      if (!bjlg_json_to_zval(r.event, &event)) return;
      array_init(&item);
      add_assoc_long(&item, "seq", static_cast<zend_long>(r.seq));
      add_assoc_long(&item, "at_ms", static_cast<zend_long>(r.at_ms));
      add_assoc_zval(&item, "event", &event);
      add_next_index_zval(return_value, &item);
    }
  });
}

ZEND_METHOD(Bjlg_Watch_Journal, stats) {
  zend_long since = 0;
  ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(since)
  ZEND_PARSE_PARAMETERS_END();
  if (!non_negative(since, 1, "since_seq")) RETURN_THROWS();
  bjlg::watch::Journal *j = opened(ZEND_THIS);
  if (j == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    // Counting only: one record kept in memory at a time.
    auto c = j->Read(static_cast<uint64_t>(since), 0);
    if (!c.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, c.status());
      return;
    }
    array_init(return_value);
    add_assoc_long(return_value, "last_seq", static_cast<zend_long>(c->last_seq));
    add_assoc_long(return_value, "damaged", static_cast<zend_long>(c->damaged));
    add_assoc_bool(return_value, "torn_tail", c->torn_tail);
    add_assoc_long(return_value, "pending", static_cast<zend_long>(c->pending));
  });
}

ZEND_METHOD(Bjlg_Watch_Journal, compact) {
  zend_long through = 0;
  ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(through)
  ZEND_PARSE_PARAMETERS_END();
  if (!non_negative(through, 1, "through_seq")) RETURN_THROWS();
  bjlg::watch::Journal *j = opened(ZEND_THIS);
  if (j == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto r = j->Compact(static_cast<uint64_t>(through));
    if (!r.ok()) {
      bjlg_throw_status(bjlg_watch_kinds, r.status());
      return;
    }
    array_init(return_value);
    add_assoc_long(return_value, "kept", static_cast<zend_long>(r->kept));
    add_assoc_long(return_value, "dropped", static_cast<zend_long>(r->dropped));
    add_assoc_long(return_value, "base", static_cast<zend_long>(r->base));
    add_assoc_long(return_value, "bytes_before", static_cast<zend_long>(r->bytes_before));
    add_assoc_long(return_value, "bytes_after", static_cast<zend_long>(r->bytes_after));
  });
}

void bjlg_register_watch_journal(void) {
  journal_ce = register_class_Bjlg_Watch_Journal();
  journal_ce->create_object = journal_create;
  memcpy(&journal_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  journal_handlers.offset = XtOffsetOf(JournalObject, std);
  journal_handlers.free_obj = journal_free;
  journal_handlers.clone_obj = nullptr;
}
