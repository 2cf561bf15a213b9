#!/usr/bin/env bash
# Opens SLA reports (English and French, every section) in headless Chromium, offline, and checks
# what a person would see: the page loads without a console or JavaScript error, the DOM Chromium
# built holds the verdict and every chart as an <svg>, and the screenshot is not blank.
# Usage: tests/sla/chromium-report.sh [OUTPUT_DIR]   (default build/sla-report)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-build/sla-report}"
mkdir -p "$out"
php="${PHP:-php} -d extension=$PWD/modules/bjlg.so"
command -v chromium >/dev/null || { echo "chromium-report: install Debian's chromium (scripts/install-deps.sh)" >&2; exit 1; }

# The report's data: a month of purges, backups with a gap, restore tests, a usage history.
$php -r '
$now = 1767225600; $dir = $argv[1];
$e = fopen("$dir/events.jsonl", "w"); $r = fopen("$dir/runs.jsonl", "w"); $h = [];
for ($i = 0; $i < 60; $i++) {
    $q = $now - 30 * 86400 + $i * 43000;
    fwrite($e, json_encode(["archive" => "site-$i.zip", "destination" => $i % 3 ? "s3 <main>" : "sftp", "queued_at" => $q,
        "finished_at" => $q + ($i % 7 + 1) * 5400, "bytes" => 2e8, "attempts" => 1 + $i % 2]) . "\n");
}
fwrite($e, json_encode(["destination" => "s3 <main>", "queued_at" => $now - 2 * 86400, "status" => "pending", "bytes" => 4e8]) . "\n");
for ($d = 30; $d >= 1; $d--) {
    if ($d == 12 || $d == 11) continue;
    fwrite($r, json_encode(["kind" => "verify", "status" => "passed", "finished_at" => $now - $d * 86400 + 3600,
        "backup" => ["created_at" => $now - $d * 86400]]) . "\n");
    if ($d % 5 == 0) fwrite($r, json_encode(["kind" => "restore-test", "status" => $d == 10 ? "failed" : "passed",
        "finished_at" => $now - $d * 86400 + 7200, "rto" => ["seconds" => 900 + $d * 40]]) . "\n");
}
$samples = [];
for ($d = 60; $d >= 0; $d--) $samples[] = ["at" => $now - $d * 86400, "used_bytes" => 4e9 + (60 - $d) * 6e7 - ($d % 14 == 0 ? 3e8 : 0), "quota_bytes" => 1e10];
$data = ["title" => "bjlg <report> & test",
  "forecasts" => [["name" => "s3 <main>", "samples" => $samples, "forecast" => Bjlg\Sla\Forecast::project($samples, ["now" => $now])]],
  "purge" => Bjlg\Sla\PurgeSla::compute(array_map(fn($l) => json_decode($l, true), file("$dir/events.jsonl")), ["now" => $now]),
  "objectives" => Bjlg\Sla\Objectives::evaluate(array_map(fn($l) => json_decode($l, true), file("$dir/runs.jsonl")),
      ["rpo_seconds" => 1.5 * 86400, "rto_seconds" => 1800], ["now" => $now]),
  "backup" => ["archive" => "site.zip", "status" => "success", "duration_seconds" => 312, "size_bytes" => 123456789, "files" => 4210,
      "destinations" => [["name" => "s3 <main>", "status" => "delivered", "bytes" => 123456789]],
      "verify" => ["status" => "passed", "checks" => [["name" => "zip_structure", "status" => "passed", "message" => "ok"]],
                   "durations" => ["read" => 2.5, "sql" => 1.1, "total" => 3.9]]]];
foreach (["en" => "UTC", "fr" => "Europe/Paris"] as $locale => $zone) {
    file_put_contents("$dir/report-$locale.html", Bjlg\Sla\Report::render($data, "html", ["now" => $now, "locale" => $locale, "timezone" => $zone]));
}
' "$out"

fail=0
for locale in en fr; do
  page="$PWD/$out/report-$locale.html"
  shot="$PWD/$out/report-$locale.png"
  rm -f "$shot"
  # --no-sandbox: CI containers run as root; the page is our own file and no network is allowed.
  flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --disable-background-networking
         --proxy-server=127.0.0.1:9 --user-data-dir="$PWD/$out/profile" --enable-logging=stderr --v=0)
  timeout 120 chromium "${flags[@]}" --virtual-time-budget=3000 --dump-dom "file://$page" \
    >"$out/dom-$locale.html" 2>"$out/console-$locale.log" || { echo "chromium-report: chromium failed on $page" >&2; fail=1; }
  timeout 120 chromium "${flags[@]}" --hide-scrollbars --window-size=1000,2600 --screenshot="$shot" "file://$page" \
    >/dev/null 2>>"$out/console-$locale.log" || { echo "chromium-report: no screenshot of $page" >&2; fail=1; }
  # Console messages and uncaught errors are logged as "CONSOLE(...)" or "Uncaught".
  if grep -E "CONSOLE|Uncaught|SyntaxError|ERR_FILE_NOT_FOUND|ERR_BLOCKED|Refused to" "$out/console-$locale.log"; then
    echo "chromium-report: $locale: the page logged errors" >&2; fail=1
  fi
  svgs=$(grep -o "<svg " "$out/dom-$locale.html" | wc -l)
  [ "$svgs" -ge 6 ] || { echo "chromium-report: $locale: $svgs charts in the DOM, expected 6 or more" >&2; fail=1; }
  grep -q 'id="verdict"' "$out/dom-$locale.html" || { echo "chromium-report: $locale: no verdict in the DOM" >&2; fail=1; }
  grep -q '&lt;main&gt;' "$out/dom-$locale.html" || { echo "chromium-report: $locale: names not shown as text" >&2; fail=1; }
  # Not blank: a blank page is one colour; the report has text, coloured charts and bands.
  colours=$(python3 - "$shot" <<'PY' 2>/dev/null || echo 0
import struct, sys, zlib
# Counts the distinct colours of an 8-bit RGB or RGBA PNG (what Chromium writes), sampled on a grid.
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, width, height, channels = 8, b"", 0, 0, 3
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        channels = {2: 3, 6: 4}[colour]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw, stride, prev, seen = zlib.decompress(idat), width * channels, bytearray(width * channels), set()
for y in range(height):
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    f = raw[y * (stride + 1)]
    for i in range(stride):
        a = row[i - channels] if i >= channels else 0
        b, c = prev[i], prev[i - channels] if i >= channels else 0
        if f == 1: row[i] = (row[i] + a) & 255
        elif f == 2: row[i] = (row[i] + b) & 255
        elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 7 == 0:
        for x in range(0, width, 7):
            seen.add(bytes(row[x * channels:x * channels + 3]))
    prev = row
print(len(seen))
PY
)
  [ "$colours" -ge 20 ] || { echo "chromium-report: $locale: screenshot $shot looks blank ($colours colours)" >&2; fail=1; }
  echo "chromium-report: $locale: $svgs charts, $colours colours in $shot"
done
[ "$fail" -eq 0 ] && echo "chromium-report: passed"
exit "$fail"
