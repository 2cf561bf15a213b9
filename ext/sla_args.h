/* Arguments shared by Bjlg\Sla\PurgeSla, Objectives and Report: a list or record argument as
 * the JSON the core reads, and the `now` option (int or DateTimeInterface). */
#ifndef BJLG_SLA_ARGS_H
#define BJLG_SLA_ARGS_H

#include <cstdint>

#include <nlohmann/json.hpp>

#include "glue.h"

/* The JSON of array argument `arg`; a TypeError naming the argument (and the entry) for objects,
 * resources or nesting deeper than 32 levels. May throw std::bad_alloc: call under bjlg_guard. */
bool bjlg_sla_array_arg(HashTable *array, uint32_t arg, nlohmann::json *out);

/* Option `now`: an int (Unix seconds) or a DateTimeInterface; *out is left as it is when absent. */
bool bjlg_sla_now_option(const BjlgOptions &options, int64_t *out);

#endif /* BJLG_SLA_ARGS_H */
