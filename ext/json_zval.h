/* Converting between nlohmann::json (what the core uses for structured evidence and reports)
 * and PHP values, for every glue file that returns or takes such data. */
#ifndef BJLG_JSON_ZVAL_H
#define BJLG_JSON_ZVAL_H

#include <string>

#include <nlohmann/json.hpp>

#include "php_bjlg.h"

/* Stores in `out` the PHP value of `value`: null, bool, int (a float beyond PHP_INT_MAX),
 * float, string, a list for a JSON array and an array with string keys for a JSON object.
 * REQUIRES: out is not initialised. */
void bjlg_json_to_zval(const nlohmann::json &value, zval *out);

/* Stores in `out` the JSON value of `value`: arrays that are lists become JSON arrays, other
 * arrays JSON objects (integer keys as strings). False, with `error` set to the end of a
 * sentence about the value ("must not be of type stdClass", "is nested deeper than 8
 * levels"), for an object, a resource or arrays nested deeper than `max_depth`. May throw
 * std::bad_alloc: call it under bjlg_guard. */
bool bjlg_zval_to_json(const zval *value, nlohmann::json *out, std::string *error, int max_depth = 512);

#endif /* BJLG_JSON_ZVAL_H */
