// Channel bodies byte for byte against PHP: every expected string below is what PHP 8.2's
// json_encode() / hash_hmac() printed for the plugin's shapes (design §B.4, §B.9), e.g.
//   php -r 'echo json_encode(["text"=>sprintf("*%s*\\n%s",$t,implode("\n",$l))]);'
#include <catch2/catch.hpp>

#include "notify/mime.h"
#include "notify/payload.h"
#include "notify/php_json.h"
#include "notify/webhook_verify.h"

namespace bjlg::notify {
namespace {

const std::string kTitle = "\xC3\x89" "chec de sauvegarde";  // "Échec de sauvegarde"
const std::vector<std::string> kLines = {"Gravit\xC3\xA9 : Critique", "URL: https://x.test/a/b",
                                         "Emoji \xF0\x9F\x98\x80 \"q\" \\ tab\t"};

TEST_CASE("PHP json_encode escaping: slashes, unicode, controls, surrogate pairs", "[notify]") {
  std::string out;
  REQUIRE(PhpJsonEncodeString("\x01\x1f\x7f/\xC3\xA9\xF0\x90\x8D\x88", &out));
  CHECK(out == "\"\\u0001\\u001f\x7f\\/\\u00e9\\ud800\\udf48\"");
  out.clear();
  CHECK_FALSE(PhpJsonEncodeString("bad \xC3", &out));
  out.clear();
  CHECK_FALSE(PhpJsonEncodeString("overlong \xC0\xAF", &out));
  out.clear();
  CHECK_FALSE(PhpJsonEncodeString("surrogate \xED\xA0\x80", &out));
  CHECK_FALSE(PhpJsonEncode(OrderedJson{{"a", "\xFF"}}).ok());
  CHECK_FALSE(PhpJsonEncode(OrderedJson(std::nan(""))).ok());
  CHECK(PhpJsonEncode(OrderedJson::array()).value() == "[]");
  CHECK(PhpJsonEncode(OrderedJson::object()).value() == "{}");
}

TEST_CASE("PHP json_encode floats (serialize_precision -1)", "[notify]") {
  const std::vector<std::pair<double, std::string>> cases = {
      {0.1, "0.1"}, {1.0, "1"}, {-0.0, "-0"}, {1e25, "1.0e+25"}, {1e16, "10000000000000000"}, {1e17, "1.0e+17"},
      {0.0001, "0.0001"}, {0.00001, "1.0e-5"}, {123.456, "123.456"}, {-2.5e-7, "-2.5e-7"}, {3.0e300, "3.0e+300"},
      {100.0, "100"}, {1.5, "1.5"}, {0.30000000000000004, "0.30000000000000004"}};
  for (const auto& [value, expected] : cases) {
    INFO(expected);
    CHECK(PhpJsonDouble(value) == expected);
  }
}

TEST_CASE("Slack and Discord bodies: the literal \\n quirk behind an option", "[notify]") {
  CHECK(SlackBody(kTitle, kLines, true) ==
        R"({"text":"*\u00c9chec de sauvegarde*\\nGravit\u00e9 : Critique\nURL: https:\/\/x.test\/a\/b\nEmoji \ud83d\ude00 \"q\" \\ tab\t"})");
  CHECK(DiscordBody(kTitle, kLines, true) ==
        R"({"content":"**\u00c9chec de sauvegarde**\\nGravit\u00e9 : Critique\nURL: https:\/\/x.test\/a\/b\nEmoji \ud83d\ude00 \"q\" \\ tab\t"})");
  // Fixed by default: a real line feed after the title.
  CHECK(SlackBody(kTitle, kLines, false) ==
        R"({"text":"*\u00c9chec de sauvegarde*\nGravit\u00e9 : Critique\nURL: https:\/\/x.test\/a\/b\nEmoji \ud83d\ude00 \"q\" \\ tab\t"})");
  CHECK(DiscordBody("T", {}, false) == R"({"content":"**T**"})");
}

TEST_CASE("Teams MessageCard and SMS gateway bodies", "[notify]") {
  CHECK(TeamsBody(kTitle, kLines) ==
        R"({"@type":"MessageCard","@context":"http:\/\/schema.org\/extensions","summary":"\u00c9chec de sauvegarde","themeColor":"0078D7","title":"\u00c9chec de sauvegarde","text":"**\u00c9chec de sauvegarde**\n\nGravit\u00e9 : Critique\n\nURL: https:\/\/x.test\/a\/b\n\nEmoji \ud83d\ude00 \"q\" \\ tab\t"})");
  CHECK(SmsBody(kTitle, kLines) ==
        R"({"title":"\u00c9chec de sauvegarde","message":"\u00c9chec de sauvegarde \u2013 Gravit\u00e9 : Critique | URL: https:\/\/x.test\/a\/b | Emoji \ud83d\ude00 \"q\" \\ tab\t","lines":["Gravit\u00e9 : Critique","URL: https:\/\/x.test\/a\/b","Emoji \ud83d\ude00 \"q\" \\ tab\t"]})");
  CHECK(SmsBody("T", {"", "a", ""}) == R"({"title":"T","message":"T \u2013 a","lines":["a"]})");
}

