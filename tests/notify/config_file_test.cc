// The channels file of `bjlg notify` (notify/config_file.h): what it accepts, in which order it
// returns the channels, and how each refusal names the file, the line and the key.
#include <catch2/catch.hpp>

#include "notify/config_file.h"

namespace bjlg::notify {
namespace {

std::string Refusal(const std::string& yaml) {
  Result<OrderedJson> r = ParseNotifyConfigYaml(yaml, "ch.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  return r.status().message();
}

TEST_CASE("Notify config: channels in the file's order, the policy checked against them", "[notify]") {
  Result<OrderedJson> r = ParseNotifyConfigYaml(R"(
destinations: [ignored, by, notify]
channels:
  ops-slack: {type: slack, webhook_url: "https://hooks.slack.com/services/T/B/k"}
  alerts:
    type: telegram
    bot_token: "123:abc"
    chat_id: -1001234567890
  mail:
    type: email
    smtp: smtps://mail.example.org:465
    from: backup@example.org
    to: [ops@example.org, boss@example.org]
policy:
  notify: [mail]
  escalation: {levels: [{after_minutes: 15, channels: [alerts]}]}
  locale: fr
)", "ch.yaml");
  REQUIRE(r.ok());
  const OrderedJson& c = r.value()["channels"];
  std::vector<std::string> names;
  for (auto it = c.begin(); it != c.end(); ++it) names.push_back(it.key());
  CHECK(names == std::vector<std::string>{"ops-slack", "alerts", "mail"});
  CHECK(c["alerts"]["chat_id"] == -1001234567890);  // a number, as ParseChannel accepts it
  CHECK(c["mail"]["to"].size() == 2);
  CHECK(r.value()["policy"]["locale"] == "fr");
  CHECK_FALSE(r.value()["policy"].contains("channels"));
  CHECK_FALSE(r.value().contains("destinations"));
}

TEST_CASE("Notify config: JSON is read as YAML, no policy means no policy key", "[notify]") {
  Result<OrderedJson> r =
      ParseNotifyConfigYaml(R"({"channels": {"hook": {"type": "webhook", "url": "https://h.example/x", "secret": "s\/1"}}})",
                            "ch.json");
  REQUIRE(r.ok());
  CHECK(r.value()["channels"]["hook"]["secret"] == "s/1");
  CHECK_FALSE(r.value().contains("policy"));
}

TEST_CASE("Notify config: every refusal names the file, the line and the key, never a value", "[notify]") {
  CHECK(Refusal("channels: {}") == "ch.yaml: needs a \"channels\" map of channel name => channel");
  CHECK(Refusal("- a\n- b\n") == "ch.yaml: needs a \"channels\" map of channel name => channel");
  CHECK(Refusal("channels: [a]") == "ch.yaml: needs a \"channels\" map of channel name => channel");
  CHECK(Refusal("channels: {a: [1\n") .rfind("ch.yaml: not valid YAML", 0) == 0);

  std::string m = Refusal("channels:\n  ok: {type: teams, webhook_url: 'https://h.example/u'}\n  bad:\n    type: slack\n"
                          "    webhook_url: https://hooks.slack.com/services/very-secret\n    colour: red\n");
  CHECK(m == "ch.yaml line 4: channel \"bad\" has an unknown key \"colour\" for type slack");
  CHECK(m.find("very-secret") == std::string::npos);

  CHECK(Refusal("channels:\n  x: {type: fax}\n").rfind("ch.yaml line 2: channel \"x\" key \"type\" must be one of", 0) == 0);
  CHECK(Refusal("channels:\n  x: {type: email, smtp: 'smtp://h:25', from: a@b, to: [12]}\n") ==
        "ch.yaml line 2: channel \"x\" key \"to\" must be a list of strings");

  CHECK(Refusal("channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy:\n  notify: [b]\n") ==
        "ch.yaml line 4: policy key \"notify\" names a channel not in policy \"channels\"");
  CHECK(Refusal("channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy:\n  channels: {}\n")
            .rfind("ch.yaml line 4: \"policy\" takes its channels from the top-level", 0) == 0);
  CHECK(Refusal("channels:\n  a: {type: slack, webhook_url: 'https://h.example/u'}\npolicy: [1]\n") ==
        "ch.yaml line 3: \"policy\" must be a map");
}

TEST_CASE("Notify config: aliases that expand without end are refused", "[notify]") {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  yaml += "channels:\n  x: {type: webhook, url: 'https://h.example/u', secret: *h}\n";
  CHECK(Refusal(yaml).find("ch.yaml") != std::string::npos);
}

TEST_CASE("Notify config: a missing file or a folder is an IOError naming it", "[notify]") {
  Result<OrderedJson> r = LoadNotifyConfigFile("/nonexistent/ch.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("/nonexistent/ch.yaml") != std::string::npos);
  r = LoadNotifyConfigFile("/tmp");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
}

}  // namespace
}  // namespace bjlg::notify
