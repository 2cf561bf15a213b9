/* Bjlg\Notify\Webhook: verifying (receivers) and producing (tests, proxies) the signature
 * headers of bjlg's outgoing webhooks; notify/webhook_verify.h says which scheme is accepted. */
#include "common/time.h"
#include "notify/payload.h"
#include "notify/webhook_verify.h"

#include "glue.h"
#include "notify_exception.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

#define zend_hash_str_find_ptr(ht, str, len) static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "notify_webhook_arginfo.h"
#undef zend_hash_str_find_ptr

ZEND_METHOD(Bjlg_Notify_Webhook, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Notify_Webhook, verify) {
  BjlgScrubOnExit scrub;
  zend_string *body, *secret;
  HashTable *headers;
  zend_long tolerance = 300;
  ZEND_PARSE_PARAMETERS_START(3, 4)
    Z_PARAM_STR(body)
    Z_PARAM_ARRAY_HT(headers)
    Z_PARAM_STR(secret)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(tolerance)
  ZEND_PARSE_PARAMETERS_END();
  if (ZSTR_LEN(secret) == 0) {
    zend_argument_value_error(3, "must not be empty");
    RETURN_THROWS();
  }
  if (tolerance < 0 || tolerance > 86400) {
    zend_argument_value_error(4, "must be between 0 and 86400");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    bjlg::notify::HeaderList list;
    zend_string *key;
    zend_ulong index;
    zval *value;
    ZEND_HASH_FOREACH_KEY_VAL(headers, index, key, value) {
      (void)index;
      if (key == nullptr) continue;  // a list entry is not a header
      ZVAL_DEREF(value);
      std::string name(ZSTR_VAL(key), ZSTR_LEN(key));
      if (Z_TYPE_P(value) == IS_STRING) {
        list.emplace_back(name, std::string(Z_STRVAL_P(value), Z_STRLEN_P(value)));
      } else if (Z_TYPE_P(value) == IS_ARRAY) {  // PSR-7 getHeaders(): name => [values]
        zval *v;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), v) {
          ZVAL_DEREF(v);
          if (Z_TYPE_P(v) == IS_STRING) list.emplace_back(name, std::string(Z_STRVAL_P(v), Z_STRLEN_P(v)));
        } ZEND_HASH_FOREACH_END();
      }
    } ZEND_HASH_FOREACH_END();
    RETVAL_BOOL(bjlg::notify::VerifyWebhook(std::string_view(ZSTR_VAL(body), ZSTR_LEN(body)), list,
                                            std::string_view(ZSTR_VAL(secret), ZSTR_LEN(secret)), tolerance,
                                            bjlg::NowUnixSeconds()));
  });
}

ZEND_METHOD(Bjlg_Notify_Webhook, sign) {
  BjlgScrubOnExit scrub;
  zend_string *body, *secret;
  zend_long timestamp = 0;
  bool timestamp_null = true;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_STR(body)
    Z_PARAM_STR(secret)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG_OR_NULL(timestamp, timestamp_null)
  ZEND_PARSE_PARAMETERS_END();
  if (ZSTR_LEN(secret) == 0) {
    zend_argument_value_error(2, "must not be empty");
    RETURN_THROWS();
  }
  if (!timestamp_null && timestamp < 0) {
    zend_argument_value_error(3, "must not be negative");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    int64_t t = timestamp_null ? bjlg::NowUnixSeconds() : timestamp;
    std::string b(ZSTR_VAL(body), ZSTR_LEN(body)), s(ZSTR_VAL(secret), ZSTR_LEN(secret));
    std::string legacy = bjlg::notify::LegacySignature(b, s), stamped = bjlg::notify::TimestampedSignature(b, s, t);
    std::string ts = std::to_string(t);
    array_init(return_value);
    add_assoc_stringl(return_value, "X-BJLG-Signature", legacy.data(), legacy.size());
    add_assoc_stringl(return_value, "X-BJLG-Timestamp", ts.data(), ts.size());
    add_assoc_stringl(return_value, "X-BJLG-Signature-256", stamped.data(), stamped.size());
  });
}

void bjlg_register_notify_webhook(void) { register_class_Bjlg_Notify_Webhook(); }
