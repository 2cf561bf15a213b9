#include "cron/describe_words.h"

#include <cstdio>

namespace bjlg::cron::describe {
namespace {

// English follows cron-descriptor's wording, with 24-hour times.
constexpr Words kEnglish = {
    Language::kEnglish,
    ", ",
    " and ",
    " or ",
    // Times of day.
    "at {0}",
    "every minute",
    "every {0} minutes",
    "every hour",
    "every {0} hours",
    "from {0} through {1}",
    "at minute {0} of every hour",
    "at minute {0} of the hour",
    "at minutes {0} of the hour",
    "minutes {0} through {1} of the hour",
    "{0} through {1}",
    "between {0} and {1}",
    "during the {0} hour",
    "during the {0} hours",
    // Days of the month.
    "every {0} days",
    "on day {0} of the month",
    "on day {0} of the month",
    "between day {0} and {1} of the month",
    "on day {0} of the month",
    "{0}",
    "{0} through {1}",
    "on the last day of the month",
    "on the last weekday of the month",
    "on the weekday nearest day {0} of the month",
    // Days of the week.
    "only on {0}",
    "on {0}",
    "{0} through {1}",
    "{0}",
    "on the last {0} of the month",
    "on the {0} {1} of the month",
    // Months.
    "every {0} months",
    "only in {0}",
    "{0} through {1}",
    "{0}",
    "only in {0}",
};

// French: articles carry the meaning English puts in prepositions ("le lundi" = on Mondays),
// so list items bring their own article when ranges and values are mixed.
constexpr Words kFrench = {
    Language::kFrench,
    ", ",
    " et ",
    " ou ",
    // Times of day.
    "à {0}",
    "toutes les minutes",
    "toutes les {0} minutes",
    "toutes les heures",
    "toutes les {0} heures",
    "de {0} à {1}",
    "à la minute {0} de chaque heure",
    "à la minute {0}",
    "aux minutes {0}",
    "de la minute {0} à la minute {1}",
    "{0} à {1}",
    "entre {0} et {1}",
    "pendant l'heure de {0}",
    "pendant les heures de {0}",
    // Days of the month.
    "tous les {0} jours",
    "le {0} du mois",
    "les {0} du mois",
    "du {0} au {1} du mois",
    "{0} du mois",
    "le {0}",
    "du {0} au {1}",
    "le dernier jour du mois",
    "le dernier jour ouvré du mois",
    "le jour ouvré le plus proche du {0} du mois",
    // Days of the week.
    "uniquement le {0}",
    "le {0}",
    "du {0} au {1}",
    "le {0}",
    "le dernier {0} du mois",
    "le {0} {1} du mois",
    // Months.
    "tous les {0} mois",
    "uniquement en {0}",
    "de {0} à {1}",
    "en {0}",
    "{0}",
};

constexpr const char* kWeekdays[2][7] = {
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
};

constexpr const char* kMonths[2][12] = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"},
};

constexpr const char* kOrdinals[2][5] = {
    {"first", "second", "third", "fourth", "fifth"},
    {"premier", "deuxième", "troisième", "quatrième", "cinquième"},
};

int Index(Language language) { return language == Language::kEnglish ? 0 : 1; }

bool StartsWithVowel(std::string_view s) {
  if (s.empty()) return false;
  switch (s[0]) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'h':
      return true;
    default:
      return s.substr(0, 2) == "\xC3\xA9";  // "é"
  }
}

// French grammar the templates cannot express because it depends on the word inserted:
// "de le" and "à le" contract, "de" elides before a vowel ("d'avril", "d'octobre").
std::string FrenchContractions(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const bool word_start = i == 0 || text[i - 1] == ' ';
    std::string_view rest(text.data() + i, text.size() - i);
    if (word_start && rest.substr(0, 6) == "de le ") {
      out += "du ";
      i += 6;
    } else if (word_start && rest.substr(0, 7) == "\xC3\xA0 le ") {  // "à le "
      out += "au ";
      i += 7;
    } else if (word_start && rest.substr(0, 3) == "de " && StartsWithVowel(rest.substr(3))) {
      out += "d'";
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

const Words& WordsFor(Language language) {
  return language == Language::kEnglish ? kEnglish : kFrench;
}

std::string WeekdayName(Language language, int day) {
  if (day < 0 || day > 7) return std::to_string(day);
  return kWeekdays[Index(language)][day % 7];
}

std::string MonthName(Language language, int month) {
  if (month < 1 || month > 12) return std::to_string(month);
  return kMonths[Index(language)][month - 1];
}

std::string DayOfMonth(Language language, int day) {
  if (language == Language::kFrench && day == 1) return "1er";
  return std::to_string(day);
}

std::string Ordinal(Language language, int n) {
  if (n >= 1 && n <= 5) return kOrdinals[Index(language)][n - 1];
  if (language == Language::kFrench) return std::to_string(n) + "e";
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string TimeOfDay(int hour, int minute) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
  return buffer;
}

std::string Format(const Words& words, std::string_view pattern,
                   const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      const size_t index = static_cast<size_t>(pattern[i + 1] - '0');
      if (index < args.size()) out += args[index];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return words.language == Language::kFrench ? FrenchContractions(out) : out;
}

std::string JoinList(const Words& words, const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? words.list_and : words.list_comma;
    out += items[i];
  }
  return out;
}

std::string Capitalize(std::string text) {
  if (text.empty()) return text;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if (c >= 'a' && c <= 'z') {
    text[0] = static_cast<char>(c - 'a' + 'A');
  } else if (c == 0xC3 && text.size() > 1) {
    // Latin-1 supplement lower case (U+00E0-U+00FE, except U+00F7) -> upper case: minus 0x20.
    const unsigned char second = static_cast<unsigned char>(text[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7) {
      text[1] = static_cast<char>(second - 0x20);
    }
  }
  return text;
}

}  // namespace bjlg::cron::describe
