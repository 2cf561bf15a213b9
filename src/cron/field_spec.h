// What each cron field accepts: its range, its names, and how an item is written back.
// Shared by the parser and the normalised form.
#ifndef BJLG_CRON_FIELD_SPEC_H_
#define BJLG_CRON_FIELD_SPEC_H_

#include <string>
#include <vector>

#include "cron/expression.h"

namespace bjlg::cron {

struct FieldSpec {
  int min;
  int max;          // largest meaningful value (6 for day-of-week)
  int max_written;  // largest value accepted in the text (7 for day-of-week: Sunday again)
  const char* period_name;  // what a step larger than the range would reduce to "once per"
};

const FieldSpec& SpecOf(Field field);

// Month names JAN-DEC -> 1-12, day names SUN-SAT -> 0-6. REQUIRES: `upper` is upper-case.
bool LookupName(Field field, const std::string& upper, int* value);
const char* NameOf(Field field, int value);

// The canonical text of one field: "1-5", "MON-FRI", "*/15", "5L", "15W"...
std::string RenderField(Field field, const std::vector<Item>& items);

}  // namespace bjlg::cron

#endif  // BJLG_CRON_FIELD_SPEC_H_
