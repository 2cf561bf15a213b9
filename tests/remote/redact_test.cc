// RedactCredentials (issue 16, class 6): a server's error body or an echoed URL put in a quota
// message keeps its meaning and loses every credential, signature and token it carried.
#include "remote/redact.h"

#include <catch2/catch.hpp>

namespace bjlg::remote {
namespace {

TEST_CASE("An echoed Authorization header loses its whole value", "[harden][quota][remote]") {
  const std::string body =
      "Request was: GET /bucket\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/us-east-1/s3/"
      "aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7\n"
      "Host: example.com";
  const std::string out = RedactCredentials(body);
  CHECK(out == "Request was: GET /bucket\nAuthorization: [redacted]\nHost: example.com");
  CHECK(RedactCredentials("{\"authorization\":\"Bearer abc.def\",\"x\":1}") == "{\"authorization\":\"[redacted]\",\"x\":1}");
  CHECK(RedactCredentials("proxy-authorization=Basic dXNlcjpwYXNz") == "proxy-authorization=[redacted]");
}

TEST_CASE("SigV4 and SAS signatures, bearer and OAuth tokens are removed from URLs and bodies", "[harden][quota][remote]") {
  CHECK(RedactCredentials("https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F2026&"
                          "X-Amz-Signature=deadbeef01&X-Amz-Security-Token=FQoGZX&x=1") ==
        "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[redacted]&"
        "X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]&x=1");
  CHECK(RedactCredentials("https://acct.blob.core.windows.net/c?sv=2021-08-06&sp=rl&sig=AbC%2Bdef%3D&se=2027") ==
        "https://acct.blob.core.windows.net/c?sv=2021-08-06&sp=rl&sig=[redacted]&se=2027");
  CHECK(RedactCredentials("invalid token: Bearer ya29.a0AfH6SMB; retry") == "invalid token: Bearer [redacted]; retry");
  CHECK(RedactCredentials("{\"error\":\"invalid_grant\",\"access_token\": \"tok123\",\"refresh_token\":\"r456\"}") ==
        "{\"error\":\"invalid_grant\",\"access_token\": \"[redacted]\",\"refresh_token\":\"[redacted]\"}");
  CHECK(RedactCredentials("client_secret=s3cr3t&grant_type=refresh_token") ==
        "client_secret=[redacted]&grant_type=refresh_token");
  CHECK(RedactCredentials("<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>abcd1234</SignatureProvided>"
                          "</Error>") ==
        "<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>[redacted]</SignatureProvided></Error>");
}

TEST_CASE("Text without credentials is left as it is", "[harden][quota][remote]") {
  for (const std::string text :
       {"S3 ListObjectsV2: HTTP 403 (SignatureDoesNotMatch)", "the signature does not match", "signal lost",
        "SignedHeaders=host;x-amz-date", "bearer", "Azure: design=1 assignment=2", ""}) {
    CHECK(RedactCredentials(text) == text);
  }
}

}  // namespace
}  // namespace bjlg::remote
