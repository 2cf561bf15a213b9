#include "quota_destinations.h"

#include <string>

#include "json_zval.h"
#include "quota_exception.h"

namespace {
/* A destination is an array of at most this many nested levels, itself included. */
constexpr int kMaxDestinationDepth = 7;
}  // namespace

bool bjlg_destinations_from_php(HashTable *list, uint32_t arg, const char *option,
                                const bjlg::quota::ParseOptions &parse, std::vector<bjlg::quota::Destination> *out) {
  std::string where = option == nullptr ? "" : std::string("option \"") + option + "\" ";
  if (!zend_array_is_list(list)) {
    zend_argument_value_error(arg, "%smust be a list of destination arrays", where.c_str());
    return false;
  }
  nlohmann::json converted_list = nlohmann::json::array();
  uint32_t index = 0;
  zval *item;
  ZEND_HASH_FOREACH_VAL(list, item) {
    nlohmann::json converted;
    std::string error;
    if (!bjlg_zval_to_json(item, &converted, &error, kMaxDestinationDepth)) {
      zend_argument_type_error(arg, "%sdestination #%u %s", where.c_str(), index, error.c_str());
      return false;
    }
    converted_list.push_back(std::move(converted));
    index++;
  } ZEND_HASH_FOREACH_END();

  bjlg::quota::DestinationError refused;
  bjlg::Result<std::vector<bjlg::quota::Destination>> parsed =
      bjlg::quota::ParseDestinations(converted_list, parse, &refused);
  if (!parsed.ok()) {
    if (refused.kind == bjlg::quota::DestinationError::Kind::kType) {
      zend_argument_type_error(arg, "%s%s", where.c_str(), parsed.status().message().c_str());
    } else {
      bjlg_throw_status(bjlg_quota_kinds, parsed.status());
    }
    return false;
  }
  *out = std::move(*parsed);
  return true;
}

void bjlg_destinations_to_php(const std::vector<bjlg::quota::Destination> &destinations, zval *out) {
  nlohmann::json list = nlohmann::json::array();
  for (const bjlg::quota::Destination &d : destinations) list.push_back(bjlg::quota::DestinationToJson(d));
  if (!bjlg_json_to_zval(list, out)) {
    bjlg_throw_status(bjlg_quota_kinds, bjlg::Status::Corruption("the destinations are nested too deep"));
  }
}
