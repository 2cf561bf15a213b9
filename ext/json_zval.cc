/* nlohmann::json <-> zval: see json_zval.h. */
#include "common/parse_limits.h"  /* before the PHP headers, as every core header */
#include "json_zval.h"

#include <cstdint>

namespace {

/* A report wraps what it quotes of a document (a manifest) in a few levels of its own. */
constexpr int kMaxZvalDepth = 2 * bjlg::kMaxNestingDepth;

template <typename Json>
bool ToJson(const zval *value, Json *out, std::string *error, int depth, int max_depth) {
  value = Z_TYPE_P(value) == IS_REFERENCE ? Z_REFVAL_P(value) : value;
  switch (Z_TYPE_P(value)) {
    case IS_NULL: *out = nullptr; return true;
    case IS_FALSE: *out = false; return true;
    case IS_TRUE: *out = true; return true;
    case IS_LONG: *out = static_cast<int64_t>(Z_LVAL_P(value)); return true;
    case IS_DOUBLE: *out = Z_DVAL_P(value); return true;
    case IS_STRING: *out = std::string(Z_STRVAL_P(value), Z_STRLEN_P(value)); return true;
    case IS_ARRAY: {
      if (depth >= max_depth) {
        *error = "is nested deeper than " + std::to_string(max_depth) + " levels";
        return false;
      }
      HashTable *ht = Z_ARRVAL_P(value);
      if (zend_array_is_list(ht)) {
        *out = Json::array();
        zval *item;
        ZEND_HASH_FOREACH_VAL(ht, item) {
          Json element;
          if (!ToJson(item, &element, error, depth + 1, max_depth)) return false;
          out->push_back(std::move(element));
        } ZEND_HASH_FOREACH_END();
        return true;
      }
      *out = Json::object();
      zend_ulong index;
      zend_string *key;
      zval *item;
      ZEND_HASH_FOREACH_KEY_VAL(ht, index, key, item) {
        Json element;
        if (!ToJson(item, &element, error, depth + 1, max_depth)) return false;
        std::string name = key ? std::string(ZSTR_VAL(key), ZSTR_LEN(key)) : std::to_string(index);
        (*out)[std::move(name)] = std::move(element);
      } ZEND_HASH_FOREACH_END();
      return true;
    }
    default:
      *error = std::string("must not be of type ") + zend_zval_type_name(value);
      return false;
  }
}

template <typename Json>
bool ToZval(const Json &value, zval *out, int depth) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded: ZVAL_NULL(out); return true;
    case Json::value_t::boolean: ZVAL_BOOL(out, value.template get<bool>()); return true;
    case Json::value_t::number_integer:
      ZVAL_LONG(out, static_cast<zend_long>(value.template get<int64_t>()));
      return true;
    case Json::value_t::number_unsigned: {
      const uint64_t n = value.template get<uint64_t>();
      if (n > static_cast<uint64_t>(ZEND_LONG_MAX)) {
        ZVAL_DOUBLE(out, static_cast<double>(n));
      } else {
        ZVAL_LONG(out, static_cast<zend_long>(n));
      }
      return true;
    }
    case Json::value_t::number_float: ZVAL_DOUBLE(out, value.template get<double>()); return true;
    case Json::value_t::string: {
      const auto &s = value.template get_ref<const std::string &>();
      ZVAL_STRINGL(out, s.data(), s.size());
      return true;
    }
    case Json::value_t::binary: {
      const auto &b = value.get_binary();
      ZVAL_STRINGL(out, reinterpret_cast<const char *>(b.data()), b.size());
      return true;
    }
    case Json::value_t::array: {
      if (depth >= kMaxZvalDepth) break;
      array_init_size(out, static_cast<uint32_t>(value.size()));
      for (const auto &element : value) {
        zval item;
        const bool ok = ToZval(element, &item, depth + 1);
        add_next_index_zval(out, &item);
        if (!ok) return false;
      }
      return true;
    }
    case Json::value_t::object: {
      if (depth >= kMaxZvalDepth) break;
      array_init_size(out, static_cast<uint32_t>(value.size()));
      for (auto it = value.begin(); it != value.end(); ++it) {
        zval item;
        const bool ok = ToZval(it.value(), &item, depth + 1);
        // symtable: a key "3" becomes the integer key 3, as json_decode(..., true) does
        zend_symtable_str_update(Z_ARRVAL_P(out), it.key().data(), it.key().size(), &item);
        if (!ok) return false;
      }
      return true;
    }
    default: ZVAL_NULL(out); return true;
  }
  ZVAL_NULL(out);
  return false;
}

bool DepthWithin(zval *value, int depth, int max_depth) {
  ZVAL_DEREF(value);
  HashTable *ht;
  if (Z_TYPE_P(value) == IS_ARRAY) {
    ht = Z_ARRVAL_P(value);
  } else if (Z_TYPE_P(value) == IS_OBJECT) {
    ht = Z_OBJPROP_P(value);
  } else {
    return true;
  }
  if (depth >= max_depth) return false;
  if (ht == nullptr || zend_hash_num_elements(ht) == 0) return true;
  /* The mark PHP's encoder uses: an array met again below itself is a cycle. */
  const bool mark = !(GC_FLAGS(ht) & GC_IMMUTABLE);
  if (mark) {
    if (GC_IS_RECURSIVE(ht)) return false;
    GC_PROTECT_RECURSION(ht);
  }
  bool ok = true;
  zval *item;
  ZEND_HASH_FOREACH_VAL_IND(ht, item) {
    if (!DepthWithin(item, depth + 1, max_depth)) {
      ok = false;
      break;
    }
  } ZEND_HASH_FOREACH_END();
  if (mark) GC_UNPROTECT_RECURSION(ht);
  return ok;
}

}  // namespace

bool bjlg_zval_depth_within(zval *value, int max_depth) { return DepthWithin(value, 0, max_depth); }

bool bjlg_json_to_zval(const nlohmann::json &value, zval *out) {
  if (ToZval(value, out, 0)) return true;
  zval_ptr_dtor(out);
  ZVAL_NULL(out);
  return false;
}

bool bjlg_json_to_zval(const nlohmann::ordered_json &value, zval *out) {
  if (ToZval(value, out, 0)) return true;
  zval_ptr_dtor(out);
  ZVAL_NULL(out);
  return false;
}

bool bjlg_zval_to_json(const zval *value, nlohmann::json *out, std::string *error, int max_depth) {
  return ToJson(value, out, error, 0, max_depth);
}

bool bjlg_zval_to_json(const zval *value, nlohmann::ordered_json *out, std::string *error, int max_depth) {
  return ToJson(value, out, error, 0, max_depth);
}
