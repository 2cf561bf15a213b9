#!/usr/bin/env bash
# Installs the npm test servers of the quota integration tests, pinned, into build/quota-tools:
# s3rver 3.7.1 (S3, no signature check: sigv4_front.py checks them) and azurite 3.35.0 (Azure
# Blob with Shared Key verification; the last version that runs on Debian's Node 20).
set -euo pipefail
cd "$(dirname "$0")/../../.."
tools=build/quota-tools
want="s3rver@3.7.1 azurite@3.35.0"
stamp=$tools/.installed
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$tools/node_modules/.bin/s3rver" ] \
   && [ -x "$tools/node_modules/.bin/azurite-blob" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-servers: npm is missing (scripts/install-deps.sh)" >&2; exit 1; }
mkdir -p "$tools"
echo "install-servers: npm install $want"
npm install --prefix "$tools" --no-audit --no-fund --loglevel=error $want >/dev/null
echo "$want" >"$stamp"
