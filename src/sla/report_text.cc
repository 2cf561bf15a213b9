#include "sla/report_text.h"

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <ctime>

#include "common/phrases.h"
#include "common/time.h"
#include "sla/input.h"

namespace bjlg::sla {

namespace {

const PhraseBook& Phrases() {
  static const PhraseBook kPhrases = {
      {"title", {"Backup service report", "Rapport de service des sauvegardes"}},
      {"generated", {"Generated", "Généré le"}},
      {"timezone", {"Time zone", "Fuseau horaire"}},
      {"verdict", {"Verdict", "Verdict"}},
      {"level.ok", {"All objectives are met.", "Tous les objectifs sont atteints."}},
      {"level.watch", {"To watch.", "À surveiller."}},
      {"level.warning", {"Action needed soon.", "Action nécessaire bientôt."}},
      {"level.critical", {"Action needed now.", "Action nécessaire immédiatement."}},
      {"level.unknown", {"Not enough data to judge.", "Pas assez de données pour conclure."}},
      {"backup", {"Last backup", "Dernière sauvegarde"}},
      {"archive", {"Archive", "Archive"}},
      {"site", {"Site", "Site"}},
      {"started", {"Started", "Début"}},
      {"finished", {"Finished", "Fin"}},
      {"duration", {"Duration", "Durée"}},
      {"size", {"Size", "Taille"}},
      {"files", {"Files", "Fichiers"}},
      {"encrypted", {"Encrypted", "Chiffrée"}},
      {"incremental", {"Incremental", "Incrémentale"}},
      {"yes", {"yes", "oui"}},
      {"no", {"no", "non"}},
      {"destinations", {"Destinations", "Destinations"}},
      {"destination", {"Destination", "Destination"}},
      {"status", {"Status", "Statut"}},
      {"verification", {"Verification", "Vérification"}},
      {"check", {"Check", "Contrôle"}},
      {"message", {"Message", "Message"}},
      {"forecasts", {"Storage forecasts", "Prévisions de stockage"}},
      {"used", {"Used", "Utilisé"}},
      {"quota", {"Quota", "Quota"}},
      {"growth", {"Growth per day", "Croissance par jour"}},
      {"threshold", {"Threshold", "Seuil"}},
      {"threshold_at", {"Threshold reached", "Seuil atteint"}},
      {"interval", {"Interval", "Intervalle"}},
      {"full_at", {"Full", "Plein"}},
      {"risk", {"Risk", "Risque"}},
      {"never", {"not within the horizon", "pas dans l'horizon"}},
      {"usage", {"Usage", "Utilisation"}},
      {"projection", {"Projection", "Projection"}},
      {"purge", {"Remote purge", "Purge distante"}},
      {"backlog", {"Backlog", "En attente"}},
      {"oldest", {"Oldest waiting", "Plus ancienne en attente"}},
      {"latency", {"Time to purge", "Délai de purge"}},
      {"mean", {"Mean", "Moyenne"}},
      {"within_target", {"Within target", "Dans l'objectif"}},
      {"target", {"Target", "Objectif"}},
      {"failure_rate", {"Failure rate", "Taux d'échec"}},
      {"throughput", {"Purged per day", "Purgées par jour"}},
      {"clears_at", {"Backlog cleared", "File vidée"}},
      {"saturation", {"Threshold reached", "Seuil atteint"}},
      {"saturation_after", {"After purging the backlog", "Après purge de la file"}},
      {"latency_chart", {"Time to purge: distribution", "Délai de purge : distribution"}},
      {"backlog_chart", {"Archives waiting over time", "Archives en attente dans le temps"}},
      {"objectives", {"Recovery objectives", "Objectifs de reprise"}},
      {"rpo_now", {"RPO now", "RPO actuel"}},
      {"rpo_worst", {"Worst RPO", "Pire RPO"}},
      {"breaches", {"Breaches", "Dépassements"}},
      {"start", {"Start", "Début"}},
      {"end", {"End", "Fin"}},
      {"ongoing", {"ongoing", "en cours"}},
      {"rto_last", {"Last restore test", "Dernier test de restauration"}},
      {"rpo_chart", {"RPO over time", "RPO dans le temps"}},
      {"rto_chart", {"Restore test durations", "Durées des tests de restauration"}},
      {"sites", {"Sites", "Sites"}},
      {"verdict.met", {"met", "atteint"}},
      {"verdict.at_risk", {"met now, breached in the window", "atteint, mais dépassé sur la période"}},
      {"verdict.breached", {"breached", "dépassé"}},
      {"verdict.unknown", {"unknown", "inconnu"}},
      {"risk.critical", {"critical", "critique"}},
      {"risk.warning", {"warning", "alerte"}},
      {"risk.watch", {"watch", "à surveiller"}},
      {"risk.ok", {"ok", "ok"}},
      {"risk.unknown", {"unknown", "inconnu"}},
      {"reason.forecast", {"%s reaches its threshold on %s", "%s atteint son seuil le %s"}},
      {"reason.backlog", {"archives waiting for purge: %s, the oldest for %s", "archives en attente de purge : %s, la plus ancienne depuis %s"}},
      {"reason.purge_failures", {"%s of purges failed", "%s des purges ont échoué"}},
      {"reason.rpo", {"RPO is %s (target %s)", "RPO de %s (objectif %s)"}},
      {"reason.rpo_past", {"RPO exceeded its target %s times in the window", "RPO au-delà de l'objectif %s fois sur la période"}},
      {"reason.rto", {"the last restore took %s (target %s)", "la dernière restauration a pris %s (objectif %s)"}},
      {"reason.backup_failed", {"the backup %s did not succeed", "la sauvegarde %s n'a pas réussi"}},
      {"reason.verify_failed", {"the verification of %s did not pass", "la vérification de %s n'a pas réussi"}},
      {"reason.none", {"no section to judge", "aucune section à évaluer"}},
  };
  return kPhrases;
}

}  // namespace

std::string ReportText::operator()(const std::string& key) const {
  const char* phrase = FindPhrase(Phrases(), key, fr_);
  return phrase != nullptr ? phrase : key;
}

std::string ReportText::Number(double v, int decimals) const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (fr_) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

std::string ReportText::Bytes(double bytes) const {
  static const char* kEn[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  static const char* kFr[] = {"o", "Kio", "Mio", "Gio", "Tio", "Pio", "Eio"};
  const bool negative = bytes < 0;
  double v = std::fabs(bytes);
  int unit = 0;
  while (v >= 1024 && unit < 6) {
    v /= 1024;
    ++unit;
  }
  return (negative ? "-" : "") + Number(v, unit == 0 ? 0 : 1) + " " + (fr_ ? kFr[unit] : kEn[unit]);
}

std::string ReportText::Duration(double seconds) const {
  if (!std::isfinite(seconds)) return "—";
  const std::string sign = seconds < 0 ? "-" : "";
  double s = std::fabs(seconds);
  if (s < 60) {
    // Enough decimals for an axis of small durations to read 0.04, 0.08, 0.12 s, no more.
    int decimals = s == std::floor(s) ? 0 : (s < 1 ? 2 : (s < 10 ? 1 : 0));
    std::string text = Number(s, decimals);
    while (decimals > 0 && text.back() == '0') {
      text.pop_back();
      --decimals;
    }
    if (decimals == 0 && (text.back() == '.' || text.back() == ',')) text.pop_back();
    return sign + text + " s";
  }
  const long long total = static_cast<long long>(std::llround(s));
  const long long d = total / 86400, h = total % 86400 / 3600, m = total % 3600 / 60, sec = total % 60;
  const std::string day = fr_ ? " j" : " d";
  if (d > 0) return sign + std::to_string(d) + day + (h ? " " + std::to_string(h) + " h" : "");
  if (h > 0) return sign + std::to_string(h) + " h" + (m ? " " + std::to_string(m) + " min" : "");
  return sign + std::to_string(m) + " min" + (sec ? " " + std::to_string(sec) + " s" : "");
}

std::string ReportText::Percent(double share) const { return Number(share * 100, 1) + " %"; }

std::string ReportText::Time(int64_t t) const {
  const int64_t local = t + zone_.OffsetAt(t);
  std::string iso = FormatUtcIso8601(local);  // the wall clock's fields, in the one format
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string ReportText::Date(int64_t t) const { return Time(t).substr(0, 10); }

std::string ReportText::TimeWithOffset(int64_t t) const {
  const int offset = zone_.OffsetAt(t);
  const std::string iso = FormatUtcIso8601(t + offset);
  const int minutes = std::abs(offset) / 60;
  char sign_hh_mm[16];
  std::snprintf(sign_hh_mm, sizeof sign_hh_mm, "%c%02d:%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + " " + sign_hh_mm;
}

std::string ReportText::Bytes(const nlohmann::json& v) const { return v.is_number() ? Bytes(v.get<double>()) : "—"; }
std::string ReportText::Duration(const nlohmann::json& v) const {
  return v.is_number() ? Duration(v.get<double>()) : "—";
}
std::string ReportText::Percent(const nlohmann::json& v) const { return v.is_number() ? Percent(v.get<double>()) : "—"; }
std::string ReportText::Time(const nlohmann::json& v) const {
  const std::optional<int64_t> t = JsonTime(v);
  return t ? Time(*t) : "—";
}

std::string ReportText::TimeWithOffset(const nlohmann::json& v) const {
  const std::optional<int64_t> t = JsonTime(v);
  return t ? TimeWithOffset(*t) : "—";
}

std::optional<int64_t> JsonTime(const nlohmann::json& v) {
  if (v.is_number()) {
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0 || d > static_cast<double>(kMaxUnixTime)) return std::nullopt;
    return static_cast<int64_t>(d);
  }
  int64_t t = 0;
  if (v.is_string() && ParseIso8601(v.get<std::string>(), &t) && t >= 0 && t <= kMaxUnixTime) return t;
  return std::nullopt;
}

}  // namespace bjlg::sla