Message WebhookMessage() {
  Message m;
  m.channel.type = ChannelType::kWebhook;
  m.channel.url = "https://hooks.example.test/in";
  m.channel.secret = "s3cr3t";
  m.event = "backup_failed";
  m.timestamp = "2026-12-05T12:00:00+00:00";
  m.context = {{"site_url", "https://example.test"}, {"site_name", "Mon site \xC3\xA9"}};
  m.data = OrderedJson::object();
  m.data["event"] = "backup_failed";
  m.data["error"] = "Disque plein";
  m.data["components"] = {"db", "uploads"};
  m.data["task_id"] = "t-1";
  m.data["size"] = 1.5;
  return m;
}

TEST_CASE("Webhook body and both signatures equal PHP's json_encode and hash_hmac", "[notify]") {
  const std::string expected =
      R"({"event":"backup_failed","timestamp":"2026-12-05T12:00:00+00:00","site_url":"https:\/\/example.test","site_name":"Mon site \u00e9","data":{"event":"backup_failed","error":"Disque plein","components":["db","uploads"],"task_id":"t-1","size":1.5}})";
  Message m = WebhookMessage();
  REQUIRE(WebhookBody(m, 0).value() == expected);
  CHECK(LegacySignature(expected, "s3cr3t") == "c9cd9cb5e96ea50484a74be76f8892afff485222fba38f752712a2ba02030e1f");
  CHECK(TimestampedSignature(expected, "s3cr3t", 1796472000) ==
        "t=1796472000,v1=bc5340f3b583793b87ec22cc249440b9a0b176d035be36ed0c46475eb04873c4");

  PayloadOptions options;
  options.now = 1796472000;
  auto requests = BuildRequests(m, options);
  REQUIRE(requests.ok());
  REQUIRE(requests.value().size() == 1);
  const Outgoing& o = requests.value()[0];
  CHECK(o.body == expected);
  CHECK(o.headers == std::vector<std::string>{
                         "Content-Type: application/json",
                         "X-BJLG-Signature: c9cd9cb5e96ea50484a74be76f8892afff485222fba38f752712a2ba02030e1f",
                         "X-BJLG-Timestamp: 1796472000",
                         "X-BJLG-Signature-256: t=1796472000,v1=bc5340f3b583793b87ec22cc249440b9a0b176d035be36ed0c46475eb04873c4"});
  // Without a secret, nothing is signed.
  m.channel.secret.clear();
  CHECK(BuildRequests(m, options).value()[0].headers == std::vector<std::string>{"Content-Type: application/json"});
}

TEST_CASE("Webhook verify: constant-time v1, tolerance both ways, legacy header refused", "[notify]") {
  const std::string body = "{\"a\":1}";
  const int64_t t = 1796472000;
  const std::string sig = TimestampedSignature(body, "k", t);
  HeaderList headers = {{"X-BJLG-Signature-256", sig}, {"X-BJLG-Timestamp", std::to_string(t)}};
  CHECK(VerifyWebhook(body, headers, "k", 300, t));
  CHECK(VerifyWebhook(body, headers, "k", 300, t + 300));
  CHECK(VerifyWebhook(body, headers, "k", 300, t - 300));
  CHECK_FALSE(VerifyWebhook(body, headers, "k", 300, t + 301));   // stale
  CHECK_FALSE(VerifyWebhook(body, headers, "k", 300, t - 301));   // from the future
  CHECK_FALSE(VerifyWebhook(body + " ", headers, "k", 300, t));   // body changed
  CHECK_FALSE(VerifyWebhook(body, headers, "other", 300, t));
  CHECK_FALSE(VerifyWebhook(body, headers, "", 300, t));
  // $_SERVER spelling, and rotation: a second v1 with an old secret.
  CHECK(VerifyWebhook(body, {{"HTTP_X_BJLG_SIGNATURE_256", "t=" + std::to_string(t) + ",v1=" + std::string(64, '0') + "," + sig.substr(sig.find("v1="))}}, "k", 300, t));
  // The timestamp header must agree with t.
  CHECK_FALSE(VerifyWebhook(body, {{"X-BJLG-Signature-256", sig}, {"X-BJLG-Timestamp", "1"}}, "k", 300, t));
  // Legacy alone: replayable, refused.
  CHECK_FALSE(VerifyWebhook(body, {{"X-BJLG-Signature", LegacySignature(body, "k")}}, "k", 300, t));
  for (const std::string& bad : std::vector<std::string>{"", "t=", "v1=", "t=abc,v1=00", "t=1796472000", "t=1796472000,t=1796472000," + sig.substr(sig.find("v1=")),
                                "t=-5," + sig.substr(sig.find("v1=")), "garbage"}) {
    INFO(bad);
    CHECK_FALSE(VerifyWebhook(body, {{"x-bjlg-signature-256", bad}}, "k", 300, t));
  }
}

