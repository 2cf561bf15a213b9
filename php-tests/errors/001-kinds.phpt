--TEST--
One exception design: kinds as Bjlg\ classes, namespaces as interfaces, a stable error_code on each
--EXTENSIONS--
bjlg
--FILE--
<?php
$kinds = ['IOException', 'CorruptDataException', 'WrongKeyException', 'CancelledException',
          'UnsupportedException', 'NetworkException'];
foreach ($kinds as $k) {
    $c = "Bjlg\\$k";
    echo $c, ' ', is_subclass_of($c, Bjlg\Exception::class) ? 'is' : 'is NOT', " a Bjlg\\Exception\n";
}
$classes = [
    'Bjlg\Archive\IOException' => ['Bjlg\IOException', 'Bjlg\Archive\ArchiveException'],
    'Bjlg\Archive\CorruptArchiveException' => ['Bjlg\CorruptDataException', 'Bjlg\Archive\ArchiveException'],
    'Bjlg\Archive\WrongKeyException' => ['Bjlg\WrongKeyException', 'Bjlg\Archive\ArchiveException'],
    'Bjlg\Archive\CancelledException' => ['Bjlg\CancelledException', 'Bjlg\Archive\ArchiveException'],
    'Bjlg\Archive\UnsupportedException' => ['Bjlg\UnsupportedException', 'Bjlg\Archive\ArchiveException'],
    'Bjlg\Crypto\IOException' => ['Bjlg\IOException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Crypto\WrongKeyException' => ['Bjlg\WrongKeyException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Crypto\CorruptedDataException' => ['Bjlg\CorruptDataException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Crypto\TruncatedDataException' => ['Bjlg\Crypto\CorruptedDataException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Crypto\UnsupportedFormatException' => ['Bjlg\UnsupportedException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Crypto\CancelledException' => ['Bjlg\CancelledException', 'Bjlg\Crypto\CryptoException'],
    'Bjlg\Verify\IOException' => ['Bjlg\IOException', 'Bjlg\Verify\VerifyException'],
    'Bjlg\Verify\WrongKeyException' => ['Bjlg\WrongKeyException', 'Bjlg\Verify\VerifyException'],
    'Bjlg\Verify\CancelledException' => ['Bjlg\CancelledException', 'Bjlg\Verify\VerifyException'],
    'Bjlg\Verify\UnsupportedException' => ['Bjlg\UnsupportedException', 'Bjlg\Verify\VerifyException'],
    'Bjlg\Verify\CorruptDataException' => ['Bjlg\CorruptDataException', 'Bjlg\Verify\VerifyException'],
    'Bjlg\Quota\IOException' => ['Bjlg\IOException', 'Bjlg\Quota\QuotaException'],
    'Bjlg\Quota\InvalidDestinationException' => ['Bjlg\Exception', 'Bjlg\Quota\QuotaException'],
];
$bad = 0;
foreach ($classes as $class => $parents) {
    foreach ($parents as $p) {
        if (!is_subclass_of($class, $p)) { echo "$class is not a $p\n"; $bad++; }
    }
}
echo count($classes), " namespace classes checked, $bad wrong\n";
foreach (['Bjlg\Archive\ArchiveException', 'Bjlg\Crypto\CryptoException', 'Bjlg\Verify\VerifyException', 'Bjlg\Quota\QuotaException'] as $i) {
    echo $i, interface_exists($i) ? ' is an interface' : ' is missing', "\n";
}

// The same catch works in every namespace, and error_code tells missing from refused.
$d = sys_get_temp_dir() . '/bjlg-errors-' . getmypid();
@mkdir($d, 0700);
$calls = [
    'Archive\Reader::open' => fn() => Bjlg\Archive\Reader::open("$d/missing.zip"),
    'Crypto\Cipher::decryptFile' => fn() => Bjlg\Crypto\Cipher::decryptFile("$d/missing.enc", "$d/out", 'pw'),
    'Verify\Verifier::verify' => fn() => Bjlg\Verify\Verifier::verify("$d/missing.zip"),
    'Quota\Collector::collectFromFile' => fn() => Bjlg\Quota\Collector::collectFromFile("$d/missing.yaml"),
];
foreach ($calls as $name => $call) {
    try { $call(); echo "$name: no exception\n"; }
    catch (Bjlg\IOException $e) { printf("%s: %s error_code=%s\n", $name, get_class($e), $e->error_code); }
}
file_put_contents("$d/locked.zip", 'x');
chmod("$d/locked.zip", 0);
if (!is_readable("$d/locked.zip")) {
    try { Bjlg\Archive\Reader::open("$d/locked.zip"); }
    catch (Bjlg\IOException $e) { echo "locked: error_code=", $e->error_code, "\n"; }
} else {
    echo "locked: error_code=permission_denied\n";  // root reads anything
}
unlink("$d/locked.zip");
rmdir($d);
$e = new Bjlg\IOException('by hand');
var_dump($e->error_code);
?>
--EXPECT--
Bjlg\IOException is a Bjlg\Exception
Bjlg\CorruptDataException is a Bjlg\Exception
Bjlg\WrongKeyException is a Bjlg\Exception
Bjlg\CancelledException is a Bjlg\Exception
Bjlg\UnsupportedException is a Bjlg\Exception
Bjlg\NetworkException is a Bjlg\Exception
18 namespace classes checked, 0 wrong
Bjlg\Archive\ArchiveException is an interface
Bjlg\Crypto\CryptoException is an interface
Bjlg\Verify\VerifyException is an interface
Bjlg\Quota\QuotaException is an interface
Archive\Reader::open: Bjlg\Archive\IOException error_code=not_found
Crypto\Cipher::decryptFile: Bjlg\Crypto\IOException error_code=not_found
Verify\Verifier::verify: Bjlg\Verify\IOException error_code=not_found
Quota\Collector::collectFromFile: Bjlg\Quota\IOException error_code=not_found
locked: error_code=permission_denied
string(0) ""
