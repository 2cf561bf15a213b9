--TEST--
Bjlg\Database: bad connection arrays, DSNs, targets and options are refused with a clear message, nothing written, no password shown
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/database.inc';
use Bjlg\Database\Dumper;
use Bjlg\Database\Importer;
$d = bjlg_db_scratch('bad');
$out = "$d/dump.sql";
$ok = ['host' => '127.0.0.1', 'port' => 1, 'user' => 'u', 'password' => 'TopSecret!', 'database' => 'wp'];

// Connection arrays.
bjlg_db_error(fn() => Dumper::dump(['host' => 'h', 'database' => 'wp', 'colour' => 1], $out));
bjlg_db_error(fn() => Dumper::dump(['host' => 'h'], $out));
bjlg_db_error(fn() => Dumper::dump(['host' => 'h', 'database' => 'wp', 'port' => 70000], $out));
bjlg_db_error(fn() => Dumper::dump(['host' => 'h', 'database' => 'wp', 'port' => '3306'], $out));
bjlg_db_error(fn() => Dumper::dump(['host' => 'h', 'database' => 'wp', 'tls' => 'yes'], $out));
bjlg_db_error(fn() => Dumper::dump(['socket' => 'rel.sock', 'database' => 'wp'], $out));
bjlg_db_error(fn() => Dumper::dump(['host' => 'h', 'database' => 'wp', 'charset' => 'utf8;x'], $out));
bjlg_db_error(fn() => Dumper::dump([0 => 'h'], $out));
// DSNs.
bjlg_db_error(fn() => Dumper::dump(['dsn' => 'pgsql:host=h;dbname=wp'], $out));
bjlg_db_error(fn() => Dumper::dump(['dsn' => 'mysql:host=h;dbname=wp;colour=red'], $out));
bjlg_db_error(fn() => Dumper::dump(['dsn' => 'mysql:host=h;port=x;dbname=wp'], $out));
bjlg_db_error(fn() => Dumper::dump(['dsn' => 'mysql:host=h'], $out));
bjlg_db_error(fn() => Dumper::dump(['dsn' => 'mysql:host=h;dbname=wp', 'host' => 'other'], $out));
// wp-config.php.
file_put_contents("$d/wp-config.php", "<?php define('DB_NAME', 'wp'); define('DB_USER', 'u'); define('DB_PASSWORD', 'TopSecret!');");
bjlg_db_error(fn() => Dumper::dump(['wp_config' => "$d/wp-config.php"], $out));
bjlg_db_error(fn() => Dumper::dump(['wp_config' => "$d/missing.php"], $out));
bjlg_db_error(fn() => Dumper::dump(['wp_config' => "$d/wp-config.php", 'user' => 'x'], $out));
// Targets and options.
bjlg_db_error(fn() => Dumper::dump($ok, 42));
bjlg_db_error(fn() => Dumper::dump($ok, ''));
bjlg_db_error(fn() => Dumper::dump($ok, $out, ['table' => ['x']]));
bjlg_db_error(fn() => Dumper::dump($ok, $out, ['tables' => 'wp_posts']));
bjlg_db_error(fn() => Dumper::dump($ok, $out, ['tables' => ['']]));
bjlg_db_error(fn() => Dumper::dump($ok, $out, ['progress' => 'not a callable']));
bjlg_db_error(fn() => Importer::import($ok, new stdClass));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql", ['prefix' => 'bad-prefix']));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql", ['prefix' => 'wp_']));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql", ['batch' => 0]));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql", ['replace' => 1]));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql", ['max_statement' => 10]));
bjlg_db_error(fn() => Importer::import($ok, "$d/dump.sql"));  // the dump does not exist
// No server there: a network failure whose message names the server, never the password.
try {
    Dumper::dump($ok, $out);
} catch (Bjlg\Database\NetworkException $e) {
    echo get_class($e), ' ', $e->error_code, ' ', $e instanceof Bjlg\Database\DatabaseException ? 'marker' : '', "\n";
    var_dump(str_contains($e->getMessage(), 'u@127.0.0.1:1/wp'), str_contains($e->getMessage(), 'TopSecret'));
    var_dump(str_contains($e->getTraceAsString(), 'TopSecret'));
}
bjlg_db_error(fn() => Dumper::dump($ok, $out, ['level' => 1]));  // a file dump is not compressed
$w = new Bjlg\Archive\Writer("$d/a.zip");
// The dump's own deflate level: refused before anything is written, the archive still usable.
bjlg_db_error(fn() => $w->addDatabase($ok, 'database.sql', ['level' => 10]));
bjlg_db_error(fn() => $w->addDatabase($ok, 'database.sql', ['level' => -1]));
bjlg_db_error(fn() => $w->addDatabase($ok, 'database.sql', ['level' => PHP_INT_MAX]));
bjlg_db_error(fn() => $w->addDatabase($ok, 'database.sql', ['level' => '6']));
bjlg_db_error(fn() => $w->addDatabase(['host' => 'h'], 'database.sql'));
bjlg_db_error(fn() => $w->addDatabase($ok, 'database.sql', ['progress' => fn() => true]));
bjlg_db_error(fn() => $w->addDatabase($ok));
bjlg_db_error(fn() => $w->close());  // the failed dump abandoned the archive
var_dump(array_values(array_diff(scandir($d), ['.', '..', 'wp-config.php'])));
bjlg_db_rmrf($d);
?>
--EXPECTF--
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) contains an unknown option "colour"
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "database" must name a database
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) option "port" must be between 1 and 65535
TypeError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) option "port" must be of type int, string given
TypeError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) option "tls" must be of type bool, string given
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "socket" must be an absolute path
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "charset" must be a character set name such as utf8mb4
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) must be an array with string keys
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "dsn" must start with "mysql:" (a PDO MySQL DSN)
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "dsn" has an unknown key "colour" (known: host, port, dbname, unix_socket, charset, user, password)
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "dsn" port must be a port number (1 to 65535)
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) connection "database" must name a database
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) option "host" cannot be combined with "dsn" (the DSN gives it)
ValueError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) wp-config.php does not define DB_HOST
Bjlg\Database\IOException: %s
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #1 ($connection) option "user" cannot be combined with "wp_config" (the file gives the whole connection)
TypeError: Bjlg\Database\Dumper::dump(): Argument #2 ($to) must be of type string or resource, int given
ValueError: Bjlg\Database\Dumper::dump(): Argument #2 ($to) must be a non-empty path without NUL bytes
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #3 ($options) contains an unknown option "table"
TypeError: Bjlg\Database\Dumper::dump(): Argument #3 ($options) option "tables" must be of type array, string given
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #3 ($options) option "tables" must list table names of 1 to 64 characters
TypeError: Bjlg\Database\Dumper::dump(): Argument #3 ($options) option "progress" must be a valid callback
TypeError: Bjlg\Database\Importer::import(): Argument #2 ($from) must be of type string or resource, stdClass given
Bjlg\OptionError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "prefix" must be 1 to 32 letters, digits or underscores
Bjlg\OptionError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "prefix" must differ from option "source_prefix" ("wp_")
Bjlg\OptionError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "batch" must be between 1 and 100000
TypeError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "replace" must be of type bool, int given
Bjlg\OptionError: Bjlg\Database\Importer::import(): Argument #3 ($options) option "max_statement" must be between 1024 and 4294967296 bytes
Bjlg\Database\IOException: %s
Bjlg\Database\NetworkException unreachable marker
bool(true)
bool(false)
bool(false)
Bjlg\OptionError: Bjlg\Database\Dumper::dump(): Argument #3 ($options) contains an unknown option "level"
Bjlg\OptionError: Bjlg\Archive\Writer::addDatabase(): Argument #3 ($options) option "level" must be between 0 and 9
Bjlg\OptionError: Bjlg\Archive\Writer::addDatabase(): Argument #3 ($options) option "level" must be between 0 and 9
Bjlg\OptionError: Bjlg\Archive\Writer::addDatabase(): Argument #3 ($options) option "level" must be between 0 and 9
TypeError: Bjlg\Archive\Writer::addDatabase(): Argument #3 ($options) option "level" must be of type int, string given
ValueError: Bjlg\Archive\Writer::addDatabase(): Argument #1 ($connection) connection "database" must name a database
Bjlg\OptionError: Bjlg\Archive\Writer::addDatabase(): Argument #3 ($options) contains an unknown option "progress"
Bjlg\Database\NetworkException: %s
Error: Bjlg\Archive\Writer is closed
array(0) {
}
