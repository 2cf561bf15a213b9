--TEST--
Bjlg\Notify\Digest::summarize(): MTTA and MTTR overall, by event and by channel, over a period; bad input
--EXTENSIONS--
bjlg
--FILE--
<?php
declare(strict_types=1);
use Bjlg\Notify\{Digest, Incident};

function t(callable $f) {
    try { $r = $f(); echo json_encode($r), "\n"; return $r; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; return $e; }
}
$policy = ['channels' => ['ops' => ['type' => 'slack', 'webhook_url' => 'https://hooks.slack.com/services/T0/B0/secret-one'],
                          'pager' => ['type' => 'pagerduty', 'routing_key' => 'secret-key']],
           'notify' => ['ops'], 'escalation' => ['levels' => [['after_minutes' => 10, 'channels' => ['pager']]]], 'locale' => 'en'];
$day = 1767225600;  // 2026-01-01 00:00 UTC
$open = fn (string $event, string $severity, int $at) => Incident::open(['event' => $event, 'title' => $event, 'severity' => $severity], $policy, $at);

// a: escalated to the pager at 10 min (critical), acknowledged at 15 min, resolved after 1 h
$a = $open('backup_failed', 'critical', $day + 3600);
$a->due($day + 3600);
$a->due($day + 3600 + 600);
$a->acknowledge('alice', '', $day + 3600 + 900);
$a->resolve('alice', 'ok', [], $day + 7200);
// b: acknowledged after 5 min, still open
$b = $open('backup_failed', 'warning', $day + 36000);
$b->due($day + 36000);
$b->acknowledge('bob', '', $day + 36000 + 300);
// c: never acknowledged, resolved after 2 h (resolving acknowledges)
$c = $open('quota_exceeded', 'info', $day + 50000);
$c->due($day + 50000);
$c->resolve('carol', 'freed', [], $day + 50000 + 7200);
// d: the next day, outside the period
$d = $open('backup_failed', 'info', $day + 86400 + 10);

$r = Digest::summarize([$a, $b->toArray(), $c, $d], $day, $day + 86400);
echo json_encode($r, JSON_PRETTY_PRINT), "\n";
echo "-- an empty period, an empty list\n";
t(fn () => Digest::summarize([$a, $b, $c, $d], $day + 2 * 86400, $day + 3 * 86400)['incidents']);
t(fn () => Digest::summarize([], 0, 10));
t(fn () => Digest::summarize([$a], $day, $day)['incidents']);
echo "-- bad input\n";
t(fn () => Digest::summarize('x', 0, 10));
t(fn () => Digest::summarize([1], 0, 10));
t(fn () => Digest::summarize([new stdClass], 0, 10));
t(fn () => Digest::summarize([['id' => 'x']], 0, 10));
t(fn () => Digest::summarize([$a, $a->toArray() + ['colour' => 1]], 0, 10));
t(fn () => Digest::summarize([$a], 10, 0));
t(fn () => Digest::summarize([$a], -1, 0));
t(fn () => Digest::summarize([$a], 0, 'later'));
t(fn () => new Digest());
?>
--EXPECTF--
{
    "period": {
        "from": 1767225600,
        "to": 1767312000
    },
    "incidents": 3,
    "acknowledged": 3,
    "resolved": 2,
    "open": 1,
    "mtta_seconds": 2800,
    "mttr_seconds": 5400,
    "by_event": {
        "backup_failed": {
            "incidents": 2,
            "acknowledged": 2,
            "resolved": 1,
            "open": 1,
            "mtta_seconds": 600,
            "mttr_seconds": 3600
        },
        "quota_exceeded": {
            "incidents": 1,
            "acknowledged": 1,
            "resolved": 1,
            "open": 0,
            "mtta_seconds": 7200,
            "mttr_seconds": 7200
        }
    },
    "by_channel": {
        "ops": {
            "incidents": 3,
            "acknowledged": 3,
            "resolved": 2,
            "open": 1,
            "mtta_seconds": 2800,
            "mttr_seconds": 5400
        },
        "pager": {
            "incidents": 1,
            "acknowledged": 1,
            "resolved": 1,
            "open": 0,
            "mtta_seconds": 900,
            "mttr_seconds": 3600
        }
    }
}
-- an empty period, an empty list
0
{"period":{"from":0,"to":10},"incidents":0,"acknowledged":0,"resolved":0,"open":0,"mtta_seconds":null,"mttr_seconds":null,"by_event":[],"by_channel":[]}
0
-- bad input
TypeError: Bjlg\Notify\Digest::summarize(): Argument #1 ($incidents) must be of type array, string given
TypeError: Bjlg\Notify\Digest::summarize(): Argument #1 ($incidents) entry #0 must be of type Bjlg\Notify\Incident|array, int given
TypeError: Bjlg\Notify\Digest::summarize(): Argument #1 ($incidents) entry #0 must be of type Bjlg\Notify\Incident|array, stdClass given
Bjlg\Notify\InvalidInputException: incident #0: incident state needs key "policy"
Bjlg\Notify\InvalidInputException: incident #1: incident state has an unknown key "colour"
ValueError: Bjlg\Notify\Digest::summarize(): Argument #3 ($to) must not be before argument #2 ($from)
ValueError: Bjlg\Notify\Digest::summarize(): Argument #2 ($from) must not be negative
TypeError: Bjlg\Notify\Digest::summarize(): Argument #3 ($to) must be of type int, string given
Error: Call to private Bjlg\Notify\Digest::__construct() from global scope
