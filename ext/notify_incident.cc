/* Bjlg\Notify\Incident and Bjlg\Notify\Digest: a PHP object around notify::Incident (the state
 * lives in C++; toArray()/fromArray() move it in and out) and the digest over many incidents.
 * The policy holds channel credentials: clone and serialize are refused, and the methods taking
 * a policy or a state scrub any exception they leave. */
#include "common/time.h"
#include "notify/incident.h"
#include "notify/incident_digest.h"

#include "glue.h"
#include "json_zval.h"
#include "notify_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

#define zend_hash_str_find_ptr(ht, str, len) static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "notify_incident_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

namespace notify = bjlg::notify;

zend_class_entry *ce_Incident;
zend_object_handlers incident_handlers;

/* An incident state nests: state > policy > channels > channel > ... */
constexpr int kMaxStateDepth = 16;

struct IncidentObject {
  notify::Incident *incident;  // owned; null until open()/fromArray() set it
  zend_object std;
};

IncidentObject *incident_object(zend_object *obj) {
  return reinterpret_cast<IncidentObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(IncidentObject, std));
}

zend_object *incident_create(zend_class_entry *ce) {
  auto *intern = static_cast<IncidentObject *>(zend_object_alloc(sizeof(IncidentObject), ce));
  intern->incident = nullptr;
  zend_object_std_init(&intern->std, ce);
  object_properties_init(&intern->std, ce);
  intern->std.handlers = &incident_handlers;
  return &intern->std;
}

void incident_free(zend_object *obj) {
  delete incident_object(obj)->incident;
  incident_object(obj)->incident = nullptr;
  zend_object_std_dtor(obj);
}

/* var_dump() shows the id and status, never the policy (credentials). */
HashTable *incident_debug_info(zend_object *obj, int *is_temp) {
  *is_temp = 1;
  HashTable *ht = zend_new_array(2);
  if (notify::Incident *i = incident_object(obj)->incident) {
    zval v;
    ZVAL_STRINGL(&v, i->id().data(), i->id().size());
    zend_hash_str_update(ht, "id", 2, &v);
    std::string s = i->status();
    ZVAL_STRINGL(&v, s.data(), s.size());
    zend_hash_str_update(ht, "status", 6, &v);
  }
  return ht;
}

notify::Incident *this_incident(zval *this_ptr) {
  notify::Incident *i = incident_object(Z_OBJ_P(this_ptr))->incident;
  if (i == nullptr) zend_throw_error(nullptr, "Bjlg\\Notify\\Incident object is not initialized");
  return i;
}

void return_incident(zval *return_value, notify::Incident incident) {
  object_init_ex(return_value, ce_Incident);
  incident_object(Z_OBJ_P(return_value))->incident = new notify::Incident(std::move(incident));
}

/* An array argument as ordered JSON; TypeError naming the argument when it holds an object or a
 * resource or nests too deep. */
bool ArrayArg(HashTable *ht, uint32_t arg, notify::OrderedJson *out) {
  zval tmp;
  ZVAL_ARR(&tmp, ht);
  std::string error;
  if (!bjlg_zval_to_json(&tmp, out, &error, kMaxStateDepth)) {
    zend_argument_type_error(arg, "%s", error.c_str());
    return false;
  }
  if (out->is_array() && out->empty()) *out = notify::OrderedJson::object();
  return true;
}

bool ReturnJson(const notify::OrderedJson &value, zval *return_value) {
  if (bjlg_json_to_zval(value, return_value)) return true;
  bjlg_throw_status(bjlg_notify_kinds, bjlg::Status::Corruption("the incident is nested too deep"));
  return false;
}

int64_t NowOr(bool is_null, zend_long now) { return is_null ? bjlg::NowUnixSeconds() : now; }

}  // namespace

