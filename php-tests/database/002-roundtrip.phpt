--TEST--
Bjlg\Database: dump to a file and a stream, import under a new prefix, replace guard, progress and cancellation, Writer::addDatabase, wp_config
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
// Under run-tests -m, valgrind traces children: it would run the MariaDB server too.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (it would trace the MariaDB server)');
foreach (['mariadbd', 'mariadb-install-db', 'mariadb'] as $p) {
    if (!is_executable("/usr/sbin/$p") && !is_executable("/usr/bin/$p")) die("skip $p is not installed");
}
?>
--FILE--
<?php
require __DIR__ . '/database.inc';
use Bjlg\Database\Dumper;
use Bjlg\Database\Importer;
$d = bjlg_db_scratch('roundtrip');
$c = bjlg_db_server();

$rows = [];
for ($i = 1; $i <= 1500; $i++) {
    $rows[] = "($i, 'Post $i: 100% \\\\ it''s \"q\" \xF0\x9F\x98\x80', " . ($i % 10 ? "'a:1:{s:1:\"k\";s:2:\"%s\";}'" : 'NULL') . ", 0x00ff$i)";
}
$r = bjlg_db_sql($c, "CREATE TABLE wp_posts (ID bigint PRIMARY KEY, title text, meta longtext, raw blob) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
    . "CREATE TABLE wp_empty (a int) ENGINE=InnoDB;\n"
    . "INSERT INTO wp_posts VALUES\n" . implode(",\n", $rows) . ";\n"
    . "CREATE VIEW wp_titles AS SELECT ID, title FROM wp_posts;\n"
    . "DELIMITER ;;\nCREATE TRIGGER wp_posts_bi BEFORE INSERT ON wp_posts FOR EACH ROW\nBEGIN\n  SET NEW.title = CONCAT(NEW.title, ';');\nEND;;\nDELIMITER ;\n");
echo "setup: {$r['statements']} statements, {$r['rows']} rows, flavour {$r['flavour']}\n";

// Dump to a file, with progress.
$seen = [];
$dump = Dumper::dump($c, "$d/dump.sql", ['progress' => function (array $p) use (&$seen) {
    $seen[$p['phase'] . '/' . $p['unit']] = true;
    return true;
}]);
echo implode(',', $dump['tables']), ' | ', implode(',', $dump['views']), ' | ', implode(',', $dump['triggers']), "\n";
echo "rows {$dump['rows']}, bytes ", $dump['bytes'] === filesize("$d/dump.sql") ? 'match' : 'differ', ', binlog ', var_export($dump['binlog'], true), "\n";
echo implode(',', array_keys($seen)), "\n";
$sql = file_get_contents("$d/dump.sql");
var_dump(str_starts_with($sql, "-- Backup JLG Database Export\n-- Version: bjlg "), str_contains($sql, "'Post 7: 100% \\\\ it\\'s \\\"q\\\" \xF0\x9F\x98\x80'"));
printf("%o\n", fileperms("$d/dump.sql") & 0777);

// The same dump into a stream.
$s = fopen("$d/stream.sql", 'w');
$again = Dumper::dump($c, $s, ['tables' => ['wp_posts']]);
fclose($s);
echo implode(',', $again['tables']), ' ', $again['rows'], ' ', str_contains(file_get_contents("$d/stream.sql"), 'wp_empty') ? 'has wp_empty' : 'only wp_posts', "\n";

// Import: refused over the live tables, then under a new prefix.
bjlg_db_error(fn() => Importer::import($c, "$d/dump.sql"));
$in = Importer::import($c, "$d/dump.sql", ['prefix' => 'copy_']);
echo "import: {$in['flavour']}, {$in['rows']} rows, ", implode(',', $in['tables']), ', errors ', $in['errors'], "\n";
echo bjlg_db_value($c, 'CHECKSUM TABLE wp_posts') === str_replace('copy_posts', 'wp_posts', bjlg_db_value($c, 'CHECKSUM TABLE copy_posts')) ? "checksums equal\n" : "checksums differ\n";
echo bjlg_db_value($c, "SELECT EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'copy_posts_bi'"), ' ',
    bjlg_db_value($c, 'SELECT COUNT(*) FROM copy_titles'), "\n";
$r = Importer::import($c, "$d/dump.sql", ['prefix' => 'copy_', 'replace' => true, 'batch' => 1]);
echo "replace: {$r['rows']} rows\n";

// Import progress; cancellation keeps the exception as previous and stops.
$last = null;
Importer::import($c, "$d/dump.sql", ['prefix' => 'p_', 'progress' => function (array $p) use (&$last) { $last = $p; }]);
echo "{$last['phase']} {$last['unit']} ", $last['done'] === $last['total'] ? 'complete' : 'partial', "\n";
try {
    Dumper::dump($c, "$d/cancelled.sql", ['progress' => fn() => throw new RuntimeException('stop')]);
} catch (Bjlg\Database\CancelledException $e) {
    echo get_class($e), ' <- ', get_class($e->getPrevious()), ': ', $e->getPrevious()->getMessage(), "\n";
}
var_dump(file_exists("$d/cancelled.sql"));
bjlg_db_error(fn() => Dumper::dump($c, "$d/x.sql", ['tables' => ['wp_nope']]));

