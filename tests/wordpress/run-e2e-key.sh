#!/usr/bin/env bash
# End to end, rotating the site key on a real site (the set-up of tests/wordpress/start-site.sh):
# two encrypted backups and a plain one; `key rotate` without --yes says what it would do (exit
# 2); a rotation cut short by an archive that cannot be decrypted keeps the old key and the new
# one beside it (exit 1), the archives already re-encrypted still verify (opened with the key
# their header names); once that archive is gone, `key rotate --yes` resumes with the same new
# key, completes (exit 0), removes the old key; every archive verifies with the new key and the
# history rows carry the new fingerprint.
set -euo pipefail
site_test_name=run-e2e-key
source "$(dirname "$0")/start-site.sh"
wp() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
backups_dir=$site/wp-content/uploads/bjlg-backups
site_php verify-after-backup off >/dev/null

wp backup --format=json >"$tmp/plain.json" || fail "plain backup"
plain=$(json '$d["archive"]' <"$tmp/plain.json")
wp encryption enable >/dev/null || fail "encryption enable"
old=$(wp status --format=json | json '$d["encryption"]["fingerprint"]')
wp backup --format=json >"$tmp/e1.json" || fail "encrypted backup 1"
wp backup --format=json >"$tmp/e2.json" || fail "encrypted backup 2"
e1=$(json '$d["archive"]' <"$tmp/e1.json"); e2=$(json '$d["archive"]' <"$tmp/e2.json")
case "$e1 $e2" in *.zip.enc\ *.zip.enc) ;; *) fail "not encrypted: $e1 $e2" ;; esac

rc=0; wp key rotate 2>"$tmp/plan.err" || rc=$?
[ $rc = 2 ] && grep -q "re-encrypts 2 archives with a new key, then removes key $old" "$tmp/plan.err" || fail "key rotate without --yes: exit $rc, $(cat "$tmp/plan.err")"
[ ! -e "$backups_dir/site-key.next.php" ] || fail "the plan wrote a new key"
pass "key rotate without --yes: exit 2, 2 archives to re-encrypt, key $old named"

# An archive that cannot be decrypted (a truncated copy under the old key) stops the completion.
broken=backup-full-20200101-000000-broken.zip.enc
head -c 2000 "$backups_dir/$e1" >"$backups_dir/$broken"
rc=0; wp key rotate --yes --format=json >"$tmp/partial.json" 2>"$tmp/partial.err" || rc=$?
[ $rc = 1 ] || fail "a rotation with an undecryptable archive exited $rc: $(cat "$tmp/partial.json" "$tmp/partial.err")"
new=$(json '$d["fingerprint"]' <"$tmp/partial.json")
actions=$(json '(function ($a) { sort($a); return implode(" ", $a); })(array_map(fn($a) => $a["name"] . ":" . $a["action"], $d["archives"]))' <"$tmp/partial.json")
[ "$(json 'var_export($d["completed"], true) . " " . $d["old_fingerprint"]' <"$tmp/partial.json") $actions" = "false $old $(printf '%s\n' "$broken:failed" "$e1:reencrypted" "$e2:reencrypted" | sort | tr '\n' ' ' | sed 's/ $//')" ] \
  || fail "the partial rotation: $(cat "$tmp/partial.json")"
[ "$new" != "$old" ] || fail "no new key"
[ -f "$backups_dir/site-key.next.php" ] && [ "$(stat -c %a "$backups_dir/site-key.next.php")" = 600 ] || fail "the new key is not kept beside the old one (0600)"
[ "$(wp status --format=json | json '$d["encryption"]["fingerprint"]')" = "$old" ] || fail "the old key was removed before every archive was re-encrypted"
ls -a "$backups_dir" | grep -q 'rotat' && fail "a temporary file is left: $(ls -a "$backups_dir")"
"${php_ext[@]}" -r 'echo Bjlg\Crypto\Cipher::inspect($argv[1])["key_fingerprint"], "\n";' "$backups_dir/$e1" | grep -qx "$new" || fail "$e1 is not under the new key"
[ "$(wp verify "$e1" --format=json | json '$d["status"]')" = passed ] || fail "$e1 does not verify during the rotation"
[ "$(wp verify "$plain" --format=json | json '$d["status"]')" = passed ] || fail "the plain archive changed"
pass "a rotation cut short by $broken (failed): exit 1, the old key kept, the new one beside it (0600), $e1 and $e2 re-encrypted and verifying meanwhile, no temporary file left"

rm "$backups_dir/$broken"
wp key rotate --yes --format=json >"$tmp/done.json" || fail "the resumed rotation failed: $(cat "$tmp/done.json")"
[ "$(json 'var_export($d["completed"], true) . " " . $d["fingerprint"] . " " . implode(",", array_unique(array_column($d["archives"], "action")))' <"$tmp/done.json")" = "true $new already" ] \
  || fail "the resumed rotation: $(cat "$tmp/done.json")"
[ ! -e "$backups_dir/site-key.next.php" ] || fail "the new key file is still beside the key file"
[ "$(wp status --format=json | json '$d["encryption"]["fingerprint"] . " " . $d["encryption"]["file_mode"]')" = "$new 0600" ] || fail "the site key is not the new one"
for a in "$e1" "$e2" "$plain"; do
  [ "$(wp verify "$a" --format=json | json '$d["status"]')" = passed ] || fail "$a does not verify after the rotation"
done
site_php history >"$tmp/history.json"
[ "$(json 'implode(",", array_map(fn($r) => $r["metadata"]["metrics"]["key_fingerprint"] ?? "none", array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created"))))' <"$tmp/history.json")" = "$new,$new,none" ] \
  || fail "the history rows' fingerprints: $(json 'implode(",", array_map(fn($r) => $r["metadata"]["metrics"]["key_fingerprint"] ?? "none", array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created"))))' <"$tmp/history.json")"
[ "$(json 'implode(",", array_map(fn($r) => $r["status"], array_values(array_filter($d, fn($r) => $r["action_type"] === "key_rotated"))))' <"$tmp/history.json")" = "success,warning" ] || fail "no key_rotated rows"
[ "$(json 'array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created"))[0]["metadata"]["metrics"]["checksum"]["value"]' <"$tmp/history.json")" = "$(sha256sum "$backups_dir/$e2" | cut -d' ' -f1)" ] \
  || fail "the history's checksum of $e2 is not the re-encrypted file's"
grep -q "$(sed -n 2p "$backups_dir/site-key.php")" "$tmp/history.json" "$tmp/done.json" && fail "the key shows in the history or the output"
wp backup --format=json >"$tmp/e3.json" || fail "a backup after the rotation"
"${php_ext[@]}" -r 'echo Bjlg\Crypto\Cipher::inspect($argv[1])["key_fingerprint"], "\n";' "$backups_dir/$(json '$d["archive"]' <"$tmp/e3.json")" | grep -qx "$new" || fail "a new backup is not under the new key"
pass "resumed: the same new key $new, completed (exit 0), the old key removed; $e1, $e2 and $plain verify; history rows carry $new and the new files' SHA-256; key_rotated rows; new backups use the new key"
echo "run-e2e-key: all passed"