TEST_CASE("Telegram, Twilio and PagerDuty requests", "[notify]") {
  PayloadOptions options;
  Message m;
  m.title = "T/1";
  m.lines = {"a", "b"};
  m.event = "backup_failed";
  m.severity = Severity::kCritical;
  m.channel.type = ChannelType::kTelegram;
  m.channel.bot_token = "123:ABC";
  m.channel.chat_id = "-100";
  m.channel.api_base_url = "http://127.0.0.1:9";
  auto r = BuildRequests(m, options).value();
  CHECK(r[0].url == "http://127.0.0.1:9/bot123:ABC/sendMessage");
  CHECK(r[0].body == R"({"chat_id":"-100","text":"T\/1\na\nb","disable_web_page_preview":true})");

  m.channel = Channel();
  m.channel.type = ChannelType::kTwilio;
  m.channel.account_sid = "AC1";
  m.channel.auth_token = "tok";
  m.channel.from = "+15550001";
  m.channel.to = {"+33600000001", "+33600000002"};
  r = BuildRequests(m, options).value();
  REQUIRE(r.size() == 2);
  CHECK(r[0].url == "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
  CHECK(r[1].body == "To=%2B33600000002&From=%2B15550001&Body=T%2F1%0Aa%0Ab");
  CHECK(r[0].username == "AC1");
  CHECK(r[0].password == "tok");

  m.channel = Channel();
  m.channel.type = ChannelType::kPagerDuty;
  m.channel.routing_key = "R0UT1NG";
  m.context = {{"incident_id", "inc-7"}};
  r = BuildRequests(m, options).value();
  CHECK(r[0].url == "https://events.pagerduty.com/v2/enqueue");
  CHECK(r[0].body == R"({"routing_key":"R0UT1NG","event_action":"trigger","dedup_key":"inc-7","payload":{"summary":"T\/1","source":"bjlg","severity":"critical","component":"backup","class":"backup_failed","custom_details":{"lines":["a","b"],"event":"backup_failed"}}})");
  m.resolve = true;
  CHECK(BuildRequests(m, options).value()[0].body == R"({"routing_key":"R0UT1NG","event_action":"resolve","dedup_key":"inc-7"})");
}

TEST_CASE("MIME message: encoded subject, both parts, recipients, CRLF, date", "[notify]") {
  MimeMessage mm;
  mm.from = "bjlg@example.test";
  mm.to = {"a@example.test", "b@example.test"};
  mm.subject = "[Backup JLG] " + kTitle;
  mm.title = kTitle;
  mm.lines = {".leading dot", "<b>&"};
  mm.text = ".leading dot\n<b>&";
  mm.date = 1796472000;
  std::string mime = BuildMime(mm);
  CHECK(mime.find("Date: Sat, 05 Dec 2026 12:00:00 +0000\r\n") == 0);
  CHECK(mime.find("\r\nTo: a@example.test, b@example.test\r\n") != std::string::npos);
  CHECK(mime.find("\r\nSubject: =?UTF-8?B?W0JhY2t1cCBKTEddIMOJY2hlYyBkZSBzYXV2ZWdhcmRl?=\r\n") != std::string::npos);
  CHECK(mime.find("Content-Type: text/plain; charset=UTF-8") != std::string::npos);
  CHECK(mime.find("Content-Type: text/html; charset=UTF-8") != std::string::npos);
  // No bare LF, no line starting with a dot.
  for (size_t i = 0; i < mime.size(); ++i) {
    if (mime[i] == '\n') {
      REQUIRE(i > 0);
      CHECK(mime[i - 1] == '\r');
      if (i + 1 < mime.size()) CHECK(mime[i + 1] != '.');
    }
  }
  CHECK(BuildMime(mm) == mime);  // deterministic
  mm.date++;
  CHECK(BuildMime(mm) != mime);
  // Long non-ASCII subjects fold into words of at most 75 characters, cut on characters.
  std::string longer;
  for (int i = 0; i < 40; ++i) longer += "\xC3\xA9";
  std::string enc = EncodeHeaderWord(longer);
  CHECK(enc.find("\r\n ") != std::string::npos);
  size_t start = 0;
  while (start < enc.size()) {
    size_t end = enc.find("\r\n ", start);
    std::string word = enc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    CHECK(word.size() <= 75);
    start = end == std::string::npos ? enc.size() : end + 3;
  }
  CHECK(EncodeHeaderWord("plain ascii") == "plain ascii");
}

}  // namespace
}  // namespace bjlg::notify
