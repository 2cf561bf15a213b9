#!/usr/bin/env python3
"""A SigV4-validating front for s3rver, which accepts any signature.

Every request's Authorization header is recomputed with AWS's own signer (botocore, Debian's
python3-botocore) from the request as received: same method, path, query, signed headers and
x-amz-date. A mismatch, an unknown access key or a missing signature is refused with S3's
403 SignatureDoesNotMatch / InvalidAccessKeyId; matching requests are forwarded to s3rver.

Usage: sigv4_front.py LISTEN_PORT S3RVER_PORT ACCESS_KEY SECRET_KEY REGION
"""
import http.client
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

LISTEN, BACKEND = int(sys.argv[1]), int(sys.argv[2])
ACCESS, SECRET, REGION = sys.argv[3], sys.argv[4], sys.argv[5]
AUTH_RE = re.compile(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/s3/aws4_request, "
                     r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")

stats = {"checked": 0, "refused": 0}


def expected_signature(method, host, path, headers, signed, amz_date):
    request = AWSRequest(method=method, url="http://%s%s" % (host, path),
                         headers={k: headers[k] for k in signed if k in headers})
    request.context["timestamp"] = amz_date
    auth = S3SigV4Auth(Credentials(ACCESS, SECRET), "s3", REGION)
    canonical = auth.canonical_request(request)
    return auth.signature(auth.string_to_sign(request, canonical), request), canonical


class Front(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def refuse(self, code, message):
        stats["refused"] += 1
        body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>%s</Code><Message>%s</Message></Error>"
                % (code, message)).encode()
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        if self.path == "/__stats":
            data = ("%d %d" % (stats["checked"], stats["refused"])).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        m = AUTH_RE.match(headers.get("authorization", ""))
        if not m:
            return self.refuse("AccessDenied", "missing or malformed SigV4 Authorization")
        access, date, region, signed, signature = m.groups()
        if access != ACCESS:
            return self.refuse("InvalidAccessKeyId", "unknown access key")
        amz_date = headers.get("x-amz-date", "")
        if region != REGION or not amz_date.startswith(date):
            return self.refuse("SignatureDoesNotMatch", "scope mismatch")
        stats["checked"] += 1
        want, _ = expected_signature(self.command, headers.get("host", ""), self.path, headers,
                                     signed.split(";"), amz_date)
        if want != signature:
            return self.refuse("SignatureDoesNotMatch", "signature mismatch")
        conn = http.client.HTTPConnection("127.0.0.1", BACKEND, timeout=60)
        forward = {k: v for k, v in self.headers.items() if k.lower() not in ("connection",)}
        conn.request(self.command, self.path, body=body or None, headers=forward)
        resp = conn.getresponse()
        data = resp.read()
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = handle_any


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", LISTEN), Front).serve_forever()
