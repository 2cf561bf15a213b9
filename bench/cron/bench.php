<?php
// bench/cron: the next run of a mixed set of cron expressions, in one run, with
//   - bjlg:  Bjlg\Cron\Expression::parse($e)->next($from, $zone)  (field jumping, C++)
//   - dm:    dragonmantank/cron-expression 3.3.1 getNextRunDate()  (Debian's package)
//   - scan:  the plugin's method (plugin-scheduling.md §2.1): from the next whole minute,
//            DateTimeImmutable::modify('+1 minute') and in_array() per field, at most 525 600 steps.
// Each expression is parsed once per engine; the calls cycle over 16 start instants in
// Europe/Paris. Prints a Markdown table: µs per call and the ratios to bjlg.
//   php -d extension=modules/bjlg.so bench/cron/bench.php
declare(strict_types=1);

error_reporting(E_ALL & ~E_WARNING & ~E_DEPRECATED);
require '/usr/share/php/Cron/autoload.php';

const ZONE = 'Europe/Paris';
// The mixed set, shared with core_bench.cc: common expressions, L/W/#, then rare and never.
function expressions(): array
{
    $lines = array_map('trim', file(__DIR__ . '/expressions.txt'));
    return array_values(array_filter($lines, fn ($l) => $l !== '' && $l[0] !== '#'));
}

// ---- the plugin's scan -------------------------------------------------------------------------

