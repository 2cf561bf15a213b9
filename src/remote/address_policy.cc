#include "remote/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace bjlg::remote {

namespace {

// `ip` in host order.
AddressClass ClassifyV4(uint32_t ip) {
  auto in = [ip](uint32_t net, int bits) { return (ip >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x00000000, 8)) return AddressClass::kUnspecified;   // 0.0.0.0/8, "this network"
  if (in(0xA9FE0000, 16)) return AddressClass::kLinkLocal;    // 169.254/16
  if (in(0x7F000000, 8)) return AddressClass::kLoopback;      // 127/8
  if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10)) {
    return AddressClass::kPrivate;                              // RFC 1918, CGNAT 100.64/10
  }
  return AddressClass::kPublic;
}

uint32_t V4At(const uint8_t* b) {
  return static_cast<uint32_t>(b[0]) << 24 | static_cast<uint32_t>(b[1]) << 16 | static_cast<uint32_t>(b[2]) << 8 | b[3];
}

AddressClass ClassifyV6(const uint8_t* b) {
  static const uint8_t kZero[16] = {};
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const uint8_t kNat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (memcmp(b, kZero, 16) == 0) return AddressClass::kUnspecified;
  if (memcmp(b, kZero, 15) == 0 && b[15] == 1) return AddressClass::kLoopback;
  if (memcmp(b, kMapped, 12) == 0 || memcmp(b, kNat64, 12) == 0 || memcmp(b, kZero, 12) == 0) {
    return ClassifyV4(V4At(b + 12));
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::kLinkLocal;  // fe80::/10
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;                     // fc00::/7
  return AddressClass::kPublic;
}

}  // namespace

AddressClass ClassifyAddress(const struct sockaddr* address) {
  if (address->sa_family == AF_INET) {
    return ClassifyV4(ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    return ClassifyV6(reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr.s6_addr);
  }
  return AddressClass::kUnspecified;
}

const char* AddressClassDescription(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic: return "a public address";
    case AddressClass::kLinkLocal: return "a link-local address";
    case AddressClass::kUnspecified: return "an unspecified address";
    case AddressClass::kLoopback: return "a loopback address";
    case AddressClass::kPrivate: return "a private address";
  }
  return "an address";
}

std::string AddressText(const struct sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = "?";
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
  }
  return text;
}

std::optional<std::string> RefuseAddress(const struct sockaddr* address, bool allow_private_network) {
  const AddressClass c = ClassifyAddress(address);
  switch (c) {
    case AddressClass::kPublic: return std::nullopt;
    case AddressClass::kLoopback:
    case AddressClass::kPrivate:
      if (allow_private_network) return std::nullopt;
      return AddressText(address) + " is " + AddressClassDescription(c) +
             " (set allow_private_network to reach it)";
    case AddressClass::kLinkLocal:
    case AddressClass::kUnspecified:
      break;
  }
  return AddressText(address) + " is " + AddressClassDescription(c);
}

}  // namespace bjlg::remote
