/* Converting between PHP's date objects and the core's instants and zones: see date_time.h.
 *
 * timelib is linked into PHP without exported symbols, so the glue cannot call it. A result is
 * built the slow way once per zone and offset period, by PHP itself: a DateTimeImmutable at
 * "@<instant>" moved with setTimezone(). The timelib_time that PHP made serves as a template for
 * every later result of the same period, which only needs its wall-clock fields recomputed from
 * the instant and the period's offset. ext/date allocates timelib memory with emalloc/efree
 * (timelib_config.h), so a timelib_time made here is freed by PHP like its own. */
#include <sys/time.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "cron/calendar.h"
#include "cron/time_zone.h"

#include "date_time.h"

extern "C" {
#include "ext/date/php_date.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

#include "glue.h"

namespace cron = bjlg::cron;

struct BjlgZone {
  cron::TimeZone core;
  zval php_zone;  // the DateTimeZone results are moved to

  // A result in this zone during [begin, end): every field but the instant's.
  bool has_template = false;
  timelib_time tmpl;
  std::string abbr;
  bool has_abbr = false;
  int64_t wall_offset = 0;  // seconds from UTC to the wall clock during the period
  int64_t begin = 0;
  int64_t end = 0;

  BjlgZone(cron::TimeZone z, zval *php) : core(std::move(z)) { ZVAL_COPY_VALUE(&php_zone, php); }
  ~BjlgZone() { zval_ptr_dtor(&php_zone); }
  BjlgZone(const BjlgZone &) = delete;
  BjlgZone &operator=(const BjlgZone &) = delete;
};

namespace {

// Per request: zones by name as the user wrote it and by canonical key (see ZoneKey).
struct ZoneCache {
  HashTable index;  // key -> BjlgZone*, not owned
  std::vector<std::unique_ptr<BjlgZone>> zones;

  ZoneCache() { zend_hash_init(&index, 8, nullptr, nullptr, 0); }
  ~ZoneCache() { zend_hash_destroy(&index); }
};

zend_class_entry *date_interface_ce;
zend_class_entry *date_immutable_ce;
zend_class_entry *date_timezone_ce;
zend_function *set_timezone_fn;

ZoneCache *Cache() {
  auto *cache = static_cast<ZoneCache *>(BJLG_G(zone_cache));
  if (cache == nullptr) {
    cache = new ZoneCache();
    BJLG_G(zone_cache) = cache;
  }
  return cache;
}

// The canonical key of a zone: its IANA name, or a NUL-led key that no user string can be
// (user strings with NUL bytes are refused) for offsets and abbreviations.
struct ZoneKey {
  char buf[96];
  const char *data;
  size_t len;
};

void KeyOfId(ZoneKey *key, const char *name) {
  key->data = name;
  key->len = strlen(name);
}

void KeyOfFixed(ZoneKey *key, int type, timelib_sll offset, int dst, const char *abbr) {
  key->buf[0] = '\0';
  int n;
  if (type == TIMELIB_ZONETYPE_ABBR) {
    n = snprintf(key->buf + 1, sizeof(key->buf) - 1, "A%lld:%d:%.60s", (long long)offset, dst,
                 abbr ? abbr : "");
  } else {
    n = snprintf(key->buf + 1, sizeof(key->buf) - 1, "O%lld", (long long)offset);
  }
  key->data = key->buf;
  key->len = 1 + static_cast<size_t>(n < 0 ? 0 : n);
}

void KeyOfPhpZone(ZoneKey *key, php_timezone_obj *tz) {
  switch (tz->type) {
    case TIMELIB_ZONETYPE_ID: KeyOfId(key, tz->tzi.tz->name); break;
    case TIMELIB_ZONETYPE_ABBR:
      KeyOfFixed(key, TIMELIB_ZONETYPE_ABBR, tz->tzi.z.utc_offset, tz->tzi.z.dst, tz->tzi.z.abbr);
      break;
    default: KeyOfFixed(key, TIMELIB_ZONETYPE_OFFSET, tz->tzi.utc_offset, 0, nullptr); break;
  }
}

BjlgZone *Find(const ZoneKey &key) {
  return static_cast<BjlgZone *>(zend_hash_str_find_ptr(&Cache()->index, key.data, key.len));
}

// A DateTimeZone for the zone of a date, as DateTimeInterface::getTimezone() makes it.
void PhpZoneOfTime(zval *out, timelib_time *t) {
  object_init_ex(out, date_timezone_ce);
  php_timezone_obj *tz = Z_PHPTIMEZONE_P(out);
  tz->initialized = true;
  tz->type = t->zone_type;
  switch (t->zone_type) {
    case TIMELIB_ZONETYPE_ID: tz->tzi.tz = t->tz_info; break;
    case TIMELIB_ZONETYPE_ABBR:
      tz->tzi.z.utc_offset = t->z;
      tz->tzi.z.dst = t->dst;
      tz->tzi.z.abbr = estrdup(t->tz_abbr ? t->tz_abbr : "");
      break;
    default: tz->tzi.utc_offset = t->z; break;
  }
}

// The core zone matching a DateTimeZone; false when the core does not know it.
bool CoreZoneOf(php_timezone_obj *tz, cron::TimeZone *out) {
  timelib_sll offset;
  switch (tz->type) {
    case TIMELIB_ZONETYPE_ID: {
      bool found = false;
      bjlg_guard([&] {
        auto zone = cron::TimeZone::Named(tz->tzi.tz->name);
        if (zone.ok()) {
          *out = std::move(zone.value());
          found = true;
        }
      });
      if (EG(exception)) zend_clear_exception();
      return found;
    }
    case TIMELIB_ZONETYPE_ABBR: offset = tz->tzi.z.utc_offset + tz->tzi.z.dst * 3600; break;
    default: offset = tz->tzi.utc_offset; break;
  }
  if (offset <= -86400 || offset >= 86400) return false;
  *out = cron::TimeZone::Fixed(static_cast<int>(offset));
  return true;
}

// Adds the zone of `php_zone` (a reference the cache takes over) under `key`. Null when the
// core does not know the zone; php_zone is then released.
BjlgZone *Add(const ZoneKey &key, zval *php_zone) {
  cron::TimeZone core;
  if (!CoreZoneOf(Z_PHPTIMEZONE_P(php_zone), &core)) {
    zval_ptr_dtor(php_zone);
    return nullptr;
  }
  ZoneCache *cache = Cache();
  cache->zones.push_back(std::make_unique<BjlgZone>(std::move(core), php_zone));
  BjlgZone *zone = cache->zones.back().get();
  zend_hash_str_update_ptr(&cache->index, key.data, key.len, zone);
  return zone;
}

// The argument (or its option) being resolved, for error messages.
struct ArgName {
  uint32_t num;
  const char *option;
};

void ThrowInvalidZone(ArgName arg, const char *name, size_t len) {
  const int shown = static_cast<int>(len > 200 ? 200 : len);
  if (arg.option != nullptr) {
    bjlg_throw_option_errorf(arg.num, arg.option, "option \"%s\" must be a valid time zone, \"%.*s\" given",
                              arg.option, shown, name);
  } else {
    zend_argument_value_error(arg.num, "must be a valid time zone, \"%.*s\" given", shown, name);
  }
}

BjlgZone *ResolveObject(zend_object *obj, ArgName arg_num) {
  php_timezone_obj *tz = php_timezone_obj_from_obj(obj);
  if (!tz->initialized) {
    zend_throw_error(nullptr, "The DateTimeZone object has not been correctly initialized by its constructor");
    return nullptr;
  }
  ZoneKey key;
  KeyOfPhpZone(&key, tz);
  if (BjlgZone *zone = Find(key)) return zone;
  zval php_zone;
  ZVAL_OBJ_COPY(&php_zone, obj);
  BjlgZone *zone = Add(key, &php_zone);
  if (zone == nullptr) ThrowInvalidZone(arg_num, key.data[0] ? key.data : "offset", key.data[0] ? key.len : 6);
  return zone;
}

BjlgZone *ResolveString(zend_string *name, ArgName arg_num) {
  ZoneCache *cache = Cache();
  if (auto *zone = static_cast<BjlgZone *>(zend_hash_find_ptr(&cache->index, name))) return zone;
  if (ZSTR_LEN(name) != strlen(ZSTR_VAL(name))) {
    if (arg_num.option != nullptr) {
      bjlg_throw_option_errorf(arg_num.num, arg_num.option, "option \"%s\" must not contain any null bytes", arg_num.option);
    } else {
      zend_argument_value_error(arg_num.num, "must not contain any null bytes");
    }
    return nullptr;
  }
  if (ZSTR_LEN(name) == 0) {
    ThrowInvalidZone(arg_num, "", 0);
    return nullptr;
  }
  // PHP decides what the name means ("EST" is an abbreviation, "europe/paris" an identifier).
  zval php_zone, arg;
  object_init_ex(&php_zone, date_timezone_ce);
  ZVAL_STR(&arg, name);
  zend_call_known_instance_method_with_1_params(date_timezone_ce->constructor, Z_OBJ(php_zone),
                                                nullptr, &arg);
  if (EG(exception)) {
    zend_clear_exception();
    zval_ptr_dtor(&php_zone);
    ThrowInvalidZone(arg_num, ZSTR_VAL(name), ZSTR_LEN(name));
    return nullptr;
  }
  ZoneKey key;
  KeyOfPhpZone(&key, Z_PHPTIMEZONE_P(&php_zone));
  BjlgZone *zone = Find(key);
  if (zone != nullptr) {
    zval_ptr_dtor(&php_zone);
  } else if ((zone = Add(key, &php_zone)) == nullptr) {
    ThrowInvalidZone(arg_num, ZSTR_VAL(name), ZSTR_LEN(name));
    return nullptr;
  }
  zend_hash_update_ptr(&cache->index, name, zone);
  return zone;
}

BjlgZone *ResolveDateZone(timelib_time *t) {
  ZoneKey key;
  if (!t->is_localtime) {
    KeyOfFixed(&key, TIMELIB_ZONETYPE_OFFSET, 0, 0, nullptr);
  } else if (t->zone_type == TIMELIB_ZONETYPE_ID && t->tz_info != nullptr) {
    KeyOfId(&key, t->tz_info->name);
  } else {
    KeyOfFixed(&key, t->zone_type, t->z, t->dst, t->tz_abbr);
  }
  if (BjlgZone *zone = Find(key)) return zone;
  zval php_zone;
  if (!t->is_localtime) {
    object_init_ex(&php_zone, date_timezone_ce);
    php_timezone_obj *tz = Z_PHPTIMEZONE_P(&php_zone);
    tz->initialized = true;
    tz->type = TIMELIB_ZONETYPE_OFFSET;
    tz->tzi.utc_offset = 0;
  } else {
    PhpZoneOfTime(&php_zone, t);
  }
  BjlgZone *zone = Add(key, &php_zone);
  if (zone == nullptr) {
    zend_value_error("The time zone of the date is not in the system tz database");
  }
  return zone;
}

BjlgZone *ResolveDefault() {
  timelib_tzinfo *tzi = get_timezone_info();
  if (tzi == nullptr) return nullptr;  // ext/date threw
  ZoneKey key;
  KeyOfId(&key, tzi->name);
  if (BjlgZone *zone = Find(key)) return zone;
  zval php_zone;
  object_init_ex(&php_zone, date_timezone_ce);
  php_timezone_obj *tz = Z_PHPTIMEZONE_P(&php_zone);
  tz->initialized = true;
  tz->type = TIMELIB_ZONETYPE_ID;
  tz->tzi.tz = tzi;
  BjlgZone *zone = Add(key, &php_zone);
  if (zone == nullptr) {
    zend_value_error("The default time zone \"%s\" is not in the system tz database", tzi->name);
  }
  return zone;
}

// Sets the wall-clock fields of `t` for `instant`, `wall_offset` seconds east of UTC.
void SetWallClock(timelib_time *t, int64_t instant, int64_t wall_offset) {
  const int64_t local = instant + wall_offset;
  const int64_t days = cron::FloorDiv(local, cron::kSecondsPerDay);
  const int64_t seconds = local - days * cron::kSecondsPerDay;
  const cron::CivilDate date = cron::CivilFromDays(days);
  t->y = date.year;
  t->m = date.month;
  t->d = date.day;
  t->h = seconds / 3600;
  t->i = seconds / 60 % 60;
  t->s = seconds % 60;
  t->us = 0;
  t->sse = instant;
  t->sse_uptodate = 1;
  t->tim_uptodate = 1;
}

// Remembers `made`, a result PHP built at `instant`, as the template of its offset period.
void LearnTemplate(BjlgZone *zone, const timelib_time *made, int64_t instant) {
  zone->has_template = false;
  zone->tmpl = *made;
  zone->tmpl.tz_abbr = nullptr;
  memset(&zone->tmpl.relative, 0, sizeof(zone->tmpl.relative));
  zone->has_abbr = made->tz_abbr != nullptr;
  zone->abbr = zone->has_abbr ? made->tz_abbr : "";
  zone->wall_offset = made->z + (made->zone_type == TIMELIB_ZONETYPE_ABBR ? made->dst * 3600 : 0);
  if (zone->core.is_fixed()) {
    zone->begin = INT64_MIN;
    zone->end = INT64_MAX;
  } else {
    const cron::OffsetPeriod period = zone->core.PeriodAt(instant);
    // PHP and the core read the same tz database; should they ever disagree, every result of
    // the period takes the slow path rather than a wrong offset.
    if (period.offset != zone->wall_offset) return;
    zone->begin = period.begin;
    zone->end = period.end;
  }
  zone->has_template = true;
}

}  // namespace

zend_class_entry *bjlg_date_interface_ce(void) { return date_interface_ce; }
zend_class_entry *bjlg_date_timezone_ce(void) { return date_timezone_ce; }

void bjlg_date_time_minit(void) {
  date_interface_ce = php_date_get_interface_ce();
  date_immutable_ce = php_date_get_immutable_ce();
  date_timezone_ce = php_date_get_timezone_ce();
  set_timezone_fn = static_cast<zend_function *>(
      zend_hash_str_find_ptr(&date_immutable_ce->function_table, ZEND_STRL("settimezone")));
}

void bjlg_date_time_rshutdown(void) {
  delete static_cast<ZoneCache *>(BJLG_G(zone_cache));
  BJLG_G(zone_cache) = nullptr;
}

bool bjlg_date_instant(zend_object *date, BjlgInstant *out) {
  php_date_obj *obj = php_date_obj_from_obj(date);
  if (obj->time == nullptr) {
    zend_throw_error(nullptr, "The DateTimeInterface object has not been correctly initialized by its constructor");
    return false;
  }
  if (!obj->time->sse_uptodate) {
    // getTimestamp() brings sse up to date (timelib_update_ts is not exported).
    zval ignored;
    zend_call_method_with_0_params(date, date->ce, nullptr, "gettimestamp", &ignored);
    zval_ptr_dtor(&ignored);
    if (EG(exception)) return false;
  }
  out->seconds = obj->time->sse;
  out->microseconds = obj->time->us;
  return true;
}

BjlgInstant bjlg_date_now(void) {
  struct timeval tv;
  gettimeofday(&tv, nullptr);
  return {static_cast<int64_t>(tv.tv_sec), static_cast<int64_t>(tv.tv_usec)};
}

BjlgZone *bjlg_zone_resolve(zend_object *zone_obj, zend_string *zone_str, zend_object *date,
                            uint32_t arg_num, const char *option) {
  if (zone_obj != nullptr) return ResolveObject(zone_obj, {arg_num, option});
  if (zone_str != nullptr) return ResolveString(zone_str, {arg_num, option});
  if (date != nullptr) {
    php_date_obj *obj = php_date_obj_from_obj(date);
    if (obj->time == nullptr) {
      zend_throw_error(nullptr, "The DateTimeInterface object has not been correctly initialized by its constructor");
      return nullptr;
    }
    return ResolveDateZone(obj->time);
  }
  return ResolveDefault();
}

const cron::TimeZone &bjlg_zone_core(const BjlgZone *zone) { return zone->core; }

bool bjlg_date_make(zval *out, int64_t instant, BjlgZone *zone) {
  if (zone->has_template && instant >= zone->begin && instant < zone->end) {
    php_date_instantiate(date_immutable_ce, out);
    auto *t = static_cast<timelib_time *>(emalloc(sizeof(timelib_time)));
    *t = zone->tmpl;
    t->tz_abbr = zone->has_abbr ? estrndup(zone->abbr.data(), zone->abbr.size()) : nullptr;
    SetWallClock(t, instant, zone->wall_offset);
    Z_PHPDATE_P(out)->time = t;
    return true;
  }

  zval utc;
  php_date_instantiate(date_immutable_ce, &utc);
  char text[32];
  const int len = snprintf(text, sizeof(text), "@%lld", static_cast<long long>(instant));
  if (!php_date_initialize(Z_PHPDATE_P(&utc), text, static_cast<size_t>(len), nullptr, nullptr, 0)) {
    zval_ptr_dtor(&utc);
    if (!EG(exception)) bjlg_throw(bjlg_ce_Exception, std::string("bjlg: PHP refused the instant ") + text);
    return false;
  }
  ZVAL_UNDEF(out);
  zend_call_known_instance_method_with_1_params(set_timezone_fn, Z_OBJ(utc), out, &zone->php_zone);
  zval_ptr_dtor(&utc);
  if (EG(exception) || Z_TYPE_P(out) != IS_OBJECT) {
    zval_ptr_dtor(out);
    ZVAL_UNDEF(out);
    return false;
  }
  bjlg_guard([&] { LearnTemplate(zone, Z_PHPDATE_P(out)->time, instant); });
  if (EG(exception)) {
    zval_ptr_dtor(out);
    ZVAL_UNDEF(out);
    return false;
  }
  return true;
}
