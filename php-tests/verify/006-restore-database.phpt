--TEST--
Bjlg\Verify\RestoreTest::run() with_database: a throwaway MariaDB on a private socket imports the dump
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
// Under run-tests -m, valgrind traces children: the MariaDB tools would run under valgrind too.
// The import itself is tested by make test-verify-integration (Catch2 [mariadb]).
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (it would trace the MariaDB server)');
foreach (['mariadbd', 'mariadb-install-db', 'mariadb'] as $p) {
    if (!is_executable("/usr/sbin/$p") && !is_executable("/usr/bin/$p")) die("skip $p is not installed");
}
?>
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('restore-db');
$zip = bjlg_backup($d, bjlg_dump(2500));
$r = Bjlg\Verify\RestoreTest::run($zip, ['sandbox' => $d, 'with_database' => true, 'history' => "$d/h.jsonl"]);
echo bjlg_statuses($r), "\n";
echo bjlg_check($r, 'database_tables')['message'], "\n";
var_dump($r['rto']['database_included'], $r['rto']['database_import'] > 0, count(glob("$d/bjlg-restore-*")));
echo json_decode(file("$d/h.jsonl")[0], true)['kind'], "\n";
bjlg_rmrf($d);
?>
--EXPECT--
passed: sandbox=passed extract=passed files=passed database_import=passed database_tables=passed cleanup=passed
1 tables and 2500 rows, exactly what the dump creates and inserts
bool(true)
bool(true)
int(0)
restore-test
