--TEST--
Bjlg\Quota\Collector::collect(): refused destinations are InvalidDestinationException (a Bjlg\Exception); bad options are Bjlg\OptionError (a ValueError) naming the option
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Quota\Collector;
use Bjlg\Quota\InvalidDestinationException;

function attempt(callable $f): void
{
    try {
        $f();
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

var_dump(is_subclass_of(InvalidDestinationException::class, Bjlg\Exception::class));
$s3 = ['name' => 'offsite', 'type' => 's3', 'bucket' => 'b', 'access_key' => 'AK', 'secret_key' => 'SK'];
attempt(fn() => Collector::collect([['name' => 'x', 'type' => 'ftp']]));
attempt(fn() => Collector::collect([['type' => 'local', 'path' => '/']]));
attempt(fn() => Collector::collect([array_diff_key($s3, ['bucket' => 1])]));
attempt(fn() => Collector::collect([$s3 + ['colour' => 'blue']]));
attempt(fn() => Collector::collect([$s3 + ['page_size' => 0]]));
attempt(fn() => Collector::collect([$s3 + ['quota_bytes' => -5]]));
attempt(fn() => Collector::collect([$s3 + ['endpoint' => 'ftp://example.com']]));
attempt(fn() => Collector::collect([$s3, $s3]));
attempt(fn() => Collector::collect([['name' => 'd', 'type' => 'dropbox', 'access_token' => 't', 'api_base_url' => 'http://127.0.0.1:1']]));
attempt(fn() => Collector::collect([['name' => 'az', 'type' => 'azure', 'account' => 'a', 'container' => 'c']]));
attempt(fn() => Collector::collect([['name' => 'box', 'type' => 'sftp', 'host' => 'h', 'username' => 'u', 'password' => 'p']]));
attempt(fn() => Collector::collect([['name' => '', 'type' => 'local', 'path' => '/']]));
attempt(fn() => Collector::collect([1 => ['name' => 'a', 'type' => 'local', 'path' => '/']]));
attempt(fn() => Collector::collect([], ['timeout' => 5]));
attempt(fn() => Collector::collect([], ['timeout_ms' => 0]));
attempt(fn() => Collector::collect([], ['retries' => 11]));
attempt(fn() => Collector::collect([], ['max_response_bytes' => 10]));
attempt(fn() => Collector::collect([], ['ca_bundle' => '']));
attempt(fn() => Collector::collect([], [5 => true]));
attempt(fn() => Collector::collectFromFile(''));
attempt(fn() => Collector::collectFromFile("a\0b"));
?>
--EXPECT--
bool(true)
Bjlg\Quota\InvalidDestinationException: destination #0 'x': key 'type' must be one of s3, azure, b2, gdrive, dropbox, onedrive, pcloud, webdav, sftp, local
Bjlg\Quota\InvalidDestinationException: destination #0: key 'name' is required
Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'bucket' is required
Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'colour' is not a setting of type s3
Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'page_size' must be between 1 and 1000
Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'quota_bytes' must be between 0 and 2^63-1
Bjlg\Quota\InvalidDestinationException: destination #0 'offsite': key 'endpoint' must start with http:// or https://
Bjlg\Quota\InvalidDestinationException: destination #1 'offsite': key 'name' is used by another destination; names must be unique
Bjlg\Quota\InvalidDestinationException: destination #0 'd': key 'api_base_url' is only accepted when the option test_endpoints is true
Bjlg\Quota\InvalidDestinationException: destination #0 'az': key 'key' is required (set 'key' or 'sas')
Bjlg\Quota\InvalidDestinationException: destination #0 'box': key 'host_key_sha256' or 'known_hosts' is required unless verify_host_key is false
Bjlg\Quota\InvalidDestinationException: destination #0 '': key 'name' must not be empty
ValueError: Bjlg\Quota\Collector::collect(): Argument #1 ($destinations) must be a list of destination arrays
Bjlg\OptionError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) contains an unknown option "timeout"
Bjlg\OptionError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "timeout_ms" must be between 1 and 3600000
Bjlg\OptionError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "retries" must be between 0 and 10
Bjlg\OptionError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "max_response_bytes" must be at least 1024
Bjlg\OptionError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) option "ca_bundle" must be a non-empty path without null bytes
ValueError: Bjlg\Quota\Collector::collect(): Argument #2 ($options) must be an array with string keys
ValueError: Bjlg\Quota\Collector::collectFromFile(): Argument #1 ($path) must not be empty
ValueError: Bjlg\Quota\Collector::collectFromFile(): Argument #1 ($path) must not contain any null bytes
