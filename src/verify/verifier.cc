#include "verify/verifier.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <future>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "archive/backup_index.h"
#include "archive/path_rules.h"
#include "common/digest.h"
#include "common/parse_limits.h"
#include "crypto/aead_header.h"
#include "crypto/aead_stream.h"
#include "crypto/bjlgenc1.h"
#include "crypto/cipher.h"
#include "crypto/file_io.h"
#include "crypto/parallel.h"
#include "crypto/primitives.h"
#include "common/entry_hasher.h"
#include "verify/sql_check.h"
#include "verify/zip_stream.h"

namespace bjlg::verify {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kManifestCap = 16ull << 20;
constexpr uint64_t kIndexCap = 1ull << 30;
constexpr size_t kPlainBlock = 8u << 20;
constexpr size_t kMaxListed = 20;
constexpr char kSqlName[] = "database.sql";

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

bool IsMeta(const std::string& name) {
  return name == archive::kManifestName || name == archive::kIndexName || name == archive::kDeletedName ||
         name == "manifest.json";
}

struct EntryRecord {
  std::string name;
  uint64_t size = 0;       // declared
  uint32_t crc = 0;        // declared
  bool checked = false;
  std::string sha256;      // when checked
  std::string error;       // when the data is bad
};

// Collects what the archive's entries hold while ZipStream reads them.
class Collector : public ZipStreamVisitor {
 public:
  explicit Collector(double sample) : sample_(sample) {}

  bool OnEntryStart(const LocalEntry& e) override {
    kind_ = e.name == archive::kManifestName ? kManifest
            : e.name == archive::kIndexName  ? kIndex
            : e.name == archive::kDeletedName ? kDeleted
            : e.name == kSqlName             ? kSql
                                             : kOther;
    capture_.clear();
    overflow_ = false;
    current_ = e.name;
    return kind_ != kOther || InSample(e.name, sample_);
  }

  Status OnData(const uint8_t* data, size_t size) override {
    hasher_.Update(data, size);
    switch (kind_) {
      case kManifest:
      case kIndex:
      case kDeleted: {
        const uint64_t cap = kind_ == kIndex ? kIndexCap : kManifestCap;
        if (capture_.size() + size > cap) {
          overflow_ = true;
        } else {
          capture_.append(reinterpret_cast<const char*>(data), size);
        }
        break;
      }
      case kSql:
        sql_.Feed(reinterpret_cast<const char*>(data), size);
        break;
      case kOther:
        break;
    }
    return Status::OK();
  }

  Status OnEntryEnd(const LocalEntry& e, const EntryResult& r) override {
    EntryRecord rec;
    rec.name = e.name;
    rec.size = e.size;
    rec.crc = e.crc;
    rec.checked = r.checked;
    rec.error = r.error;
    if (r.checked) hasher_.EndEntry(records_.size());  // the digest is filled in by FinishHashes()
    if (r.checked && r.error.empty()) {
      const std::string what = overflow_ ? "" : capture_;
      if (kind_ == kManifest) manifest_ = what, has_manifest_ = true, manifest_first_ = records_.empty();
      if (kind_ == kIndex) index_ = what, has_index_ = true, index_record_ = records_.size(), index_overflow_ = overflow_;
      if (kind_ == kDeleted) has_deleted_ = true;
    }
    if (kind_ == kSql) {
      has_sql_ = true;
      sql_checked_ = r.checked;
      sql_error_ = r.error;
      sql_.Finish();
    }
    uncompressed_ += r.size;
    records_.push_back(std::move(rec));
    capture_.clear();
    return Status::OK();
  }

  const std::string& current() const { return current_; }

  // Once the pass is over: every checked entry's SHA-256 into its record.
  void FinishHashes() {
    std::unordered_map<uint64_t, std::string> digests = hasher_.Finish();
    for (const auto& [i, digest] : digests) {
      if (i < records_.size()) records_[i].sha256 = digest;
    }
    if (has_index_) index_sha_ = records_[index_record_].sha256;
  }

  std::vector<EntryRecord> records_;
  std::string manifest_, index_, index_sha_;
  size_t index_record_ = 0;
  bool has_manifest_ = false, manifest_first_ = false, has_index_ = false, index_overflow_ = false;
  bool has_deleted_ = false, has_sql_ = false, sql_checked_ = false;
  std::string sql_error_;
  SqlCheck sql_;
  uint64_t uncompressed_ = 0;

