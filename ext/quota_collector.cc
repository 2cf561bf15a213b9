/* Bjlg\Quota\Collector: PHP arrays in, quota/collector.h, PHP arrays out.
 *
 * Destinations are converted to JSON values and parsed by the core, which names the offending
 * key; a value of the wrong PHP type is a TypeError, any other refusal an
 * InvalidDestinationException. Options are checked here: they are the programmer's, so wrong
 * types and values are TypeError / ValueError. */
#include <climits>
#include <nlohmann/json.hpp>
#include <string>

#include "glue.h"
#include "json_zval.h"
#include "quota/collector.h"
#include "quota_destinations.h"
#include "quota_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* gen_stub.php writes C: the #[\SensitiveParameter] registration passes the void* of
 * zend_hash_str_find_ptr() as a zend_function*, which C++ only accepts with a cast. */
#define zend_hash_str_find_ptr(ht, str, len) static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "quota_collector_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

using json = nlohmann::json;
namespace quota = bjlg::quota;

zend_class_entry *ce_Collector;

/* Reads $options into *options; throws and returns false on a wrong key, type or value. */
bool ParseOptions(HashTable *ht, quota::CollectOptions *options, quota::ParseOptions *parse) {
  zend_string *key;
  zval *value;
  ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, value) {
    ZVAL_DEREF(value);
    if (key == nullptr) {
      zend_argument_value_error(2, "must have string keys");
      return false;
    }
    std::string name(ZSTR_VAL(key), ZSTR_LEN(key));
    auto integer = [&](zend_long min, zend_long max, zend_long *out) {
      if (Z_TYPE_P(value) != IS_LONG) {
        zend_argument_type_error(2, "key \"%s\" must be of type int, %s given", name.c_str(), zend_zval_type_name(value));
        return false;
      }
      if (Z_LVAL_P(value) < min || Z_LVAL_P(value) > max) {
        zend_argument_value_error(2, "key \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT,
                                  name.c_str(), min, max);
        return false;
      }
      *out = Z_LVAL_P(value);
      return true;
    };
    auto boolean = [&](bool *out) {
      if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
        zend_argument_type_error(2, "key \"%s\" must be of type bool, %s given", name.c_str(), zend_zval_type_name(value));
        return false;
      }
      *out = Z_TYPE_P(value) == IS_TRUE;
      return true;
    };
    zend_long n = 0;
    if (name == "timeout_ms") {
      if (!integer(1, 3600000, &n)) return false;
      options->timeout_ms = n;
    } else if (name == "retries") {
      if (!integer(0, 10, &n)) return false;
      options->max_retries = static_cast<int>(n);
    } else if (name == "retry_base_ms") {
      if (!integer(0, 60000, &n)) return false;
      options->retry_base_ms = n;
    } else if (name == "max_response_bytes") {
      if (!integer(1024, ZEND_LONG_MAX, &n)) return false;
      options->max_response_bytes = static_cast<uint64_t>(n);
    } else if (name == "verify_tls") {
      if (!boolean(&options->verify_tls)) return false;
    } else if (name == "allow_private_network") {
      if (!boolean(&options->allow_private_network)) return false;
    } else if (name == "test_endpoints") {
      if (!boolean(&parse->allow_test_endpoints)) return false;
    } else if (name == "ca_bundle") {
      if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(2, "key \"ca_bundle\" must be of type string, %s given", zend_zval_type_name(value));
        return false;
      }
      if (Z_STRLEN_P(value) == 0 || memchr(Z_STRVAL_P(value), '\0', Z_STRLEN_P(value)) != nullptr) {
        zend_argument_value_error(2, "key \"ca_bundle\" must be a non-empty path without NUL bytes");
        return false;
      }
      options->ca_bundle.assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    } else {
      zend_argument_value_error(2, "has an unknown key \"%s\"", name.c_str());
      return false;
    }
  } ZEND_HASH_FOREACH_END();
  return true;
}

void AddBytes(zval *array, const char *key, const std::optional<uint64_t> &value) {
  if (value) {
    add_assoc_long(array, key, *value > static_cast<uint64_t>(ZEND_LONG_MAX) ? ZEND_LONG_MAX : static_cast<zend_long>(*value));
  } else {
    add_assoc_null(array, key);
  }
}

void AddText(zval *array, const char *key, const char *text) {
  if (text[0] == '\0') {
    add_assoc_null(array, key);
  } else {
    add_assoc_string(array, key, text);
  }
}

/* The result array, keyed by destination name, in input order. */
void ToPhp(const std::vector<quota::QuotaUsage> &results, zval *return_value) {
  array_init_size(return_value, static_cast<uint32_t>(results.size()));
  for (const quota::QuotaUsage &u : results) {
    zval entry, errors, codes;
    array_init(&entry);
    add_assoc_stringl(&entry, "name", u.name.data(), u.name.size());
    add_assoc_string(&entry, "type", u.type.c_str());
    AddBytes(&entry, "used_bytes", u.used_bytes);
    AddBytes(&entry, "quota_bytes", u.quota_bytes);
    AddBytes(&entry, "free_bytes", u.free_bytes);
    add_assoc_long(&entry, "latency_ms", static_cast<zend_long>(u.latency_ms));
    array_init(&errors);
    array_init(&codes);
    for (const quota::QuotaError &e : u.errors) {
      std::string text = e.ToString();
      add_next_index_stringl(&errors, text.data(), text.size());
      add_next_index_string(&codes, quota::ErrorCodeName(e.code));
    }
    add_assoc_zval(&entry, "errors", &errors);
    add_assoc_zval(&entry, "error_codes", &codes);
    AddBytes(&entry, "object_count", u.object_count);
    AddText(&entry, "source", quota::UsedSourceName(u.source));
    AddText(&entry, "quota_source", quota::QuotaSourceName(u.quota_source));
    add_assoc_long(&entry, "collected_at", static_cast<zend_long>(u.collected_at));
    zend_symtable_str_update(Z_ARRVAL_P(return_value), u.name.data(), u.name.size(), &entry);
  }
}

}  // namespace

ZEND_METHOD(Bjlg_Quota_Collector, collect) {
  BjlgScrubOnExit scrub;  // destinations carry credentials
  HashTable *destinations;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(destinations)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  bjlg_guard([&] {
    quota::CollectOptions options;
    quota::ParseOptions parse;
    if (options_ht != nullptr && !ParseOptions(options_ht, &options, &parse)) return;
    std::vector<quota::Destination> parsed;
    if (!bjlg_destinations_from_php(destinations, 1, nullptr, parse, &parsed)) return;
    ToPhp(quota::Collect(parsed, options), return_value);
  });
}

ZEND_METHOD(Bjlg_Quota_Collector, collectFromFile) {
  BjlgScrubOnExit scrub;  // destinations carry credentials
  zend_string *path;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(path)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  if (ZSTR_LEN(path) == 0) {
    zend_argument_value_error(1, "must not be empty");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    quota::CollectOptions options;
    quota::ParseOptions parse;
    if (options_ht != nullptr && !ParseOptions(options_ht, &options, &parse)) return;
    bjlg::Result<std::vector<quota::Destination>> parsed =
        quota::LoadDestinationsFile(std::string(ZSTR_VAL(path), ZSTR_LEN(path)), parse);
    if (!parsed.ok()) {
      bjlg_throw_status(bjlg_quota_kinds, parsed.status());
      return;
    }
    ToPhp(quota::Collect(*parsed, options), return_value);
  });
}

void bjlg_register_quota_collector(void) {
  ce_Collector = register_class_Bjlg_Quota_Collector();
}
