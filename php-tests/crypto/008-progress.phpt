--TEST--
Bjlg\Crypto\Cipher: the progress option of encryptFile, decryptFile and verifyFile (calls, cancel by false or exception, bad type)
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Crypto\{Key, Cipher, CancelledException};

$dir = sys_get_temp_dir() . '/bjlg-phpt-progress-' . getmypid();
mkdir($dir);
file_put_contents("$dir/a.zip", random_bytes((1 << 20) + 7));
$key = Key::generate();

/* Records the calls: the phase, whether `done` only grows, and the last figures. */
function recorder(array &$calls): Closure {
    return function (array $p) use (&$calls) { $calls[] = $p; };
}
function summary(array $calls): string {
    $done = array_column($calls, 'done');
    $sorted = $done;
    sort($sorted);
    $last = end($calls);
    return sprintf("%s: %s calls, %s, %s at %d", $last['phase'], count($calls) > 1 ? 'several' : 'one',
        $done === $sorted ? 'in order' : 'out of order',
        $last['done'] === $last['total'] && $last['unit'] === 'bytes' && $last['phases'] === [$last['phase']]
            ? 'complete' : 'incomplete', $last['total']);
}

foreach (['bjlg' => ['chunk_size' => 65536, 'threads' => 1], 'bjlgenc1' => ['format' => 'bjlgenc1']] as $format => $o) {
    echo "-- $format\n";
    $calls = [];
    Cipher::encryptFile("$dir/a.zip", "$dir/a.enc", $key, $o + ['progress' => recorder($calls)]);
    echo summary($calls), "\n";
    $calls = [];
    Cipher::verifyFile("$dir/a.enc", $key, ['progress' => recorder($calls)]);
    echo summary($calls), ' = file size: ', var_export(end($calls)['total'] === filesize("$dir/a.enc"), true), "\n";
    $calls = [];
    Cipher::decryptFile("$dir/a.enc", "$dir/back.zip", $key, ['progress' => recorder($calls)]);
    echo summary($calls), ', same bytes: ', var_export(md5_file("$dir/back.zip") === md5_file("$dir/a.zip"), true), "\n";
    unlink("$dir/back.zip");

    // false cancels; nothing is left under the output name.
    try {
        Cipher::decryptFile("$dir/a.enc", "$dir/back.zip", $key, ['progress' => fn() => false]);
    } catch (CancelledException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    var_dump(file_exists("$dir/back.zip"));
    // An exception of the callable is the one the caller sees.
    try {
        Cipher::encryptFile("$dir/a.zip", "$dir/b.enc", $key, $o + ['progress' => function () { throw new RuntimeException('stop here'); }]);
    } catch (Bjlg\Crypto\CancelledException $e) {
        // The one cancellation rule: the callable's exception is the previous.
        echo get_class($e), ' after ', get_class($e->getPrevious()), ': ', $e->getPrevious()->getMessage(), "\n";
    }
    var_dump(file_exists("$dir/b.enc"));
    unlink("$dir/a.enc");
}

try {
    Cipher::verifyFile("$dir/a.zip", $key, ['progress' => 'no such function']);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
unlink("$dir/a.zip");
var_dump(scandir($dir));
rmdir($dir);
?>
--EXPECTF--
-- bjlg
encrypt: several calls, in order, complete at 1048583
verify: several calls, in order, complete at %d = file size: true
decrypt: several calls, in order, complete at %d, same bytes: true
Bjlg\Crypto\CancelledException: cancelled by the progress callback
bool(false)
Bjlg\Crypto\CancelledException after RuntimeException: stop here
bool(false)
-- bjlgenc1
encrypt: several calls, in order, complete at 1048583
verify: several calls, in order, complete at %d = file size: true
decrypt: several calls, in order, complete at %d, same bytes: true
Bjlg\Crypto\CancelledException: cancelled by the progress callback
bool(false)
Bjlg\Crypto\CancelledException after RuntimeException: stop here
bool(false)
TypeError: Bjlg\Crypto\Cipher::verifyFile(): Argument #3 ($options) option "progress" must be a valid callback
array(2) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
}
