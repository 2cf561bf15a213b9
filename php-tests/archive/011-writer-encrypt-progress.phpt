--TEST--
Bjlg\Archive\Writer encrypt: progress reports the encrypt and authenticate steps; false there cancels and leaves nothing
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/archive.inc';
use Bjlg\Archive\{CancelledException, Writer};
use Bjlg\Crypto\Key;

$d = bjlg_scratch('encrypt-progress');
bjlg_put("$d/site/uploads/photo.jpg", random_bytes(300000));
mkdir("$d/out");
$key = Key::generate();

foreach (['bjlg', 'bjlgenc1'] as $format) {
    $phases = [];
    $last = [];
    $w = new Writer("$d/out/site.zip.enc", ['encrypt' => $key, 'encrypt_format' => $format, 'progress_interval' => 0,
        'progress' => function (array $p) use (&$phases, &$last) {
            if (end($phases) !== $p['phase']) {
                $phases[] = $p['phase'];
            }
            $last[$p['phase']] = $p;
            return true;
        }]);
    $w->addDirectory("$d/site", 'wp-content');
    $s = $w->close();
    echo "$format: ", implode(' > ', $phases), "\n";
    $enc = $last['encrypt'];
    $auth = $last['authenticate'];
    var_dump($enc['done'] === $enc['total'], $auth['done'] === $auth['total'],
        $auth['total'] === filesize("$d/out/site.zip.enc"), $s['bytes_out'] === $auth['total'],
        // one bar: the three phases are declared from the start, and the index only moves on
        [$last['archive']['phase_index'], $enc['phase_index'], $auth['phase_index']] === [0, 1, 2]
            && $auth['phases'] === ['archive', 'encrypt', 'authenticate']);
    unlink("$d/out/site.zip.enc");

    foreach (['encrypt', 'authenticate'] as $stop) {
        $w = new Writer("$d/out/site.zip.enc", ['encrypt' => $key, 'encrypt_format' => $format,
            'progress' => fn(array $p) => $p['phase'] !== $stop]);
        $w->addDirectory("$d/site", 'wp-content');
        try {
            $w->close();
            echo "closed\n";
        } catch (CancelledException $e) {
            echo "cancelled in $stop: ", $e->getMessage(), "\n";
        }
        var_dump(scandir("$d/out") === ['.', '..']);
    }
}
bjlg_rmrf($d);
?>
--EXPECTF--
bjlg: archive > encrypt > authenticate
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
cancelled in encrypt: %Acancelled by the progress callback
bool(true)
cancelled in authenticate: %Acancelled by the progress callback
bool(true)
bjlgenc1: archive > encrypt > authenticate
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
cancelled in encrypt: %Acancelled by the progress callback
bool(true)
cancelled in authenticate: %Acancelled by the progress callback
bool(true)
