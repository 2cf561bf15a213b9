--TEST--
bjlg watch --db: the whole database in the full backup, exactly the tables named by database events in an incremental; a dropped table is reported, not fatal; a server down fails the archive and the next start retries it
--EXTENSIONS--
bjlg
--SKIPIF--
<?php
if (!function_exists('pcntl_signal')) die('skip pcntl needed for SIGTERM');
// Under run-tests -m, valgrind traces children: it would run the MariaDB server too.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind (it would trace the MariaDB server)');
foreach (['mariadbd', 'mariadb-install-db', 'mariadb'] as $p) {
    if (!is_executable("/usr/sbin/$p") && !is_executable("/usr/bin/$p")) die("skip $p is not installed");
}
?>
--FILE--
<?php
require __DIR__ . '/../database/database.inc';
use Bjlg\Archive\Reader;
use Bjlg\Watch\Journal;

$root = getenv('BJLG_SOURCE_DIR') ?: dirname(__DIR__, 2);
$base = bjlg_db_scratch('watch');
$site = "$base/site";
$to = "$base/backups";
mkdir("$site/wp-content", 0777, true);
mkdir($to);
file_put_contents("$site/wp-config.php", '<?php // config');
$c = bjlg_db_server();
bjlg_db_sql($c, "CREATE TABLE wp_posts (ID int PRIMARY KEY, title text) ENGINE=InnoDB;\n"
    . "INSERT INTO wp_posts VALUES (1, 'first'), (2, 'second');\n"
    . "CREATE TABLE wp_options (option_id int PRIMARY KEY, option_value text) ENGINE=InnoDB;\n"
    . "INSERT INTO wp_options VALUES (1, 'siteurl');\n"
    . "CREATE TABLE wp_gone (a int) ENGINE=InnoDB;\n"
    . "CREATE TABLE other_log (a int) ENGINE=InnoDB;\n");
$dsn = "mysql:unix_socket={$c['socket']};dbname=bjlg";

// The DEBOUNCE of 006 (under valgrind a step can take over a second); this test skips there.
define('DEBOUNCE', getenv('USE_ZEND_ALLOC') === '0' ? '4' : '1');

function start(string $root, string $site, string $to, array $extra = []): array
{
    $cmd = array_merge([PHP_BINARY, '-n', '-d', 'extension=' . $root . '/modules/bjlg.so', $root . '/bin/bjlg', 'watch',
        '--site', $site, '--to', $to, '--debounce', DEBOUNCE, '--max-delay', '20', '--format=json'], $extra);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    stream_set_blocking($pipes[1], true);
    return [$p, $pipes];
}

function line(array $d): array
{
    $l = fgets($d[1][1]);
    if ($l === false) {
        echo "no line: ", stream_get_contents($d[1][2]), "\n";
        return [];
    }
    return json_decode($l, true);
}

function j(mixed $v): string
{
    return json_encode($v, JSON_UNESCAPED_SLASHES);
}

// The tables database.sql holds ("-- Table: " lines), and whether it holds $needle.
function dumped(string $archive, string $needle = ''): string
{
    $r = Reader::open($archive);
    if (!in_array('database.sql', array_column($r->entries(), 'name'), true)) {
        return 'no database.sql';
    }
    $sql = stream_get_contents($r->readEntry('database.sql'));
    preg_match_all('/^-- Table: (\S+)$/m', $sql, $m);
    return j($m[1]) . ($needle === '' ? '' : (str_contains($sql, $needle) ? " with $needle" : " without $needle"));
}

function watchManifest(string $archive): array
{
    $m = json_decode(stream_get_contents(Reader::open($archive)->readEntry('backup-manifest.json')), true)['bjlg_watch'];
    unset($m['journal_seq'], $m['first_seq'], $m['events']);
    return $m;
}

// 1. The full backup holds the whole database (--db-prefix wp_ leaves other_log out).
$d = start($root, $site, $to, ['--db', $dsn, '--db-user', 'root', '--db-prefix', 'wp_']);
$full = line($d);
echo $full['type'], ' ', dumped($full['archive']), "\n";
echo j(watchManifest($full['archive'])), "\n";
echo $full['database']['status'], ' ', $full['database']['rows'], " rows\n";

