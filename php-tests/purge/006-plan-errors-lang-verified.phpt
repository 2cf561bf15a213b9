--TEST--
Bjlg\Remote\Purge::plan: an unsupported type and a missing folder fail on their own (rejected, not_found), French reasons, verified archives with keep_verified, empty policy and no destination
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

$dir = sys_get_temp_dir() . '/bjlg-purge-plan-errors-' . getmypid();
@mkdir($dir, 0700, true);
foreach ([1, 2, 3, 4] as $d) {
    file_put_contents("$dir/" . sprintf('backup-full-2026-03-%02d-02-00-00-6751a2b3c4d5e1234567%d.zip', $d, $d), str_repeat('x', 10 * $d));
}
$destinations = [
    ['name' => 'nas', 'type' => 'local', 'path' => $dir],
    ['name' => 'drive', 'type' => 'gdrive', 'access_token' => 'ya29.not-a-real-token'],
    ['name' => 'gone', 'type' => 'local', 'path' => "$dir/missing"],
];
$now = strtotime('2026-03-12 12:00 UTC');
$verified = ['backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345672.zip'];

// French reasons; the verified archive is kept by keep_verified; the two other destinations fail
// on their own and delete nothing, the folder is still planned.
$plan = Purge::plan($destinations, ['keep_last' => 1, 'keep_verified' => true, 'timezone' => 'Europe/Paris'],
                    ['now' => $now, 'lang' => 'fr', 'verified' => $verified]);
echo implode(' ', array_keys($plan['destinations'])), "\n";
foreach (['drive', 'gone'] as $name) {
    $d = $plan['destinations'][$name];
    printf("%s: type=%s ok=%s listed=%d delete=%d keep=%d foreign=%d bytes_freed=%d quota=%s error=%s\n", $name, $d['type'],
        json_encode($d['ok']), $d['listed'], count($d['delete']), count($d['keep']), count($d['foreign']), $d['bytes_freed'],
        json_encode($d['quota']), str_replace($dir, 'DIR', json_encode($d['error'], JSON_UNESCAPED_SLASHES)));
}
$nas = $plan['destinations']['nas'];
echo 'nas: ok=', json_encode($nas['ok']), ' listed=', $nas['listed'], ' counts=', json_encode($nas['counts']), "\n";
foreach (['keep', 'delete'] as $list) {
    foreach ($nas[$list] as $a) echo "$list {$a['name']} {$a['rule']}: {$a['reason']}\n";
}
echo json_encode($plan['totals']), ' ', $plan['policy']['timezone'], "\n";

// The same in English, without the verified list: keep_verified has nothing to keep.
$en = Purge::plan($destinations, ['keep_last' => 1, 'keep_verified' => true], ['now' => $now, 'lang' => 'en']);
foreach ($en['destinations']['nas']['keep'] as $a) echo "keep {$a['name']} {$a['rule']}: {$a['reason']}\n";
echo count($en['destinations']['nas']['delete']), ' deleted, first: ', $en['destinations']['nas']['delete'][0]['reason'], "\n";

// Verified without keep_verified changes nothing; an empty policy keeps everything.
$plain = Purge::plan([$destinations[0]], ['keep_last' => 1], ['now' => $now, 'verified' => $verified]);
echo count($plain['destinations']['nas']['keep']), ' kept, ', count($plain['destinations']['nas']['delete']), " deleted\n";
$none = Purge::plan([$destinations[0]], [], ['now' => $now]);
echo json_encode($none['destinations']['nas']['counts']), ' ', $none['destinations']['nas']['keep'][0]['rule'], ': ', $none['destinations']['nas']['keep'][0]['reason'], "\n";
// No destination at all: an empty plan.
$empty = Purge::plan([], ['keep_last' => 1], ['now' => $now]);
echo json_encode($empty['destinations']), ' ', json_encode($empty['totals']), "\n";

foreach (glob("$dir/*") as $f) unlink($f);
rmdir($dir);
?>
--EXPECT--
drive gone nas
drive: type=gdrive ok=false listed=0 delete=0 keep=0 foreign=0 bytes_freed=0 quota=null error={"code":"rejected","message":"destination 'drive': a purge on gdrive needs the key 'folder_id' (the folder holding the backups); bjlg never purges a whole drive"}
gone: type=local ok=false listed=0 delete=0 keep=0 foreign=0 bytes_freed=0 quota=null error={"code":"not_found","message":"opendir DIR/missing: No such file or directory"}
nas: ok=true listed=4 counts={"delete":2,"foreign":0,"keep":2}
keep backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345674.zip keep_last: parmi les 1 dernières archives
keep backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345672.zip keep_verified: archive la plus récente dont le test de restauration a réussi
delete backup-full-2026-03-03-02-00-00-6751a2b3c4d5e12345673.zip no_rule: aucune règle ne la conserve
delete backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345671.zip no_rule: aucune règle ne la conserve
{"bytes_freed":40,"delete":2,"failed_destinations":2,"foreign":0,"keep":2} Europe/Paris
keep backup-full-2026-03-04-02-00-00-6751a2b3c4d5e12345674.zip keep_last: one of the last 1 archives
3 deleted, first: kept by no rule
1 kept, 3 deleted
{"delete":0,"foreign":0,"keep":4} no_policy: the policy has no rule: nothing is deleted
[] {"bytes_freed":0,"delete":0,"failed_destinations":0,"foreign":0,"keep":0}