 private:
  enum Kind { kManifest, kIndex, kDeleted, kSql, kOther };
  double sample_;
  Kind kind_ = kOther;
  std::string capture_;
  bool overflow_ = false;
  std::string current_;
  EntryHasher hasher_;
};

// Why the streaming pass stopped early, if it did.
struct PassOutcome {
  Status encryption;  // authentication failure (Corruption / Unauthenticated), or OK
  Status zip;         // ZipStream failure, or OK
  Status io;          // reading the file failed, or OK
  bool cancelled = false;
  bool complete = false;  // everything read and the zip finished
};

// Reads `in` from `start` in blocks of `block` bytes (the first one `first` bytes when not 0),
// reading block k+1 and hashing it on another thread while `consume` handles block k.
Status ReadBlocks(const crypto::InputFile& in, uint64_t start, size_t block, Sha256* hash,
                  const std::function<Status(uint8_t*, size_t, uint64_t)>& consume) {
  const uint64_t total = in.size();
  std::vector<uint8_t> buffers[2];
  auto read = [&](int slot, uint64_t offset) -> Status {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(block, total - offset));
    buffers[slot].resize(n);
    Status s = in.ReadAt(offset, buffers[slot].data(), n);
    if (s.ok() && hash != nullptr) hash->Update(buffers[slot].data(), n);
    return s;
  };
  if (start >= total) return Status::OK();
  uint64_t offset = start;
  Status s = read(0, offset);
  int slot = 0;
  while (s.ok()) {
    const uint64_t next = offset + buffers[slot].size();
    std::future<Status> ahead;
    if (next < total) ahead = std::async(std::launch::async, read, 1 - slot, next);
    Status c = consume(buffers[slot].data(), buffers[slot].size(), offset);
    Status r = ahead.valid() ? ahead.get() : Status::OK();
    if (!c.ok()) return c;
    if (next >= total) return r;
    s = r;
    offset = next;
    slot = 1 - slot;
  }
  return s;
}

std::string Hex32(uint32_t v) {
  char buf[9];
  snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

json Listed(const std::vector<std::string>& items) {
  json a = json::array();
  for (size_t i = 0; i < items.size() && i < kMaxListed; ++i) a.push_back(items[i]);
  return a;
}

std::string FirstAndCount(const std::vector<std::string>& problems) {
  std::string m = problems.front();
  if (problems.size() > 1) m += " (and " + std::to_string(problems.size() - 1) + " more)";
  return m;
}

// --- checks made after the pass ---------------------------------------------------------------

Check EntryNamesCheck(const Collector& c, const ZipStream& zip, bool complete) {
  Check ck{"entry_names", CheckStatus::kPassed, "", json::object()};
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const EntryRecord& r : c.records_) {
    Result<std::string> safe = archive::SafeExtractName(r.name);
    if (!safe.ok()) problems.push_back(safe.status().message());
    else if (!seen.insert(*safe).second) problems.push_back("'" + r.name + "' appears twice (a restore would keep only one)");
  }
  if (complete) {
    for (const CentralEntry& e : zip.Central()) {
      if (((e.external_attributes >> 16) & 0170000) == 0120000) {
        problems.push_back("'" + e.name + "' is a symbolic link entry (the restorer refuses the archive)");
      }
    }
  }
  ck.evidence["entries"] = c.records_.size();
  if (!problems.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = FirstAndCount(problems);
    ck.evidence["problems"] = Listed(problems);
  } else {
    ck.message = std::to_string(c.records_.size()) + " entry names follow the restore safety rules" +
                 (complete ? "" : " (of the entries read)");
  }
  return ck;
}

Check EntryDataCheck(const Collector& c, bool complete, double sample) {
  Check ck{"entry_data", CheckStatus::kPassed, "", json::object()};
  std::vector<std::string> bad;
  uint64_t checked = 0;
  for (const EntryRecord& r : c.records_) {
    if (!r.checked) continue;
    ++checked;
    if (!r.error.empty()) bad.push_back("'" + r.name + "': " + r.error);
  }
  ck.evidence = {{"entries", c.records_.size()}, {"checked", checked}, {"sample", sample}};
  if (!bad.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = "damaged entry data: " + FirstAndCount(bad);
    ck.evidence["damaged"] = Listed(bad);
  } else if (!complete) {
    ck.status = CheckStatus::kSkipped;
    ck.message = "not completed: the archive could not be read to its end (" + std::to_string(checked) +
                 " entries were good before that)";
  } else {
    ck.message = std::to_string(checked) + " of " + std::to_string(c.records_.size()) +
                 " entries inflated, CRC-32 and size checked" + (sample < 1.0 ? " (sample)" : "");
  }
  return ck;
}

