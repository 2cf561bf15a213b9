/* Bjlg\Crypto\Key: a 32-byte key as an immutable PHP object. The key lives in C++ memory
 * (wiped on release, see src/crypto/key.h), never in a PHP property: var_dump() shows only the
 * fingerprint, serialize() and clone are refused. */
#include "crypto_key.h"

#include <new>

#include "crypto_exception.h"
#include "glue.h"
#include "crypto/primitives.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* gen_stub.php writes C: its SensitiveParameter code converts zend_hash_str_find_ptr()'s void*
 * implicitly, which C++ refuses. The macro adds the cast (a function-like macro does not expand
 * itself, so the call inside reaches the real inline function). */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "crypto_key_arginfo.h"
#undef zend_hash_str_find_ptr

zend_class_entry *bjlg_ce_Crypto_Key;

namespace {

zend_object_handlers key_handlers;

struct KeyObject {
  bjlg::crypto::Key *key;  // owned; null only if the object was never initialised
  zend_object std;  // last, as the Zend custom-object layout requires
};

KeyObject *key_object(zend_object *obj) {
  return reinterpret_cast<KeyObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(KeyObject, std));
}

zend_object *key_create(zend_class_entry *ce) {
  auto *intern = static_cast<KeyObject *>(zend_object_alloc(sizeof(KeyObject), ce));
  intern->key = nullptr;
  zend_object_std_init(&intern->std, ce);
  object_properties_init(&intern->std, ce);
  intern->std.handlers = &key_handlers;
  return &intern->std;
}

void key_free(zend_object *obj) {
  delete key_object(obj)->key;  // ~Key wipes the bytes
  key_object(obj)->key = nullptr;
  zend_object_std_dtor(obj);
}

HashTable *key_debug_info(zend_object *obj, int *is_temp) {
  *is_temp = 1;
  HashTable *ht = zend_new_array(1);
  KeyObject *intern = key_object(obj);
  if (intern->key) {
    zval fp;
    std::string fingerprint = intern->key->Fingerprint();
    ZVAL_STRINGL(&fp, fingerprint.data(), fingerprint.size());
    zend_hash_str_update(ht, "fingerprint", sizeof("fingerprint") - 1, &fp);
  }
  return ht;
}

void return_key(zval *return_value, const bjlg::crypto::Key &key) {
  object_init_ex(return_value, bjlg_ce_Crypto_Key);
  key_object(Z_OBJ_P(return_value))->key = new bjlg::crypto::Key(key);
}

}  // namespace

const bjlg::crypto::Key *bjlg_crypto_key_of(zend_object *obj) {
  KeyObject *intern = key_object(obj);
  if (intern->key == nullptr) {
    zend_throw_error(nullptr, "Bjlg\\Crypto\\Key object is not initialized");
  }
  return intern->key;
}

ZEND_METHOD(Bjlg_Crypto_Key, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Crypto_Key, fromString) {
  BjlgCryptoScrubOnExit scrub;
  zend_string *encoded;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(encoded)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    auto key = bjlg::crypto::Key::FromString(std::string_view(ZSTR_VAL(encoded), ZSTR_LEN(encoded)));
    if (!key.ok()) {
      zend_argument_value_error(1, "must be a base64-encoded 32-byte key (%s)",
                                key.status().message().c_str());
      return;
    }
    return_key(return_value, *key);
  });
}

ZEND_METHOD(Bjlg_Crypto_Key, generate) {
  BjlgCryptoScrubOnExit scrub;
  ZEND_PARSE_PARAMETERS_NONE();
  bjlg_guard([&] {
    auto key = bjlg::crypto::Key::Generate();
    if (!key.ok()) {
      bjlg_crypto_throw_status(key.status());
      return;
    }
    return_key(return_value, *key);
  });
}

ZEND_METHOD(Bjlg_Crypto_Key, toString) {
  BjlgCryptoScrubOnExit scrub;
  ZEND_PARSE_PARAMETERS_NONE();
  const bjlg::crypto::Key *key = bjlg_crypto_key_of(Z_OBJ_P(ZEND_THIS));
  if (key == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    std::string s = key->ToString();
    RETVAL_STRINGL(s.data(), s.size());
    bjlg::crypto::Wipe(s.data(), s.size());
  });
}

ZEND_METHOD(Bjlg_Crypto_Key, fingerprint) {
  BjlgCryptoScrubOnExit scrub;
  ZEND_PARSE_PARAMETERS_NONE();
  const bjlg::crypto::Key *key = bjlg_crypto_key_of(Z_OBJ_P(ZEND_THIS));
  if (key == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    std::string fingerprint = key->Fingerprint();
    RETVAL_STRINGL(fingerprint.data(), fingerprint.size());
  });
}

void bjlg_register_crypto_key(void) {
  bjlg_ce_Crypto_Key = register_class_Bjlg_Crypto_Key();
  bjlg_ce_Crypto_Key->create_object = key_create;
  memcpy(&key_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  key_handlers.offset = XtOffsetOf(KeyObject, std);
  key_handlers.free_obj = key_free;
  key_handlers.clone_obj = nullptr;
  key_handlers.get_debug_info = key_debug_info;
}
