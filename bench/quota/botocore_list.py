#!/usr/bin/env python3
"""The peer of bjlg's S3 listing: botocore's ListObjectsV2 paginator summing Size, against the
same synthetic 100,000-object bucket. Prints one Markdown table row."""
import re
import sys
import time

import botocore.session
from botocore.config import Config


def rss_kib():
    with open("/proc/self/status") as f:
        return int(re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M).group(1))


base = sys.argv[1]
client = botocore.session.get_session().create_client(
    "s3", endpoint_url=base + "/synth-s3", region_name="us-east-1", aws_access_key_id="AK",
    aws_secret_access_key="SK", config=Config(s3={"addressing_style": "path"}))
before = rss_kib()
start = time.monotonic()
count = total = 0
for page in client.get_paginator("list_objects_v2").paginate(Bucket="big", PaginationConfig={"PageSize": 1000}):
    for obj in page.get("Contents", []):
        count += 1
        total += obj["Size"]
ms = (time.monotonic() - start) * 1000
print("| botocore %s paginator (Python %d.%d) | %d | %d | %.0f ms | %.0f | %d MiB (%d MiB before listing) |" % (
    botocore.__version__, sys.version_info[0], sys.version_info[1], count, total, ms, count / (ms / 1000),
    rss_kib() / 1024, before / 1024))
