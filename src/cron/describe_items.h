// How Describe reads the items of a field: which ones mean "every", which values a stepped
// item matches, and a field reduced to a list of values and ranges. No words here: those are in
// describe_words.h.
#ifndef BJLG_CRON_DESCRIBE_ITEMS_H_
#define BJLG_CRON_DESCRIBE_ITEMS_H_

#include <optional>
#include <vector>

#include "cron/expression.h"

namespace bjlg::cron::describe {

// `*`, or a range written over the whole field ("0-59", "0-7"): the same schedule, the same
// words. Any step is allowed ("*/5", "0-59/5").
bool Whole(const Item& item, Field field);
// Whole without a step: the item matches every value.
bool IsEvery(const Item& item, Field field);
// The field is exactly one IsEvery item.
bool IsEveryField(const std::vector<Item>& items, Field field);
// `5`: a value without a step.
bool IsPlainValue(const Item& item);
// `*`, `*/n`, `a-b`, `a-b/n`, `a/n`: one item that runs through several values.
bool IsRun(const Item& item);

// The values a plain or stepped item matches, in order; never empty. Day-of-week values stay
// as written (7 is Sunday). REQUIRES: IsPlainValue(item) || IsRun(item)
std::vector<int> Expand(const Item& item, Field field);

// The values of the field when it is nothing but plain values ("5", "9,17"), sorted and
// without repeats. A step that leaves one value ("22/5" in hours) counts as that value.
std::optional<std::vector<int>> PlainValues(const std::vector<Item>& items, Field field);

// One element of a listed field: a single value or an unstepped range.
struct Atom {
  int first;
  int last;
  bool single() const { return first == last; }
};

// The plain and stepped items of a field as a list to read out, in written order, each value
// once (day-of-week 7 becomes 0). Stepped items are listed value by value: inside a list
// "0-30/10" reads better as "0, 10, 20 and 30". L, W and # items are left to the caller.
std::vector<Atom> AtomsOf(const std::vector<Item>& items, Field field);
bool AllSingle(const std::vector<Atom>& atoms);

// A field that is one stepped item, read as "every <step> <units>[, <first> through <last>]".
struct Stepped {
  int step;
  int first;
  int last;    // the last value actually matched, not the one written: 1-14/5 ends at 11
  bool whole;  // `*/n`: no range to mention
};

// Empty unless the field is a single stepped item matching at least two values.
std::optional<Stepped> SteppedOf(const std::vector<Item>& items, Field field);

}  // namespace bjlg::cron::describe

#endif  // BJLG_CRON_DESCRIBE_ITEMS_H_