ZEND_METHOD(Bjlg_Notify_Incident, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Notify_Incident, open) {
  BjlgScrubOnExit scrub;
  HashTable *event, *policy;
  zend_long now = 0;
  bool now_null = true;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(event)
    Z_PARAM_ARRAY_HT(policy)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG_OR_NULL(now, now_null)
  ZEND_PARSE_PARAMETERS_END();
  if (!now_null && now < 0) {
    zend_argument_value_error(3, "must not be negative");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    notify::OrderedJson e, p;
    if (!ArrayArg(event, 1, &e) || !ArrayArg(policy, 2, &p)) return;
    bjlg::Result<notify::Incident> r = notify::Incident::Open(e, p, NowOr(now_null, now));
    if (!r.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, r.status());
      return;
    }
    return_incident(return_value, std::move(r.value()));
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, fromArray) {
  BjlgScrubOnExit scrub;
  HashTable *state;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(state)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    notify::OrderedJson s;
    if (!ArrayArg(state, 1, &s)) return;
    bjlg::Result<notify::Incident> r = notify::Incident::FromArray(s);
    if (!r.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, r.status());
      return;
    }
    return_incident(return_value, std::move(r.value()));
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, toArray) {
  ZEND_PARSE_PARAMETERS_NONE();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  bjlg_guard([&] { ReturnJson(i->ToArray(), return_value); });
}

ZEND_METHOD(Bjlg_Notify_Incident, due) {
  zend_long now;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(now)
  ZEND_PARSE_PARAMETERS_END();
  if (now < 0) {
    zend_argument_value_error(1, "must not be negative");
    RETURN_THROWS();
  }
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  bjlg_guard([&] { ReturnJson(i->Due(now), return_value); });
}

ZEND_METHOD(Bjlg_Notify_Incident, acknowledge) {
  zend_string *actor, *note = nullptr;
  zend_long now = 0;
  bool now_null = true;
  ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_STR(actor)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(note)
    Z_PARAM_LONG_OR_NULL(now, now_null)
  ZEND_PARSE_PARAMETERS_END();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    bjlg::Status s = i->Acknowledge(std::string(ZSTR_VAL(actor), ZSTR_LEN(actor)),
                                    note ? std::string(ZSTR_VAL(note), ZSTR_LEN(note)) : std::string(), NowOr(now_null, now));
    if (!s.ok()) bjlg_throw_status(bjlg_notify_kinds, s);
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, resolve) {
  zend_string *actor, *summary;
  HashTable *actions = nullptr;
  zend_long now = 0;
  bool now_null = true;
  ZEND_PARSE_PARAMETERS_START(2, 4)
    Z_PARAM_STR(actor)
    Z_PARAM_STR(summary)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(actions)
    Z_PARAM_LONG_OR_NULL(now, now_null)
  ZEND_PARSE_PARAMETERS_END();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  if (actions != nullptr && !zend_array_is_list(actions)) {
    zend_argument_value_error(3, "must be a list");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    notify::OrderedJson a = notify::OrderedJson::array();
    if (actions != nullptr && zend_hash_num_elements(actions) > 0 && !ArrayArg(actions, 3, &a)) return;
    auto r = i->Resolve(std::string(ZSTR_VAL(actor), ZSTR_LEN(actor)), std::string(ZSTR_VAL(summary), ZSTR_LEN(summary)), a,
                        NowOr(now_null, now));
    if (!r.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, r.status());
      return;
    }
    ReturnJson(r.value(), return_value);
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, addAction) {
  zend_string *title, *owner = nullptr, *status = nullptr;
  zend_long due_at = 0, now = 0;
  bool due_null = true, now_null = true;
  ZEND_PARSE_PARAMETERS_START(1, 5)
    Z_PARAM_STR(title)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(owner)
    Z_PARAM_LONG_OR_NULL(due_at, due_null)
    Z_PARAM_STR(status)
    Z_PARAM_LONG_OR_NULL(now, now_null)
  ZEND_PARSE_PARAMETERS_END();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    auto r = i->AddAction(std::string(ZSTR_VAL(title), ZSTR_LEN(title)),
                          owner ? std::string(ZSTR_VAL(owner), ZSTR_LEN(owner)) : std::string(), due_null ? 0 : due_at,
                          status ? std::string(ZSTR_VAL(status), ZSTR_LEN(status)) : std::string("open"), NowOr(now_null, now));
    if (!r.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, r.status());
      return;
    }
    RETVAL_STRINGL(r.value().data(), r.value().size());
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, updateAction) {
  zend_string *id, *actor = nullptr;
  HashTable *changes;
  zend_long now = 0;
  bool now_null = true;
  ZEND_PARSE_PARAMETERS_START(2, 4)
    Z_PARAM_STR(id)
    Z_PARAM_ARRAY_HT(changes)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(actor)
    Z_PARAM_LONG_OR_NULL(now, now_null)
  ZEND_PARSE_PARAMETERS_END();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    notify::OrderedJson c;
    if (!ArrayArg(changes, 2, &c)) return;
    bjlg::Status s = i->UpdateAction(std::string(ZSTR_VAL(id), ZSTR_LEN(id)), c,
                                     actor ? std::string(ZSTR_VAL(actor), ZSTR_LEN(actor)) : std::string(), NowOr(now_null, now));
    // An unknown action id is a wrong argument, not a missing file.
    if (s.code() == bjlg::Status::Code::kNotFound) s = bjlg::Status::InvalidArgument(s.message());
    if (!s.ok()) bjlg_throw_status(bjlg_notify_kinds, s);
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, report) {
  zend_string *format = nullptr, *locale = nullptr;
  ZEND_PARSE_PARAMETERS_START(0, 2)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(format)
    Z_PARAM_STR(locale)
  ZEND_PARSE_PARAMETERS_END();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  std::string f = format ? std::string(ZSTR_VAL(format), ZSTR_LEN(format)) : "html";
  std::string l = locale ? std::string(ZSTR_VAL(locale), ZSTR_LEN(locale)) : "en";
  if (f != "html" && f != "markdown" && f != "json" && f != "text") {
    zend_argument_value_error(1, "must be one of \"html\", \"markdown\", \"json\" or \"text\"");
    RETURN_THROWS();
  }
  if (l != "en" && l != "fr") {
    zend_argument_value_error(2, "must be \"en\" or \"fr\"");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    auto r = i->Report(f, l);
    if (!r.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, r.status());
      return;
    }
    RETVAL_STRINGL(r.value().data(), r.value().size());
  });
}

