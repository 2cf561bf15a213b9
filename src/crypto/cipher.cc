#include "crypto/cipher.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "common/parse_limits.h"
#include "crypto/aead_stream.h"
#include "crypto/aead_writer.h"
#include "crypto/bjlgenc1.h"
#include "crypto/file_io.h"
#include "crypto/parallel.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

FileReport DescribeAeadFile(const AeadHeader& h, uint64_t file_size) {
  FileReport r;
  r.format = "bjlg";
  r.version = AeadHeader::kVersion;
  r.mode = h.kdf == KdfId::kNone ? "key" : "password";
  r.cipher = AeadCipherName(h.cipher);
  r.kdf = KdfName(h.kdf);
  if (h.kdf == KdfId::kScrypt) {
    r.scrypt_log_n = h.kdf_a;
    r.scrypt_r = h.kdf_b;
    r.scrypt_p = h.kdf_c;
  } else if (h.kdf == KdfId::kPbkdf2Sha256) {
    r.kdf_iterations = h.kdf_a;
  }
  r.key_fingerprint = HexLower(h.key_id.data(), h.key_id.size());
  r.chunk_size = h.chunk_size;
  r.encrypted_size = file_size;
  Result<uint64_t> chunks = h.ChunkCount(file_size);
  if (chunks.ok()) {
    r.chunks = *chunks;
    r.plaintext_size = h.PlaintextSize(file_size);
  }
  return r;
}

std::optional<Format> DetectFormat(const uint8_t* head, size_t size) {
  if (size >= 8 && std::memcmp(head, AeadHeader::kMagic, 8) == 0) return Format::kBjlg;
  if (size >= 8 && std::memcmp(head, Bjlgenc1Header::kMagic, 8) == 0) return Format::kBjlgenc1;
  return std::nullopt;
}

SettingType EncryptSettingType(const std::string& setting) {
  if (setting == "format" || setting == "kdf" || setting == "cipher") return SettingType::kName;
  if (setting == "chunk_size" || setting == "scrypt_log_n" || setting == "pbkdf2_iterations" || setting == "threads") {
    return SettingType::kNumber;
  }
  return SettingType::kUnknown;
}

Status SetEncryptSetting(const std::string& setting, const std::string& name, EncryptOptions* o) {
  if (setting == "format") {
    if (name == "bjlg") o->format = Format::kBjlg;
    else if (name == "bjlgenc1") o->format = Format::kBjlgenc1;
    else return Status::InvalidOption(setting, "must be \"bjlg\" or \"bjlgenc1\"");
  } else if (setting == "kdf") {
    if (name == "scrypt") o->password_kdf = KdfId::kScrypt;
    else if (name == "pbkdf2") o->password_kdf = KdfId::kPbkdf2Sha256;
    else return Status::InvalidOption(setting, "must be \"scrypt\" or \"pbkdf2\"");
    o->given.kdf = true;
  } else if (setting == "cipher") {
    if (name == "aes-256-gcm") o->cipher = AeadCipher::kAes256Gcm;
    else if (name == "chacha20-poly1305") o->cipher = AeadCipher::kChaCha20Poly1305;
    else return Status::InvalidOption(setting, "must be \"aes-256-gcm\" or \"chacha20-poly1305\"");
    o->given.cipher = true;
  } else {
    return Status::InvalidOption(setting, "is not an encryption setting with a name");
  }
  return Status::OK();
}

