// Secret: what opens an encrypted file, a Key or a password. A password is kept as the raw
// bytes the user gave (no normalisation, as the plugin does) and wiped on release.
#ifndef BJLG_CRYPTO_SECRET_H_
#define BJLG_CRYPTO_SECRET_H_

#include <string>
#include <string_view>
#include <variant>

#include "crypto/key.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

class Password {
 public:
  explicit Password(std::string_view bytes) : bytes_(bytes) {}
  Password(const Password& other) : bytes_(other.bytes_) {}
  Password& operator=(const Password&) = delete;
  ~Password() { Wipe(bytes_.data(), bytes_.size()); }

  std::string_view bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

using Secret = std::variant<Key, Password>;

inline bool IsPassword(const Secret& s) { return std::holds_alternative<Password>(s); }

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_SECRET_H_
