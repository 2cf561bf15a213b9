--TEST--
Bjlg\Quota\Collector::collect(): B2 bucket by name (looked up with b2_list_buckets) or by ID; an unknown name is not_found
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/server.inc';
use Bjlg\Quota\Collector;

$base = bjlg_quota_server();
$b2 = ['type' => 'b2', 'key_id' => 'kid', 'application_key' => 'phpt-app-key', 'api_base_url' => "$base/b2"];
$r = Collector::collect([
    ['name' => 'by-name', 'bucket' => 'site-backups'] + $b2,
    ['name' => 'by-id', 'bucket_id' => 'bkt-1'] + $b2,
    ['name' => 'both', 'bucket_id' => 'bkt-1', 'bucket' => 'not-looked-up'] + $b2,
    ['name' => 'unknown', 'bucket' => 'no-such-bucket'] + $b2,
], ['test_endpoints' => true, 'allow_private_network' => true]);
foreach ($r as $name => $u) {
    printf("%s: used=%s objects=%s source=%s codes=%s\n", $name, var_export($u['used_bytes'], true),
        var_export($u['object_count'], true), var_export($u['source'], true), implode(',', $u['error_codes']));
}
echo $r['unknown']['errors'][0], "\n";
var_dump(str_contains(serialize($r), 'phpt-app-key'), str_contains(serialize($r), 'b2-phpt-token'));
try {
    Collector::collect([['name' => 'none'] + $b2], ['test_endpoints' => true, 'allow_private_network' => true]);
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
by-name: used=500 objects=2 source='listing' codes=
by-id: used=500 objects=2 source='listing' codes=
both: used=500 objects=2 source='listing' codes=
unknown: used=NULL objects=NULL source=NULL codes=not_found
[not_found] B2 b2_list_buckets on 127.0.0.1:%d: no bucket named 'no-such-bucket' in the account
bool(false)
bool(false)
destination #0 'none': key 'bucket_id' is required (set 'bucket_id' or 'bucket')
