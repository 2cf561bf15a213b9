/* Bjlg\Config\Policy over src/config/policy.h: the site policy document as an immutable object
 * holding the parsed policy in C++ memory. It holds no secret (only references to them), so
 * var_dump() shows toArray()'s form; serialize() is refused like every bjlg object. */
#include "config/policy.h"  /* before the PHP headers: they redefine snprintf */
#include "config_exception.h"
#include "json_zval.h"

#include "config_policy_arginfo.h"

namespace {

namespace config = bjlg::config;

zend_class_entry *ce_Policy;
zend_object_handlers policy_handlers;

struct PolicyObject {
  config::Policy *policy;  // owned; null only if the object was never initialised
  zend_object std;         // last, as the Zend custom-object layout requires
};

PolicyObject *policy_object(zend_object *obj) {
  return reinterpret_cast<PolicyObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(PolicyObject, std));
}

zend_object *policy_create(zend_class_entry *ce) {
  auto *intern = static_cast<PolicyObject *>(zend_object_alloc(sizeof(PolicyObject), ce));
  intern->policy = nullptr;
  zend_object_std_init(&intern->std, ce);
  object_properties_init(&intern->std, ce);
  intern->std.handlers = &policy_handlers;
  return &intern->std;
}

void policy_free(zend_object *obj) {
  delete policy_object(obj)->policy;
  policy_object(obj)->policy = nullptr;
  zend_object_std_dtor(obj);
}

zend_object *policy_clone(zend_object *old) {
  zend_object *copy = policy_create(old->ce);
  const config::Policy *p = policy_object(old)->policy;
  if (p != nullptr) policy_object(copy)->policy = new config::Policy(*p);
  zend_objects_clone_members(copy, old);
  return copy;
}

HashTable *policy_debug_info(zend_object *obj, int *is_temp) {
  *is_temp = 1;
  const config::Policy *p = policy_object(obj)->policy;
  zval array;
  if (p == nullptr || !bjlg_json_to_zval(config::PolicyToJson(*p), &array)) return zend_new_array(0);
  return Z_ARRVAL(array);
}

void return_policy(zval *return_value, config::Policy policy) {
  object_init_ex(return_value, ce_Policy);
  policy_object(Z_OBJ_P(return_value))->policy = new config::Policy(std::move(policy));
}

const config::Policy *this_policy(zval *this_ptr) {
  const config::Policy *p = policy_object(Z_OBJ_P(this_ptr))->policy;
  if (p == nullptr) zend_throw_error(nullptr, "Bjlg\\Config\\Policy object is not initialized");
  return p;
}

}  // namespace

ZEND_METHOD(Bjlg_Config_Policy, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Config_Policy, parse) {
  zend_string *yaml;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(yaml)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    bjlg::Result<config::Policy> p = config::ParsePolicyYaml(std::string(ZSTR_VAL(yaml), ZSTR_LEN(yaml)), "policy");
    if (!p.ok()) {
      bjlg_throw_status(bjlg_config_kinds, p.status());
      return;
    }
    return_policy(return_value, std::move(*p));
  });
}

ZEND_METHOD(Bjlg_Config_Policy, fromFile) {
  char *path;
  size_t path_len;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH(path, path_len)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    if (path_len == 0) {
      zend_argument_value_error(1, "must not be empty");
      return;
    }
    bjlg::Result<config::Policy> p = config::LoadPolicyFile(std::string(path, path_len));
    if (!p.ok()) {
      bjlg_throw_status(bjlg_config_kinds, p.status());
      return;
    }
    return_policy(return_value, std::move(*p));
  });
}

ZEND_METHOD(Bjlg_Config_Policy, fromArray) {
  HashTable *policy_ht;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(policy_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    zval wrapper;
    ZVAL_ARR(&wrapper, policy_ht);
    nlohmann::ordered_json value;
    std::string error;
    if (!bjlg_zval_to_json(&wrapper, &value, &error, 16)) {
      zend_argument_type_error(1, "%s", error.c_str());
      return;
    }
    bjlg::Result<config::Policy> p = config::PolicyFromJson(value);
    if (!p.ok()) {
      zend_argument_value_error(1, "%s", p.status().message().c_str());
      return;
    }
    return_policy(return_value, std::move(*p));
  });
}

ZEND_METHOD(Bjlg_Config_Policy, toArray) {
  ZEND_PARSE_PARAMETERS_NONE();
  const config::Policy *p = this_policy(ZEND_THIS);
  if (p == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    if (!bjlg_json_to_zval(config::PolicyToJson(*p), return_value)) {
      bjlg_throw_status(bjlg_config_kinds, bjlg::Status::Corruption("the policy is nested too deep"));
    }
  });
}

ZEND_METHOD(Bjlg_Config_Policy, toYaml) {
  ZEND_PARSE_PARAMETERS_NONE();
  const config::Policy *p = this_policy(ZEND_THIS);
  if (p == nullptr) RETURN_THROWS();
  bjlg_guard([&] {
    const std::string yaml = config::EmitPolicyYaml(*p);
    RETVAL_STRINGL(yaml.data(), yaml.size());
  });
}

void bjlg_register_config_policy(void) {
  ce_Policy = register_class_Bjlg_Config_Policy();
  ce_Policy->create_object = policy_create;
  memcpy(&policy_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  policy_handlers.offset = XtOffsetOf(PolicyObject, std);
  policy_handlers.free_obj = policy_free;
  policy_handlers.clone_obj = policy_clone;
  policy_handlers.get_debug_info = policy_debug_info;
}
