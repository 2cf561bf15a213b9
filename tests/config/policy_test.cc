// The site policy document (config/policy.h): what it accepts, that emitting and parsing again
// gives the same policy, that secrets are only ever references, and that every refusal names
// the line and column of what is refused, never a value.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "common/parse_limits.h"
#include "config/policy.h"

namespace bjlg::config {
namespace {

const char* kFull = R"(version: 1
schedules:
  - name: nightly
    cron: "0 3 * * *"
    type: full
  - name: hourly-delta
    cron: "15 * * * *"
    type: incremental
    enabled: false
destinations:
  - name: offsite
    type: s3
    bucket: backups
    region: eu-west-3
    access_key: {env: BJLG_S3_ACCESS_KEY}
    secret_key: {file: /etc/bjlg/s3.secret}
  - name: nas
    type: sftp
    host: nas.example.org
    port: 2222
    username: backup
    password: {option: bjlg_nas_password}
    verify_host_key: false
retention:
  keep_daily: 7
  keep_weekly: 4
  target_ratio: 0.85
  lead_days: 14
channels:
  ops-mail:
    type: email
    smtp: smtps://mail.example.org:465
    from: backup@example.org
    to: [ops@example.org]
    password: {env: SMTP_PASSWORD}
  hook:
    type: webhook
    url: https://hooks.example.org/bjlg
    secret: {option: bjlg_webhook_secret}
targets:
  rpo_hours: 24
  rto_minutes: 90
)";

std::string Refusal(const std::string& yaml) {
  Result<Policy> r = ParsePolicyYaml(yaml, "p.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  return r.status().message();
}

TEST_CASE("Policy: a full document is read into typed sections", "[config][policy]") {
  Result<Policy> r = ParsePolicyYaml(kFull, "p.yaml");
  REQUIRE(r.ok());
  const Policy& p = *r;
  REQUIRE(p.schedules);
  REQUIRE(p.schedules->size() == 2);
  CHECK((*p.schedules)[0].name == "nightly");
  CHECK((*p.schedules)[0].cron == "0 3 * * *");
  CHECK((*p.schedules)[0].type == Schedule::Type::kFull);
  CHECK((*p.schedules)[0].enabled);
  CHECK((*p.schedules)[1].type == Schedule::Type::kIncremental);
  CHECK_FALSE((*p.schedules)[1].enabled);

  REQUIRE(p.destinations);
  REQUIRE(p.destinations->size() == 2);
  const PolicyDestination& s3 = (*p.destinations)[0];
  CHECK(s3.destination.name == "offsite");
  CHECK(s3.destination.type == quota::DestinationType::kS3);
  CHECK(s3.destination.Text("bucket") == "backups");
  // The secrets are references, kept apart; no value stands in their place.
  CHECK_FALSE(s3.destination.Has("access_key"));
  CHECK_FALSE(s3.destination.Has("secret_key"));
  CHECK(s3.secrets.at("access_key") == SecretRef{SecretRef::Source::kEnv, "BJLG_S3_ACCESS_KEY"});
  CHECK(s3.secrets.at("secret_key") == SecretRef{SecretRef::Source::kFile, "/etc/bjlg/s3.secret"});
  const PolicyDestination& nas = (*p.destinations)[1];
  CHECK(nas.destination.Number("port") == 2222);
  CHECK(nas.secrets.at("password") == SecretRef{SecretRef::Source::kOption, "bjlg_nas_password"});

  REQUIRE(p.retention);
  CHECK(p.retention->keep_daily == 7);
  CHECK(p.retention->keep_weekly == 4);
  CHECK(p.retention->target_ratio == 0.85);
  CHECK(p.retention->lead_days == 14.0);

  REQUIRE(p.channels);
  REQUIRE(p.channels->size() == 2);
  CHECK((*p.channels)[0].name == "ops-mail");  // the document's order
  CHECK((*p.channels)[0].secrets.at("password") == SecretRef{SecretRef::Source::kEnv, "SMTP_PASSWORD"});
  CHECK((*p.channels)[1].secrets.at("secret") == SecretRef{SecretRef::Source::kOption, "bjlg_webhook_secret"});

  REQUIRE(p.targets);
  CHECK(p.targets->rpo_hours == 24);
  CHECK(p.targets->rto_minutes == 90);
}

TEST_CASE("Policy: emit then parse gives the same policy, and the same text again", "[config][policy]") {
  Result<Policy> first = ParsePolicyYaml(kFull, "p.yaml");
  REQUIRE(first.ok());
  const std::string yaml = EmitPolicyYaml(*first);
  Result<Policy> second = ParsePolicyYaml(yaml, "emitted");
  INFO(yaml);
  REQUIRE(second.ok());
  CHECK(*second == *first);
  CHECK(EmitPolicyYaml(*second) == yaml);  // stable
  // Sections in the fixed order, secrets as flow references.
  CHECK(yaml.rfind("version: 1\nschedules:", 0) == 0);
  CHECK(yaml.find("secret_key: {file: /etc/bjlg/s3.secret}") != std::string::npos);
  CHECK(yaml.find("target_ratio: 0.85\n") != std::string::npos);
  CHECK(yaml.find("destinations:") < yaml.find("retention:"));
  CHECK(yaml.find("retention:") < yaml.find("channels:"));
  CHECK(yaml.find("channels:") < yaml.find("targets:"));

  // Through the JSON form (the PHP array) as well.
  Result<Policy> third = PolicyFromJson(PolicyToJson(*first));
  REQUIRE(third.ok());
  CHECK(*third == *first);
}

TEST_CASE("Policy: strings that would read back as numbers or booleans are quoted", "[config][policy]") {
  Result<Policy> p = ParsePolicyYaml(R"(
schedules: [{name: "2024", cron: "@daily"}]
destinations:
  - {name: "true", type: local, path: "123"}
channels:
  tg: {type: telegram, bot_token: {env: TG_TOKEN}, chat_id: "-100123"}
)", "p.yaml");
  REQUIRE(p.ok());
  const std::string yaml = EmitPolicyYaml(*p);
  INFO(yaml);
  CHECK(yaml.find("name: \"2024\"") != std::string::npos);
  CHECK(yaml.find("path: \"123\"") != std::string::npos);
  Result<Policy> back = ParsePolicyYaml(yaml, "emitted");
  REQUIRE(back.ok());
  CHECK(*back == *p);
  CHECK((*back->channels)[0].settings["chat_id"] == "-100123");
}

TEST_CASE("Policy: an empty document is the empty policy; sections absent stay unset", "[config][policy]") {
  for (const char* empty : {"", "# nothing yet\n", "---\n", "{}"}) {
    Result<Policy> r = ParsePolicyYaml(empty, "p.yaml");
    REQUIRE(r.ok());
    CHECK_FALSE(r->schedules);
    CHECK_FALSE(r->destinations);
    CHECK_FALSE(r->retention);
    CHECK_FALSE(r->channels);
    CHECK_FALSE(r->targets);
    CHECK(EmitPolicyYaml(*r) == "version: 1\n");
  }
  // An empty section is present and empty: importing it empties that part of the site.
  Result<Policy> r = ParsePolicyYaml("schedules: []\nchannels: {}\n", "p.yaml");
  REQUIRE(r.ok());
  REQUIRE(r->schedules);
  CHECK(r->schedules->empty());
  REQUIRE(r->channels);
  CHECK(r->channels->empty());
  CHECK_FALSE(r->destinations);
  Result<Policy> back = ParsePolicyYaml(EmitPolicyYaml(*r), "emitted");
  REQUIRE(back.ok());
  CHECK(*back == *r);
}

TEST_CASE("Policy: a document that is not UTF-8 is refused at its line (its strings could not come back)",
          "[config][policy]") {
  // Found by config_policy_fuzz: the bytes DC DF in a string did not survive emit then parse.
  CHECK(Refusal("targets: {rpo_hours: 4}\nchannels:\n  tg: {type: telegram, bot_token: {env: TG}, chat_id: \"-1 \xdc\xdf\"}\n") ==
        "p.yaml line 3: not valid UTF-8");
  CHECK(Refusal("targets: {rpo_hours: 4}\xff") == "p.yaml line 1: not valid UTF-8");
  CHECK(ParsePolicyYaml("channels:\n  tg: {type: telegram, bot_token: {env: TG}, chat_id: \"caf\xc3\xa9\"}\n", "p.yaml").ok());
}

TEST_CASE("Policy: an inlined secret is refused at its line, without its value", "[config][policy]") {
  const std::string m = Refusal(R"(destinations:
  - name: offsite
    type: s3
    bucket: backups
    access_key: {env: AK}
    secret_key: wJalrXUtnFEMI/K7MDENG
)");
  CHECK(m ==
        "p.yaml line 6, column 5: destination #0 'offsite': key 'secret_key' holds a secret written in the policy: "
        "secrets are referenced, never inlined; write {env: NAME}, {file: /path} or {option: name} instead");
  CHECK(m.find("wJalr") == std::string::npos);

  const std::string smtp = Refusal(R"(channels:
  mail:
    type: email
    smtp: smtps://mail.example.org:465
    from: backup@example.org
    to: ops@example.org
    password: hunter2
)");
  CHECK(smtp.rfind("p.yaml line 7, column 5: channel 'mail' key 'password' holds a secret written in the policy", 0) == 0);
  CHECK(smtp.find("hunter2") == std::string::npos);

  // A number is a value too; a Slack webhook URL carries its key.
  CHECK(Refusal("destinations:\n  - {name: n, type: webdav, url: 'https://dav.example/x', password: 1234}\n")
            .rfind("p.yaml line 2, column 59: destination #0 'n': key 'password' holds a secret", 0) == 0);
  CHECK(Refusal("channels:\n  s: {type: slack, webhook_url: 'https://hooks.slack.com/services/T/B/k'}\n")
            .rfind("p.yaml line 2, column 20: channel 's' key 'webhook_url' holds a secret", 0) == 0);
}

TEST_CASE("Policy: a reference has one key, env, file or option, with a valid name", "[config][policy]") {
  auto ref = [](const std::string& value) {
    return Refusal("channels:\n  h: {type: webhook, url: 'https://h.example/', secret: " + value + "}\n");
  };
  CHECK(ref("{vault: x}") == "p.yaml line 2, column 49: channel 'h' key 'secret' must be a reference with one key "
                             "env, file or option, not 'vault'");
  CHECK(ref("{env: A, file: /b}") ==
        "p.yaml line 2, column 49: channel 'h' key 'secret' must be a reference with exactly one key: env, file or option");
  CHECK(ref("{env: 9LIVES}").find("reference 'env' must be a variable name") != std::string::npos);
  CHECK(ref("{env: \"\"}").find("reference 'env' must be a non-empty string") != std::string::npos);
  CHECK(ref("{file: relative/path}").find("reference 'file' must be an absolute path") != std::string::npos);
  CHECK(ref("{option: \"a\\tb\"}").find("reference 'option' must be an option name") != std::string::npos);
  CHECK(ref("{option: '" + std::string(192, 'o') + "'}").find("reference 'option' must be an option name") != std::string::npos);
  CHECK(ref("~").find("must be a reference to the secret") != std::string::npos);
}

TEST_CASE("Policy: each refusal gives its line and column and names the key", "[config][policy]") {
  CHECK(Refusal("schedules:\n  - name: a\n    cron: '0 3 * * *'\n  - name: b\n    cron: '61 * * * *'\n")
            .rfind("p.yaml line 5, column 5: schedules[1] ('b') key 'cron' is not a cron expression: ", 0) == 0);
  CHECK(Refusal("schedules:\n  - {name: a, cron: '@daily', type: differential}\n") ==
        "p.yaml line 2, column 31: schedules[0] ('a') key 'type' must be 'full' or 'incremental'");
  CHECK(Refusal("schedules:\n  - {name: a, cron: '@daily', enabled: yes}\n") ==
        "p.yaml line 2, column 31: schedules[0] ('a') key 'enabled' must be true or false, a string given");
  CHECK(Refusal("schedules:\n  - {name: a, cron: '@daily'}\n  - {name: a, cron: '@hourly'}\n") ==
        "p.yaml line 3, column 6: schedules[1] ('a') key 'name' is used by another schedule; names must be unique");
  CHECK(Refusal("schedules:\n  - {cron: '@daily'}\n") == "p.yaml line 2, column 5: schedules[0] needs key 'name'");
  CHECK(Refusal("schedules:\n  - {name: a, cron: '@daily', every: 2}\n") ==
        "p.yaml line 2, column 31: schedules[0] ('a') has an unknown key 'every' (known: name, cron, type, enabled)");
  CHECK(Refusal("schedules: nightly\n") == "p.yaml line 1, column 1: section 'schedules' must be a list, a string given");
  CHECK(Refusal("version: 1\nretension: {keep_daily: 7}\n") ==
        "p.yaml line 2, column 1: unknown section 'retension' (known: version, schedules, destinations, retention, "
        "channels, targets)");
  CHECK(Refusal("version: 2\n") == "p.yaml line 1, column 1: key 'version' must be 1 (the only version of the policy document)");
  CHECK(Refusal("- a\n- b\n") == "p.yaml line 1, column 1: the policy must be a map of sections (schedules, destinations, "
                                 "retention, channels, targets)");
  // Destinations: the key named by the destinations parser, at its line.
  CHECK(Refusal("destinations:\n  - name: offsite\n    type: s3\n    bucket: b\n    access_key: {env: A}\n"
                "    secret_key: {env: S}\n    page_size: 5000\n") ==
        "p.yaml line 7, column 5: destination #0 'offsite': key 'page_size' must be between 1 and 1000");
  CHECK(Refusal("destinations:\n  - name: offsite\n    type: s3\n    access_key: {env: A}\n    secret_key: {env: S}\n") ==
        "p.yaml line 2, column 5: destination #0 'offsite': key 'bucket' is required");
  CHECK(Refusal("destinations:\n  - {name: x, type: local, path: /a}\n  - {name: x, type: local, path: /b}\n") ==
        "p.yaml line 3, column 6: destination #1 'x': key 'name' is used by another destination; names must be unique");
  // Retention: the key refused by the purge's policy parser.
  CHECK(Refusal("retention:\n  keep_daily: 7\n  keep_weekly: -1\n") ==
        "p.yaml line 3, column 3: retention: key \"keep_weekly\" must be an integer between 0 and 1000000, -1 given");
  CHECK(Refusal("retention:\n  keep_daily: 7\n  lead_days: 3\n") ==
        "p.yaml line 3, column 3: retention: key \"lead_days\" needs \"target_ratio\" (the share of the quota to stay under)");
  // Channels: the key refused by the notify channel parser.
  CHECK(Refusal("channels:\n  mail:\n    type: email\n    smtp: mail.example.org\n    from: b@example.org\n    to: o@example.org\n") ==
        "p.yaml line 4, column 5: channel 'mail' key \"smtp\" must start with smtp:// or smtps://");
  CHECK(Refusal("channels:\n  x: {type: pigeon}\n") ==
        "p.yaml line 2, column 7: channel 'x' key \"type\" must be one of email, slack, discord, teams, sms, webhook, "
        "telegram, twilio, pagerduty");
  // Targets.
  CHECK(Refusal("targets:\n  rpo_hours: 0\n") ==
        "p.yaml line 2, column 3: targets key 'rpo_hours' must be an integer between 1 and 8760, 0 given");
  CHECK(Refusal("targets:\n  rto_minutes: soon\n") ==
        "p.yaml line 2, column 3: targets key 'rto_minutes' must be an integer between 1 and 525600, a string given");
  CHECK(Refusal("targets:\n  rpo: 4\n") == "p.yaml line 2, column 3: targets has an unknown key 'rpo' (known: rpo_hours, rto_minutes)");
  // Finding the position leaves the document as it is (yaml-cpp's Node::operator= writes
  // through to the document: the walk rebinds instead; found by config_policy_fuzz).
  CHECK(Refusal("a: &a [x, x]\nb: &b [*a, *a]\nschedules: [{name: n, cron: '@daily'}]\n") ==
        "p.yaml line 1, column 1: unknown section 'a' (known: version, schedules, destinations, retention, channels, targets)");
  // An alias is its anchor's node: the position is the anchor's.
  CHECK(Refusal("schedules:\n  - &s {name: n, cron: '@daily'}\n  - *s\n") ==
        "p.yaml line 2, column 9: schedules[1] ('n') key 'name' is used by another schedule; names must be unique");
  // Not YAML at all: the parser's own position.
  CHECK(Refusal("schedules: [a, b\n").rfind("p.yaml line ", 0) == 0);
}

TEST_CASE("Policy: the parse limits hold (size, depth, aliases, entries)", "[config][policy]") {
  CHECK(Refusal(std::string(kMaxConfigFileBytes + 1, '#')) == "p.yaml: the policy is larger than 1048576 bytes");
  std::string deep = "targets: ";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  CHECK(Refusal(deep).find("64") != std::string::npos);
  const std::string laughs =
      "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
  CHECK(Refusal(laughs).find("20000") != std::string::npos);
  std::string many = "schedules:\n";
  for (size_t i = 0; i <= kMaxPolicyEntries; ++i) many += "  - {name: s" + std::to_string(i) + ", cron: '@daily'}\n";
  CHECK(Refusal(many) == "p.yaml line 1, column 1: section 'schedules' holds more than 200 entries");
}

TEST_CASE("Policy: JSON form refusals name the section and key (no position)", "[config][policy]") {
  Result<Policy> r = PolicyFromJson(nlohmann::ordered_json::parse(
      R"({"destinations": [{"name": "d", "type": "webdav", "url": "https://d.example/", "password": "pw"}]})"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().rfind("destination #0 'd': key 'password' holds a secret written in the policy", 0) == 0);
  // An empty PHP array is an empty map or list where one is expected.
  Result<Policy> e = PolicyFromJson(nlohmann::ordered_json::parse(R"({"retention": [], "channels": [], "schedules": {}})"));
  REQUIRE(e.ok());
  CHECK(e->retention);
  CHECK(e->channels->empty());
  CHECK(e->schedules->empty());
}

TEST_CASE("Policy: a file is read through the small-file limits", "[config][policy]") {
  const std::string path = "/tmp/bjlg-policy-test-" + std::to_string(::getpid()) + ".yaml";
  {
    std::ofstream f(path);
    f << "targets: {rpo_hours: 12}\n";
  }
  Result<Policy> r = LoadPolicyFile(path);
  std::remove(path.c_str());
  REQUIRE(r.ok());
  CHECK(r->targets->rpo_hours == 12);
  Result<Policy> missing = LoadPolicyFile(path);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  Result<Policy> dir = LoadPolicyFile("/tmp");
  REQUIRE_FALSE(dir.ok());
}

}  // namespace
}  // namespace bjlg::config