// A refused statement: its line, and continue_on_error.
file_put_contents("$d/bad.sql", "DROP TABLE IF EXISTS wp_b;\nCREATE TABLE wp_b (a int);\nINSERT INTO wp_b VALUES (1);\nINSERT INTO wp_b (nope) VALUES (2);\n");
bjlg_db_error(fn() => Importer::import($c, "$d/bad.sql", ['prefix' => 'bad_']));
$r = Importer::import($c, "$d/bad.sql", ['prefix' => 'bad_', 'replace' => true, 'continue_on_error' => true]);
echo "errors {$r['errors']}, line {$r['first_error']['line']}, rows {$r['rows']}\n";

// Straight into an archive, and back.
$w = new Bjlg\Archive\Writer("$d/backup.zip");
$res = $w->addDatabase($c, 'database.sql', ['prefix' => 'wp_']);
$w->close();
$entry = Bjlg\Archive\Reader::open("$d/backup.zip")->readEntry('database.sql');
$entry = is_resource($entry) ? stream_get_contents($entry) : $entry;
echo $res['rows'], ' ', strlen($entry) === $res['bytes'] ? 'entry complete' : 'entry differs', "\n";

// The dump's deflate level: 1 by default (fast, the dump is what a backup waits on), its own
// when asked, stored when the archive stores everything.
$packed = function (string $zip): array {
    foreach (Bjlg\Archive\Reader::open($zip)->entries() as $e) {
        if ($e['name'] === 'database.sql') return [$e['method'], $e['compressed_size'], $e['size']];
    }
    return [];
};
[$method, $fast, $size] = $packed("$d/backup.zip");
$w = new Bjlg\Archive\Writer("$d/best.zip");
$w->addDatabase($c, 'database.sql', ['prefix' => 'wp_', 'level' => 9]);
$w->close();
[, $best] = $packed("$d/best.zip");
$w = new Bjlg\Archive\Writer("$d/store.zip", ['level' => 0]);
$w->addDatabase($c, 'database.sql', ['prefix' => 'wp_']);
$w->close();
[$stored_method, $stored] = $packed("$d/store.zip");
echo "default method $method, level 9 smaller: ", $best < $fast ? 'yes' : 'no', ", store archive: method $stored_method, ",
    $stored === $size ? 'size kept' : 'size changed', "\n";

// With an encrypting writer: the dump is encrypted as it is read.
$key = Bjlg\Crypto\Key::generate();
$w = new Bjlg\Archive\Writer("$d/backup.zip.bjlg", ['encrypt' => $key]);
$res = $w->addDatabase($c, 'database.sql', ['tables' => ['wp_posts']]);
$w->close();
var_dump(str_contains(file_get_contents("$d/backup.zip.bjlg"), 'INSERT INTO'));
$entry = stream_get_contents(Bjlg\Archive\Reader::open("$d/backup.zip.bjlg", ['key' => $key])->readEntry('database.sql'));
echo strlen($entry) === $res['bytes'] && str_contains($entry, "'Post 7: 100%") ? "decrypted dump complete\n" : "decrypted dump differs\n";
var_dump(glob("$d/.bjlg-partial-*"));

// wp-config.php gives the connection.
file_put_contents("$d/wp-config.php", "<?php\ndefine('DB_NAME', 'bjlg');\ndefine('DB_USER', 'root');\ndefine('DB_PASSWORD', '');\n"
    . "define('DB_HOST', 'localhost:{$c['socket']}');\n");
echo Dumper::dump(['wp_config' => "$d/wp-config.php"], "$d/wp.sql", ['prefix' => 'wp_'])['rows'], "\n";
bjlg_db_rmrf($d);
?>
--EXPECTF--
setup: 5 statements, 1500 rows, flavour sql
wp_empty,wp_posts | wp_titles | wp_posts_bi
rows 1500, bytes match, binlog NULL
dump/rows
bool(true)
bool(true)
600
wp_posts 1500 only wp_posts
ValueError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "replace": line %d (DROP TABLE) would change the existing table `wp_empty`; pass replace => true to overwrite the live tables, or a new prefix to import beside them
import: bjlg, 1500 rows, copy_empty,copy_posts, errors 0
checksums equal
copy_posts 1500
replace: 1500 rows
import bytes complete
Bjlg\Database\CancelledException <- RuntimeException: stop
bool(false)
Bjlg\Database\IOException: option "tables": the table "wp_nope" does not exist in bjlg
Bjlg\Database\NetworkException: line 4: the database refused a statement (root@%s/bjlg): Unknown column 'nope' in '%s'
errors 1, line 4, rows 1
1500 %s
default method 8, level 9 smaller: yes, store archive: method 0, size kept
bool(false)
decrypted dump complete
array(0) {
}
1500
