#include "sla/input.h"

#include <cmath>

#include "common/time.h"

namespace bjlg::sla {

namespace {

const nlohmann::json* Field(const nlohmann::json& record, const char* key) {
  if (!record.is_object()) return nullptr;
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

Result<std::optional<int64_t>> ReadTime(const nlohmann::json& record, const char* key, const std::string& what) {
  const nlohmann::json* v = Field(record, key);
  if (v == nullptr) return std::optional<int64_t>();
  const std::string name = what + "." + key;
  if (v->is_string()) {
    int64_t t = 0;
    if (!ParseIso8601(v->get<std::string>(), &t) || t < 0 || t > kMaxUnixTime) {
      return Status::InvalidArgument(name + " must be a Unix time or an ISO 8601 date between 1970 and 9999");
    }
    return std::optional<int64_t>(t);
  }
  if (v->is_number_integer() || v->is_number_unsigned()) {
    if (v->is_number_unsigned() ? v->get<uint64_t>() > static_cast<uint64_t>(kMaxUnixTime)
                                : (v->get<int64_t>() < 0 || v->get<int64_t>() > kMaxUnixTime)) {
      return Status::InvalidArgument(name + " must be a Unix time between 0 and " + std::to_string(kMaxUnixTime));
    }
    return std::optional<int64_t>(v->get<int64_t>());
  }
  if (v->is_number_float()) {
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < 0 || d > static_cast<double>(kMaxUnixTime)) {
      return Status::InvalidArgument(name + " must be a finite Unix time between 0 and " + std::to_string(kMaxUnixTime));
    }
    return std::optional<int64_t>(static_cast<int64_t>(d));
  }
  return Status::InvalidArgument(name + " must be a Unix time or an ISO 8601 string, " +
                                 std::string(v->type_name()) + " given");
}

Result<std::optional<double>> ReadNonNegative(const nlohmann::json& record, const char* key,
                                              const std::string& what) {
  const nlohmann::json* v = Field(record, key);
  if (v == nullptr) return std::optional<double>();
  const std::string name = what + "." + key;
  if (!v->is_number()) {
    return Status::InvalidArgument(name + " must be a number, " + std::string(v->type_name()) + " given");
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < 0) return Status::InvalidArgument(name + " must be a finite number >= 0");
  return std::optional<double>(d);
}

Result<std::string> ReadName(const nlohmann::json& record, const char* key, const std::string& what) {
  const nlohmann::json* v = Field(record, key);
  if (v == nullptr) return std::string();
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();
  return Status::InvalidArgument(what + "." + key + " must be a string or an int, " + std::string(v->type_name()) +
                                 " given");
}

}  // namespace bjlg::sla
