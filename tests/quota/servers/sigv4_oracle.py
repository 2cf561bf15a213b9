#!/usr/bin/env python3
"""SigV4 oracle: reads JSON lines {method, path, query: [[k, v]…], headers: [[k, v]…], payload,
amz_date, access_key, secret_key, region, service} on stdin and prints, per line, the signature
AWS's own signer (botocore's S3SigV4Auth, Debian's python3-botocore) computes for them."""
import json
import sys
from urllib.parse import quote

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

for line in sys.stdin:
    case = json.loads(line)
    headers = dict(case["headers"])
    # S3 signs the path as sent: each byte outside the unreserved set percent-encoded once.
    url = "https://%s%s" % (headers["host"], quote(case["path"], safe="/~"))
    request = AWSRequest(method=case["method"], url=url, headers=headers, params=dict(case["query"]))
    request.context["timestamp"] = case["amz_date"]
    auth = S3SigV4Auth(Credentials(case["access_key"], case["secret_key"]), case["service"], case["region"])
    canonical = auth.canonical_request(request)
    print(auth.signature(auth.string_to_sign(request, canonical), request), flush=True)