Check IndexCheck(const Collector& c, bool complete, uint64_t* unchanged) {
  Check ck{"index", CheckStatus::kPassed, "", json::object()};
  if (!complete) {
    ck.status = CheckStatus::kSkipped;
    ck.message = "not checked: the archive could not be read to its end";
    return ck;
  }
  if (!c.has_index_) {
    ck.status = CheckStatus::kSkipped;
    ck.message = "no backup-index.json (an archive written by the plugin or an older tool): files are "
                 "checked against their CRC-32 only, not against SHA-256 sums recorded at backup time";
    return ck;
  }
  if (c.index_overflow_) {
    ck.status = CheckStatus::kInconclusive;
    ck.message = "backup-index.json is larger than 1 GiB: not loaded";
    return ck;
  }
  Result<archive::Index> index = archive::ParseIndex(c.index_);
  if (!index.ok()) {
    ck.status = CheckStatus::kFailed;
    ck.message = "backup-index.json is not a valid index: " + index.status().message();
    return ck;
  }
  std::vector<std::string> problems;
  std::set<std::string> present;
  uint64_t hashed = 0;
  for (const EntryRecord& r : c.records_) {
    if (IsMeta(r.name)) continue;
    present.insert(r.name);
    auto it = index->find(r.name);
    if (it == index->end()) {
      problems.push_back("'" + r.name + "' is in the archive but not in backup-index.json");
      continue;
    }
    const archive::IndexEntry& e = it->second;
    if (!e.in_archive) {
      problems.push_back("'" + r.name + "' is in the archive but backup-index.json says it is not");
    } else if (e.size != r.size) {
      problems.push_back("'" + r.name + "': size " + std::to_string(r.size) + " bytes, backup-index.json records " +
                         std::to_string(e.size));
    } else if (e.has_crc32 && e.crc32 != r.crc) {
      problems.push_back("'" + r.name + "': CRC-32 " + Hex32(r.crc) + ", backup-index.json records " + Hex32(e.crc32));
    } else if (r.checked && r.error.empty()) {
      ++hashed;
      if (r.sha256 != e.sha256) {
        problems.push_back("'" + r.name + "': SHA-256 " + r.sha256 + ", backup-index.json records " + e.sha256);
      }
    }
  }
  *unchanged = 0;
  for (const auto& [path, e] : *index) {
    if (!e.in_archive) {
      ++*unchanged;
    } else if (present.count(path) == 0) {
      problems.push_back("'" + path + "' is listed in backup-index.json but missing from the archive");
    }
  }
  std::sort(problems.begin(), problems.end());
  ck.evidence = {{"indexed", index->size()}, {"sha256_checked", hashed}, {"unchanged_elsewhere", *unchanged}};
  if (!problems.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = FirstAndCount(problems);
    ck.evidence["problems"] = Listed(problems);
  } else {
    ck.message = std::to_string(hashed) + " files match the SHA-256 and size recorded in backup-index.json";
    if (*unchanged > 0) {
      ck.message += "; " + std::to_string(*unchanged) + " unchanged files belong to earlier archives of the chain";
    }
  }
  return ck;
}