// Field sets as the plugin builds them (numbers, ranges, steps, names, `*`); null when the
// plugin refuses the expression (L, W, #).
function plugin_sets(string $expr): ?array
{
    $spec = [[0, 59, []], [0, 23, []], [1, 31, []], [1, 12, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']],
        [0, 6, ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']]];
    $fields = preg_split('/\s+/', strtolower(trim($expr)));
    $sets = [];
    foreach ($fields as $i => $field) {
        [$lo, $hi, $names] = $spec[$i];
        $values = [];
        foreach (explode(',', $field) as $item) {
            if (!preg_match('~^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:/(\d+))?$~', $item, $m)) {
                return null;
            }
            $num = function (string $v) use ($names, $lo) {
                $k = array_search($v, $names, true);
                return $k !== false ? $k + ($lo === 1 ? 1 : 0) : (preg_match('/^\d+$/', $v) ? (int) $v : null);
            };
            $step = (int) ($m[2] ?? 1);
            if ($m[1] === '*') {
                [$a, $b] = [$lo, $hi];
            } else {
                $ends = array_map($num, explode('-', $m[1]));
                if (in_array(null, $ends, true)) {
                    return null;
                }
                [$a, $b] = [$ends[0], $ends[1] ?? $ends[0]];
            }
            for ($v = min($a, $b); $v <= max($a, $b); $v += $step) {
                $values[] = $i === 4 && $v === 7 ? 0 : $v;
            }
        }
        $sets[] = array_values(array_unique($values));
    }
    return ['min' => $sets[0], 'hour' => $sets[1], 'dom' => $sets[2], 'month' => $sets[3], 'dow' => $sets[4],
        'domStar' => $fields[2] === '*', 'dowStar' => $fields[4] === '*'];
}

function plugin_next(array $s, DateTimeImmutable $now): ?DateTimeImmutable
{
    $c = $now->setTime((int) $now->format('G'), (int) $now->format('i'))->modify('+1 minute');
    for ($i = 0; $i < 525600; $i++) {
        if (in_array((int) $c->format('i'), $s['min'], true) && in_array((int) $c->format('G'), $s['hour'], true)
            && in_array((int) $c->format('n'), $s['month'], true)) {
            $dom = in_array((int) $c->format('j'), $s['dom'], true);
            $dow = in_array((int) $c->format('w'), $s['dow'], true);
            $day = $s['domStar'] ? ($s['dowStar'] ? true : $dow) : ($s['dowStar'] ? $dom : ($dom || $dow));
            if ($day) {
                return $c;
            }
        }
        $c = $c->modify('+1 minute');
    }
    return null;
}

// ---- timing ------------------------------------------------------------------------------------

// Calls $call(start) over the starts until $budget seconds have passed (at least once);
// returns [µs per call, outcome of the first call].
function measure(callable $call, array $starts, float $budget): array
{
    $outcome = (function () use ($call, $starts) {
        try {
            $r = $call($starts[0]);
            return $r === null ? 'none' : $r->format('Y-m-d H:i');
        } catch (\Throwable $t) {
            return 'throws ' . (new ReflectionClass($t))->getShortName();
        }
    })();
    $calls = 0;
    $begin = hrtime(true);
    do {
        foreach ($starts as $s) {
            try {
                $call($s);
            } catch (\Throwable $t) {
            }
            $calls++;
            if ((hrtime(true) - $begin) / 1e9 > $budget) {
                break 2;
            }
        }
    } while ((hrtime(true) - $begin) / 1e9 < $budget);
    return [(hrtime(true) - $begin) / 1e3 / $calls, $outcome];
}

$zone = new DateTimeZone(ZONE);
$starts = [];
for ($i = 0; $i < 16; $i++) {
    $starts[] = (new DateTimeImmutable('@' . (1736935650 + $i * 1968451)))->setTimezone($zone);
}

$rows = [];
$sumDm = $sumOurs = 0.0;
$ratiosDm = [];
$ratiosScan = [];
foreach (expressions() as $expr) {
    $ours = \Bjlg\Cron\Expression::parse($expr);
    [$usOurs, $outOurs] = measure(fn ($s) => $ours->next($s, ZONE), $starts, 0.2);

    $dm = new Cron\CronExpression($expr);
    [$usDm, $outDm] = measure(fn ($s) => $dm->getNextRunDate($s, 0, false, ZONE), $starts, 0.3);

    $sets = plugin_sets($expr);
    [$usScan, $outScan] = $sets === null ? [null, 'refused'] : measure(fn ($s) => plugin_next($sets, $s), $starts, 0.5);

    $dmOk = !str_starts_with($outDm, 'throws');
    if ($dmOk) {
        $ratiosDm[] = $usDm / $usOurs;
        $sumDm += $usDm;
        $sumOurs += $usOurs;
    }
    if ($usScan !== null && $outScan !== 'none') {
        $ratiosScan[] = $usScan / $usOurs;
    }
    $rows[] = sprintf('| `%s` | %s | %.2f | %.1f | %s | %s | %s | %s |', $expr, $outOurs, $usOurs, $usDm,
        $dmOk ? sprintf('%.0f×', $usDm / $usOurs) : "$outDm (" . sprintf('%.0f×', $usDm / $usOurs) . ')',
        $outDm === $outOurs ? 'same' : $outDm,
        $usScan === null ? 'n/a' : sprintf('%.0f', $usScan),
        $usScan === null ? 'refused by the plugin' : sprintf('%.0f×%s', $usScan / $usOurs,
            $outScan === $outOurs ? '' : " ($outScan)"));
}

// The floor of any PHP API answering with a DateTimeImmutable: a call that only makes one.
[$usFloor] = measure(fn ($s) => $s->setTimestamp($s->getTimestamp() + 60), $starts, 0.2);

$geo = fn (array $r) => $r === [] ? 0.0 : exp(array_sum(array_map('log', $r)) / count($r));
echo "Zone " . ZONE . ", 16 start instants from 2025-01-15 10:07:30 UTC; the first run shown is from the first start.\n\n";
echo "| expression | bjlg first run | bjlg µs/call | dm µs/call | dm / bjlg | dm run | scan µs/call | scan / bjlg |\n";
echo "|---|---|---:|---:|---:|---|---:|---:|\n";
echo implode("\n", $rows), "\n\n";
printf("Geometric mean of dm / bjlg over the %d expressions dragonmantank answers: **%.0f×** (min %.0f×).  \n",
    count($ratiosDm), $geo($ratiosDm), $ratiosDm === [] ? 0 : min($ratiosDm));
printf("The whole set, one call per expression: dm %.0f µs, bjlg %.1f µs: **%.0f×**.  \n", $sumDm, $sumOurs,
    $sumDm / $sumOurs);
printf("For scale: a PHP closure that only returns \$s->setTimestamp(...) costs %.2f µs per call.  \n", $usFloor);
printf("Geometric mean of scan / bjlg over the %d expressions the plugin answers within its 365 days: **%.0f×**.\n",
    count($ratiosScan), $geo($ratiosScan));
