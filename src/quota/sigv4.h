// AWS Signature Version 4 (header form), as S3 and every S3-compatible store check it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
//
// Tested against AWS's published test-suite vectors (tests/quota/sigv4_test.cc) and against
// botocore's signer (tests/quota/sigv4_botocore.py, via the validating S3 front).
#ifndef BJLG_QUOTA_SIGV4_H_
#define BJLG_QUOTA_SIGV4_H_

#include <string>
#include <utility>
#include <vector>

namespace bjlg::quota {

struct SigV4Credentials {
  std::string access_key;
  std::string secret_key;
  std::string region;    // "us-east-1"
  std::string service;   // "s3"
};

struct SigV4Request {
  std::string method;                                        // "GET"
  std::string path;                                          // raw, unencoded: "/bucket/a b"
  std::vector<std::pair<std::string, std::string>> query;    // raw names and values
  std::vector<std::pair<std::string, std::string>> headers;  // must include host and x-amz-date
  std::string payload_sha256_hex;                            // hex SHA-256 of the body
};

struct SigV4Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;       // hex
  std::string authorization;   // the Authorization header's value
  std::string canonical_query; // what goes after '?' in the URL, already encoded
};

// Signs `request` at `amz_date` ("20150830T123600Z", UTC; also the x-amz-date header's value).
SigV4Signature SignV4(const SigV4Request& request, const SigV4Credentials& credentials,
                      const std::string& amz_date);

// The current time as an x-amz-date: "YYYYMMDDTHHMMSSZ".
std::string AmzDateNow();

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_SIGV4_H_
