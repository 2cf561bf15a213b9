--TEST--
Bjlg\Remote\Purge::loadDestinations: a YAML file with destinations and policy (typed scalars, ready for plan()), a plain list, an empty list, refused files named in the exception, missing file and folder
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Remote\Purge;
use Bjlg\Remote\Retention;

function attempt(string $path): void
{
    try {
        Purge::loadDestinations($path);
        echo "no exception\n";
    } catch (Bjlg\Exception $e) {
        echo get_class($e), ' [', $e->error_code, ']: ', str_replace($GLOBALS['dir'], 'DIR', $e->getMessage()), "\n";
    }
}
$dir = sys_get_temp_dir() . '/bjlg-purge-load-' . getmypid();
@mkdir("$dir/nas", 0700, true);
file_put_contents("$dir/nas/backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip", 'old');
file_put_contents("$dir/nas/backup-full-2026-03-02-02-00-00-6751a2b3c4d5e12345678.zip", 'new');

// One file with the destinations and the policy; YAML scalars typed (integers, booleans).
file_put_contents("$dir/config.yaml", <<<YAML
# destinations and policy in one file
destinations:
  - name: nas
    type: local
    path: $dir/nas
  - name: offsite
    type: s3
    bucket: backups
    region: eu-west-3
    access_key: AKIDEXAMPLE
    secret_key: not-a-real-secret
    endpoint: http://127.0.0.1:9
    path_style: true
    allow_private_network: true
    timeout_ms: 1500
policy:
  keep_last: 1
YAML);
$list = Purge::loadDestinations("$dir/config.yaml");
echo str_replace($dir, 'DIR', json_encode($list, JSON_UNESCAPED_SLASHES)), "\n";
var_dump($list[1]['timeout_ms'], $list[1]['path_style']);
// Ready for plan(), with the policy of the same file.
$plan = Purge::plan([$list[0]], Retention::loadPolicy("$dir/config.yaml"), ['now' => strtotime('2026-03-10 UTC')]);
echo $plan['destinations']['nas']['delete'][0]['name'], "\n";

// A plain list works too; so does an empty one.
file_put_contents("$dir/list.yaml", "- {name: nas, type: local, path: /srv/backups}\n- {name: dav, type: webdav, url: 'https://dav.example/backups/', username: u, password: p}\n");
echo json_encode(Purge::loadDestinations("$dir/list.yaml"), JSON_UNESCAPED_SLASHES), "\n";
file_put_contents("$dir/empty.yaml", "destinations: []\n");
echo json_encode(Purge::loadDestinations("$dir/empty.yaml")), "\n";

// Refused: the exception names the file.
file_put_contents("$dir/unknown.yaml", "destinations:\n  - name: nas\n    type: local\n    path: /srv\n    colour: red\n");
attempt("$dir/unknown.yaml");
file_put_contents("$dir/type.yaml", "- {name: nas, type: ftp, path: /srv}\n");
attempt("$dir/type.yaml");
file_put_contents("$dir/twice.yaml", "- {name: nas, type: local, path: /a}\n- {name: nas, type: local, path: /b}\n");
attempt("$dir/twice.yaml");
file_put_contents("$dir/nolist.yaml", "destinations: 3\n");
attempt("$dir/nolist.yaml");
file_put_contents("$dir/nokey.yaml", "policy: {keep_last: 1}\n");
attempt("$dir/nokey.yaml");
file_put_contents("$dir/broken.yaml", "destinations: [\n");
attempt("$dir/broken.yaml");
attempt("$dir/missing.yaml");
attempt($dir);
try {
    Purge::loadDestinations("$dir/unknown.yaml");
} catch (Bjlg\Quota\InvalidDestinationException $e) {
    var_dump($e instanceof Bjlg\Quota\QuotaException, $e instanceof Bjlg\Exception);
}
try {
    Purge::loadDestinations("$dir/missing.yaml");
} catch (Bjlg\Quota\IOException $e) {
    var_dump($e instanceof Bjlg\IOException);
}

foreach (glob("$dir/nas/*") as $f) unlink($f);
rmdir("$dir/nas");
foreach (glob("$dir/*") as $f) unlink($f);
rmdir($dir);
?>
--EXPECT--
[{"name":"nas","path":"DIR/nas","type":"local"},{"access_key":"AKIDEXAMPLE","allow_private_network":true,"bucket":"backups","endpoint":"http://127.0.0.1:9","name":"offsite","path_style":true,"region":"eu-west-3","secret_key":"not-a-real-secret","timeout_ms":1500,"type":"s3"}]
int(1500)
bool(true)
backup-full-2026-03-01-02-00-00-6751a2b3c4d5e12345678.zip
[{"name":"nas","path":"/srv/backups","type":"local"},{"name":"dav","password":"p","type":"webdav","url":"https://dav.example/backups/","username":"u"}]
[]
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/unknown.yaml line 5: destination #0 'nas': key 'colour' is not a setting of type local
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/type.yaml line 1: destination #0 'nas': key 'type' must be one of s3, azure, b2, gdrive, dropbox, onedrive, pcloud, webdav, sftp, local
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/twice.yaml line 2: destination #1 'nas': key 'name' is used by another destination; names must be unique
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/nolist.yaml: 'destinations' must be a list of destinations
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/nokey.yaml: no 'destinations' list
Bjlg\Quota\InvalidDestinationException [invalid_argument]: DIR/broken.yaml: not valid YAML: yaml-cpp: error at line 2, column 1: end of sequence flow not found
Bjlg\Quota\IOException [not_found]: cannot open destinations file DIR/missing.yaml: No such file or directory
Bjlg\Quota\IOException [io]: destinations file DIR is a folder, not a regular file
bool(true)
bool(true)
bool(true)