Check ManifestCheck(const Collector& c, bool complete, json* manifest_out, Report* report) {
  Check ck{"manifest", CheckStatus::kPassed, "", json::object()};
  if (!c.has_manifest_) {
    ck.status = complete ? CheckStatus::kFailed : CheckStatus::kSkipped;
    ck.message = complete ? "backup-manifest.json is missing (the plugin's restorer refuses such an archive)"
                          : "not checked: the archive could not be read to its end";
    return ck;
  }
  Result<json> parsed = ParseUntrustedJson(c.manifest_, "backup-manifest.json");
  if (!parsed.ok() || !parsed->is_object()) {
    ck.status = CheckStatus::kFailed;
    ck.message = parsed.ok() ? "backup-manifest.json is not a JSON object" : parsed.status().message();
    return ck;
  }
  const json& m = *parsed;
  *manifest_out = m;
  std::vector<std::string> problems;
  for (const char* key : {"version", "type", "contains", "created_at"}) {
    if (!m.contains(key)) problems.push_back(std::string("backup-manifest.json has no '") + key + "'");
  }
  const std::string type = m.value("type", json("")).is_string() ? m.value("type", "") : "";
  if (m.contains("type") && type != "full" && type != "incremental" && type != "pre-restore-backup") {
    problems.push_back("backup-manifest.json: unknown type '" + m["type"].dump() + "'");
  }
  std::set<std::string> contains;
  if (m.contains("contains")) {
    if (!m["contains"].is_array()) {
      problems.push_back("backup-manifest.json: 'contains' is not a list");
    } else {
      for (const auto& v : m["contains"]) {
        if (!v.is_string()) continue;
        const std::string s = v.get<std::string>();
        if (s != "db" && s != "plugins" && s != "themes" && s != "uploads") {
          report->AddWarning("backup-manifest.json: 'contains' lists '" + s + "', which the restorer ignores");
        }
        contains.insert(s);
      }
    }
  }
  if (complete) {
    uint64_t content = 0;
    std::set<std::string> folders;
    for (const EntryRecord& r : c.records_) {
      if (IsMeta(r.name)) continue;
      ++content;
      for (const char* f : {"plugins", "themes", "uploads"}) {
        if (archive::IsUnder(r.name, std::string("wp-content/") + f)) folders.insert(f);
      }
    }
    if (contains.count("db") && !c.has_sql_) {
      problems.push_back("backup-manifest.json says the archive contains the database, but database.sql is missing");
    }
    for (const char* f : {"plugins", "themes", "uploads"}) {
      if (contains.count(f) && !folders.count(f) && type == "full") {
        report->AddWarning(std::string("backup-manifest.json lists '") + f + "' but no entry lies under wp-content/" + f +
                           "/ (an empty folder, or files missing)");
      }
    }
    if (m.contains("file_count") && m["file_count"].is_number_unsigned() && m["file_count"].get<uint64_t>() > 0 &&
        m["file_count"].get<uint64_t>() != content) {
      problems.push_back("backup-manifest.json: file_count is " + m["file_count"].dump() + ", the archive holds " +
                         std::to_string(content) + " content entries");
    }
    const std::string checksum = m.value("checksum", json("")).is_string() ? m.value("checksum", "") : "";
    if (!checksum.empty() && m.value("checksum_of", json("")) == json(archive::kIndexName)) {
      if (!c.has_index_) {
        problems.push_back("backup-manifest.json gives the checksum of backup-index.json, which is missing");
      } else if (checksum != c.index_sha_) {
        problems.push_back("backup-manifest.json records SHA-256 " + checksum + " for backup-index.json, which has " +
                           c.index_sha_ + " (the index was altered or replaced)");
      } else {
        ck.evidence["index_checksum"] = "matches";
      }
    } else if (checksum.empty()) {
      ck.evidence["index_checksum"] = "none recorded (plugin archive)";
    }
    ck.evidence["content_entries"] = content;
  }
  if (!c.manifest_first_) report->AddWarning("backup-manifest.json is not the first entry");
  ck.evidence["type"] = type;
  ck.evidence["contains"] = contains;
  if (!problems.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = FirstAndCount(problems);
    ck.evidence["problems"] = Listed(problems);
  } else if (!complete) {
    ck.status = CheckStatus::kSkipped;
    ck.message = "backup-manifest.json is well-formed, but its consistency with the entries could not be "
                 "checked: the archive could not be read to its end";
  } else {
    ck.message = "backup-manifest.json is well-formed and consistent with the entries";
  }
  return ck;
}

