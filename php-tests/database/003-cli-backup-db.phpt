--TEST--
bjlg backup --db: the database first in the archive, a DSN without its password on the command line, wp-config.php
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (it would trace the MariaDB server)');
foreach (['mariadbd', 'mariadb-install-db', 'mariadb'] as $p) {
    if (!is_executable("/usr/sbin/$p") && !is_executable("/usr/bin/$p")) die("skip $p is not installed");
}
?>
--FILE--
<?php
require __DIR__ . '/database.inc';
require __DIR__ . '/../cli/cli.inc.php';
$d = bjlg_db_scratch('cli');
$c = bjlg_db_server();
bjlg_db_sql($c, "CREATE TABLE wp_options (option_id int PRIMARY KEY, option_value text);\nINSERT INTO wp_options VALUES (1, '100% sure'), (2, 'x');\n");
mkdir("$d/uploads");
file_put_contents("$d/uploads/a.txt", "hello\n");
file_put_contents("$d/pw", "\n");

[$code, $out, $err] = bjlg_cli('backup', '--out', "$d/b.zip", '--db', "mysql:unix_socket={$c['socket']};dbname=bjlg",
    '--db-user', 'root', '--db-password-file', "$d/pw", "$d/uploads=wp-content/uploads");
echo "exit $code\n", preg_replace('/in [0-9.]+ s/', 'in N s', explode("\n", trim($out))[2]), "\n";
$r = Bjlg\Archive\Reader::open("$d/b.zip");
echo implode(',', array_column($r->entries(), 'name')), "\n";
echo str_contains(stream_get_contents($r->readEntry('database.sql')), "'100% sure'") ? "dump inside\n" : "dump missing\n";

[$code, , $err] = bjlg_cli('backup', '--out', "$d/c.zip", '--db', "mysql:unix_socket={$c['socket']};dbname=bjlg;password=s3cret");
echo "exit $code: ", strtok($err, "\n"), "\n";
file_put_contents("$d/wp-config.php", "<?php define('DB_NAME', 'bjlg'); define('DB_USER', 'root'); define('DB_PASSWORD', '');"
    . " define('DB_HOST', 'localhost:{$c['socket']}');");
[$code, $out] = bjlg_cli('backup', '--out', "$d/w.zip", '--db', "$d/wp-config.php", '--format=json');
echo "exit $code: ", json_decode($out, true)['database']['rows'], " rows\n";
[$code, , $err] = bjlg_cli('backup', '--out', "$d/x.zip", '--db', "mysql:unix_socket={$c['socket']};dbname=nope", '--db-user', 'root');
echo "exit $code: ", str_contains($err, "Unknown database 'nope'") ? 'unknown database' : $err, ', ', file_exists("$d/x.zip") ? 'archive left' : 'no archive', "\n";
bjlg_db_rmrf($d);
?>
--EXPECTF--
exit 0
database: 1 tables, 2 rows, %d B of SQL in N s
backup-manifest.json,database.sql,wp-content/uploads/a.txt,backup-index.json
dump inside
exit 2: bjlg: --db must not hold the password: use --db-password-file or BJLG_DB_PASSWORD
exit 0: 2 rows
exit 1: unknown database, no archive
