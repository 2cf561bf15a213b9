--TEST--
Bjlg\Notify\Webhook: bad types and values; the secret never in a trace
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Webhook;

function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; return $e; }
}
t(fn () => Webhook::verify(42, [], 'k'));
t(fn () => Webhook::verify('b', 'headers', 'k'));
t(fn () => Webhook::verify('b', [], ''));
t(fn () => Webhook::verify('b', [], 'k', -1));
t(fn () => Webhook::verify('b', [], 'k', 86401));
t(fn () => Webhook::verify('b', [0 => 'x', 'X-BJLG-Signature-256' => 5], 'k'));
t(fn () => Webhook::sign('b', ''));
$e = t(fn () => Webhook::sign('b', 'top-secret-value', -5));
var_dump(str_contains($e->getTraceAsString(), 'top-secret-value'));
t(fn () => new Webhook());
?>
--EXPECT--
TypeError: Bjlg\Notify\Webhook::verify(): Argument #1 ($body) must be of type string, int given
TypeError: Bjlg\Notify\Webhook::verify(): Argument #2 ($headers) must be of type array, string given
ValueError: Bjlg\Notify\Webhook::verify(): Argument #3 ($secret) must not be empty
ValueError: Bjlg\Notify\Webhook::verify(): Argument #4 ($tolerance) must be between 0 and 86400
ValueError: Bjlg\Notify\Webhook::verify(): Argument #4 ($tolerance) must be between 0 and 86400
bool(false)
ValueError: Bjlg\Notify\Webhook::sign(): Argument #2 ($secret) must not be empty
ValueError: Bjlg\Notify\Webhook::sign(): Argument #3 ($timestamp) must not be negative
bool(false)
Error: Call to private Bjlg\Notify\Webhook::__construct() from global scope
