#!/usr/bin/env bash
# The quota collector against real servers on loopback, started here and stopped on exit:
#   s3rver 3.7.1 behind sigv4_front.py (botocore re-checks every signature), azurite 3.35.0 over
#   HTTP and HTTPS (Shared Key verified by azurite), php-sabre-dav under `php -S` (RFC 4331
#   quota), OpenSSH sshd on a loopback port (statvfs@openssh.com), and fake_providers.py for
#   Drive, Dropbox, OneDrive, pCloud, B2 native and the misbehaving servers.
# Then runs the Catch2 cases tagged [integration] (tests/quota/integration_test.cc) and the purge
# scenarios of tests/purge/integration.php.
# Usage: tests/quota/run-integration.sh [extra Catch2 arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bash tests/quota/servers/install-servers.sh
tools=$root/build/quota-tools/node_modules/.bin
# Debian's Python, whose botocore is python3-botocore (not another python3 earlier in PATH).
py=/usr/bin/python3
work=$root/build/quota-it
rm -rf "$work"
mkdir -p "$work"/{s3,azure,azure-tls,dav,ssh,logs}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

read -r P_S3 P_FRONT P_AZ P_AZTLS P_FAKE P_DAV P_SSH < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(7)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
)

wait_port() {  # wait_port PORT NAME
  for _ in $(seq 1 150); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "quota-it: $2 did not start on port $1 (log: $work/logs/$2.log)" >&2
  tail -20 "$work/logs/$2.log" >&2 || true
  exit 1
}

# S3: s3rver, then the validating front.
# s3rver's continuation tokens use DES, which Node 20's OpenSSL 3 only has in its legacy provider.
NODE_OPTIONS=--openssl-legacy-provider "$tools/s3rver" -d "$work/s3" -a 127.0.0.1 -p "$P_S3" --silent >"$work/logs/s3rver.log" 2>&1 &
pids+=($!)
"$py" tests/quota/servers/sigv4_front.py "$P_FRONT" "$P_S3" S3RVER S3RVER us-east-1 >"$work/logs/front.log" 2>&1 &
pids+=($!)

# Azure: azurite over HTTP, and over HTTPS with a self-signed certificate for 127.0.0.1.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/azure-tls/key.pem" -out "$work/azure-tls/cert.pem" >/dev/null 2>&1
"$tools/azurite-blob" --blobHost 127.0.0.1 --blobPort "$P_AZ" --location "$work/azure" --silent \
  --disableTelemetry --skipApiVersionCheck >"$work/logs/azurite.log" 2>&1 &
pids+=($!)
"$tools/azurite-blob" --blobHost 127.0.0.1 --blobPort "$P_AZTLS" --location "$work/azure-tls" --silent \
  --disableTelemetry --skipApiVersionCheck --cert "$work/azure-tls/cert.pem" --key "$work/azure-tls/key.pem" \
  >"$work/logs/azurite-tls.log" 2>&1 &
pids+=($!)

# Hosted providers and misbehaving servers.
"$py" tests/quota/servers/fake_providers.py "$P_FAKE" >"$work/logs/fake.log" 2>&1 &
pids+=($!)

# WebDAV with quota.
BJLG_DAV_ROOT="$work/dav" php -S 127.0.0.1:"$P_DAV" tests/quota/servers/webdav_server.php >"$work/logs/dav.log" 2>&1 &
pids+=($!)

# SFTP: sshd on a loopback port, key authentication only, for the current user.
ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/client_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/stranger_key"
cp "$work/ssh/client_key.pub" "$work/ssh/authorized_keys"
mkdir -p /run/sshd 2>/dev/null || true
cat >"$work/ssh/sshd_config" <<CONF
Port $P_SSH
ListenAddress 127.0.0.1
HostKey $work/ssh/host_key
AuthorizedKeysFile $work/ssh/authorized_keys
PidFile $work/ssh/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
CONF
sshd_bin=$(command -v sshd || echo /usr/sbin/sshd)
"$sshd_bin" -D -e -f "$work/ssh/sshd_config" >"$work/logs/sshd.log" 2>&1 &
pids+=($!)
echo "[127.0.0.1]:$P_SSH $(cut -d' ' -f1,2 "$work/ssh/host_key.pub")" >"$work/ssh/known_hosts"
echo "[127.0.0.1]:$P_SSH $(cut -d' ' -f1,2 "$work/ssh/stranger_key.pub")" >"$work/ssh/known_hosts_wrong"
host_fp=$(ssh-keygen -l -E sha256 -f "$work/ssh/host_key.pub" | awk '{print $2}' | sed 's/^SHA256://')

wait_port "$P_S3" s3rver
wait_port "$P_FRONT" front
wait_port "$P_AZ" azurite
wait_port "$P_AZTLS" azurite-tls
wait_port "$P_FAKE" fake
wait_port "$P_DAV" dav
wait_port "$P_SSH" sshd

start=$(date +%s)
"$py" tests/quota/servers/seed.py s3 "$P_S3"
"$py" tests/quota/servers/seed.py azure "$P_AZ"
echo "quota-it: servers up and seeded in $(( $(date +%s) - start ))s"

export BJLG_IT_S3="http://127.0.0.1:$P_FRONT"
export BJLG_IT_S3_RAW="http://127.0.0.1:$P_S3"
export BJLG_IT_AZURE="http://127.0.0.1:$P_AZ/devstoreaccount1"
export BJLG_IT_AZURE_TLS="https://127.0.0.1:$P_AZTLS/devstoreaccount1"
export BJLG_IT_AZURE_CA="$work/azure-tls/cert.pem"
export BJLG_IT_AZURE_SAS="$("$py" tests/quota/servers/seed.py sas rl)"
export BJLG_IT_AZURE_SAS_NO_LIST="$("$py" tests/quota/servers/seed.py sas r)"
export BJLG_IT_FAKE="http://127.0.0.1:$P_FAKE"
export BJLG_IT_DAV="http://127.0.0.1:$P_DAV"
export BJLG_IT_DAV_ROOT="$work/dav"
export BJLG_IT_SSH_PORT="$P_SSH"
export BJLG_IT_SSH_USER="$(id -un)"
export BJLG_IT_SSH_KEY="$work/ssh/client_key"
export BJLG_IT_SSH_STRANGER="$work/ssh/stranger_key"
export BJLG_IT_SSH_HOST_SHA256="$host_fp"
export BJLG_IT_SSH_DIR="$work/ssh"
export BJLG_IT_SIGV4_ORACLE="$root/tests/quota/servers/sigv4_oracle.py"

set +e
./build/core/bjlg_tests "[integration]" "$@"
status=$?
# Bjlg\Remote\Purge against the same servers, through the PHP API.
BJLG_IT_SO="$root/modules/bjlg.so" php -d extension="$root/modules/bjlg.so" tests/purge/integration.php || status=1
set -e
checked=$(curl -s "http://127.0.0.1:$P_FRONT/__stats" || echo "? ?")
echo "quota-it: sigv4 front: signatures checked / refused: $checked"
exit $status
