#include "common/version.h"

#include <curl/curl.h>
#include <libdeflate.h>
#include <openssl/crypto.h>
#include <zip.h>

// yaml-cpp has no version API: the build passes its pkg-config version as a bare pp-number
// (-DBJLG_YAML_CPP_VERSION=0.7.0), which we turn into a string here.
#ifndef BJLG_YAML_CPP_VERSION
#error "BJLG_YAML_CPP_VERSION must be defined by the build"
#endif
#define BJLG_STRINGIFY_(x) #x
#define BJLG_STRINGIFY(x) BJLG_STRINGIFY_(x)

namespace bjlg {

std::vector<std::pair<std::string, std::string>> LibraryVersions() {
  const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
  return {
      {"libzip", zip_libzip_version()},
      {"OpenSSL", OpenSSL_version(OPENSSL_VERSION)},
      {"libcurl", curl != nullptr ? curl->version : LIBCURL_VERSION},
      {"yaml-cpp", BJLG_STRINGIFY(BJLG_YAML_CPP_VERSION)},
      {"libdeflate", LIBDEFLATE_VERSION_STRING},
  };
}

}  // namespace bjlg