Check DatabaseCheck(const Collector& c, bool complete, const json& manifest) {
  Check ck{"database", CheckStatus::kPassed, "", json::object()};
  if (!c.has_sql_) {
    ck.status = CheckStatus::kSkipped;
    ck.message = complete ? "no database.sql in the archive" : "not checked: the archive could not be read to its end";
    return ck;
  }
  if (!c.sql_error_.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = "database.sql cannot be read: " + c.sql_error_;
    return ck;
  }
  const SqlSummary& s = c.sql_.summary();
  uint64_t rows = 0, created = 0;
  json tables = json::object();
  for (const auto& [name, t] : s.tables) {
    rows += t.rows;
    created += t.created ? 1 : 0;
    tables[name] = {{"created", t.created}, {"rows", t.rows}};
  }
  ck.evidence = {{"bytes", s.bytes}, {"statements", s.statements}, {"inserts", s.inserts}, {"tables_created", created},
                 {"rows", rows}};
  if (s.tables.size() <= 200) ck.evidence["tables"] = tables;
  std::vector<std::string> problems = s.errors;
  if (s.error_count > s.errors.size()) {
    problems.push_back(std::to_string(s.error_count - s.errors.size()) + " more problems not listed");
  }
  if (s.statements == 0 && s.error_count == 0) problems.push_back("database.sql holds no SQL statement");
  if (manifest.is_object() && manifest.contains("tables") && manifest["tables"].is_array()) {
    for (const auto& t : manifest["tables"]) {
      if (!t.is_string()) continue;
      auto it = s.tables.find(t.get<std::string>());
      if (it == s.tables.end() || !it->second.created) {
        problems.push_back("table `" + t.get<std::string>() + "` is listed in the manifest but not created by database.sql");
      }
    }
    ck.evidence["manifest_tables"] = manifest["tables"].size();
  }
  if (!problems.empty()) {
    ck.status = CheckStatus::kFailed;
    ck.message = "database.sql: " + FirstAndCount(problems);
    ck.evidence["problems"] = Listed(problems);
  } else {
    ck.message = "database.sql: " + std::to_string(s.statements) + " complete statements, " + std::to_string(created) +
                 " tables created, " + std::to_string(rows) + " rows inserted, well-formed";
  }
  return ck;
}

// --- the pass -----------------------------------------------------------------------------------

struct Source {
  enum Kind { kZip, kAead, kBjlgenc1, kUnknown } kind = kUnknown;
};

Source::Kind Sniff(const uint8_t* head, size_t n) {
  if (n >= 8 && memcmp(head, crypto::AeadHeader::kMagic, 8) == 0) return Source::kAead;
  if (n >= 8 && memcmp(head, crypto::Bjlgenc1Header::kMagic, 8) == 0) return Source::kBjlgenc1;
  if (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) return Source::kZip;
  if (n >= 4 && memcmp(head, "PK\x05\x06", 4) == 0) return Source::kZip;  // an empty zip
  return Source::kUnknown;
}

json EncryptionEvidence(const crypto::FileReport& f) {
  json e = {{"format", f.format}, {"mode", f.mode}, {"cipher", f.cipher}, {"kdf", f.kdf}};
  if (!f.key_fingerprint.empty()) e["key_fingerprint"] = f.key_fingerprint;
  if (f.chunks > 0) e["chunks"] = f.chunks;
  return e;
}