ZEND_METHOD(Bjlg_Notify_Incident, id) {
  ZEND_PARSE_PARAMETERS_NONE();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  RETURN_STRINGL(i->id().data(), i->id().size());
}

ZEND_METHOD(Bjlg_Notify_Incident, status) {
  ZEND_PARSE_PARAMETERS_NONE();
  notify::Incident *i = this_incident(ZEND_THIS);
  if (i == nullptr) RETURN_THROWS();
  std::string s = i->status();
  RETURN_STRINGL(s.data(), s.size());
}

ZEND_METHOD(Bjlg_Notify_Digest, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Notify_Digest, summarize) {
  BjlgScrubOnExit scrub;
  HashTable *incidents;
  zend_long from, to;
  ZEND_PARSE_PARAMETERS_START(3, 3)
    Z_PARAM_ARRAY_HT(incidents)
    Z_PARAM_LONG(from)
    Z_PARAM_LONG(to)
  ZEND_PARSE_PARAMETERS_END();
  if (from < 0) {
    zend_argument_value_error(2, "must not be negative");
    RETURN_THROWS();
  }
  if (to < from) {
    zend_argument_value_error(3, "must not be before argument #2 ($from)");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    std::vector<notify::Incident> list;
    uint32_t index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(incidents, item) {
      ZVAL_DEREF(item);
      if (Z_TYPE_P(item) == IS_OBJECT && instanceof_function(Z_OBJCE_P(item), ce_Incident)) {
        notify::Incident *i = incident_object(Z_OBJ_P(item))->incident;
        if (i == nullptr) {
          zend_argument_value_error(1, "entry #%u is an uninitialized Incident", index);
          return;
        }
        list.push_back(*i);
      } else if (Z_TYPE_P(item) == IS_ARRAY) {
        notify::OrderedJson s;
        if (!ArrayArg(Z_ARRVAL_P(item), 1, &s)) return;
        auto r = notify::Incident::FromArray(s);
        if (!r.ok()) {
          bjlg_throw_status(bjlg_notify_kinds, r.status().Annotate("incident #" + std::to_string(index) + ": "));
          return;
        }
        list.push_back(std::move(r.value()));
      } else {
        zend_argument_type_error(1, "entry #%u must be of type Bjlg\\Notify\\Incident|array, %s given", index,
                                 zend_zval_type_name(item));
        return;
      }
      index++;
    } ZEND_HASH_FOREACH_END();
    ReturnJson(notify::SummarizeIncidents(list, from, to), return_value);
  });
}

void bjlg_register_notify_incident(void) {
  ce_Incident = register_class_Bjlg_Notify_Incident();
  ce_Incident->create_object = incident_create;
  memcpy(&incident_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  incident_handlers.offset = XtOffsetOf(IncidentObject, std);
  incident_handlers.free_obj = incident_free;
  incident_handlers.clone_obj = nullptr;
  incident_handlers.get_debug_info = incident_debug_info;
  register_class_Bjlg_Notify_Digest();
}
