#include "quota/sftp_endpoint.h"

#include "quota/crypto.h"

namespace bjlg::quota {

std::string SftpFolder(const Destination& d) {
  std::string path = d.Text("path", "/");
  if (path.empty() || path[0] != '/') path = "/" + path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

void SftpAccess(const Destination& d, const std::string& folder, remote::Request* r) {
  r->url = "sftp://" + d.Text("host") + ":" + std::to_string(d.Number("port").value_or(22)) + UriEncode(folder, true);
  if (r->url.back() != '/') r->url += '/';
  r->username = d.Text("username");
  r->password = d.Text("password");
  r->ssh_private_key = d.Text("private_key");
  r->ssh_public_key = d.Text("public_key");
  r->ssh_passphrase = d.Text("passphrase");
  if (d.Flag("verify_host_key", true)) {
    r->ssh_host_sha256 = d.Text("host_key_sha256");
    r->ssh_known_hosts = d.Text("known_hosts");
  }
}

}  // namespace bjlg::quota
