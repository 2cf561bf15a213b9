#include "common/status.h"

#include <cerrno>
#include <catch2/catch.hpp>
#include <string>

#include "common/version.h"

using bjlg::Result;
using bjlg::Status;

TEST_CASE("A default Status is OK and says so") {
  Status s;
  CHECK(s.ok());
  CHECK(s.code() == Status::Code::kOk);
  CHECK(s.ToString() == "OK");
}

TEST_CASE("Each failing Status keeps its kind and its message") {
  CHECK(Status::Corruption("MAC mismatch").ToString() == "Corruption: MAC mismatch");
  CHECK(Status::IOError("disk full").code() == Status::Code::kIOError);
  CHECK(Status::InvalidArgument("x").code() == Status::Code::kInvalidArgument);
  CHECK(Status::NotFound("x").code() == Status::Code::kNotFound);
  CHECK(Status::NotSupported("x").code() == Status::Code::kNotSupported);
  CHECK(Status::Cancelled("x").code() == Status::Code::kCancelled);
  CHECK_FALSE(Status::Cancelled("x").ok());
}

TEST_CASE("A Result holds either a value or the Status that explains its absence") {
  Result<std::string> good(std::string("value"));
  REQUIRE(good.ok());
  CHECK(*good == "value");
  CHECK(good->size() == 5);

  Result<std::string> bad(Status::NotFound("no such zone"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "no such zone");
}

TEST_CASE("Library versions name every library bjlg is built with") {
  auto versions = bjlg::LibraryVersions();
  std::vector<std::string> names;
  for (const auto& [name, version] : versions) {
    names.push_back(name);
    CHECK_FALSE(version.empty());
  }
  CHECK(names == std::vector<std::string>{"libzip", "OpenSSL", "libcurl", "yaml-cpp", "libdeflate"});
}

TEST_CASE("A truncation is a corruption that says so without parsing the message") {
  Status cut = Status::Truncated("truncated: the file ends after chunk 3");
  CHECK(cut.code() == Status::Code::kCorruption);
  CHECK(cut.IsTruncated());
  CHECK_FALSE(Status::Corruption("truncated-looking text").IsTruncated());
  CHECK_FALSE(Status::OK().IsTruncated());
}

TEST_CASE("Every failing Status has a stable error code", "[common][status]") {
  CHECK(Status::OK().error_code().empty());
  CHECK(Status::InvalidArgument("x").error_code() == "invalid_argument");
  CHECK(Status::NotFound("x").error_code() == "not_found");
  CHECK(Status::PermissionDenied("x").error_code() == "permission_denied");
  CHECK(Status::Corruption("x").error_code() == "corrupt");
  CHECK(Status::Truncated("x").error_code() == "truncated");
  CHECK(Status::IOError("x").error_code() == "io");
  CHECK(Status::NotSupported("x").error_code() == "unsupported");
  CHECK(Status::Cancelled("x").error_code() == "cancelled");
  CHECK(Status::Unauthenticated("x").error_code() == "wrong_key");
  CHECK(Status::Network("throttled", "429").error_code() == "throttled");
  CHECK(Status::Network("throttled", "429").code() == Status::Code::kNetwork);
}

TEST_CASE("A failed system call becomes the Status of its kind", "[common][status]") {
  CHECK(Status::FromErrno(ENOENT, "open a").code() == Status::Code::kNotFound);
  CHECK(Status::FromErrno(ENOTDIR, "open a").code() == Status::Code::kNotFound);
  CHECK(Status::FromErrno(EACCES, "open a").code() == Status::Code::kPermissionDenied);
  CHECK(Status::FromErrno(EPERM, "open a").code() == Status::Code::kPermissionDenied);
  CHECK(Status::FromErrno(ENOSPC, "write a").code() == Status::Code::kIOError);
  CHECK(Status::FromErrno(EACCES, "open a").message() == "open a: Permission denied");
}

TEST_CASE("Annotate keeps the kind, the truncation and the network code", "[common][status]") {
  CHECK(Status::Truncated("short").Annotate("reading: ").IsTruncated());
  CHECK(Status::Truncated("short").Annotate("reading: ").message() == "reading: short");
  CHECK(Status::Network("tls", "bad cert").Annotate("s3: ").error_code() == "tls");
}

TEST_CASE("An option's refusal names the option apart from its wording", "[common][status]") {
  const Status s = Status::InvalidOption("threads", "must be between 1 and 64");
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.option() == "threads");
  CHECK(s.message() == "option \"threads\" must be between 1 and 64");
  CHECK(Status::InvalidOption("journal", ": the folder is missing").message() == "option \"journal\": the folder is missing");
  CHECK(s.Annotate("purge: ").option() == "threads");
  CHECK(Status::InvalidArgument("option \"x\" looks named").option().empty());
}

TEST_CASE("An option's refusal can be given under the caller's name for the option", "[common][status]") {
  const Status s = Status::InvalidOption("kdf", "applies to a password only").AtItem(2);
  const Status renamed = s.ForOption("encrypt_kdf");
  CHECK(renamed.option() == "encrypt_kdf");
  CHECK(renamed.message() == "option \"encrypt_kdf\" applies to a password only");
  CHECK(*renamed.item() == 2);
  const Status plain = Status::NotFound("no archive");
  CHECK(plain.ForOption("x").message() == "no archive");
  CHECK(plain.ForOption("x").option().empty());
  CHECK(Status::InvalidOption("schedules", "[3][\"duration\"] must be greater than or equal to 0").message() ==
        "option \"schedules\"[3][\"duration\"] must be greater than or equal to 0");
}

TEST_CASE("A failure about one element of an input list carries its position", "[common][status]") {
  CHECK_FALSE(Status::InvalidArgument("bad").item().has_value());
  const Status s = Status::InvalidArgument("sample 3: field \"at\" is missing").AtItem(3);
  REQUIRE(s.item().has_value());
  CHECK(*s.item() == 3);
  CHECK(*s.Annotate("forecast: ").item() == 3);
  CHECK(s.message() == "sample 3: field \"at\" is missing");
}
