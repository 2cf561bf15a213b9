// PHP json_encode(), byte for byte, for the bodies that existing receivers verify or parse: the
// plugin signs its outgoing webhooks over json_encode() output (X-BJLG-Signature, design §B.9)
// and posts wp_json_encode() bodies to Slack, Discord, Teams and SMS gateways (§B.4). PHP's
// default flags differ from every C++ library: "/" is written "\/", every non-ASCII character
// "\uxxxx" (lower-case hex, surrogate pairs above U+FFFF), floats in PHP's shortest form
// (serialize_precision = -1: 0.1, 1.0e+25, 1 for 1.0). Objects keep their insertion order, as
// PHP arrays do, hence ordered_json.
#ifndef BJLG_NOTIFY_PHP_JSON_H_
#define BJLG_NOTIFY_PHP_JSON_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::notify {

using OrderedJson = nlohmann::ordered_json;

// json_encode($value) with the default flags. InvalidArgument, as PHP's json_encode() returns
// false, for a string that is not valid UTF-8 and for NaN or an infinity; depth is the caller's
// (every value bjlg encodes was built or depth-checked before).
Result<std::string> PhpJsonEncode(const OrderedJson& value);

// The escaped form of one string, quotes included ("\"a\\/b\""). False for invalid UTF-8.
bool PhpJsonEncodeString(std::string_view text, std::string* out);

// PHP's float form with serialize_precision = -1 ("0.1", "1.0e+25", "-0", "3"). REQUIRES: finite.
std::string PhpJsonDouble(double value);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_PHP_JSON_H_
