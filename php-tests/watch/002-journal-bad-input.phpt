--TEST--
Bjlg\Watch\Journal: bad types, bad values and files that are not journals are refused by name
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Watch\Journal;

$dir = sys_get_temp_dir() . '/bjlg-watch-phpt-bad-' . getmypid();
@mkdir($dir);
$j = Journal::open("$dir/journal");

function attempt(callable $f): void
{
    try {
        $f();
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

attempt(fn () => $j->append([]));
attempt(fn () => $j->append(['path' => 'a']));
attempt(fn () => $j->append(['type' => 'Modified', 'path' => 'a']));
attempt(fn () => $j->append(['type' => 'modified']));
attempt(fn () => $j->append(['type' => 'modified', 'path' => '../wp-config.php']));
attempt(fn () => $j->append(['type' => 'modified', 'path' => '/etc/passwd']));
attempt(fn () => $j->append(['type' => 'moved', 'path' => 'a']));
attempt(fn () => $j->append(['type' => 'option_updated', 'tables' => 'wp_options']));
attempt(fn () => $j->append(['type' => 'option_updated', 'tables' => ['wp options']]));
attempt(fn () => $j->append(['type' => 'x', 'deep' => ['a' => ['b' => 1]]]));
attempt(fn () => $j->append(['type' => 'x', 'note' => str_repeat('a', 2000)]));
attempt(fn () => $j->append(['type' => 'x', 'Bad-Key' => 1]));
attempt(fn () => $j->append(['type' => 'x', 'o' => new stdClass()]));
attempt(fn () => $j->append('modified'));
attempt(fn () => $j->changes(-1));
attempt(fn () => $j->changes(0, 0));
attempt(fn () => $j->changes('a'));
attempt(fn () => $j->compact(-5));
attempt(fn () => Journal::open(''));
attempt(fn () => Journal::open("$dir/missing/journal"));
attempt(fn () => Journal::open("a\0b"));
file_put_contents("$dir/notes.txt", "hello\n");
attempt(fn () => Journal::open("$dir/notes.txt"));
attempt(fn () => Journal::open($dir));
attempt(fn () => new Journal());
echo count($j->changes(0)), "\n";

unlink("$dir/journal");
unlink("$dir/notes.txt");
rmdir($dir);
?>
--EXPECTF--
Bjlg\Watch\InvalidInputException: event must be an array with string keys
Bjlg\Watch\InvalidInputException: event "type" is required
Bjlg\Watch\InvalidInputException: event "type" must be 1 to 64 characters of a-z, 0-9, _ . -
Bjlg\Watch\InvalidInputException: event "path" is required for type "modified"
Bjlg\Watch\InvalidInputException: event "path" must be a relative path: %s
Bjlg\Watch\InvalidInputException: event "path" must be a relative path: %s
Bjlg\Watch\InvalidInputException: event "from" is required for type "moved"
Bjlg\Watch\InvalidInputException: event "tables" must be a list of table names
Bjlg\Watch\InvalidInputException: event "tables" must hold names of 1 to 64 characters of A-Z, a-z, 0-9, _ $
Bjlg\Watch\InvalidInputException: event "deep" must be a string, a number, a bool or null
Bjlg\Watch\InvalidInputException: event "note" must be at most 1024 bytes
Bjlg\Watch\InvalidInputException: event key "Bad-Key" must be 1 to 64 characters of a-z, 0-9, _
Bjlg\Watch\InvalidInputException: event %s
TypeError: Bjlg\Watch\Journal::append(): Argument #1 ($event) must be of type array, string given
ValueError: Bjlg\Watch\Journal::changes(): Argument #1 ($since_seq) must be greater than or equal to 0
ValueError: Bjlg\Watch\Journal::changes(): Argument #2 ($limit) must be between 1 and 10000000
TypeError: Bjlg\Watch\Journal::changes(): Argument #1 ($since_seq) must be of type int, string given
ValueError: Bjlg\Watch\Journal::compact(): Argument #1 ($through_seq) must be greater than or equal to 0
%s: %s
Bjlg\Watch\IOException: %s
ValueError: %s
Bjlg\Watch\CorruptJournalException: %snot a bjlg watch journal%s
Bjlg\Watch\IOException: %s
Error: Call to private Bjlg\Watch\Journal::__construct() from global scope
0