namespace {

// `number` in [min, max] as a uint32_t, or the option's refusal.
Status InRange(const std::string& setting, int64_t number, int64_t min, int64_t max, uint32_t* out) {
  if (number < min || number > max) {
    return Status::InvalidOption(setting, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  *out = static_cast<uint32_t>(number);
  return Status::OK();
}

}  // namespace

Status SetEncryptSetting(const std::string& setting, int64_t number, EncryptOptions* o) {
  Status s;
  if (setting == "chunk_size") {
    s = InRange(setting, number, AeadHeader::kMinChunkSize, AeadHeader::kMaxChunkSize, &o->chunk_size);
    o->given.chunk_size = true;
  } else if (setting == "scrypt_log_n") {
    s = InRange(setting, number, AeadHeader::kMinScryptLogN, AeadHeader::kMaxScryptLogN, &o->scrypt_log_n);
    o->given.scrypt_log_n = true;
  } else if (setting == "pbkdf2_iterations") {
    s = InRange(setting, number, AeadHeader::kMinPbkdf2Iterations, AeadHeader::kMaxPbkdf2Iterations,
                &o->pbkdf2_iterations);
    o->given.pbkdf2_iterations = true;
  } else if (setting == "threads") {
    s = CheckThreadCount(number, setting);
    if (s.ok()) o->threads = static_cast<unsigned>(number);
  } else {
    s = Status::InvalidOption(setting, "is not an encryption setting with a number");
  }
  return s;
}

Status SetDecryptThreads(int64_t threads, DecryptOptions* o) {
  if (Status s = CheckThreadCount(threads); !s.ok()) return s;
  o->threads = static_cast<unsigned>(threads);
  return Status::OK();
}

Status SetLegacySalt(const std::string& bytes, DecryptOptions* o) {
  std::array<uint8_t, 16> salt;
  if (bytes.size() != salt.size()) return Status::InvalidOption("legacy_salt", "must be 16 bytes");
  memcpy(salt.data(), bytes.data(), salt.size());
  o->legacy_salt = salt;
  return Status::OK();
}

Status CheckEncryptOptions(const Secret& secret, const EncryptOptions& options) {
  const EncryptOptions::Given& g = options.given;
  if (options.format == Format::kBjlgenc1) {
    const char* set = g.kdf ? "kdf" : g.scrypt_log_n ? "scrypt_log_n" : g.pbkdf2_iterations ? "pbkdf2_iterations"
                    : g.chunk_size ? "chunk_size" : g.cipher ? "cipher" : nullptr;
    if (set == nullptr) return Status::OK();
    return Status::InvalidOption(set,
                                 "does not apply to the bjlgenc1 format (AES-256-CBC, PBKDF2-SHA256 with 10,000 "
                                 "iterations for a password, fixed by the format)");
  }
  if (!IsPassword(secret)) {
    const char* set = g.kdf ? "kdf" : g.scrypt_log_n ? "scrypt_log_n" : g.pbkdf2_iterations ? "pbkdf2_iterations" : nullptr;
    if (set != nullptr) {
      return Status::InvalidOption(set, "does not apply to a Key: only a password goes through a KDF");
    }
  }
  if (g.scrypt_log_n && options.password_kdf != KdfId::kScrypt) {
    return Status::InvalidOption("scrypt_log_n", "applies to kdf \"scrypt\" only");
  }
  if (g.pbkdf2_iterations && options.password_kdf != KdfId::kPbkdf2Sha256) {
    return Status::InvalidOption("pbkdf2_iterations", "applies to kdf \"pbkdf2\" only");
  }
  return PlanAeadHeader(secret, options).status();
}

namespace {

FileReport ReportFor(const Bjlgenc1Header& h, uint64_t file_size) {
  FileReport r;
  r.format = "bjlgenc1";
  r.version = h.version;
  r.mode = h.version == 1 ? "unknown" : (h.password_mode ? "password" : "key");
  r.cipher = "aes-256-cbc";
  r.kdf = h.password_mode ? "pbkdf2-sha256" : (h.version == 1 ? "unknown" : "none");
  if (h.password_mode) r.kdf_iterations = Bjlgenc1Header::kPbkdf2Iterations;
  r.encrypted_size = file_size;
  return r;
}

// One phase of bytes as the one progress record: Begin before the engine runs, the engine's
// counts in between, End once it succeeded. Disabled (a null callback) without a ProgressFn.
class BytesPhase {
 public:
  BytesPhase(const ProgressFn& fn, const char* phase, uint64_t total)
      : reporter_(fn, {phase}, 0), phase_(phase), total_(total) {}
  Status Begin() { return Check(reporter_.Begin(phase_, total_, "bytes")); }
  std::function<bool(uint64_t)> callback() {
    if (!reporter_.enabled()) return nullptr;
    return [this](uint64_t done) { return reporter_.Update(done); };
  }
  Status End() { return Check(reporter_.End()); }

 private:
  static Status Check(bool go_on) {
    return go_on ? Status::OK() : Status::Cancelled("cancelled by the progress callback");
  }
  ProgressReporter reporter_;
  const char* phase_;
  uint64_t total_;
};

// An opened encrypted file and its parsed header, whichever the format.
struct OpenedFile {
  InputFile file;
  std::optional<AeadHeader> aead;
  std::optional<Bjlgenc1Header> legacy;
};

Result<OpenedFile> OpenEncrypted(const std::string& path) {
  Result<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  uint8_t head[Bjlgenc1Header::kMaxSize];
  size_t n = static_cast<size_t>(std::min<uint64_t>(file->size(), sizeof head));
  Status s = file->ReadAt(0, head, n);
  if (!s.ok()) return s;
  OpenedFile opened{std::move(*file), std::nullopt, std::nullopt};
  const std::optional<Format> format = DetectFormat(head, n);
  if (format == Format::kBjlg) {
    Result<AeadHeader> h = AeadHeader::Parse(head, n);
    if (!h.ok()) return h.status();
    opened.aead = *h;
  } else if (format == Format::kBjlgenc1) {
    Result<Bjlgenc1Header> h = Bjlgenc1Header::Parse(head, n, opened.file.size());
    if (!h.ok()) return h.status();
    opened.legacy = *h;
  } else {
    return Status::NotSupported("not an encrypted file: no BJLGAEAD or BJLGENC1 magic");
  }
  return opened;
}

// Verifies (out == nullptr) or decrypts.
Result<FileReport> ReadEncrypted(const std::string& in, PrivateOutput* out, const Secret& secret,
                                 const DecryptOptions& options) {
  Result<OpenedFile> opened = OpenEncrypted(in);
  if (!opened.ok()) return opened.status();
  const InputFile& file = opened->file;
  BytesPhase progress(options.progress, out == nullptr ? "verify" : "decrypt", file.size());
  Status s = progress.Begin();
  if (!s.ok()) return s;
  std::function<bool(uint64_t)> bytes_done = progress.callback();
  FileReport report;
  if (opened->aead) {
    const AeadHeader& h = *opened->aead;
    Result<AeadKeys> keys = OpenHeader(h, secret);
    if (!keys.ok()) return keys.status();
    s = DecryptAeadChunks(file, h, *keys, ResolveThreads(options.threads), out, bytes_done);
    if (!s.ok()) return s;
    report = DescribeAeadFile(h, file.size());
  } else {
    Bjlgenc1ReadOptions legacy_options;
    legacy_options.legacy_salt = options.legacy_salt;
    uint64_t plaintext_size = 0;
    auto halves = [&](uint64_t done, int pass) {
      // Verifying reads the file once; decrypting twice, each pass counting for half.
      const uint64_t file_done = out == nullptr ? opened->legacy->ciphertext_offset + done
                                                : Bjlgenc1Progress(*opened->legacy, file.size(), done, pass);
      return bytes_done(file_done);
    };
    s = Bjlgenc1Decrypt(file, *opened->legacy, secret, legacy_options, out, &plaintext_size,
                        bytes_done ? halves : std::function<bool(uint64_t, int)>());
    if (!s.ok()) return s;
    report = ReportFor(*opened->legacy, file.size());
    report.plaintext_size = plaintext_size;
    report.mode = IsPassword(secret) ? "password" : "key";
  }
  s = progress.End();
  if (!s.ok()) return s;
  return report;
}

}  // namespace

Result<FileReport> EncryptFile(const std::string& in, const std::string& out, const Secret& secret,
                               const EncryptOptions& options) {
  Status checked = CheckEncryptOptions(secret, options);
  if (!checked.ok()) return checked;
  Result<InputFile> file = InputFile::Open(in);
  if (!file.ok()) return file.status();
  BytesPhase progress(options.progress, "encrypt", file->size());
  if (options.format == Format::kBjlgenc1) {
    Result<PrivateOutput> output = PrivateOutput::Create(out);
    if (!output.ok()) return output.status();
    Status s = progress.Begin();
    if (s.ok()) s = Bjlgenc1Encrypt(*file, secret, *output, progress.callback());
    if (s.ok()) s = progress.End();
    if (s.ok()) s = output->Commit();
    if (!s.ok()) return s;
    Result<FileReport> report = InspectFile(out);
    if (report.ok()) report->plaintext_size = file->size();
    return report;
  }
  Result<NewAeadFile> started = StartAeadFile(secret, options);
  if (!started.ok()) return started.status();
  const AeadHeader& h = started->header;
  Result<PrivateOutput> output = PrivateOutput::Create(out);
  if (!output.ok()) return output.status();
  Status s = progress.Begin();
  if (s.ok()) {
    s = EncryptAeadChunks(*file, h, started->keys, ResolveThreads(options.threads), *output,
                          progress.callback());
  }
  if (s.ok()) s = progress.End();
  if (s.ok()) s = output->Commit();
  if (!s.ok()) return s;
  uint64_t chunks = file->size() == 0 ? 1 : (file->size() + h.chunk_size - 1) / h.chunk_size;
  return DescribeAeadFile(h, AeadHeader::kSize + file->size() + chunks * AeadHeader::kTagSize);
}

Result<FileReport> DecryptFile(const std::string& in, const std::string& out, const Secret& secret,
                               const DecryptOptions& options) {
  Result<PrivateOutput> output = PrivateOutput::Create(out);
  if (!output.ok()) return output.status();
  Result<FileReport> report = ReadEncrypted(in, &*output, secret, options);
  if (!report.ok()) return report;  // `output` removes the partial file
  Status s = output->Commit();
  if (!s.ok()) return s;
  return report;
}

Result<FileReport> VerifyFile(const std::string& in, const Secret& secret,
                              const DecryptOptions& options) {
  return ReadEncrypted(in, nullptr, secret, options);
}

Result<FileReport> InspectFile(const std::string& in) {
  Result<OpenedFile> opened = OpenEncrypted(in);
  if (!opened.ok()) return opened.status();
  if (opened->aead) return DescribeAeadFile(*opened->aead, opened->file.size());
  return ReportFor(*opened->legacy, opened->file.size());
}

}  // namespace bjlg::crypto
