#include "cron/describe_items.h"

#include <algorithm>

namespace bjlg::cron::describe {
namespace {

// The values a field can take, as the description counts them (Sunday is 0).
struct Bounds {
  int min;
  int max;
};

Bounds BoundsOf(Field field) {
  switch (field) {
    case Field::kMinute: return {0, 59};
    case Field::kHour: return {0, 23};
    case Field::kDayOfMonth: return {1, 31};
    case Field::kMonth: return {1, 12};
    case Field::kDayOfWeek: return {0, 6};
  }
  return {0, 0};
}

}  // namespace

bool Whole(const Item& item, Field field) {
  const Bounds bounds = BoundsOf(field);
  return item.kind == Item::Kind::kAny ||
         (item.kind == Item::Kind::kRange && item.first <= bounds.min && item.last >= bounds.max);
}

bool IsEvery(const Item& item, Field field) { return Whole(item, field) && item.step == 1; }

bool IsEveryField(const std::vector<Item>& items, Field field) {
  return items.size() == 1 && IsEvery(items[0], field);
}

bool IsPlainValue(const Item& item) { return item.kind == Item::Kind::kValue && !item.open_ended; }

bool IsRun(const Item& item) {
  return item.kind == Item::Kind::kAny || item.kind == Item::Kind::kRange ||
         (item.kind == Item::Kind::kValue && item.open_ended);
}

std::vector<int> Expand(const Item& item, Field field) {
  const Bounds bounds = BoundsOf(field);
  int first = item.first;
  int last = item.last;
  if (item.kind == Item::Kind::kAny) {
    first = bounds.min;
    last = bounds.max;
  } else if (item.kind == Item::Kind::kValue && !item.open_ended) {
    last = first;
  }
  const int step = std::max(item.step, 1);
  std::vector<int> values;
  for (int v = first; v <= last; v += step) values.push_back(v);
  if (values.empty()) values.push_back(first);  // unreachable for parsed items; never empty
  return values;
}

std::optional<std::vector<int>> PlainValues(const std::vector<Item>& items, Field field) {
  std::vector<int> values;
  for (const Item& item : items) {
    if (IsPlainValue(item)) {
      values.push_back(item.first);
      continue;
    }
    if (!IsRun(item)) return std::nullopt;
    const std::vector<int> run = Expand(item, field);
    if (run.size() != 1) return std::nullopt;
    values.push_back(run.front());
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  if (values.empty()) return std::nullopt;
  return values;
}

std::vector<Atom> AtomsOf(const std::vector<Item>& items, Field field) {
  std::vector<Atom> atoms;
  for (const Item& item : items) {
    if (IsEvery(item, field)) {
      const Bounds bounds = BoundsOf(field);
      atoms.push_back({bounds.min, bounds.max});
    } else if (item.kind == Item::Kind::kRange && item.step == 1) {
      atoms.push_back({item.first, item.last});
    } else if (IsPlainValue(item) || IsRun(item)) {
      for (int v : Expand(item, field)) atoms.push_back({v, v});
    }
  }
  // A value written twice ("0,7" is Sunday twice) is said once.
  std::vector<Atom> unique;
  for (Atom a : atoms) {
    if (field == Field::kDayOfWeek && a.single() && a.first == 7) a = {0, 0};
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const Atom& u) {
      return u.first == a.first && u.last == a.last;
    });
    if (!seen) unique.push_back(a);
  }
  return unique;
}

bool AllSingle(const std::vector<Atom>& atoms) {
  return std::all_of(atoms.begin(), atoms.end(), [](const Atom& a) { return a.single(); });
}

std::optional<Stepped> SteppedOf(const std::vector<Item>& items, Field field) {
  if (items.size() != 1 || !IsRun(items[0]) || items[0].step <= 1) return std::nullopt;
  const std::vector<int> values = Expand(items[0], field);
  if (values.size() < 2) return std::nullopt;
  return Stepped{items[0].step, values.front(), values.back(), Whole(items[0], field)};
}

}  // namespace bjlg::cron::describe
