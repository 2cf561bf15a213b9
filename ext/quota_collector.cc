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

/* Reads $options with the glue's one reader; the ranges are the core's (CheckCollectOptions). */
bool ParseOptions(HashTable *ht, quota::CollectOptions *options, quota::ParseOptions *parse) {
  const BjlgOptions opts(ht, 2);
  zend_long max_response_bytes = static_cast<zend_long>(options->max_response_bytes);
  if (!opts.only({"timeout_ms", "retries", "retry_base_ms", "max_response_bytes", "verify_tls",
                  "allow_private_network", "test_endpoints", "ca_bundle"}) ||
      !opts.get_int("timeout_ms", &options->timeout_ms) || !opts.get_int("retries", &options->max_retries) ||
      !opts.get_int("retry_base_ms", &options->retry_base_ms) ||
      !opts.get_long("max_response_bytes", &max_response_bytes) || !opts.get_bool("verify_tls", &options->verify_tls) ||
      !opts.get_bool("allow_private_network", &options->allow_private_network) ||
      !opts.get_bool("test_endpoints", &parse->allow_test_endpoints) || !opts.get_path("ca_bundle", &options->ca_bundle)) {
    return false;
  }
  options->max_response_bytes = max_response_bytes < 0 ? 0 : static_cast<uint64_t>(max_response_bytes);
  const bjlg::Status checked = quota::CheckCollectOptions(*options);
  if (!checked.ok()) opts.refuse(bjlg_quota_kinds, checked);
  return checked.ok();
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
