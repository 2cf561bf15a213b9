<?php
// The router of `php -S` for the test sites: what WordPress's rewrite rules do under Apache or
// nginx (serve an existing file or folder, send anything else to index.php). Without it php -S
// answers 404 itself for a missing path that looks like a file, such as the REST route
// /wp-json/bjlg/v1/backups/backup-full-….zip/verify.
$path = urldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['SCRIPT_FILENAME'];
