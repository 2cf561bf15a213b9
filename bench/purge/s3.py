#!/usr/bin/env python3
"""bench/purge's S3 side, through Debian's botocore, against s3rver (credentials S3RVER/S3RVER,
path-style) on loopback:

  s3.py seed PORT BUCKET COUNT T0     creates BUCKET and puts COUNT tiny backup archives in it, named
                                      as names() says (8 threads, as tests/quota/servers/seed.py seeds)
  s3.py plugin PORT BUCKET COUNT T0   the baseline: deletes every archive but the newest, one
                                      DeleteObject request after another (a plain loop, one client,
                                      one connection, no threads), the way the plugin deletes an
                                      archive; prints "seconds requests"
  s3.py list PORT BUCKET              times one whole listing of BUCKET (botocore's ListObjectsV2
                                      paginator, pages of 1,000): prints "seconds objects"
  s3.py left PORT BUCKET              lists BUCKET (ListObjectsV2 pages) and prints the keys left
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

PREFIX = ""  # at the bucket's root: see run.sh on s3rver and prefixes


def names(count, t0):
    """Archive i was written i hours before t0: index 0 is the newest (the one keep_last 1 keeps).
    Same formula as bench.php: backup-full-{Y-m-d-H-i-s}-{13 hex digits}.zip."""
    return [PREFIX + "backup-full-%s-%013x.zip" % (time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime(t0 - i * 3600)), i)
            for i in range(count)]


def client(port, pool=10):
    import botocore.session
    from botocore.config import Config
    session = botocore.session.get_session()
    return session.create_client("s3", endpoint_url="http://127.0.0.1:%d" % port, region_name="us-east-1",
                                 aws_access_key_id="S3RVER", aws_secret_access_key="S3RVER",
                                 config=Config(s3={"addressing_style": "path"}, max_pool_connections=pool,
                                               retries={"max_attempts": 1}))


def seed(port, bucket, count, t0):
    c = client(port, 16)
    c.create_bucket(Bucket=bucket)
    keys = names(count, t0)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda k: c.put_object(Bucket=bucket, Key=k, Body=b"bjlg"), keys))


def plugin(port, bucket, count, t0):
    c = client(port, 1)
    doomed = names(count, t0)[1:]  # keep_last 1: every archive but the newest
    c.head_bucket(Bucket=bucket)   # the connection is open before the clock starts
    start = time.perf_counter()
    for key in doomed:
        c.delete_object(Bucket=bucket, Key=key)
    print("%.3f %d" % (time.perf_counter() - start, len(doomed)))


def list_time(port, bucket):
    c = client(port, 1)
    c.head_bucket(Bucket=bucket)
    start = time.perf_counter()
    n = sum(len(page.get("Contents", [])) for page in c.get_paginator("list_objects_v2").paginate(Bucket=bucket))
    print("%.3f %d" % (time.perf_counter() - start, n))


def left(port, bucket):
    c = client(port)
    for page in c.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for o in page.get("Contents", []):
            print(o["Key"])


if __name__ == "__main__":
    cmd, port = sys.argv[1], int(sys.argv[2])
    if cmd == "seed":
        seed(port, sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "plugin":
        plugin(port, sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "list":
        list_time(port, sys.argv[3])
    elif cmd == "left":
        left(port, sys.argv[3])
    else:
        raise SystemExit("s3.py: unknown command " + cmd)
