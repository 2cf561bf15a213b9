// Dispatcher::Send without a receiver (the loopback receivers are in tests/notify/integration.py):
// option ranges, results in input order, refused messages, private addresses, secrets redacted.
#include <catch2/catch.hpp>

#include "notify/dispatcher.h"

namespace bjlg::notify {
namespace {

Message SlackTo(const std::string& url) {
  Message m;
  m.channel.type = ChannelType::kSlack;
  m.channel.name = "ops";
  m.channel.webhook_url = url;
  m.event = "backup_failed";
  m.title = "T";
  return m;
}

TEST_CASE("Dispatcher options are range-checked with the option's name", "[notify]") {
  DispatchOptions o;
  CHECK(o.Validate().ok());
  o.timeout_ms = 0;
  CHECK(o.Validate().message().rfind("option \"timeout_ms\"", 0) == 0);
  o = DispatchOptions();
  o.retries = 11;
  CHECK(o.Validate().message().rfind("option \"retries\"", 0) == 0);
}

TEST_CASE("Dispatcher: results in order, loopback refused by default, keyed URL never shown", "[notify]") {
  std::vector<Result<Message>> batch;
  batch.push_back(SlackTo("http://127.0.0.1:9/services/T0/B0/secret-key-1"));
  batch.push_back(Status::InvalidArgument("message #1 needs key \"title\""));
  batch.push_back(SlackTo("http://127.0.0.1:9/services/T0/B0/secret-key-2"));
  DispatchOptions o;
  o.timeout_ms = 2000;
  o.retries = 0;
  auto r = Send(batch, o);
  REQUIRE(r.ok());
  REQUIRE(r.value().size() == 3);
  CHECK_FALSE(r.value()[0].sent);
  CHECK(r.value()[1].error_code == "invalid");
  CHECK(r.value()[1].attempts == 0);
  CHECK(r.value()[2].channel == "ops");
  for (const DeliveryResult& d : r.value()) {
    CHECK(d.error.find("secret-key") == std::string::npos);
  }
  // Allowed, the closed port answers nothing: unreachable, one attempt.
  o.allow_private_network = true;
  r = Send({SlackTo("http://127.0.0.1:9/x")}, o);
  REQUIRE(r.ok());
  CHECK(r.value()[0].error_code == "unreachable");
  CHECK(r.value()[0].attempts == 1);
  // Cancelled from progress.
  auto cancelled = Send({SlackTo("http://127.0.0.1:9/x")}, o, [](const Progress&) { return false; });
  CHECK(cancelled.status().code() == Status::Code::kCancelled);
}

}  // namespace
}  // namespace bjlg::notify
