<?php
// bench/database: one step per call, so that run.sh measures each (time, peak memory) alone.
//   php bench.php gen SOCKET DB MB        fills DB with ~MB of WordPress-like posts and meta
//   php bench.php bjlg SOCKET DB OUT.zip  Writer::addDatabase into a compressed archive, the
//                                         dump at its default level (1)
//   php bench.php bjlg6 SOCKET DB OUT.zip the same with 'level' => 6 (the archive's level)
//   php bench.php bjlgsql SOCKET DB OUT.sql Dumper::dump into a plain file (no compression)
//   php bench.php plugin SOCKET DB OUT.zip the plugin's algorithm through mysqli (§2.4): keyset
//                                         pages of 1000 rows, esc_sql-style escaping, hex for
//                                         binary, fwrite to database.sql, then ZipArchive
//   php bench.php import SOCKET DB FILE   Importer::import into DB
declare(strict_types=1);
[$_, $step, $socket, $db, $arg] = $argv + [4 => ''];
$conn = ['socket' => $socket, 'user' => 'root', 'database' => $db];

function words(int $n, int $seed): string {
    static $dict = null;
    $dict ??= explode(' ', 'the of and to in is was for on that with as by at from his her it an are were which be this has '
        . 'or had not but what all when we there can been one would if more so no out up said about into than them '
        . 'backup restore database archive WordPress plugin site post page theme upload media 100% café naïve 😀');
    mt_srand($seed);
    $out = [];
    for ($i = 0; $i < $n; $i++) $out[] = $dict[mt_rand(0, count($dict) - 1)];
    return implode(' ', $out);
}

switch ($step) {
case 'gen':
    $m = new mysqli('localhost', 'root', '', '', 0, $socket);
    $m->query("CREATE DATABASE IF NOT EXISTS `$db` CHARACTER SET utf8mb4");
    $m->select_db($db);
    $m->query("CREATE TABLE wp_posts (ID bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, post_title text NOT NULL,
        post_content longtext NOT NULL, post_status varchar(20) NOT NULL DEFAULT 'publish', post_date datetime NOT NULL)
        ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    $m->query("CREATE TABLE wp_postmeta (meta_id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, post_id bigint unsigned NOT NULL,
        meta_key varchar(255), meta_value longtext, KEY post_id (post_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    $rows = (int) ((float) $arg * 1048576 / 1900);
    for ($i = 0; $i < $rows; $i += 500) {
        $p = $q = [];
        for ($k = $i; $k < min($rows, $i + 500); $k++) {
            $content = $m->real_escape_string("<p>" . words(200 + $k % 150, $k) . "</p>\n<p>" . words(40, $k + 7) . "</p>");
            $p[] = "('" . $m->real_escape_string(words(6, $k + 3)) . "', '$content', 'publish', '2026-01-01 00:00:00')";
            $q[] = "(" . ($k + 1) . ", '_meta', '" . $m->real_escape_string(serialize(['k' => $k, 'v' => words(8, $k)])) . "')";
        }
        $m->query("INSERT INTO wp_posts (post_title, post_content, post_status, post_date) VALUES " . implode(',', $p));
        $m->query("INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES " . implode(',', $q));
    }
    $m->query("ANALYZE TABLE wp_posts, wp_postmeta");
    $size = $m->query("SELECT SUM(DATA_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$db'")->fetch_row()[0];
    printf("%d posts, %.0f MB of table data\n", $rows, $size / 1048576);
    break;
case 'bjlg':
case 'bjlg6':
    $w = new Bjlg\Archive\Writer($arg, ['threads' => 2]);
    $r = $w->addDatabase($conn, 'database.sql', $step === 'bjlg6' ? ['level' => 6] : []);
    $s = $w->close();
    printf("%d rows, %d bytes of SQL, %d bytes zip\n", $r['rows'], $r['bytes'], $s['bytes_out']);
    break;
case 'bjlgsql':
    $r = Bjlg\Database\Dumper::dump($conn, $arg);
    printf("%d rows, %d bytes of SQL\n", $r['rows'], $r['bytes']);
    break;
case 'plugin':
    // BAK L2143-2290 + L2510-2552: the plugin's loop, its escaping, then the zip.
    $m = new mysqli('localhost', 'root', '', $db, 0, $socket);
    $m->set_charset('utf8mb4');
    $sqlFile = "$arg.sql";
    $f = fopen($sqlFile, 'w');
    fwrite($f, "-- Backup JLG Database Export\n-- Version: 2.0.3\n-- Date: " . gmdate('Y-m-d H:i:s') . "\n-- Site: x\n\nSET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\n\n");
    $value = function ($v) use ($m) {
        if ($v === null) return 'NULL';
        if (str_contains($v, "\0") || !mb_check_encoding($v, 'UTF-8')) return '0x' . bin2hex($v);
        return "'" . $m->real_escape_string($v) . "'";
    };
    $rows = 0;
    foreach ($m->query('SHOW TABLES')->fetch_all() as [$t]) {
        $create = $m->query("SHOW CREATE TABLE `$t`")->fetch_row()[1];
        fwrite($f, "\n-- Table: $t\nDROP TABLE IF EXISTS `$t`;\n$create;\n\n");
        $pk = $m->query("SHOW KEYS FROM `$t` WHERE Key_name = 'PRIMARY'")->fetch_all(MYSQLI_ASSOC);
        $last = null;
        $first = true;
        while (true) {
            $where = $last === null ? '' : "WHERE `{$pk[0]['Column_name']}` > '" . $m->real_escape_string((string) $last) . "'";
            $res = $m->query("SELECT * FROM `$t` $where ORDER BY `{$pk[0]['Column_name']}` LIMIT 1000");
            $batch = [];
            $cols = null;
            while ($row = $res->fetch_assoc()) {
                $cols ??= array_keys($row);
                $batch[] = '(' . implode(', ', array_map($value, $row)) . ')';
                $last = $row[$pk[0]['Column_name']];
            }
            if ($batch === []) break;
            if ($first) fwrite($f, "-- Data for table: $t\n");
            $first = false;
            fwrite($f, "INSERT INTO `$t` (`" . implode('`, `', $cols) . "`) VALUES\n" . implode(",\n", $batch) . ";\n\n");
            $rows += count($batch);
        }
    }
    fwrite($f, "\nSET FOREIGN_KEY_CHECKS=1;\n");
    fclose($f);
    $z = new ZipArchive();
    $z->open($arg, ZipArchive::CREATE | ZipArchive::OVERWRITE);
    $z->addFile($sqlFile, 'database.sql');
    $z->close();
    printf("%d rows, %d bytes of SQL, %d bytes zip\n", $rows, filesize($sqlFile), filesize($arg));
    unlink($sqlFile);
    break;
case 'import':
    $r = Bjlg\Database\Importer::import($conn, $arg, ['replace' => true]);
    printf("%d statements, %d rows\n", $r['statements'], $r['rows']);
    break;
}
