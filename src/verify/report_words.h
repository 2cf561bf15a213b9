// The words of the verification and restore-test pages, in English and French: headings, labels,
// the verdict, and for each check that did not pass what it means and what to do next.
#ifndef BJLG_VERIFY_REPORT_WORDS_H_
#define BJLG_VERIFY_REPORT_WORDS_H_

#include <string>

namespace bjlg::verify {

// The phrase `key` in French or English; the key itself (underscores as spaces) when unknown,
// so that a new evidence key still reads.
std::string Word(const std::string& key, bool french);

// The title of check `check` (a check name of docs/verification.md) for a person; the name
// itself when it has none.
std::string CheckTitle(const std::string& check, bool french);

struct Advice {
  std::string meaning;    // what the check's status says about the backup
  std::string next_step;  // what to do now
};

// The advice for check `check` (a check name of docs/verification.md) whose status is `status`
// ("failed" or "inconclusive"); a check without advice of its own gets its status's.
Advice AdviceFor(const std::string& check, const std::string& status, bool french);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_REPORT_WORDS_H_
