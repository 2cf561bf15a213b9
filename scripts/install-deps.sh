#!/usr/bin/env bash
# Installs the Debian packages bjlg needs to build and test. Does nothing when all are present,
# so `make run` and `make check` can call it every time.
set -euo pipefail

packages=(
  # build
  build-essential pkg-config cmake php8.2-dev php8.2-cli php-parser
  # core libraries
  libzip-dev libssl-dev libcurl4-openssl-dev libyaml-cpp-dev nlohmann-json3-dev
  libhowardhinnant-date-dev libdeflate-dev zlib1g-dev tzdata libexpat1-dev
  # tests: Catch2 v2, valgrind for the phpt leak run, clang + libFuzzer for fuzz targets
  catch2 valgrind clang libclang-rt-14-dev
  # differential cron test and bench peers
  php-dragonmantank-cron-expression
  # independent implementation of the encrypted formats (tests/crypto/interop)
  python3-cryptography
  # quota integration servers: npm's s3rver and azurite run on nodejs; botocore checks SigV4;
  # sabre/dav under php -S gives WebDAV quota; sshd answers statvfs@openssh.com
  nodejs python3-botocore php-sabre-dav openssh-server openssh-client openssl curl
  # archive tests (independent zip readers) and archive bench peers
  unzip zip p7zip-full python3 php8.2-zip time
  # make test-install: `file` tells a stripped module
  file
  # restore tests: a throwaway MariaDB started in the sandbox (make test-verify-integration)
  mariadb-server mariadb-client
  # Bjlg\Database: the MariaDB Connector/C (works with MariaDB and MySQL servers)
  libmariadb-dev
  # bench/database: the plugin's dump loop runs through mysqli
  php8.2-mysql
  # SLA reports opened in a real browser, headless (make test-sla-report)
  chromium
  # notify integration: a real SMTP server (STARTTLS + AUTH) on loopback
  python3-aiosmtpd
  # the WordPress plugin: its end-to-end test runs Debian's WordPress (make test-wordpress),
  # its unit tests PHPUnit
  wordpress phpunit
)
# npm: Debian's npm package, unless the installed nodejs already ships it (NodeSource builds
# do, and conflict with Debian's npm).
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing Debian packages: ${missing[*]}" >&2
  echo "install-deps: run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
