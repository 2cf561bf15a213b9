// Phrases in English and French looked up by key: the word lists of the reports (SLA,
// verification), so that each module holds its words and none its own lookup.
#ifndef BJLG_COMMON_PHRASES_H_
#define BJLG_COMMON_PHRASES_H_

#include <map>
#include <string>

namespace bjlg {

struct Phrase {
  const char* en;
  const char* fr;
};

using PhraseBook = std::map<std::string, Phrase>;

// The phrase `key` of `book` in French or English; nullptr when the book has no such key.
inline const char* FindPhrase(const PhraseBook& book, const std::string& key, bool french) {
  const auto it = book.find(key);
  if (it == book.end()) return nullptr;
  return french ? it->second.fr : it->second.en;
}

}  // namespace bjlg

#endif  // BJLG_COMMON_PHRASES_H_
