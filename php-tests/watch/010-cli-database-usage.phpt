--TEST--
bjlg watch: bad --db values (and --scan-hash without --scan) are usage errors (exit 2) named before anything is written, as for bjlg backup
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/../cli/cli.inc.php';
$base = sys_get_temp_dir() . '/bjlg-watch-phpt-dbusage-' . getmypid();
exec('rm -rf ' . escapeshellarg($base));
mkdir("$base/site", 0777, true);
mkdir("$base/backups");
file_put_contents("$base/wp-config.php", "<?php define('DB_NAME', 'wp');");
exec('mkfifo ' . escapeshellarg("$base/fifo"));
$watch = ['watch', '--site', "$base/site", '--to', "$base/backups"];
$cases = [
    'password in the DSN' => ['--db', 'mysql:host=db;dbname=wp;password=s3cret'],
    'neither DSN nor file' => ['--db', "$base/no-such-wp-config.php"],
    'user with wp-config.php' => ['--db', "$base/wp-config.php", '--db-user', 'root'],
    'password file with wp-config.php' => ['--db', "$base/wp-config.php", '--db-password-file', "$base/wp-config.php"],
    'unreadable password file' => ['--db', 'mysql:host=db;dbname=wp', '--db-password-file', "$base/missing"],
    'password file is a FIFO' => ['--db', 'mysql:host=db;dbname=wp', '--db-password-file', "$base/fifo"],
    'user without --db' => ['--db-user', 'root'],
    'prefix without --db' => ['--db-prefix', 'wp_'],
    'no value' => ['--db'],
    'a DSN the Dumper refuses' => ['--db', 'mysql:host=db;colour=red;dbname=wp'],
    'hash without scan mode' => ['--scan-hash'],
];
foreach ($cases as $what => $args) {
    [$code, $out, $err] = bjlg_cli(...array_merge($watch, $args));
    echo "$what: exit $code: ", str_replace($base, 'BASE', strtok($err, "\n")), "\n";
}
// The same rules for bjlg backup: one piece of code.
[$code, , $err] = bjlg_cli('backup', '--out', "$base/b.zip", '--db-prefix', 'wp_', "$base/site");
echo "backup: exit $code: ", strtok($err, "\n"), "\n";
echo count(scandir("$base/backups")) - 2, " files in backups (nothing written)\n";
exec('rm -rf ' . escapeshellarg($base));
?>
--EXPECTF--
password in the DSN: exit 2: bjlg: --db must not hold the password: use --db-password-file or BJLG_DB_PASSWORD
neither DSN nor file: exit 2: bjlg: --db must be a DSN (mysql:...) or a wp-config.php file: BASE/no-such-wp-config.php
user with wp-config.php: exit 2: bjlg: --db-user goes with a DSN; a wp-config.php gives the whole connection
password file with wp-config.php: exit 2: bjlg: --db-password-file goes with a DSN; a wp-config.php gives the whole connection
unreadable password file: exit 2: bjlg: cannot read --db-password-file BASE/missing
password file is a FIFO: exit 2: bjlg: --db-password-file BASE/fifo is a FIFO, not a regular file
user without --db: exit 2: bjlg: --db-user needs --db
prefix without --db: exit 2: bjlg: --db-prefix needs --db
no value: exit 2: bjlg: option --db needs a value
a DSN the Dumper refuses: exit 2: bjlg: --db is not a valid connection: %s"colour"%s
hash without scan mode: exit 2: bjlg: --scan-hash goes with --scan (inotify sees every write)
backup: exit 2: bjlg: --db-prefix needs --db
0 files in backups (nothing written)
