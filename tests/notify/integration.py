#!/usr/bin/env python3
"""Bjlg\\Notify\\Dispatcher against real servers on loopback (make test-notify-integration).

Starts tests/notify/receivers.py's HTTP/HTTPS receivers and aiosmtpd (STARTTLS + AUTH, and
SMTPS) on a certificate signed by a throwaway CA made with the openssl CLI, sends every channel
type through the extension (tests/notify/send.php) and checks, independently of bjlg: the
results (status, attempts, error codes, no secret in any error), the bodies received, both
webhook signatures (Python's hmac), and the e-mails parsed with Python's email package
(headers, RFC 2047 subject, text and HTML parts, every recipient, TLS and AUTH used).
"""
import email
import email.policy
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import receivers  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PHP = ["php", "-d", f"extension={ROOT}/modules/bjlg.so"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def make_certs(work):
    ca_key, ca, key, csr, cert = (os.path.join(work, n) for n in ("ca.key", "ca.pem", "key.pem", "req.csr", "cert.pem"))
    run = lambda *a: subprocess.run(["openssl", *a], check=True, capture_output=True)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=bjlg test CA", "-keyout", ca_key, "-out", ca)
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", csr)
    ext = os.path.join(work, "ext.cnf")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", cert)
    return ca, cert, key


def send(messages, options):
    p = subprocess.run(PHP + [os.path.join(ROOT, "tests/notify/send.php")], input=json.dumps({"messages": messages, "options": options}),
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        print(p.stdout, p.stderr)
        raise SystemExit("send.php failed")
    return json.loads(p.stdout)


def log(http):
    import urllib.request
    with urllib.request.urlopen(f"{http}/log") as r:
        return json.loads(r.read())


def main():
    work = tempfile.mkdtemp(prefix="bjlg-notify-it-")
    ca, cert, key = make_certs(work)
    p_http, p_https, p_smtp, p_smtps, p_closed = free_ports(5)
    stop = receivers.start(p_http, p_https, p_smtp, p_smtps, cert, key)
    http, https = f"http://127.0.0.1:{p_http}", f"https://127.0.0.1:{p_https}"
    title = "Échec de sauvegarde"
    lines = ["Gravité : Critique", "URL: https://example.test/wp-admin", ".a line starting with a dot"]

    def msg(channel, **extra):
        m = {"channel": channel, "event": "backup_failed", "title": title, "lines": lines, "severity": "critical",
             "context": {"site_url": "https://example.test", "site_name": "Site é"}}
        m.update(extra)
        return m

    smtp = {"type": "email", "username": receivers.SMTP_USER, "password": receivers.SMTP_PASSWORD,
            "from": "bjlg@example.test", "to": ["a@example.test", "b@example.test", "c@example.test"]}
    messages = [
        msg({"type": "slack", "name": "slack", "webhook_url": f"{http}/slack/T0/B0/slack-key"}),                     # 0
        msg({"type": "discord", "webhook_url": f"{http}/discord/1/discord-key"}),                                   # 1
        msg({"type": "teams", "webhook_url": f"{http}/teams/x"}),                                                   # 2
        msg({"type": "sms", "webhook_url": f"{http}/sms/send"}),                                                    # 3
        msg({"type": "webhook", "url": f"{http}/webhook/in", "secret": receivers.WEBHOOK_SECRET.decode()}),         # 4
        msg({"type": "telegram", "bot_token": "123456:ABC-tg", "chat_id": "42", "api_base_url": http}),             # 5
        msg({"type": "telegram", "bot_token": "123456:ABC-tg", "chat_id": "missing", "api_base_url": http}),        # 6
        msg({"type": "twilio", "account_sid": receivers.TWILIO_SID, "auth_token": receivers.TWILIO_TOKEN,
             "from": "+15550000", "to": ["+33600000001", "+33600000002"], "api_base_url": http}),                   # 7
        msg({"type": "twilio", "account_sid": receivers.TWILIO_SID, "auth_token": receivers.TWILIO_TOKEN,
             "from": "+15550000", "to": ["+000"], "api_base_url": http}),                                           # 8
        msg({"type": "pagerduty", "routing_key": "R" * 32, "api_base_url": http}, dedup_key="inc-1"),              # 9
        msg({"type": "pagerduty", "routing_key": "short-key", "api_base_url": http}),                               # 10
        msg({"type": "slack", "webhook_url": f"{http}/throttle/T/B/k1"}),                                           # 11
        msg({"type": "slack", "webhook_url": f"{http}/flaky/T/B/k2"}),                                              # 12
        msg({"type": "slack", "webhook_url": f"{http}/down/T/B/k3"}),                                               # 13
        msg({"type": "slack", "webhook_url": f"{http}/gone/T/B/SECRETKEY99"}),                                      # 14
        msg({"type": "slack", "webhook_url": f"{http}/stall/x"}),                                                   # 15
        msg({"type": "slack", "webhook_url": f"{https}/slack/tls"}),                                                # 16
        msg(dict(smtp, smtp=f"smtp://127.0.0.1:{p_smtp}")),                                                         # 17
        msg(dict(smtp, smtp=f"smtps://127.0.0.1:{p_smtps}")),                                                       # 18
        msg(dict(smtp, smtp=f"smtp://127.0.0.1:{p_smtp}", password="wrong-pass-77")),                               # 19
        msg({"type": "slack", "webhook_url": f"http://127.0.0.1:{p_closed}/slack"}),                                # 20
        msg({"type": "slack", "webhook_url": f"{http}/invalid/x"}),                                                 # 21
    ]
    options = {"allow_private_network": True, "ca_bundle": ca, "timeout_ms": 4000, "retries": 2, "retry_base_ms": 100}
    out = send(messages, options)
    check("results" in out, f"send returned {out}")
    r = out["results"]
    for i, x in enumerate(r):
        print(i, x["type"], x["status"], x["attempts"], x["http_code"], x["error_code"], x["error"], x["latency_ms"])
    for i in (0, 1, 2, 3, 4, 5, 7, 9, 11, 12, 16, 17, 18):
        check(r[i]["status"] == "sent" and r[i]["error_code"] is None, f"message {i} sent")
    check(r[7]["attempts"] == 2, "twilio: one request per recipient")
    check(r[11]["attempts"] == 2 and r[11]["latency_ms"] >= 900, "429 + Retry-After: 1 honoured")
    check(r[12]["attempts"] == 2, "500 then 200 counts 2 attempts")
    check(r[13]["status"] == "failed" and r[13]["attempts"] == 3 and r[13]["http_code"] == 503, "503 retried twice then failed")
    check(r[6]["error_code"] == "rejected" and "chat not found" in r[6]["error"], "telegram 400 rejected with its description")
    check(r[8]["error_code"] == "rejected" and "not a valid phone number" in r[8]["error"], "twilio 400 rejected")
    check(r[10]["error_code"] == "rejected" and "Event object is invalid" in r[10]["error"], "pagerduty 400 rejected")
    check(r[14]["error_code"] == "not_found", "404 is not_found")
    check(r[15]["error_code"] == "timeout", "a stalled receiver times out")
    check(r[19]["error_code"] == "auth", "wrong SMTP password is auth")
    check(r[20]["error_code"] == "unreachable", "closed port is unreachable")
    check(r[21]["error_code"] == "rejected" and "invalid_payload" in r[21]["error"], "slack 400 rejected")
    blob = json.dumps(r)
    for secret in ("SECRETKEY99", "123456:ABC-tg", "twilio-t0ken", "wrong-pass-77", "smtp-s3cret", "short-key", "R" * 32,
                   "whsec-loopback", "slack-key", "discord-key"):
        check(secret not in blob, f"secret {secret} absent from results")

    # TLS without the CA: refused as tls.
    out = send([messages[16]], {"allow_private_network": True, "timeout_ms": 4000})
    check(out["results"][0]["error_code"] == "tls", "self-signed CA refused without ca_bundle")
    # Private addresses refused unless allowed.
    out = send([messages[0]], {"timeout_ms": 4000})
    check(out["results"][0]["status"] == "failed", "loopback refused without allow_private_network")

    received = log(http)
    by_path = {}
    for e in received:
        if "path" in e:
            by_path.setdefault(e["path"].split("/")[1], []).append(e)
    slack = json.loads(by_path["slack"][0]["body"])
    check(slack["text"] == "*" + title + "*\n" + "\n".join(lines), "slack text (fixed newline)")
    check("https:\\/\\/example.test" in by_path["slack"][0]["body"] and "\\u00c9chec" in by_path["slack"][0]["body"],
          "slack body escaped as PHP json_encode")
    sms = json.loads(by_path["sms"][0]["body"])
    check(sms["message"] == title + " – " + " | ".join(lines), "sms gateway message")
    teams = json.loads(by_path["teams"][0]["body"])
    check(teams["@type"] == "MessageCard" and teams["themeColor"] == "0078D7", "teams card")
    check(by_path["webhook"][0]["headers"]["content-type"] == "application/json", "webhook content type")
    pd = [json.loads(e["body"]) for e in received if e.get("path", "").endswith("/v2/enqueue")]
    check(any(p.get("dedup_key") == "inc-1" and p["event_action"] == "trigger" for p in pd), "pagerduty dedup key")
    tw = [e for e in received if "/Messages.json" in e.get("path", "")]
    # (libcurl may first probe without credentials: count the authenticated posts per recipient)
    posted = {e["body"].split("&")[0] for e in tw if "authorization" in e["headers"] and "%2B3360000000" in e["body"]}
    check(posted == {"To=%2B33600000001", "To=%2B33600000002"}, f"twilio: both recipients posted {posted}")

    mails = [e for e in received if e.get("smtp")]
    check(len(mails) == 2, f"two e-mails received, got {len(mails)}")
    for m in mails:
        check(m["tls"] and m["authenticated"], "e-mail over TLS with AUTH")
        check(sorted(m["rcpt_tos"]) == ["a@example.test", "b@example.test", "c@example.test"], "every recipient in the envelope")
        check(m["mail_from"] == "bjlg@example.test", "envelope sender")
        parsed = email.message_from_string(m["content"], policy=email.policy.default)
        check(str(parsed["Subject"]) == "[Backup JLG] " + title, f"decoded subject {parsed['Subject']}")
        check("=?UTF-8?B?" in m["content"], "subject RFC 2047 encoded")
        check(parsed["To"] == "a@example.test, b@example.test, c@example.test", "To header")
        check(parsed["Message-ID"] is not None and parsed["Date"] is not None, "Message-ID and Date")
        check(parsed.get_content_type() == "multipart/alternative", "multipart/alternative")
        text = parsed.get_body(preferencelist=("plain",)).get_content()
        html = parsed.get_body(preferencelist=("html",)).get_content()
        check(text.replace("\r\n", "\n").strip() == "\n".join(lines), f"text part {text!r}")
        check("<h1>" + title + "</h1>" in html and "<p>.a line starting with a dot</p>" in html, "html part")
    stop()
    if failures:
        print(f"notify integration: {len(failures)} failure(s)")
        return 1
    print("notify integration: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
