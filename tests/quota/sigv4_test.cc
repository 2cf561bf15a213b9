// AWS Signature V4 against AWS's published test suite ("aws-sig-v4-test-suite"): credentials
// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service "service",
// date 20150830T123600Z, host example.amazonaws.com. Inputs and expected outputs are the
// documented ones for each named case.
#include "quota/sigv4.h"

#include <catch2/catch.hpp>

#include "quota/crypto.h"

using namespace bjlg::quota;

namespace {

const SigV4Credentials kSuite = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service"};
const char kDate[] = "20150830T123600Z";
const char kEmptyHash[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

SigV4Signature Sign(const std::string& method, const std::string& path,
                    std::vector<std::pair<std::string, std::string>> query,
                    std::vector<std::pair<std::string, std::string>> extra_headers = {}) {
  SigV4Request r;
  r.method = method;
  r.path = path;
  r.query = std::move(query);
  r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", kDate}};
  for (auto& h : extra_headers) r.headers.push_back(h);
  r.payload_sha256_hex = kEmptyHash;
  return SignV4(r, kSuite, kDate);
}

}  // namespace

TEST_CASE("SigV4 get-vanilla: canonical request, string to sign, signature", "[quota][sigv4]") {
  SigV4Signature s = Sign("GET", "/", {});
  CHECK(s.canonical_request ==
        "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(s.string_to_sign ==
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  CHECK(s.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  CHECK(s.authorization ==
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST_CASE("SigV4 post-vanilla", "[quota][sigv4]") {
  CHECK(Sign("POST", "/", {}).signature == "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

TEST_CASE("SigV4 get-vanilla-query-order-key-case: query sorted by name", "[quota][sigv4]") {
  SigV4Signature s = Sign("GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}});
  CHECK(s.canonical_query == "Param1=value1&Param2=value2");
  CHECK(Hex(Sha256(s.canonical_request)) == "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
  CHECK(s.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST_CASE("SigV4 get-unreserved: unreserved characters are not encoded", "[quota][sigv4]") {
  SigV4Signature s = Sign("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", {});
  CHECK(s.signature == "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
}

TEST_CASE("SigV4 get-vanilla-utf8-query: UTF-8 query names are percent-encoded", "[quota][sigv4]") {
  SigV4Signature s = Sign("GET", "/", {{"\xE1\x88\xB4", "bar"}});
  CHECK(s.canonical_query == "%E1%88%B4=bar");
  CHECK(s.signature == "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
}

TEST_CASE("SigV4 post-header-key-sort: extra headers are lower-cased and sorted", "[quota][sigv4]") {
  SigV4Signature s = Sign("POST", "/", {}, {{"My-Header1", "value1"}});
  CHECK(s.authorization.find("SignedHeaders=host;my-header1;x-amz-date,") != std::string::npos);
  CHECK(s.signature == "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
}

TEST_CASE("SigV4: a different secret gives a different signature", "[quota][sigv4]") {
  SigV4Credentials other = kSuite;
  other.secret_key = "wrong";
  SigV4Request r;
  r.method = "GET";
  r.path = "/";
  r.headers = {{"host", "example.amazonaws.com"}, {"x-amz-date", kDate}};
  r.payload_sha256_hex = kEmptyHash;
  CHECK(SignV4(r, other, kDate).signature != "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST_CASE("UriEncode and base64 helpers", "[quota][sigv4]") {
  CHECK(UriEncode("a b+c/d~", false) == "a%20b%2Bc%2Fd~");
  CHECK(UriEncode("a b+c/d~", true) == "a%20b%2Bc/d~");
  CHECK(Base64Encode("hello") == "aGVsbG8=");
  CHECK(Base64Decode("aGVsbG8=").value() == "hello");
  CHECK(Base64Decode("aGVsbA==").value() == "hell");
  CHECK_FALSE(Base64Decode("not base64!").has_value());
}