// The plugin's format: its MAC covers the whole ciphertext, so a first pass authenticates the
// file (hashing it as stored on the reading thread) and a second one decrypts it into the zip
// reader, in memory, re-authenticating as it goes. Adds the encryption check; returns whether
// the content checks may be made from what the zip reader got (false when the content was never
// read, or read from bytes the second pass could not authenticate again).
bool VerifyBjlgenc1(const crypto::InputFile& in, const crypto::Secret& secret, ZipStream* zip, PassOutcome* out,
                    Sha256* file_hash /* or null */, const std::function<bool(uint64_t)>& progress, Report* report) {
  uint8_t h[crypto::Bjlgenc1Header::kMaxSize];
  const size_t n = static_cast<size_t>(std::min<uint64_t>(sizeof h, in.size()));
  Status s = in.ReadAt(0, h, n);
  Result<crypto::Bjlgenc1Header> header = s.ok() ? crypto::Bjlgenc1Header::Parse(h, n, in.size())
                                                 : Result<crypto::Bjlgenc1Header>(s);
  json evidence = {{"format", "bjlgenc1"}, {"cipher", "aes-256-cbc"}};
  if (!header.ok()) {
    const bool io = header.status().code() == Status::Code::kIOError;
    report->AddCheck({"encryption", io ? CheckStatus::kInconclusive : CheckStatus::kFailed,
                      (io ? "the archive cannot be read: " : "the encrypted archive is damaged: ") +
                          header.status().message(),
                      evidence});
    return false;
  }
  evidence["version"] = header->version;
  evidence["mode"] = header->version == 1 ? "unknown" : header->password_mode ? "password" : "key";
  evidence["kdf"] = header->password_mode ? "pbkdf2-sha256" : header->version == 1 ? "unknown" : "none";
  crypto::Bjlgenc1Stream stream;
  if (file_hash != nullptr) {
    file_hash->Update(h, static_cast<size_t>(header->ciphertext_offset));
    stream.ciphertext = [file_hash](const uint8_t* data, size_t n) { file_hash->Update(data, n); };
  }
  stream.progress = [&](uint64_t done, int pass) {
    if (progress(crypto::Bjlgenc1Progress(*header, in.size(), done, pass))) return true;
    out->cancelled = true;
    return false;
  };
  stream.sink = [zip, out](const uint8_t* data, size_t n) {
    // After a structural error, read on to the end so that the verdict rests on bytes the
    // second pass authenticated (the zip reader cannot take more anyway).
    if (out->zip.ok()) out->zip = zip->Feed(data, n);
    return Status::OK();
  };
  uint64_t plain = 0;
  s = crypto::Bjlgenc1DecryptStream(in, *header, secret, {}, stream, &plain);
  if (s.ok()) {
    evidence["plaintext_size"] = plain;
    report->AddCheck({"encryption", CheckStatus::kPassed,
                      "BJLGENC1: the HMAC-SHA256 over the whole ciphertext and the padding check out, "
                      "and the content was decrypted in memory and authenticated again",
                      evidence});
    return true;
  }
  if (out->cancelled) {
    report->AddCheck({"encryption", CheckStatus::kInconclusive, "not completed: cancelled by the progress callback",
                      evidence});
    return true;  // the content checks say what was not done, as for the other formats
  }
  if (s.code() == Status::Code::kIOError) {
    report->AddCheck({"encryption", CheckStatus::kInconclusive, "the archive cannot be read: " + s.message(), evidence});
    return false;
  }
  if (stream.failed_pass == 2) {
    report->AddCheck({"encryption", CheckStatus::kInconclusive,
                      "the archive changed while it was being verified: it authenticated, then its second "
                      "(decrypting) pass did not; verify it again once nothing writes to it",
                      evidence});
    return false;
  }
  // BJLGENC1 has no key id: a wrong secret and altered data look the same (docs/encryption.md
  // §2.1); only the wrong kind of secret (a key for a password file) is told apart.
  if (s.code() == Status::Code::kUnauthenticated) evidence["reason"] = "wrong_key";
  report->AddCheck({"encryption", CheckStatus::kFailed,
                    s.code() == Status::Code::kUnauthenticated
                        ? s.message() + ": the secret given does not open this archive"
                        : "the encrypted archive does not authenticate: " + s.message(),
                    evidence});
  return false;
}

}  // namespace

bool InSample(const std::string& name, double fraction) {
  if (fraction >= 1.0) return true;
  uint8_t digest[crypto::kSha256Size];
  Sha256Digest(name.data(), name.size(), digest);
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | digest[i];
  return static_cast<double>(v) / 18446744073709551616.0 < fraction;
}

namespace {

// One verification: the archive opened and recognised, one streaming pass through its
// decryption (if any) into the zip parser, then the checks on what the pass collected.
class VerifyRun {
 public:
  VerifyRun(const std::string& path, const VerifyOptions& options)
      : path_(path),
        options_(options),
        report_("verify"),
        collector_(options.sample),
        zip_(&collector_),
        reporter_(options.progress, {"read"}, options.progress_interval) {}

  Result<Report> Run() {
    Result<crypto::InputFile> opened = crypto::InputFile::Open(path_, "archive");
    if (!opened.ok()) {
      if (access(path_.c_str(), F_OK) != 0) return Status::NotFound("no archive at " + path_);
      report_.SetArchive(path_, 0);
      return Unreadable(opened.status());
    }
    in_ = &*opened;
    report_.SetArchive(path_, in_->size());
    head_size_ = static_cast<size_t>(std::min<uint64_t>(sizeof head_, in_->size()));
    if (Status s = in_->ReadAt(0, head_, head_size_); !s.ok()) return Unreadable(s);
    const Source::Kind kind = Sniff(head_, head_size_);
    if (kind == Source::kUnknown) return UnknownFormat();

    if (options_.archive_sha256) file_hash_ = &file_hash_state_;
    pass_start_ = Clock::now();
    if (!reporter_.Begin("read", in_->size(), "bytes")) return Cancelled();
    const bool content_readable = Pass(kind);
    if (out_.cancelled || (content_readable && !reporter_.End())) return Cancelled();
    if (content_readable) {
      Conclude();
    } else {
      report_.AddDuration("read", Seconds(pass_start_));
    }
    report_.Set("sample", options_.sample);
    report_.Finish();
    return std::move(report_);
  }

 private:
  static Status Cancelled() { return Status::Cancelled("cancelled by the progress callback"); }