// 2. A row changes in wp_posts, wp_gone is dropped; an event names both, and one outside the prefix.
usleep(300000);
bjlg_db_sql($c, "INSERT INTO wp_posts VALUES (3, 'third, after the full');\nDROP TABLE wp_gone;\n");
$journal = Journal::open("$to/.bjlg-watch/journal");
$journal->append(['type' => 'post_saved', 'tables' => ['wp_posts', 'wp_gone', 'other_log'], 'id' => 3]);
$inc = line($d);
echo $inc['type'], ' ', dumped($inc['archive'], 'third, after the full'), "\n";
echo j(watchManifest($inc['archive'])), "\n";
echo j(array_intersect_key($inc['database'], ['status' => 1, 'missing_tables' => 1, 'rows' => 1])), "\n";

// 3. An event naming only a dropped table: no dump at all (an empty selection would mean every
//    table), the archive is written and the table reported.
$journal->append(['type' => 'plugin_deleted', 'tables' => ['wp_gone']]);
$inc = line($d);
echo $inc['type'], ' ', dumped($inc['archive']), "\n";
echo j(watchManifest($inc['archive'])), "\n";

// 4. The server goes down: the archive fails (exit status 1, no archive), the event stays in the
//    journal; once the server is back, the next start archives it.
$server = '/tmp/bjlg-db-' . getmypid();
exec('bash ' . escapeshellarg("$root/scripts/throwaway-mariadb.sh") . ' stop ' . escapeshellarg($server));
$before = count(glob("$to/*-watch-*.zip"));
$seq = $journal->append(['type' => 'option_updated', 'tables' => ['wp_options']]);
echo fgets($d[1][1]) === false ? 'no archive line' : 'an archive line', "\n";
$err = stream_get_contents($d[1][2]);
echo 'exit ', proc_close($d[0]), ': ', str_starts_with($err, 'bjlg watch: ') ? 'error reported' : $err, "\n";
echo count(glob("$to/*-watch-*.zip")) - $before, " new archives, ", count($journal->changes($seq - 1)), " record kept\n";
exec('bash ' . escapeshellarg("$root/scripts/throwaway-mariadb.sh") . ' start ' . escapeshellarg($server), $out, $rc);
bjlg_db_sql($c, "UPDATE wp_options SET option_value = 'changed while down' WHERE option_id = 1;\n");
$d = start($root, $site, $to, ['--db', $dsn, '--db-user', 'root', '--db-prefix', 'wp_', '--exit-after', '1']);
$retry = line($d);
echo $retry['type'], ' ', dumped($retry['archive'], 'changed while down'), ' ', $retry['database']['status'], "\n";
echo 'exit ', proc_close($d[0]), "\n";

// 5. Restore order: the full's dump, then each incremental's (only its tables) over it.
$archives = glob("$to/*-watch-*.zip");
sort($archives);
echo count($archives), " archives\n";
bjlg_db_rmrf($base);
?>
--EXPECT--
full ["wp_gone","wp_options","wp_posts"]
{"tables":"all","database":"dumped","db_prefix":"wp_"}
dumped 3 rows
incremental ["wp_posts"] with third, after the full
{"tables":["wp_posts","wp_gone","other_log"],"database":"tables dumped","dumped_tables":["wp_posts"],"missing_tables":["wp_gone"],"outside_prefix_tables":["other_log"]}
{"status":"tables dumped","missing_tables":["wp_gone"],"rows":3}
incremental no database.sql
{"tables":["wp_gone"],"database":"not dumped: every named table is missing or outside --db-prefix","dumped_tables":[],"missing_tables":["wp_gone"],"outside_prefix_tables":[]}
no archive line
exit 1: error reported
0 new archives, 1 record kept
incremental ["wp_options"] with changed while down tables dumped
exit 0
4 archives
