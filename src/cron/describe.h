// A human description of a cron expression, in English or French:
//   "30 2 * * 1-5" -> "At 02:30, Monday through Friday" / "À 02:30, du lundi au vendredi".
#ifndef BJLG_CRON_DESCRIBE_H_
#define BJLG_CRON_DESCRIBE_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "cron/expression.h"

namespace bjlg::cron {

// Locales: "en", "fr" (also "en_US", "fr_FR", "fr-CA"...: the language part decides).
// InvalidArgument naming the supported locales for any other.
Result<std::string> Describe(const Expression& expr, std::string_view locale);

// True when `locale` is one Describe and Check accept.
bool IsSupportedLocale(std::string_view locale);

}  // namespace bjlg::cron

#endif  // BJLG_CRON_DESCRIBE_H_
