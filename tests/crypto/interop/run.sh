#!/usr/bin/env bash
# Interop test, independent of Catch2: files written by bjlg.so (through PHP) in both formats,
# key and password mode, several sizes, are decrypted by tests/crypto/interop/decrypt.py
# (Python + Debian's python3-cryptography) and must give the original SHA-256; the plugin
# fixtures must too; and a tampered file must be refused by Python as well.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
shared=${BJLG_SHARED_DIR:-$root/../shared}
py=/usr/bin/python3
php=(php -n -d "extension=$root/modules/bjlg.so")
[ -f modules/bjlg.so ] || { echo "interop: modules/bjlg.so is missing: run 'make build'" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=$("${php[@]}" -r 'echo Bjlg\Crypto\Key::generate()->toString();')
printf '%s' 'interop pässword' >"$work/password"
passed=0
failed=0
check() {  # check LABEL FILE EXPECTED_SHA256 SECRET_ARGS...
  local label=$1 file=$2 expected=$3; shift 3
  local got
  if got=$("$py" tests/crypto/interop/decrypt.py "$file" "$@") && [ "$got" = "$expected" ]; then
    passed=$((passed + 1))
  else
    echo "interop: FAILED $label"
    failed=$((failed + 1))
  fi
}
for size in 0 1 15 16 17 4095 4096 4097 65536 200003 4194304 4194321; do
  head -c "$size" /dev/urandom >"$work/plain"
  sum=$(sha256sum "$work/plain" | cut -d' ' -f1)
  for format in bjlgenc1 bjlg; do
    for mode in key password; do
      BJLG_KEY=$key BJLG_PW_FILE="$work/password" "${php[@]}" -r '
        [$in, $out, $format, $mode] = array_slice($argv, 1);
        $secret = $mode === "key" ? Bjlg\Crypto\Key::fromString(getenv("BJLG_KEY"))
                                  : file_get_contents(getenv("BJLG_PW_FILE"));
        // Only the options that apply: bjlg refuses the others (a parameter with BJLGENC1, a
        // KDF parameter with a Key, an scrypt parameter with PBKDF2).
        $options = ["format" => $format];
        if ($format === "bjlg") {
            $options["chunk_size"] = 4096;
            if (filesize($in) % 3 === 0) { $options["cipher"] = "chacha20-poly1305"; }
            if ($mode === "password") {
                if (filesize($in) % 2) { $options["kdf"] = "pbkdf2"; } else { $options["scrypt_log_n"] = 14; }
            }
        }
        Bjlg\Crypto\Cipher::encryptFile($in, $out, $secret, $options);' \
        "$work/plain" "$work/enc" "$format" "$mode"
      if [ "$mode" = key ]; then args=(--key "$key"); else args=(--password-file "$work/password"); fi
      check "$format $mode $size" "$work/enc" "$sum" "${args[@]}"
    done
  done
done
# Python must refuse what bjlg refuses: one flipped ciphertext byte.
"${php[@]}" -r '$f = $argv[1]; $d = file_get_contents($f); $d[200] = chr(ord($d[200]) ^ 1); file_put_contents($f, $d);' "$work/enc"
if "$py" tests/crypto/interop/decrypt.py "$work/enc" --password-file "$work/password" 2>/dev/null; then
  echo "interop: FAILED python accepted a tampered file"; failed=$((failed + 1))
else
  passed=$((passed + 1))
fi
# The plugin fixtures through the Python reader as well (checks the reader itself).
fixtures=$shared/fixtures/plugin-enc
fixture_key=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["key_base64"])' "$fixtures/vectors.json")
"$py" -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["password"])' "$fixtures/vectors.json" >"$work/fixture-password"
while read -r file mode sum; do
  if [ "$mode" = key ]; then args=(--key "$fixture_key"); else args=(--password-file "$work/fixture-password"); fi
  check "fixture $file" "$fixtures/$file" "$sum" "${args[@]}"
done < <("$py" -c 'import json,sys
for f in json.load(open(sys.argv[1]))["files"]: print(f["file"], f["mode"], f["sha256"])' "$fixtures/vectors.json")
echo "crypto interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
