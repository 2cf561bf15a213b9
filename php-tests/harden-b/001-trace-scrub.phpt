--TEST--
Every bjlg exception drops the arguments of its trace: a password or key passed anywhere down the stack never shows (issue 16, class 6)
--EXTENSIONS--
bjlg
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
$dir = sys_get_temp_dir() . '/bjlg-harden-trace-' . getmypid();
@mkdir($dir);
$password = 'hunter2-' . bin2hex(random_bytes(8));
$key = Bjlg\Crypto\Key::generate()->toString();

// Whatever a caught exception exposes: its trace, its trace as a string, its string form (which
// prints the previous ones too).
function leaks(Throwable $e, string $secret): bool {
    return str_contains(print_r($e->getTrace(), true), $secret)
        || str_contains($e->getTraceAsString(), $secret)
        || str_contains((string) $e, $secret);
}
function check(string $what, callable $fn, string $secret): void {
    try {
        $fn($secret);
        echo "$what: no exception\n";
    } catch (Throwable $e) {
        printf("%s: %s, leaks: %s\n", $what, get_class($e), leaks($e, $secret) ? 'yes' : 'no');
    }
}

// The control: with these settings a plain exception does show its callers' arguments.
function plain(string $secret) { throw new RuntimeException('plain'); }
check('control', fn($s) => plain($s), $password);

// Writer::close(): cancelled by the progress callable.
function backup_close(string $secret, string $dir) {
    $w = new Bjlg\Archive\Writer("$dir/a.zip", ['encrypt' => $secret, 'progress' => fn($p) => false]);
    $w->addFromString('a.txt', str_repeat('a', 1000));
    $w->close();
}
check('Writer::close cancelled', fn($s) => backup_close($s, $dir), $password);

// Writer::addDirectory(): a missing folder.
function backup_missing(string $secret, string $dir) {
    $w = new Bjlg\Archive\Writer("$dir/b.zip", ['encrypt' => $secret]);
    try {
        $w->addDirectory("$dir/missing");
    } finally {
        $w->abort();
    }
}
check('Writer::addDirectory', fn($s) => backup_missing($s, $dir), $password);

// A progress callable that throws: its exception leaves the Writer's method through the
// caller's frames.
function backup_throwing(string $secret, string $dir) {
    $w = new Bjlg\Archive\Writer("$dir/c.zip", ['encrypt' => $secret, 'progress' => function ($p) {
        throw new LogicException('stop');
    }]);
    $w->addFromString('a.txt', 'a');
    $w->close();
}
check('progress throws', fn($s) => backup_throwing($s, $dir), $password);

// Cipher: a missing input, with a key and with a password.
function decrypt(string $secret, string $dir) { Bjlg\Crypto\Cipher::decryptFile("$dir/none.enc", "$dir/out", $secret); }
check('Cipher key', fn($s) => decrypt($s, $dir), $key);
check('Cipher password', fn($s) => decrypt($s, $dir), $password);

// The quota collector: a missing destinations file, with a credential on the caller's stack.
function quota(string $secret, string $dir) { return Bjlg\Quota\Collector::collectFromFile("$dir/none.json"); }
check('Quota collector', fn($s) => quota($s, $dir), $password);
// Even PHP's own TypeError, raised by a bjlg method while credentials are on the stack.
function quota_bad(string $secret) { return Bjlg\Quota\Collector::collect([['name' => 'x', 'type' => 'local', 'path' => 42]]); }
check('Quota TypeError', fn($s) => quota_bad($s), $password);

// The archive reader: a damaged archive opened with a key.
file_put_contents("$dir/bad.zip", 'not an archive');
function open_with(string $secret, string $dir) { return Bjlg\Archive\Reader::open("$dir/bad.zip", ['key' => $secret]); }
check('Reader::open', fn($s) => open_with($s, $dir), $password);

// A user's copy of a trace keeps its own values.
try { plain($password); } catch (RuntimeException $e) { $copy = $e->getTrace(); }
var_dump(str_contains(print_r($copy, true), $password));

array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
control: RuntimeException, leaks: yes
Writer::close cancelled: Bjlg\Archive\CancelledException, leaks: no
Writer::addDirectory: Bjlg\Archive\IOException, leaks: no
progress throws: Bjlg\Archive\CancelledException, leaks: no
Cipher key: Bjlg\Crypto\IOException, leaks: no
Cipher password: Bjlg\Crypto\IOException, leaks: no
Quota collector: Bjlg\Quota\IOException, leaks: no
Quota TypeError: TypeError, leaks: no
Reader::open: %s, leaks: no
bool(true)
