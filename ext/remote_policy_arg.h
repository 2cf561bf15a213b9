/* The policy argument of Bjlg\Remote\Retention::evaluate() and Bjlg\Remote\Purge::plan(): the
 * array checked by the core (purge::PolicyFromJson), and the zone of its buckets (the policy's
 * `timezone`, else the site's: PHP's default zone). */
#ifndef BJLG_REMOTE_POLICY_ARG_H
#define BJLG_REMOTE_POLICY_ARG_H

#include "cron/time_zone.h"  /* core headers before PHP's, whose snprintf macro they trip on */
#include "remote/purge/policy.h"
#include "glue.h"

/* Reads argument `arg` into *policy and *zone. Throws (a ValueError of `arg` naming the key) and
 * returns false when refused. May throw std::bad_alloc: call under bjlg_guard. */
bool bjlg_remote_policy_arg(HashTable *policy_ht, uint32_t arg, bjlg::remote::purge::Policy *policy,
                            bjlg::cron::TimeZone *zone);

#endif /* BJLG_REMOTE_POLICY_ARG_H */
