"""Loopback receivers for the notify integration test (tests/notify/integration.py).

One threaded HTTP server (and the same behind TLS) answers as each provider documents:
Slack ("ok"), Discord (204), Teams ("1"), an SMS gateway, Telegram's sendMessage, Twilio's
Messages API (Basic auth, 201), PagerDuty Events v2 (202), a webhook receiver that checks both
bjlg signatures with Python's own hmac, and misbehaving paths: 429 with Retry-After, 500 then
200, 400 with the provider's error body, 401, a stall, a slow answer (bench). Every request is
recorded for the test to inspect. The SMTP servers are aiosmtpd: STARTTLS required before AUTH
on one port, implicit TLS (SMTPS) on another; received messages are recorded too.
"""
import base64
import hashlib
import hmac
import json
import ssl
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

WEBHOOK_SECRET = b"whsec-loopback"
SMTP_USER, SMTP_PASSWORD = "mailer", "smtp-s3cret"
TWILIO_SID, TWILIO_TOKEN = "AC0123456789", "twilio-t0ken"

records = []
records_lock = threading.Lock()
counters = {}


def record(entry):
    with records_lock:
        records.append(entry)


def count(key):
    with records_lock:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, code, body=b"", headers=None, ctype="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if code != 204:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code != 204:
            self.wfile.write(body)

    def do_GET(self):
        if self.path == "/log":
            with records_lock:
                return self.reply(200, list(records))
        self.reply(404, {"message": "no such path"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        path = self.path
        entry = {"path": path, "headers": {k.lower(): v for k, v in self.headers.items()},
                 "body": body.decode("utf-8", "replace")}
        record(entry)
        parts = path.strip("/").split("/")
        kind = parts[0]
        if kind == "slack":
            return self.reply(200, "ok", ctype="text/plain")
        if kind == "discord":
            return self.reply(204)
        if kind == "teams":
            return self.reply(200, "1", ctype="text/plain")
        if kind == "sms":
            return self.reply(200, {"status": "queued"})
        if kind == "slow":
            time.sleep(0.1)
            return self.reply(200, "ok", ctype="text/plain")
        if kind == "stall":
            time.sleep(10)
            return self.reply(200, "late")
        if kind == "throttle":  # Slack's documented rate limit answer, then success
            if count(path) == 1:
                return self.reply(429, "rate_limited", {"Retry-After": "1"}, ctype="text/plain")
            return self.reply(200, "ok", ctype="text/plain")
        if kind == "flaky":
            if count(path) == 1:
                return self.reply(500, "internal error", ctype="text/plain")
            return self.reply(200, "ok", ctype="text/plain")
        if kind == "down":
            return self.reply(503, "unavailable", ctype="text/plain")
        if kind == "invalid":  # Slack's documented 400
            return self.reply(400, "invalid_payload", ctype="text/plain")
        if kind == "gone":  # Slack: a deleted webhook, with its key in the URL
            return self.reply(404, "no_service", ctype="text/plain")
        if kind == "webhook":
            return self.webhook(body)
        if kind.startswith("bot") and parts[-1] == "sendMessage":
            token = kind[3:]
            if token != "123456:ABC-tg":
                return self.reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            msg = json.loads(body)
            if msg.get("chat_id") == "missing":
                return self.reply(400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"})
            return self.reply(200, {"ok": True, "result": {"message_id": 1, "text": msg["text"]}})
        if kind == "2010-04-01":
            auth = self.headers.get("Authorization", "")
            expected = "Basic " + base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()
            if not hmac.compare_digest(auth, expected):
                return self.reply(401, {"code": 20003, "message": "Authenticate", "status": 401},
                                  {"WWW-Authenticate": 'Basic realm="Twilio API"'})
            form = urllib.parse.parse_qs(body.decode())
            if form.get("To", [""])[0] == "+000":
                return self.reply(400, {"code": 21211, "message": "The 'To' number +000 is not a valid phone number.",
                                        "status": 400})
            return self.reply(201, {"sid": "SM1", "status": "queued", "to": form["To"][0], "body": form["Body"][0]})
        if kind == "v2" and parts[-1] == "enqueue":
            ev = json.loads(body)
            if len(ev.get("routing_key", "")) != 32:
                return self.reply(400, {"status": "invalid event", "message": "Event object is invalid",
                                        "errors": ["Length of 'routing_key' is incorrect (should be 32 characters)"]})
            return self.reply(202, {"status": "success", "message": "Event processed", "dedup_key": ev["dedup_key"]})
        self.reply(404, {"message": "no such path"})

    def webhook(self, body):
        """Both schemes checked with Python's hmac, independently of bjlg."""
        legacy = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(self.headers.get("X-BJLG-Signature", ""), legacy):
            return self.reply(401, {"message": "bad legacy signature"})
        ts = self.headers.get("X-BJLG-Timestamp", "")
        fields = dict(p.split("=", 1) for p in self.headers.get("X-BJLG-Signature-256", "").split(",") if "=" in p)
        expected = hmac.new(WEBHOOK_SECRET, ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        if fields.get("t") != ts or not hmac.compare_digest(fields.get("v1", ""), expected):
            return self.reply(401, {"message": "bad timestamped signature"})
        if abs(time.time() - int(ts)) > 300:
            return self.reply(401, {"message": "stale"})
        return self.reply(200, {"received": True})


class SmtpRecorder:
    async def handle_DATA(self, server, session, envelope):
        record({"smtp": True, "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "content": envelope.content.decode("utf-8", "replace"), "tls": session.ssl is not None or server.transport.get_extra_info("sslcontext") is not None,
                "authenticated": session.authenticated})
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == SMTP_USER.encode() and auth_data.password == SMTP_PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


def start(http_port, https_port, smtp_port, smtps_port, cert, key):
    """Starts every server in background threads; returns a stop function."""
    http = ThreadingHTTPServer(("127.0.0.1", http_port), Handler)
    https = ThreadingHTTPServer(("127.0.0.1", https_port), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    https.socket = ctx.wrap_socket(https.socket, server_side=True)
    for s in (http, https):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    smtp_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    smtp_ctx.load_cert_chain(cert, key)
    starttls = Controller(SmtpRecorder(), hostname="127.0.0.1", port=smtp_port, tls_context=smtp_ctx,
                          require_starttls=True, authenticator=authenticator, auth_require_tls=True,
                          auth_required=True)
    smtps = Controller(SmtpRecorder(), hostname="127.0.0.1", port=smtps_port, ssl_context=smtp_ctx,
                       authenticator=authenticator, auth_required=True, auth_require_tls=False)
    starttls.start()
    smtps.start()

    def stop():
        for s in (http, https):
            s.shutdown()
        starttls.stop()
        smtps.stop()
    return stop
