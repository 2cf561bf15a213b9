--TEST--
Bjlg\Remote\Purge on the hosted APIs: a destination without its folder key is refused by name (never a whole drive), folder keys are checked, one with its folder is listed
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;

function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (\Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- without a folder: refused, naming the key; the others proceed\n";
$dir = sys_get_temp_dir() . '/bjlg-purge-hosted-' . getmypid();
@mkdir($dir, 0700, true);
file_put_contents("$dir/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip", 'x');
$plan = Purge::plan([
    ['name' => 'drive', 'type' => 'gdrive', 'refresh_token' => 'r', 'client_id' => 'c'],
    ['name' => 'box', 'type' => 'dropbox', 'access_token' => 't'],
    ['name' => 'one', 'type' => 'onedrive', 'access_token' => 't'],
    ['name' => 'pc', 'type' => 'pcloud', 'access_token' => 't'],
    ['name' => 'nas', 'type' => 'local', 'path' => $dir],
], ['keep_last' => 1], ['now' => 1772330400]);
foreach ($plan['destinations'] as $name => $d) {
    echo $name, ': ok=', json_encode($d['ok']), ' ', $d['error'] === null ? 'listed=' . $d['listed'] : $d['error']['code'] . ' ' . $d['error']['message'], "\n";
}
echo 'failed_destinations=', $plan['totals']['failed_destinations'], "\n";

echo "-- folder keys\n";
attempt(fn () => Purge::plan([['name' => 'box', 'type' => 'dropbox', 'access_token' => 't', 'folder' => '/']], []));
attempt(fn () => Purge::plan([['name' => 'box', 'type' => 'dropbox', 'access_token' => 't', 'folder' => 'Apps/bjlg']], []));
attempt(fn () => Purge::plan([['name' => 'box', 'type' => 'dropbox', 'access_token' => 't', 'folder' => 7]], []));
attempt(fn () => Purge::plan([['name' => 'drive', 'type' => 'gdrive', 'access_token' => 't', 'folder_id' => 'root']], []));
attempt(fn () => Purge::plan([['name' => 'pc', 'type' => 'pcloud', 'access_token' => 't', 'folder_id' => '0']], []));
attempt(fn () => Purge::plan([['name' => 'b2', 'type' => 'b2', 'key_id' => 'k', 'application_key' => 's', 'bucket' => 'b', 'folder' => '/x']], []));

echo "-- with its folder: listed (here refused by the address policy, before any request)\n";
$plan = Purge::plan([['name' => 'one', 'type' => 'onedrive', 'access_token' => 'secret-token', 'folder' => '/Backups',
                      'api_base_url' => 'http://127.0.0.1:9']], ['keep_last' => 1], ['test_endpoints' => true, 'retries' => 0]);
$e = $plan['destinations']['one']['error'];
echo $e['code'], ' ', str_contains($e['message'], 'secret-token') ? 'leaks' : 'no secret', "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
-- without a folder: refused, naming the key; the others proceed
box: ok=false rejected destination 'box': a purge on dropbox needs the key 'folder' (the folder holding the backups); bjlg never purges a whole drive
drive: ok=false rejected destination 'drive': a purge on gdrive needs the key 'folder_id' (the folder holding the backups); bjlg never purges a whole drive
nas: ok=true listed=1
one: ok=false rejected destination 'one': a purge on onedrive needs the key 'folder' (the folder holding the backups); bjlg never purges a whole drive
pc: ok=false rejected destination 'pc': a purge on pcloud needs the key 'folder' (the folder holding the backups); bjlg never purges a whole drive
failed_destinations=4
-- folder keys
Bjlg\Quota\InvalidDestinationException: destination #0 'box': key 'folder' must be a folder's path from the root, starting with '/' ("/Apps/bjlg"), not the root
Bjlg\Quota\InvalidDestinationException: destination #0 'box': key 'folder' must be a folder's path from the root, starting with '/' ("/Apps/bjlg"), not the root
TypeError: Bjlg\Remote\Purge::plan(): Argument #1 ($destinations) destination #0 'box': key 'folder' must be a string
Bjlg\Quota\InvalidDestinationException: destination #0 'drive': key 'folder_id' must be a folder's id, not the root
Bjlg\Quota\InvalidDestinationException: destination #0 'pc': key 'folder_id' must be a folder id (digits), not the root (0)
Bjlg\Quota\InvalidDestinationException: destination #0 'b2': key 'folder' is not a setting of type b2
-- with its folder: listed (here refused by the address policy, before any request)
unreachable no secret