/* Bjlg\Notify\Dispatcher: PHP messages in, notify/dispatcher.h, one result array per message.
 *
 * Messages are converted keeping their key order (webhook "data" is signed as PHP would encode
 * it) and checked by the core before anything is sent: a refused message is an
 * InvalidInputException naming it, and no message of the batch leaves. */
#include "common/parse_limits.h"
#include "notify/config_file.h"
#include "notify/dispatcher.h"

#include "glue.h"
#include "json_zval.h"
#include "notify_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

#define zend_hash_str_find_ptr(ht, str, len) static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "notify_dispatcher_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

namespace notify = bjlg::notify;

/* A message nests: message > context/data > ... ; beyond this it is not a notification. */
constexpr int kMaxMessageDepth = 16;

bool ParseOptions(HashTable *ht, notify::DispatchOptions *o, BjlgProgressOption *progress) {
  BjlgOptions options(ht, 2);
  if (!options.only({"timeout_ms", "retries", "retry_base_ms", "verify_tls", "ca_bundle", "allow_private_network",
                     "literal_newline", "max_parallel", "now", "progress"})) {
    return false;
  }
  if (!options.get_int("timeout_ms", &o->timeout_ms) || !options.get_int("retries", &o->retries) ||
      !options.get_int("retry_base_ms", &o->retry_base_ms) || !options.get_bool("verify_tls", &o->verify_tls) ||
      !options.get_path("ca_bundle", &o->ca_bundle) ||
      !options.get_bool("allow_private_network", &o->allow_private_network) ||
      !options.get_bool("literal_newline", &o->literal_newline) || !options.get_int("max_parallel", &o->max_parallel) ||
      !options.get_int("now", &o->now) || !options.get_progress("progress", progress)) {
    return false;
  }
  bjlg::Status valid = o->Validate();
  if (!valid.ok()) {
    options.refuse(bjlg_notify_kinds, valid);
    return false;
  }
  return true;
}

void ToPhp(const std::vector<notify::DeliveryResult> &results, zval *return_value) {
  array_init_size(return_value, static_cast<uint32_t>(results.size()));
  for (const notify::DeliveryResult &r : results) {
    zval entry;
    array_init(&entry);
    add_assoc_string(&entry, "status", r.sent ? "sent" : "failed");
    add_assoc_long(&entry, "attempts", r.attempts);
    add_assoc_long(&entry, "http_code", static_cast<zend_long>(r.http_code));
    if (r.sent) {
      add_assoc_null(&entry, "error_code");
      add_assoc_null(&entry, "error");
    } else {
      add_assoc_stringl(&entry, "error_code", r.error_code.data(), r.error_code.size());
      add_assoc_stringl(&entry, "error", r.error.data(), r.error.size());
    }
    add_assoc_long(&entry, "latency_ms", static_cast<zend_long>(r.latency_ms));
    add_assoc_stringl(&entry, "channel", r.channel.data(), r.channel.size());
    add_assoc_stringl(&entry, "type", r.type.data(), r.type.size());
    add_next_index_zval(return_value, &entry);
  }
}

}  // namespace

ZEND_METHOD(Bjlg_Notify_Dispatcher, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Notify_Dispatcher, send) {
  BjlgScrubOnExit scrub;  // channels carry tokens and passwords
  HashTable *messages;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(messages)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  if (!zend_array_is_list(messages)) {
    zend_argument_value_error(1, "must be a list of message arrays");
    RETURN_THROWS();
  }
  bool bailout = false;
  bjlg_guard([&] {
    notify::DispatchOptions options;
    BjlgProgressOption progress;
    if (options_ht != nullptr && !ParseOptions(options_ht, &options, &progress)) return;
    std::vector<bjlg::Result<notify::Message>> parsed;
    uint32_t index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(messages, item) {
      std::string where = "message #" + std::to_string(index);
      ZVAL_DEREF(item);
      if (Z_TYPE_P(item) != IS_ARRAY) {
        zend_argument_type_error(1, "%s must be of type array, %s given", where.c_str(), zend_zval_type_name(item));
        return;
      }
      notify::OrderedJson converted;
      std::string error;
      if (!bjlg_zval_to_json(item, &converted, &error, kMaxMessageDepth)) {
        zend_argument_type_error(1, "%s %s", where.c_str(), error.c_str());
        return;
      }
      bjlg::Result<notify::Message> m = notify::ParseMessage(converted, where);
      if (!m.ok()) {
        bjlg_throw_status(bjlg_notify_kinds, m.status());
        return;
      }
      parsed.push_back(std::move(m));
      index++;
    } ZEND_HASH_FOREACH_END();

    auto results = notify::Send(parsed, options, progress.fn());
    bailout = progress.bailed_out();
    if (bailout) return;
    if (!results.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, results.status());
      return;
    }
    ToPhp(results.value(), return_value);
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Notify_Dispatcher, loadConfig) {
  BjlgScrubOnExit scrub;  // the file holds tokens and passwords
  bjlg_load_path_method(execute_data, [&](const std::string &path) {
    bjlg::Result<notify::OrderedJson> config = notify::LoadNotifyConfigFile(path);
    if (!config.ok()) {
      bjlg_throw_status(bjlg_notify_kinds, config.status());
      return;
    }
    if (!bjlg_json_to_zval(config.value(), return_value)) {
      bjlg_throw_status(bjlg_notify_kinds, bjlg::Status::InvalidArgument("the config file is nested too deep"));
    }
  });
}

void bjlg_register_notify_dispatcher(void) { register_class_Bjlg_Notify_Dispatcher(); }