  Result<Report> Unreadable(const Status& s) {
    report_.AddCheck({"read", CheckStatus::kInconclusive, "the archive cannot be read: " + s.message(), json::object()});
    report_.Finish();
    return std::move(report_);
  }

  Result<Report> UnknownFormat() {
    report_.AddCheck({"zip_structure", CheckStatus::kFailed,
                      "not a zip archive nor a bjlg or BJLGENC1 encrypted archive (unknown first bytes)",
                      {{"size", in_->size()}, {"reason", "unknown_format"}}});
    report_.Finish();
    return std::move(report_);
  }

  bool Progress(uint64_t done) {
    bytes_done_ = done;
    return reporter_.Update(done, collector_.current());
  }

  // The pass over the archive; false when its content could not be read at all (encrypted and
  // no secret given, or a secret that does not open it).
  bool Pass(Source::Kind kind) {
    if (kind == Source::kZip) {
      ReadZip();
      return true;
    }
    if (!options_.secret) {
      Result<crypto::FileReport> info = crypto::InspectFile(path_);
      report_.AddCheck({"encryption", CheckStatus::kInconclusive,
                        "the archive is encrypted and no key or password was given",
                        info.ok() ? EncryptionEvidence(*info) : json::object()});
      return false;
    }
    if (kind == Source::kBjlgenc1) {
      return VerifyBjlgenc1(*in_, *options_.secret, &zip_, &out_, file_hash_,
                            [this](uint64_t done) { return Progress(done); }, &report_);
    }
    return ReadAead();
  }

  void ReadZip() {
    Status s = ReadBlocks(*in_, 0, kPlainBlock, file_hash_, [this](uint8_t* data, size_t size, uint64_t offset) {
      out_.zip = zip_.Feed(data, size);
      if (!out_.zip.ok()) return out_.zip;
      if (!Progress(offset + size)) {
        out_.cancelled = true;
        return Cancelled();
      }
      return Status::OK();
    });
    if (!s.ok() && out_.zip.ok() && !out_.cancelled) out_.io = s;
  }

  // A bjlg-format archive: opened with the secret, then batch k+1 read and hashed, batch k
  // opened on every core, while batch k-1 is parsed here.
  bool ReadAead() {
    Result<crypto::AeadHeader> header = crypto::AeadHeader::Parse(head_, head_size_);
    Result<crypto::AeadKeys> keys =
        header.ok() ? crypto::OpenHeader(*header, *options_.secret) : Result<crypto::AeadKeys>(header.status());
    Result<uint64_t> chunks = keys.ok() ? header->ChunkCount(in_->size()) : Result<uint64_t>(keys.status());
    if (!chunks.ok()) {
      const Status& s = chunks.status();
      const bool wrong = s.code() == Status::Code::kUnauthenticated;
      json evidence = header.ok() ? EncryptionEvidence(crypto::DescribeAeadFile(*header, in_->size())) : json::object();
      if (wrong) evidence["reason"] = "wrong_key";  // told apart from damage without the wording
      report_.AddCheck({"encryption", CheckStatus::kFailed,
                        wrong ? s.message() + ": the secret given does not open this archive"
                              : "the encrypted archive is damaged: " + s.message(),
                        evidence});
      return false;
    }
    crypto::AeadReadStream stream;
    if (file_hash_ != nullptr) {
      file_hash_->Update(head_, crypto::AeadHeader::kSize);
      stream.ciphertext = [this](const uint8_t* data, size_t size) { file_hash_->Update(data, size); };
    }
    stream.sink = [this](const uint8_t* data, size_t size) {
      out_.zip = zip_.Feed(data, size);
      return out_.zip;
    };
    stream.progress = [this](uint64_t done) {
      out_.cancelled = !Progress(done);
      return !out_.cancelled;
    };
    Status s = crypto::DecryptAeadStream(*in_, *header, *keys, crypto::ResolveThreads(options_.threads), stream);
    if (!s.ok() && out_.zip.ok() && !out_.cancelled) {
      (s.code() == Status::Code::kIOError ? out_.io : out_.encryption) = s;
    }
    AddAeadEncryptionCheck(EncryptionEvidence(crypto::DescribeAeadFile(*header, in_->size())));
    return true;
  }

