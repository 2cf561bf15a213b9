--TEST--
Bjlg\Watch\Watcher scan mode with "hash": content changed with size and mtime kept is seen only with hash; bad option types
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Watch\Watcher;

$site = sys_get_temp_dir() . '/bjlg-watch-hash-' . getmypid();
mkdir("$site/wp-content/uploads", 0777, true);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg($site)));
$file = "$site/wp-content/uploads/a.txt";

foreach ([false, true] as $hash) {
    file_put_contents($file, 'before');
    touch($file, 1767225600);  // a whole second, so that touch() can put it back exactly
    $w = new Watcher([$site], ['scan' => true, 'hash' => $hash]);
    echo 'hash ', var_export($hash, true), ': mode ', $w->mode(), "\n";
    file_put_contents($file, 'after!');  // same size, same inode
    touch($file, 1767225600);            // as a restore or a sync keeping times would
    clearstatcache();
    echo '  ', json_encode($w->wait(10)), "\n";
    echo '  then ', json_encode($w->wait(10)), "\n";
    file_put_contents("$site/new.txt", 'n');
    echo '  ', json_encode($w->wait(10)), "\n";
    unlink("$site/new.txt");
}
try {
    new Watcher([$site], ['scan' => true, 'hash' => 'yes']);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
hash false: mode scan
  []
  then []
  [{"type":"created","path":"new.txt","dir":false}]
hash true: mode scan
  [{"type":"modified","path":"wp-content\/uploads\/a.txt","dir":false}]
  then []
  [{"type":"created","path":"new.txt","dir":false}]
TypeError: Bjlg\Watch\Watcher::__construct(): Argument #2 ($options) option "hash" must be of type bool, string given
