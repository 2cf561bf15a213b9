#!/usr/bin/env python3
"""A local stand-in for the hosted providers bjlg cannot run (Google Drive, Dropbox, OneDrive,
pCloud, Backblaze B2 native: authorize, list_buckets, list_file_versions), answering with the
response shapes their documentation gives, plus misbehaving servers for the transport tests.

The first path segment picks a scenario, the rest is the provider's own path:
  /ok/...          documented answers
  /unauth/...      401 (the provider's error shape)
  /garbage/...     200 with a body that is neither JSON nor XML
  /stall/...       sends nothing for 60 s
  /flaky/...       503 with Retry-After: 1 on the first call of each path, then /ok
  /throttled/...   429 with Retry-After: 1, always
  /redirect/...    302 to another host
  /hop/...         302 to the same path under /ok on this host (followed)
  /big/...         a 64 MiB body
  /slow/...        /ok after --delay-ms (the benchmark's added latency)
A misbehaving S3 for the purge tests (no signature check), /purge-s3/<bucket>/ with ListObjectsV2
and DeleteObjects over 150 daily archives per bucket; GET /purge-s3-state/<bucket> gives the
keys left as JSON:
  page3fail      the third page of every listing answers 500
  listonce       the first listing works, every later one answers 500
  throttle       the first DeleteObjects answers 429 with Retry-After: 1, later ones work
S3 ListObjectsV2 of a synthetic bucket: GET /synth-s3/<bucket>/?list-type=2 with --synth-objects
objects of 1,000 bytes each (for the 100,000-object benchmark; no signature check).

Stateful hosted stores for the purge tests (B2, Drive, Dropbox, OneDrive, pCloud listing and
deleting): /purge-hosted/<store>/..., seeded and inspected through /purge-hosted-seed,
/purge-hosted-remove and /purge-hosted-state (fake_hosted.py).

Usage: fake_providers.py PORT [--delay-ms N] [--synth-objects N]
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import fake_hosted

PORT = int(sys.argv[1])
DELAY_MS = int(sys.argv[sys.argv.index("--delay-ms") + 1]) if "--delay-ms" in sys.argv else 200
SYNTH = int(sys.argv[sys.argv.index("--synth-objects") + 1]) if "--synth-objects" in sys.argv else 100000

TOKEN = "fresh-access-token"
B2_FILES = [{"fileName": "backups/site-%04d.zip" % i, "fileId": "id%04d" % i, "contentLength": 1000 + i,
             "action": "upload"} for i in range(2500)]
B2_FILES.append({"fileName": "backups/site-9999.zip", "fileId": "hide1", "contentLength": 0, "action": "hide"})
B2_FILES.sort(key=lambda f: (f["fileName"], f["fileId"]))

# b2_list_buckets: the account's buckets, in the documented shape.
B2_BUCKETS = [{"accountId": "acc1", "bucketId": "bucket1", "bucketName": "site-backups", "bucketType": "allPrivate",
               "bucketInfo": {}, "corsRules": [], "lifecycleRules": [], "options": ["s3"], "revision": 3},
              {"accountId": "acc1", "bucketId": "bucket2", "bucketName": "other-bucket", "bucketType": "allPrivate",
               "bucketInfo": {}, "corsRules": [], "lifecycleRules": [], "options": ["s3"], "revision": 1}]



def purge_bucket():
    keys = []
    for day in range(150):
        t = time.gmtime(1796515200 - (day + 1) * 86400 + 3 * 3600)
        keys.append("backup-full-%s-65f1a2b3c%04d.zip" % (time.strftime("%Y-%m-%d-%H-%M-%S", t), day))
    return {k: 1000 + i for i, k in enumerate(sorted(keys))}


PURGE_BUCKETS = {name: purge_bucket() for name in ("page3fail", "listonce", "throttle")}
purge_calls = {}

flaky_seen = set()
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    PORT = PORT
    TOKEN = TOKEN

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="application/json", headers=None):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PROPFIND(self):
        self.route("PROPFIND")

    def do_DELETE(self):
        self.route("DELETE")

    def route(self, method):
        url = urlsplit(self.path)
        parts = url.path.split("/", 2)
        scenario = parts[1] if len(parts) > 1 else ""
        rest = "/" + (parts[2] if len(parts) > 2 else "")
        payload = self.body()
        if scenario.startswith("purge-hosted"):
            return fake_hosted.route(self, method, url.path, url.query, payload)
        if scenario == "synth-s3":
            return self.synth_s3(url)
        if scenario == "purge-s3":
            return self.purge_s3(method, rest, url, payload)
        if scenario == "purge-s3-state":
            return self.send(200, json.dumps(sorted(PURGE_BUCKETS[rest.strip("/")])))
        if scenario == "stall":
            time.sleep(60)
            return
        if scenario == "garbage":
            return self.send(200, "<<<this is not what you asked for>>> {", "application/json")
        if scenario == "big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b" " * 65536
            for _ in range(1024):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        if scenario == "redirect":
            return self.send(302, "", headers={"Location": "http://elsewhere.invalid:%d/ok%s" % (PORT, rest)})
        if scenario == "hop":
            return self.send(302, "", headers={"Location": "/ok" + rest})
        if scenario == "throttled":
            return self.send(429, '{"error": "too many requests"}', headers={"Retry-After": "1"})
        if scenario == "flaky":
            with lock:
                first = rest not in flaky_seen
                flaky_seen.add(rest)
            if first:
                return self.send(503, '{"error": "try later"}', headers={"Retry-After": "1"})
        if scenario == "slow":
            time.sleep(DELAY_MS / 1000.0)
        auth = self.headers.get("Authorization", "")
        if scenario == "unauth":
            return self.unauthorized(rest)
        return self.provider(method, rest, url, auth, payload)

    def unauthorized(self, rest):
        if rest.startswith("/b2api"):
            return self.send(401, '{"status": 401, "code": "bad_auth_token", "message": "Invalid authorization token"}')
        if rest == "/userinfo":  # pCloud answers 200 with a result code
            return self.send(200, '{"result": 2094, "error": "Invalid \'access_token\' provided."}')
        if rest == "/token":
            return self.send(400, '{"error": "invalid_grant", "error_description": "Bad Request"}')
        return self.send(401, '{"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty."}}')

    def provider(self, method, rest, url, auth, payload):
        if rest == "/token" and method == "POST":
            form = parse_qs(payload.decode())
            if form.get("grant_type") != ["refresh_token"] or form.get("refresh_token") != ["good-refresh"]:
                return self.send(400, '{"error": "invalid_grant"}')
            return self.send(200, json.dumps({"access_token": TOKEN, "expires_in": 3599, "token_type": "Bearer"}))
        bearer_ok = auth in ("Bearer " + TOKEN, "Bearer static-token")
        if rest == "/drive/v3/about":
            if not bearer_ok:
                return self.unauthorized(rest)
            # Drive sends int64 as strings; limit is absent for unlimited accounts.
            return self.send(200, json.dumps({"storageQuota": {
                "limit": "16106127360", "usage": "6442450944", "usageInDrive": "5368709120",
                "usageInDriveTrash": "1048576"}}))
        if rest == "/2/users/get_space_usage" and method == "POST":
            if not bearer_ok:
                return self.unauthorized(rest)
            return self.send(200, json.dumps({"used": 314572800, "allocation": {
                ".tag": "individual", "allocated": 2147483648}}))
        if rest == "/v1.0/me/drive":
            if not bearer_ok:
                return self.unauthorized(rest)
            return self.send(200, json.dumps({"id": "b!abc", "driveType": "personal", "quota": {
                "deleted": 0, "remaining": 5368709120 - 1073741824, "state": "normal",
                "total": 5368709120, "used": 1073741824}}))
        if rest == "/userinfo":
            if not bearer_ok:
                return self.send(200, '{"result": 1000, "error": "Log in required."}')
            return self.send(200, json.dumps({"result": 0, "email": "a@example.com", "quota": 10737418240,
                                              "usedquota": 2147483648, "premium": False}))
        if rest == "/b2api/v2/b2_authorize_account":
            if auth != "Basic a2V5SWQ6YXBwS2V5":  # keyId:appKey
                return self.unauthorized("/b2api")
            base = "http://127.0.0.1:%d%s" % (PORT, url.path.split("/b2api")[0])
            return self.send(200, json.dumps({"accountId": "acc1", "authorizationToken": "b2-token",
                                              "apiUrl": base, "downloadUrl": base,
                                              "recommendedPartSize": 100000000}))
        if rest == "/b2api/v2/b2_list_buckets" and method == "POST":
            if auth != "b2-token":
                return self.unauthorized("/b2api")
            req = json.loads(payload or b"{}")
            if req.get("accountId") != "acc1":
                return self.send(400, '{"status": 400, "code": "bad_request", "message": "accountId invalid"}')
            # bucketId / bucketName narrow the list to that bucket, or to none when it does not exist.
            buckets = [b for b in B2_BUCKETS
                       if req.get("bucketId") in (None, b["bucketId"]) and req.get("bucketName") in (None, b["bucketName"])]
            return self.send(200, json.dumps({"buckets": buckets}))
        if rest == "/b2api/v2/b2_list_file_versions" and method == "POST":
            if auth != "b2-token":
                return self.unauthorized("/b2api")
            req = json.loads(payload or b"{}")
            if req.get("bucketId") != "bucket1":
                return self.send(400, '{"status": 400, "code": "bad_bucket_id", "message": "Invalid bucketId"}')
            prefix = req.get("prefix", "")
            start = (req.get("startFileName", ""), req.get("startFileId", ""))
            count = min(int(req.get("maxFileCount", 100)), 10000)
            files = [f for f in B2_FILES if f["fileName"].startswith(prefix) and (f["fileName"], f["fileId"]) >= start]
            page, more = files[:count], files[count:]
            return self.send(200, json.dumps({
                "files": page,
                "nextFileName": more[0]["fileName"] if more else None,
                "nextFileId": more[0]["fileId"] if more else None}))
        return self.send(404, '{"error": "not_found"}')

    def purge_s3(self, method, rest, url, payload):
        bucket = rest.strip("/").split("/")[0]
        store = PURGE_BUCKETS[bucket]
        q = parse_qs(url.query, keep_blank_values=True)
        with lock:
            call = purge_calls.get((bucket, method, "delete" in q), 0)
            purge_calls[(bucket, method, "delete" in q)] = call + 1
        if method == "POST" and "delete" in q:
            if bucket == "throttle" and call == 0:
                return self.send(429, "<Error><Code>SlowDown</Code></Error>", "application/xml", {"Retry-After": "1"})
            import re
            out = ['<?xml version="1.0" encoding="UTF-8"?><DeleteResult>']
            with lock:
                for key in re.findall(r"<Key>(.*?)</Key>", payload.decode()):
                    store.pop(key, None)
                    out.append("<Deleted><Key>%s</Key></Deleted>" % key)
            out.append("</DeleteResult>")
            return self.send(200, "".join(out), "application/xml")
        max_keys = int(q.get("max-keys", ["1000"])[0])
        start = int(q.get("continuation-token", ["0"])[0])
        if bucket == "page3fail" and start >= 2 * max_keys:
            return self.send(500, "<Error><Code>InternalError</Code></Error>", "application/xml")
        if bucket == "listonce" and start == 0 and call > 0:
            return self.send(500, "<Error><Code>InternalError</Code></Error>", "application/xml")
        with lock:
            keys = sorted(store)
        page = keys[start:start + max_keys]
        out = ['<?xml version="1.0" encoding="UTF-8"?><ListBucketResult>']
        for key in page:
            out.append("<Contents><Key>%s</Key><LastModified>2026-12-01T00:00:00.000Z</LastModified><Size>%d</Size>"
                       "</Contents>" % (escape(key), store.get(key, 0)))
        truncated = start + max_keys < len(keys)
        out.append("<IsTruncated>%s</IsTruncated>" % ("true" if truncated else "false"))
        if truncated:
            out.append("<NextContinuationToken>%d</NextContinuationToken>" % (start + max_keys))
        out.append("</ListBucketResult>")
        return self.send(200, "".join(out), "application/xml")

    def synth_s3(self, url):
        q = parse_qs(url.query)
        max_keys = int(q.get("max-keys", ["1000"])[0])
        start = int(q.get("continuation-token", ["0"])[0])
        end = min(start + max_keys, SYNTH)
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
               "<Name>synth</Name><KeyCount>%d</KeyCount><MaxKeys>%d</MaxKeys>" % (end - start, max_keys)]
        for i in range(start, end):
            out.append("<Contents><Key>%s</Key><LastModified>2025-01-01T00:00:00.000Z</LastModified>"
                       "<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>1000</Size>"
                       "<StorageClass>STANDARD</StorageClass></Contents>" % escape("backups/obj-%08d.zip" % i))
        truncated = end < SYNTH
        out.append("<IsTruncated>%s</IsTruncated>" % ("true" if truncated else "false"))
        if truncated:
            out.append("<NextContinuationToken>%d</NextContinuationToken>" % end)
        out.append("</ListBucketResult>")
        return self.send(200, "".join(out), "application/xml")


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 128
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