  void AddAeadEncryptionCheck(const json& evidence) {
    if (!out_.encryption.ok()) {
      report_.AddCheck({"encryption", CheckStatus::kFailed,
                        "the encrypted archive is damaged: " + out_.encryption.message(), evidence});
    } else if (!out_.io.ok() || out_.cancelled || !out_.zip.ok()) {
      report_.AddCheck({"encryption", out_.zip.ok() ? CheckStatus::kInconclusive : CheckStatus::kSkipped,
                        "not completed: reading stopped before the last chunk", evidence});
    } else {
      report_.AddCheck({"encryption", CheckStatus::kPassed,
                        "every chunk authenticated (" + evidence["cipher"].get<std::string>() +
                            "), the key matches the archive, and the file is not truncated",
                        evidence});
    }
  }

  // After a pass that read the content: the zip finished, then every check on what it collected.
  void Conclude() {
    if (out_.zip.ok() && out_.io.ok() && out_.encryption.ok() && !out_.cancelled) {
      out_.zip = zip_.Finish();
      out_.complete = out_.zip.ok();
    }
    collector_.FinishHashes();
    report_.AddDuration("read", Seconds(pass_start_));
    const Clock::time_point checks_start = Clock::now();
    AddStructureCheck();
    const bool complete = out_.complete;
    report_.AddCheck(EntryNamesCheck(collector_, zip_, complete));
    report_.AddCheck(EntryDataCheck(collector_, complete, options_.sample));
    uint64_t unchanged = 0;
    report_.AddCheck(IndexCheck(collector_, complete, &unchanged));
    json manifest = nullptr;
    report_.AddCheck(ManifestCheck(collector_, complete, &manifest, &report_));
    report_.AddCheck(DatabaseCheck(collector_, complete, manifest));
    report_.AddDuration("checks", Seconds(checks_start));

    uint64_t checked = 0;
    for (const EntryRecord& r : collector_.records_) checked += r.checked ? 1 : 0;
    report_.Set("entries", {{"total", collector_.records_.size()}, {"checked", checked}});
    report_.Set("bytes", {{"archive", in_->size()}, {"read", bytes_done_}, {"zip", zip_.BytesRead()},
                          {"uncompressed", collector_.uncompressed_}});
    if (complete && file_hash_ != nullptr) report_.Set("sha256", file_hash_->FinalHex());
    SetBackupAndRpo(&report_, manifest, "", options_.history);
  }

  void AddStructureCheck() {
    if (!out_.io.ok()) {
      report_.AddCheck({"zip_structure", CheckStatus::kInconclusive, "the archive cannot be read: " + out_.io.message(),
                        json::object()});
    } else if (!out_.encryption.ok()) {
      report_.AddCheck({"zip_structure", CheckStatus::kSkipped, "not completed: the encryption check failed",
                        json::object()});
    } else if (out_.zip.code() == Status::Code::kNotSupported) {
      report_.AddCheck({"zip_structure", CheckStatus::kInconclusive, out_.zip.message(), json::object()});
    } else if (!out_.zip.ok()) {
      report_.AddCheck({"zip_structure", CheckStatus::kFailed, out_.zip.message(),
                        zip_.NotAZip() ? json{{"reason", "not_a_zip"}} : json::object()});
    } else {
      report_.AddCheck({"zip_structure", CheckStatus::kPassed,
                        std::to_string(zip_.Central().size()) +
                            " entries: local headers, central directory and end record agree",
                        {{"entries", zip_.Central().size()}, {"zip_bytes", zip_.BytesRead()}}});
    }
  }

  const std::string& path_;
  const VerifyOptions& options_;
  Report report_;
  Collector collector_;
  ZipStream zip_;
  ProgressReporter reporter_;
  const crypto::InputFile* in_ = nullptr;  // owned by Run()
  uint8_t head_[crypto::AeadHeader::kSize] = {};
  size_t head_size_ = 0;
  PassOutcome out_;
  Sha256 file_hash_state_;
  Sha256* file_hash_ = nullptr;  // &file_hash_state_ when the archive's SHA-256 is asked for
  Clock::time_point pass_start_;
  uint64_t bytes_done_ = 0;
};

}  // namespace

Result<Report> Verify(const std::string& path, const VerifyOptions& options) {
  if (!(options.sample > 0.0 && options.sample <= 1.0)) {
    return Status::InvalidOption("sample", "must be a fraction greater than 0 and at most 1");
  }
  if (Status s = CheckThreadCount(options.threads); !s.ok()) return s;
  return VerifyRun(path, options).Run();
}

}  // namespace bjlg::verify
