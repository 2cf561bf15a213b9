#!/usr/bin/env python3
"""Seeds the quota integration servers with known contents.

  seed.py s3 PORT       s3rver (credentials S3RVER/S3RVER): bucket "backups" with 2,500 objects,
                        300 of them under "db/"; bucket "empty" stays empty
  seed.py sas PERMS     prints an account SAS token for azurite's devstoreaccount1 (e.g. "rl")
  seed.py azure PORT    azurite: container "backups" with 1,200 blobs, 200 under "db/";
                        container "empty"

  seed.py purge-s3 PORT BUCKET DAYS      purge tests: a bucket of DAYS days of archives (a full at
  seed.py purge-azure PORT CONTAINER DAYS   03:00 UTC and incrementals at 09:00 and 15:00 before
                                        2026-12-04) and 3 foreign files
  seed.py purge-dir DIR DAYS            the same as files in a folder (local and WebDAV)

Object i (0-based) has size 100 + i % 1000 bytes, so the sums are known in advance (see
expected() and the tests).
"""
import base64
import hashlib
import hmac
import http.client
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate


def names(total, under_db):
    return ["db/dump-%05d.sql.gz" % i if i < under_db else "site/archive-%05d.zip" % i for i in range(total)]


def size(i):
    return 100 + i % 1000


def seed_s3(port):
    import botocore.session
    from botocore.config import Config
    session = botocore.session.get_session()
    client = session.create_client("s3", endpoint_url="http://127.0.0.1:%d" % port, region_name="us-east-1",
                                   aws_access_key_id="S3RVER", aws_secret_access_key="S3RVER",
                                   config=Config(s3={"addressing_style": "path"}, max_pool_connections=16))
    for bucket in ("backups", "empty"):
        try:
            client.create_bucket(Bucket=bucket)
        except client.exceptions.BucketAlreadyOwnedByYou:
            pass
    keys = names(2500, 300)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: client.put_object(Bucket="backups", Key=keys[i], Body=b"x" * size(i)), range(len(keys))))


ACCOUNT = "devstoreaccount1"
KEY = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")


def azure(conn, method, path, query, body=b"", extra=None):
    date = formatdate(time.time(), usegmt=True)
    headers = {"x-ms-date": date, "x-ms-version": "2023-08-03"}
    headers.update(extra or {})
    canon_headers = "".join("%s:%s\n" % (k, headers[k]) for k in sorted(headers) if k.startswith("x-ms-"))
    canon_resource = "/%s%s" % (ACCOUNT, path) + "".join("\n%s:%s" % (k, v) for k, v in sorted(query.items()))
    length = str(len(body)) if body else ""
    to_sign = "\n".join([method, "", "", length, "", headers.get("Content-Type", ""), "", "", "", "", "", ""]) + "\n" \
        + canon_headers + canon_resource
    sig = base64.b64encode(hmac.new(KEY, to_sign.encode(), hashlib.sha256).digest()).decode()
    headers["Authorization"] = "SharedKey %s:%s" % (ACCOUNT, sig)
    qs = "&".join("%s=%s" % kv for kv in query.items())
    conn.request(method, path + ("?" + qs if qs else ""), body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    if resp.status >= 300 and resp.status != 409:
        raise SystemExit("azure %s %s: %d %s" % (method, path, resp.status, data[:300]))


def seed_azure(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for container in ("backups", "empty"):
        azure(conn, "PUT", "/%s/%s" % (ACCOUNT, container), {"restype": "container"})
    keys = names(1200, 200)

    def put(i):
        c = http.client.HTTPConnection("127.0.0.1", port)
        azure(c, "PUT", "/%s/backups/%s" % (ACCOUNT, keys[i]), {}, b"y" * size(i), {"x-ms-blob-type": "BlockBlob"})
        c.close()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, range(len(keys))))


def purge_names(days):
    """The archives of `days` days before 2026-12-04 (UTC) and three foreign names."""
    out = []
    for day in range(1, days + 1):
        base = 1796515200 - day * 86400
        for hour, kind in ((3, "backup-full"), (9, "incremental-full"), (15, "incremental-full")):
            stamp = time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime(base + hour * 3600))
            out.append("%s-%s-65f1a2b3c%04d%02d.zip" % (kind, stamp, day, hour))
    return out + ["notes.txt", "restore-upload.tmp", "backup-full-partial.zip.part"]


def purge_s3(port, bucket, days):
    import botocore.session
    from botocore.config import Config
    client = botocore.session.get_session().create_client(
        "s3", endpoint_url="http://127.0.0.1:%d" % port, region_name="us-east-1", aws_access_key_id="S3RVER",
        aws_secret_access_key="S3RVER", config=Config(s3={"addressing_style": "path"}, max_pool_connections=16))
    try:
        client.create_bucket(Bucket=bucket)
    except client.exceptions.BucketAlreadyOwnedByYou:
        pass
    keys = purge_names(days)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: client.put_object(Bucket=bucket, Key=keys[i], Body=b"z" * size(i)), range(len(keys))))


def purge_azure(port, container, days):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    azure(conn, "PUT", "/%s/%s" % (ACCOUNT, container), {"restype": "container"})
    keys = purge_names(days)

    def put(i):
        c = http.client.HTTPConnection("127.0.0.1", port)
        azure(c, "PUT", "/%s/%s/%s" % (ACCOUNT, container, keys[i]), {}, b"z" * size(i), {"x-ms-blob-type": "BlockBlob"})
        c.close()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, range(len(keys))))


def purge_dir(path, days):
    import os
    os.makedirs(path, exist_ok=True)
    for i, name in enumerate(purge_names(days)):
        with open(os.path.join(path, name), "wb") as f:
            f.write(b"z" * size(i))


def account_sas(permissions):
    """An account SAS for the blob service, valid for a day, per Microsoft's account SAS
    specification (version 2021-08-06: the string to sign ends with the encryption scope)."""
    from urllib.parse import quote
    expiry = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
    fields = [ACCOUNT, permissions, "b", "sco", "", expiry, "", "https,http", "2021-08-06", ""]
    sig = base64.b64encode(hmac.new(KEY, ("\n".join(fields) + "\n").encode(), hashlib.sha256).digest()).decode()
    return "sv=2021-08-06&ss=b&srt=sco&sp=%s&se=%s&spr=https,http&sig=%s" % (permissions, quote(expiry, safe=""),
                                                                          quote(sig, safe=""))


if __name__ == "__main__":
    if sys.argv[1] == "sas":
        print(account_sas(sys.argv[2]))
    elif sys.argv[1] == "purge-s3":
        purge_s3(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "purge-azure":
        purge_azure(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "purge-dir":
        purge_dir(sys.argv[2], int(sys.argv[3]))
    else:
        {"s3": seed_s3, "azure": seed_azure}[sys.argv[1]](int(sys.argv[2]))
