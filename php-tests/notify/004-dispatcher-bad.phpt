--TEST--
Bjlg\Notify\Dispatcher::send(): bad types, values and options are refused before anything is sent; no secret in a message or trace
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\Dispatcher;

function t(callable $f) {
    try { $r = $f(); echo json_encode($r), "\n"; return $r; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; return $e; }
}
$ok = ['channel' => ['type' => 'slack', 'webhook_url' => 'http://127.0.0.1:9/services/T/B/key-secret'], 'event' => 'e', 'title' => 'T'];
$with = fn (array $changes) => array_merge($ok, $changes);
echo "-- types\n";
t(fn () => Dispatcher::send('x'));
t(fn () => Dispatcher::send([$ok], 'o'));
t(fn () => Dispatcher::send([1]));
t(fn () => Dispatcher::send([$with(['context' => ['o' => new stdClass]])]));
t(fn () => Dispatcher::send([$ok], ['retries' => '2']));
t(fn () => Dispatcher::send([$ok], ['verify_tls' => 'no']));
t(fn () => Dispatcher::send([$ok], ['progress' => 'not callable']));
echo "-- values: nothing of the batch is sent\n";
t(fn () => Dispatcher::send(['a' => $ok]));
t(fn () => Dispatcher::send([['event' => 'e', 'title' => 'T']]));
t(fn () => Dispatcher::send([$ok, $with(['channel' => ['type' => 'fax']])]));
t(fn () => Dispatcher::send([$with(['channel' => $ok['channel'] + ['colour' => 1]])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'slack']])]));
t(fn () => Dispatcher::send([$with(['event' => ''])]));
t(fn () => Dispatcher::send([$with(['severity' => 'fatal'])]));
t(fn () => Dispatcher::send([$with(['lines' => 'x'])]));
t(fn () => Dispatcher::send([$with(['title' => "caf\xe9"])]));
t(fn () => Dispatcher::send([$with(['lines' => ['ok', "\xff"]])]));
t(fn () => Dispatcher::send([$with(['context' => ['site' => "\xc3"]])]));
t(fn () => Dispatcher::send([$with(['subject' => "a\r\nBcc: x@example.org"])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'email', 'smtp' => 'smtp://mail.example:25', 'from' => 'a@example.org', 'to' => ['x y@example.org']]])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'email', 'smtp' => 'smtp://mail.example:25', 'from' => 'a@example.org', 'to' => ['nobody']]])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'email', 'smtp' => 'http://mail.example', 'from' => 'a@example.org', 'to' => ['x@example.org']]])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'webhook', 'url' => 'ftp://h/x']])]));
t(fn () => Dispatcher::send([$with(['channel' => ['type' => 'telegram', 'bot_token' => 't']])]));
echo "-- options\n";
t(fn () => Dispatcher::send([$ok], ['timeout_ms' => 0]));
t(fn () => Dispatcher::send([$ok], ['retries' => 11]));
t(fn () => Dispatcher::send([$ok], ['colour' => 1]));
t(fn () => Dispatcher::send([$ok], ['ca_bundle' => "a\0b"]));
// A negative int stays negative on its way to the core (it once passed for a huge one).
t(fn () => Dispatcher::send([$ok], ['now' => -5]));
t(fn () => Dispatcher::send([$ok], ['retry_base_ms' => -1]));
echo "-- secrets\n";
$e = t(fn () => Dispatcher::send([$with(['channel' => $ok['channel'] + ['x' => 1]])]));
var_dump(str_contains($e->getMessage() . $e->getTraceAsString(), 'key-secret'));
// Loopback receivers are refused unless allowed; the keyed URL is never shown.
$r = t(fn () => Dispatcher::send([$ok]));
t(fn () => new Dispatcher());
?>
--EXPECTF--
-- types
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #1 ($messages) must be of type array, string given
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) must be of type array, string given
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #1 ($messages) message #0 must be of type array, int given
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #1 ($messages) message #0 must not be of type stdClass
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "retries" must be of type int, string given
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "verify_tls" must be of type bool, string given
TypeError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "progress" must be a valid callback
-- values: nothing of the batch is sent
ValueError: Bjlg\Notify\Dispatcher::send(): Argument #1 ($messages) must be a list of message arrays
Bjlg\Notify\InvalidInputException: message #0 needs key "channel"
Bjlg\Notify\InvalidInputException: message #1 channel key "type" must be one of email, slack, discord, teams, sms, webhook, telegram, twilio, pagerduty
Bjlg\Notify\InvalidInputException: message #0 channel has an unknown key "colour" for type slack
Bjlg\Notify\InvalidInputException: message #0 channel (slack) needs key "webhook_url"
Bjlg\Notify\InvalidInputException: message #0 key "event" must not be empty
Bjlg\Notify\InvalidInputException: message #0 key "severity" must be info, warning or critical
Bjlg\Notify\InvalidInputException: message #0 key "lines" must be a list of strings
Bjlg\Notify\InvalidInputException: message #0 key "title" must be valid UTF-8
Bjlg\Notify\InvalidInputException: message #0 key "lines" must be valid UTF-8
Bjlg\Notify\InvalidInputException: message #0 key "context" must hold valid UTF-8 and finite numbers
Bjlg\Notify\InvalidInputException: message #0 key "subject" must be one line
Bjlg\Notify\InvalidInputException: message #0 channel key "to" has an invalid recipient (empty, or with a space, a control character or one of <>,;)
Bjlg\Notify\InvalidInputException: message #0 channel key "to" has a recipient that is not an e-mail address
Bjlg\Notify\InvalidInputException: message #0 channel key "smtp" must start with smtp:// or smtps://
Bjlg\Notify\InvalidInputException: message #0 channel key "url" must be an http:// or https:// URL
Bjlg\Notify\InvalidInputException: message #0 channel (telegram) needs key "chat_id"
-- options
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "timeout_ms" must be between 1 and 3600000
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "retries" must be between 0 and 10
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) contains an unknown option "colour"
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "ca_bundle" must be a non-empty path without null bytes
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "now" must not be negative
Bjlg\OptionError: Bjlg\Notify\Dispatcher::send(): Argument #2 ($options) option "retry_base_ms" must be between 0 and 60000
-- secrets
Bjlg\Notify\InvalidInputException: message #0 channel has an unknown key "x" for type slack
bool(false)
[{"status":"failed","attempts":1,"http_code":0,"error_code":"unreachable","error":"[unreachable] message #0 (slack): 127.0.0.1 is a loopback address (set allow_private_network to reach it)","latency_ms":%d,"channel":"slack","type":"slack"}]
Error: Call to private Bjlg\Notify\Dispatcher::__construct() from global scope
