// The addresses a destination may make the server connect to (issue 16, class 7: server-side
// request forgery). A destination's configuration may come from an admin bjlg should not trust
// with the server's network position: without this check an endpoint could make the server call
// the cloud's metadata service (169.254.169.254) or a host of the internal network.
//
// The check runs on the address actually connected (libcurl's open-socket callback, after DNS
// resolution, for every connection including redirects), so a name that resolves differently on
// a second lookup (DNS rebinding) gains nothing.
//  - link-local (169.254/16, fe80::/10) and unspecified (0/8, ::) addresses are always refused;
//  - loopback (127/8, ::1) and private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are
//    refused unless the destination or the collector sets `allow_private_network`;
//  - IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) IPv6
//    addresses are judged by the IPv4 address they carry.
#ifndef BJLG_REMOTE_ADDRESS_POLICY_H_
#define BJLG_REMOTE_ADDRESS_POLICY_H_

#include <sys/socket.h>

#include <optional>
#include <string>

namespace bjlg::remote {

enum class AddressClass { kPublic, kLinkLocal, kUnspecified, kLoopback, kPrivate };

// The class of an AF_INET or AF_INET6 address (any other family: kUnspecified).
AddressClass ClassifyAddress(const struct sockaddr* address);

// "a link-local address", "a loopback address", …
const char* AddressClassDescription(AddressClass c);

// The address in its usual text form ("169.254.169.254", "fe80::1").
std::string AddressText(const struct sockaddr* address);

// Why connecting to `address` is refused ("169.254.169.254 is a link-local address"), or nothing
// when it is allowed.
std::optional<std::string> RefuseAddress(const struct sockaddr* address, bool allow_private_network);

}  // namespace bjlg::remote

#endif  // BJLG_REMOTE_ADDRESS_POLICY_H_
