// Hardening (issue 16, class 8): an encryption option that does not apply is refused, never
// silently ignored.
#include <catch2/catch.hpp>
#include <string>

#include "crypto/cipher.h"
#include "crypto/key.h"

using namespace bjlg::crypto;

namespace {

std::string Refusal(const Secret& secret, const EncryptOptions& o) {
  bjlg::Status s = CheckEncryptOptions(secret, o);
  if (s.ok()) return "accepted";
  CHECK(s.code() == bjlg::Status::Code::kInvalidArgument);
  return s.message();
}

}  // namespace

TEST_CASE("CheckEncryptOptions refuses KDF and format settings that do not apply", "[harden][crypto]") {
  const Secret password = Password("correct horse");
  const Secret key = *Key::Generate();
  EncryptOptions o;
  CHECK(Refusal(password, o) == "accepted");
  CHECK(Refusal(key, o) == "accepted");

  o.format = Format::kBjlgenc1;
  CHECK(Refusal(password, o) == "accepted");
  o.given.kdf = true;
  CHECK(Refusal(password, o).rfind("option \"kdf\" does not apply to the bjlgenc1 format", 0) == 0);
  o.given = {};
  o.given.chunk_size = true;
  CHECK(Refusal(key, o).rfind("option \"chunk_size\" does not apply to the bjlgenc1 format", 0) == 0);

  o = EncryptOptions();
  o.given.kdf = true;
  CHECK(Refusal(password, o) == "accepted");
  CHECK(Refusal(key, o) == "option \"kdf\" does not apply to a Key: only a password goes through a KDF");
  o.given = {};
  o.given.pbkdf2_iterations = true;
  CHECK(Refusal(key, o) == "option \"pbkdf2_iterations\" does not apply to a Key: only a password goes through a KDF");
  CHECK(Refusal(password, o) == "option \"pbkdf2_iterations\" applies to kdf \"pbkdf2\" only");
  o.password_kdf = KdfId::kPbkdf2Sha256;
  CHECK(Refusal(password, o) == "accepted");
  o.given.scrypt_log_n = true;
  CHECK(Refusal(password, o) == "option \"scrypt_log_n\" applies to kdf \"scrypt\" only");
}

TEST_CASE("EncryptFile refuses an option that does not apply before touching any file", "[harden][crypto]") {
  EncryptOptions o;
  o.format = Format::kBjlgenc1;
  o.given.kdf = true;
  auto r = EncryptFile("/nonexistent/in", "/nonexistent/out", Password("pw"), o);
  CHECK(r.status().code() == bjlg::Status::Code::kInvalidArgument);
}

TEST_CASE("Encryption settings are set by name, with their names and ranges checked here only", "[harden][crypto]") {
  EncryptOptions o;
  CHECK(EncryptSettingType("format") == SettingType::kName);
  CHECK(EncryptSettingType("scrypt_log_n") == SettingType::kNumber);
  CHECK(EncryptSettingType("colour") == SettingType::kUnknown);

  CHECK(SetEncryptSetting("format", std::string("bjlgenc1"), &o).ok());
  CHECK(o.format == Format::kBjlgenc1);
  CHECK(SetEncryptSetting("cipher", std::string("chacha20-poly1305"), &o).ok());
  CHECK(o.cipher == AeadCipher::kChaCha20Poly1305);
  CHECK(o.given.cipher);
  const bjlg::Status kdf = SetEncryptSetting("kdf", std::string("argon2"), &o);
  CHECK(kdf.option() == "kdf");
  CHECK(kdf.message() == "option \"kdf\" must be \"scrypt\" or \"pbkdf2\"");

  CHECK(SetEncryptSetting("chunk_size", int64_t{16}, &o).ok());
  CHECK(o.given.chunk_size);
  CHECK(SetEncryptSetting("chunk_size", int64_t{15}, &o).message() ==
        "option \"chunk_size\" must be between 16 and 67108864");
  CHECK(SetEncryptSetting("scrypt_log_n", int64_t{21}, &o).message() == "option \"scrypt_log_n\" must be between 14 and 20");
  CHECK(SetEncryptSetting("pbkdf2_iterations", int64_t{599999}, &o).option() == "pbkdf2_iterations");
  CHECK(SetEncryptSetting("threads", int64_t{257}, &o).option() == "threads");
  CHECK(SetEncryptSetting("threads", int64_t{4}, &o).ok());
  CHECK(o.threads == 4u);

  DecryptOptions d;
  CHECK(SetDecryptThreads(-1, &d).option() == "threads");
  CHECK(SetLegacySalt("short", &d).message() == "option \"legacy_salt\" must be 16 bytes");
  CHECK(SetLegacySalt(std::string(16, 'x'), &d).ok());
  CHECK(d.legacy_salt.has_value());
}
