/* Converting between PHP's date objects (DateTimeInterface, DateTimeZone) and the core's instants
 * and time zones (src/cron/time_zone.h), for every glue file that takes or returns dates.
 *
 * Zones are cached for the request: resolving "Europe/Paris" or a DateTimeZone object once gives
 * a BjlgZone holding the core TimeZone, the DateTimeZone PHP uses for results, and what a result
 * in that zone looks like during the current offset period, so that building a
 * DateTimeImmutable does not parse a string or call a PHP method except once per period. */
#ifndef BJLG_DATE_TIME_H
#define BJLG_DATE_TIME_H

#include <cstdint>

#include "php_bjlg.h"
#include "cron/time_zone.h"

struct BjlgZone;

/* An instant with microseconds, read from a DateTimeInterface. */
struct BjlgInstant {
  int64_t seconds;
  int64_t microseconds; /* 0-999999 */
};

/* Class entries of ext/date, looked up at MINIT. */
zend_class_entry *bjlg_date_interface_ce(void);
zend_class_entry *bjlg_date_timezone_ce(void);

/* The instant of a DateTimeInterface. False, with an Error thrown, for an object whose
 * constructor never ran. */
bool bjlg_date_instant(zend_object *date, BjlgInstant *out);

/* Now, from the system clock. */
BjlgInstant bjlg_date_now(void);

/* The zone to compute in: `zone_obj` (a DateTimeZone) or `zone_str` (a name PHP's DateTimeZone
 * accepts: "Europe/Paris", "+02:00", "EST") when given; else the zone of `date` when given; else
 * PHP's default zone (date.timezone). Null, with a ValueError naming argument `arg_num` thrown,
 * for an unknown zone (naming `option` of that argument when not null). The zone lives until the end of the request. */
BjlgZone *bjlg_zone_resolve(zend_object *zone_obj, zend_string *zone_str, zend_object *date,
                            uint32_t arg_num, const char *option = nullptr);

/* The core time zone of a resolved zone. */
const bjlg::cron::TimeZone &bjlg_zone_core(const BjlgZone *zone);

/* Stores in `out` a new DateTimeImmutable at `instant` in `zone`, exactly what
 * (new DateTimeImmutable("@<instant>"))->setTimezone(<zone>) gives. False with an exception
 * thrown when PHP refused. */
bool bjlg_date_make(zval *out, int64_t instant, BjlgZone *zone);

/* Module hooks: class entries at MINIT, the zone cache released at RSHUTDOWN. */
void bjlg_date_time_minit(void);
void bjlg_date_time_rshutdown(void);

#endif /* BJLG_DATE_TIME_H */
