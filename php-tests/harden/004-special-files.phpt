--TEST--
Hardening, special files: a FIFO or /dev/zero given as archive, encrypted input, destinations file, "since" file, key file or config is refused at once, naming the input
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/harden.inc';
require __DIR__ . '/../cli/cli.inc.php';
$d = bjlg_scratch('harden-special');
$fifo = bjlg_fifo("$d/fifo");
$start = microtime(true);
$show = fn(callable $f) => str_replace($d, 'D', bjlg_throws($f));

foreach ([$fifo, '/dev/zero', $d] as $path) {
    echo $show(fn() => Bjlg\Archive\Reader::open($path)), "\n";
    $r = Bjlg\Verify\Verifier::verify($path);
    echo str_replace($d, 'D', "$r[status]: " . bjlg_check($r, 'read')['message']), "\n";
    echo $show(fn() => Bjlg\Crypto\Cipher::decryptFile($path, "$d/out", 'password')), "\n";
    echo $show(fn() => Bjlg\Crypto\Cipher::encryptFile($path, "$d/out", 'password')), "\n";
    echo $show(fn() => Bjlg\Quota\Collector::collectFromFile($path)), "\n";
    echo $show(fn() => new Bjlg\Archive\Writer("$d/w.zip", ['since' => $path])), "\n";
}
echo file_exists("$d/out") ? "output written\n" : "no output\n";

// The command line: key file, password file, config file.
[$rc, $out, $err] = bjlg_cli('encrypt', "$d/fifo", "$d/out.enc", "--key-file=$fifo");
echo $rc, ' ', str_replace($d, 'D', strtok($err, "\n")), "\n";
[$rc, $out, $err] = bjlg_cli('decrypt', "$d/x", "$d/y", '--password-file=/dev/zero');
echo $rc, ' ', strtok($err, "\n"), "\n";
[$rc, $out, $err] = bjlg_cli('cron', 'check', "--config=$fifo");
echo $rc, ' ', str_replace($d, 'D', strtok($err, "\n")), "\n";
[$rc, $out, $err] = bjlg_cli('quota', "--config=$fifo");
echo $rc, ' ', str_replace($d, 'D', strtok($err, "\n")), "\n";
file_put_contents("$d/big.key", str_repeat('k', 70000));
[$rc, $out, $err] = bjlg_cli('encrypt', "$d/big.key", "$d/out.enc", "--key-file=$d/big.key");
echo $rc, ' ', str_replace($d, 'D', strtok($err, "\n")), "\n";

// A blocked open() would hang until run-tests.php kills the test; valgrind only makes it slower.
echo microtime(true) - $start < (bjlg_under_valgrind() ? 300 : 20) ? "nothing blocked\n" : "too slow\n";
unlink($fifo);
bjlg_rmrf($d);
?>
--EXPECTF--
Bjlg\Archive\IOException [io]: archive D/fifo is a FIFO, not a regular file
inconclusive: the archive cannot be read: archive D/fifo is a FIFO, not a regular file
Bjlg\Crypto\IOException [io]: D/fifo is a FIFO, not a regular file
Bjlg\Crypto\IOException [io]: D/fifo is a FIFO, not a regular file
Bjlg\Quota\IOException [io]: destinations file D/fifo is a FIFO, not a regular file
%s"since" file D/fifo is a FIFO, not a regular file
Bjlg\Archive\IOException [io]: archive /dev/zero is a character device, not a regular file
inconclusive: the archive cannot be read: archive /dev/zero is a character device, not a regular file
Bjlg\Crypto\IOException [io]: /dev/zero is a character device, not a regular file
Bjlg\Crypto\IOException [io]: /dev/zero is a character device, not a regular file
Bjlg\Quota\IOException [io]: destinations file /dev/zero is a character device, not a regular file
%s"since" file /dev/zero is a character device, not a regular file
Bjlg\Archive\IOException [io]: archive D is a folder, not a regular file
inconclusive: the archive cannot be read: archive D is a folder, not a regular file
Bjlg\Crypto\IOException [io]: D is a folder, not a regular file
Bjlg\Crypto\IOException [io]: D is a folder, not a regular file
Bjlg\Quota\IOException [io]: destinations file D is a folder, not a regular file
%s"since" file D is a folder, not a regular file
no output
2 bjlg: key file D/fifo is a FIFO, not a regular file
2 bjlg: password file /dev/zero is a character device, not a regular file
2 bjlg: --config: config file D/fifo is a FIFO, not a regular file
%d bjlg quota: destinations file D/fifo is a FIFO, not a regular file
2 bjlg: key file D/big.key is larger than the 64 KiB limit
nothing blocked
