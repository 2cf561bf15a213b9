--TEST--
phpinfo() shows the bjlg version and the versions of the libraries it was built with
--EXTENSIONS--
bjlg
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$start = strpos($info, "\nbjlg\n");
var_dump($start !== false);
$section = substr($info, $start, 2000);
foreach (['bjlg version', 'libzip version', 'OpenSSL version', 'libcurl version', 'yaml-cpp version'] as $row) {
    var_dump((bool) preg_match('/^' . preg_quote($row, '/') . ' => \S.*$/m', $section));
}
var_dump((bool) preg_match('/^bjlg\.cron_min_interval => 300 => 300$/m', $section));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
