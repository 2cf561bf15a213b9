/* Converting between nlohmann::json (what the core uses for structured evidence and reports)
 * and PHP values, for every glue file that returns or takes such data. */
#ifndef BJLG_JSON_ZVAL_H
#define BJLG_JSON_ZVAL_H

#include <string>

#include <nlohmann/json.hpp>

#include "php_bjlg.h"

/* Stores in `out` the PHP value of `value`: null, bool, int (a float beyond PHP_INT_MAX),
 * float, string, a list for a JSON array and an array with string keys for a JSON object.
 * False, with `out` null, when `value` nests deeper than twice bjlg::kMaxNestingDepth: every JSON
 * the core parses was refused deeper than that limit already, so this bounds the recursion, it
 * does not truncate real data. REQUIRES: out is not initialised. */
[[nodiscard]] bool bjlg_json_to_zval(const nlohmann::json &value, zval *out);

/* Stores in `out` the JSON value of `value`: arrays that are lists become JSON arrays, other
 * arrays JSON objects (integer keys as strings). False, with `error` set to the end of a
 * sentence about the value ("must not be of type stdClass", "is nested deeper than 8
 * levels"), for an object, a resource or arrays nested deeper than `max_depth`. May throw
 * std::bad_alloc: call it under bjlg_guard. */
bool bjlg_zval_to_json(const zval *value, nlohmann::json *out, std::string *error, int max_depth = 512);

/* The same two conversions keeping the order of keys, as PHP arrays do: for bytes that must
 * match PHP's own json_encode() (Bjlg\Notify's signed webhooks, state round trips). */
[[nodiscard]] bool bjlg_json_to_zval(const nlohmann::ordered_json &value, zval *out);
bool bjlg_zval_to_json(const zval *value, nlohmann::ordered_json *out, std::string *error, int max_depth = 512);

/* True when `value` nests no deeper than `max_depth` arrays and objects (an ordinary object's
 * properties count as a level); false for deeper data and for an array that contains itself.
 * Calls no PHP code, and recurses at most max_depth levels: the check to make before handing
 * user data to PHP's own encoder, which checks its depth only after recursing. A
 * JsonSerializable object's jsonSerialize() result is not seen. */
bool bjlg_zval_depth_within(zval *value, int max_depth);

#endif /* BJLG_JSON_ZVAL_H */
