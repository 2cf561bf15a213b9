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

TEST_CASE("A message that json_encode() would refuse is refused when parsed, with its key", "[notify]") {
  OrderedJson m = {{"channel", {{"type", "slack"}, {"webhook_url", "https://hooks.slack.com/services/T/B/k"}}},
                   {"event", "backup_failed"}, {"title", "T"}};
  CHECK(ParseMessage(m, "message #0").ok());
  OrderedJson bad = m;
  bad["title"] = "caf\xe9";  // Latin-1, not UTF-8
  CHECK(ParseMessage(bad, "message #0").status().message() == "message #0 key \"title\" must be valid UTF-8");
  bad = m;
  bad["lines"] = {"ok", "\xff"};
  CHECK(ParseMessage(bad, "message #0").status().message() == "message #0 key \"lines\" must be valid UTF-8");
  bad = m;
  bad["context"] = {{"site", "\xc3"}};
  CHECK(ParseMessage(bad, "message #2").status().message() ==
        "message #2 key \"context\" must hold valid UTF-8 and finite numbers");
}

}  // namespace
}  // namespace bjlg::notify
