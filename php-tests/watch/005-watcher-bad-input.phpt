--TEST--
Bjlg\Watch\Watcher: bad roots, options and timeouts are refused by name
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Watch\Watcher;

function attempt(callable $f): void
{
    try {
        $f();
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$dir = sys_get_temp_dir();
attempt(fn () => new Watcher([]));
attempt(fn () => new Watcher(['relative/dir']));
attempt(fn () => new Watcher(["$dir/bjlg-watch-missing-" . getmypid()]));
attempt(fn () => new Watcher([__FILE__]));
attempt(fn () => new Watcher(['../up' => $dir]));
attempt(fn () => new Watcher([42]));
attempt(fn () => new Watcher(["a\0b"]));
attempt(fn () => new Watcher([$dir], ['colour' => 'red']));
attempt(fn () => new Watcher([$dir], ['scan' => 'yes']));
attempt(fn () => new Watcher([$dir], ['exclude' => 'cache']));
attempt(fn () => new Watcher([$dir], ['max_events' => 0]));
$w = new Watcher([$dir], ['exclude' => ['*'], 'max_events' => 5]);
attempt(fn () => $w->wait(-1));
attempt(fn () => $w->wait(86400001));
attempt(fn () => $w->wait('soon'));
?>
--EXPECTF--
Bjlg\Watch\InvalidInputException: option "roots" must name at least one folder
Bjlg\Watch\InvalidInputException: root "relative/dir" must be an absolute path
Bjlg\Watch\IOException: %s
Bjlg\Watch\InvalidInputException: root "%s" is not a folder
Bjlg\Watch\InvalidInputException: root prefix "../up": %s
TypeError: Bjlg\Watch\Watcher::__construct(): Argument #1 ($roots) must hold folders as strings, int given
ValueError: Bjlg\Watch\Watcher::__construct(): Argument #1 ($roots) must hold non-empty folder paths without NUL bytes
Bjlg\OptionError: %soption%scolour%s
TypeError: %s"scan"%s
TypeError: %s"exclude"%s
Bjlg\OptionError: %soption "max_events" must be between 1 and 1000000
ValueError: Bjlg\Watch\Watcher::wait(): Argument #1 ($timeout_ms) must be between 0 and 86400000
ValueError: Bjlg\Watch\Watcher::wait(): Argument #1 ($timeout_ms) must be between 0 and 86400000
TypeError: Bjlg\Watch\Watcher::wait(): Argument #1 ($timeout_ms) must be of type int, string given
