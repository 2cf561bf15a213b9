<?php
// The intended differences between our cron engine and dragonmantank/cron-expression, as named
// predicates of a situation (docs/cron.md, "Differences from dragonmantank/cron-expression").
// Used by tests/diff/cron_dragonmantank.php.

declare(strict_types=1);

// Each predicate looks at the situation only: the expression, the probe, and for the DST ones the
// first differing run and the zone's transitions. Syntactic ones are also counted on agreement.

function fields(string $expr): array
{
    $f = preg_split('/\s+/', trim($expr));
    return count($f) === 5 ? $f : ['', '', '', '', ''];
}

function items(string $field): array
{
    return $field === '' ? [] : explode(',', $field);
}

// Values of one plain item (`a`, `a-b`, `*/s`, `a-b/s`) in the usual reading, names resolved.
function plain_values(string $item, int $lo, int $hi, array $names = []): ?array
{
    $resolve = function (string $v) use ($names) {
        $i = array_search(strtoupper($v), $names, true);
        return $i === false ? (preg_match('/^\d+$/', $v) ? (int) $v : null) : $i;
    };
    [$range, $step] = array_pad(explode('/', $item, 2), 2, '1');
    if (!preg_match('/^\d+$/', $step) || (int) $step === 0) {
        return null;
    }
    if ($range === '*') {
        [$a, $b] = [$lo, $hi];
    } elseif (str_contains($range, '-')) {
        [$a, $b] = array_map($resolve, explode('-', $range, 2));
    } else {
        $a = $resolve($range);
        $b = str_contains($item, '/') ? $hi : $a;
    }
    if ($a === null || $b === null || $a > $b) {
        return null;
    }
    return steps($a, $b, (int) $step);
}

// range() refuses a step larger than the range; cron reads it as the first value alone.
function steps(int $a, int $b, int $step): array
{
    $out = [];
    for ($v = $a; $v <= $b; $v += $step) {
        $out[] = $v;
    }
    return $out;
}

// From these steps on, per field, the two differ: we refuse a step larger than the field's span
// (minute 59, hour 23, day 30, month 11, weekday 7); dragonmantank accepts it, and also
// mis-steps with a minute step of 59 or an hour step of 23.
const LIMIT_STEP = [59, 23, 31, 12, 8];

function exclusions(): array
{
    return [
        // A step larger than the field's span: we refuse it; dragonmantank reads it as one value
        // taken modulo the field size (`*/90` minutes = minute 30). With `*/59` minutes or `*/23`
        // hours, dragonmantank steps to 59 (23) only and skips 0.
        'step-beyond-field' => function (Probe $p): bool {
            foreach (fields($p->expr) as $i => $f) {
                foreach (items($f) as $it) {
                    if (preg_match('~/(\d+)$~', $it, $m) && (int) $m[1] >= LIMIT_STEP[$i]) {
                        return true;
                    }
                }
            }
            return false;
        },
        // Names with a step (`MON/2`, `JAN-JUN/2`): dragonmantank casts the name to 0.
        'name-with-step' => fn (Probe $p): bool => (bool) preg_match('~[A-Za-z][^ ,]*/|/[^ ,]*[A-Za-z]~', $p->expr),
        // A reversed range (`5-1`, `SAT-SUN` since SUN is 0): we refuse it; dragonmantank accepts it
        // and matches nothing in that item (or wraps, see the next exclusion).
        'reversed-range' => function (Probe $p): bool {
            $names = [3 => array_merge([''], MONTH_NAMES), 4 => DOW_NAMES];
            foreach (fields($p->expr) as $i => $f) {
                foreach (items($f) as $it) {
                    if (preg_match('~^([A-Za-z0-9]+)-([A-Za-z0-9]+)~', $it, $m)) {
                        $v = fn ($x) => preg_match('/^\d+$/', $x) ? (int) $x
                            : array_search(strtoupper($x), $names[$i] ?? [], true);
                        if ($v($m[1]) !== false && $v($m[2]) !== false && $v($m[1]) > $v($m[2])) {
                            return true;
                        }
                    }
                }
            }
            return false;
        },
        // dragonmantank evaluates each day-of-week item in 1-7 numbering when its text contains
        // the digit 7 and in 0-6 numbering otherwise, reads SUN as 7, and rewrites `7-b` as `0-b`
        // and `a-0` as `a-7`: items whose Sunday is written the other way lose or gain it.
        'dow-sunday-numbering' => function (Probe $p): bool {
            $dow = fields($p->expr)[4];
            foreach (items($dow) as $it) {
                if ($it === '*' || $it === '?' || str_contains($it, '#') || str_contains($it, 'L')) {
                    continue;
                }
                $ours = plain_values($it, 0, 7, DOW_NAMES);
                if ($ours === null) {
                    continue;
                }
                $ours = array_unique(array_map(fn ($v) => $v % 7, $ours));
                if (dm_dow_item($it) !== array_values(array_intersect([0, 1, 2, 3, 4, 5, 6], $ours))) {
                    return true;
                }
            }
            return false;
        },
        // dragonmantank looks for the next minute/hour in the list in the order written (`0 5,1 * * *`,
        // `*/20,5`): in such a list some current value makes it jump to a later value or cycle
        // than the next one in the set.
        'unsorted-minute-hour-list' => function (Probe $p): bool {
            foreach ([0 => 59, 1 => 23] as $i => $hi) {
                $seq = [];
                foreach (items(fields($p->expr)[$i]) as $it) {
                    $seq = array_merge($seq, plain_values($it, 0, $hi) ?? []);
                }
                $n = count($seq);
                $set = array_values(array_unique($seq));
                sort($set);
                for ($c = 0; $c <= $hi && $n > 1; $c++) {
                    $pos = 0;                                   // HoursField/MinutesField::increment()
                    for ($k = 0; $k < $n - 1; $k++) {
                        if ($c >= $seq[$k] && $c < $seq[$k + 1]) {
                            $pos = $k + 1;
                            break;
                        }
                    }
                    $theirs = [$seq[$pos] > $c ? 0 : 1, $seq[$pos]];
                    $later = array_values(array_filter($set, fn ($v) => $v > $c));
                    $ours = $later !== [] ? [0, $later[0]] : [1, $set[0]];
                    if ($theirs !== $ours) {
                        return true;
                    }
                }
            }
            return false;
        },
        // dragonmantank refuses `L` and `W` inside a day-of-month list; we accept them.
        'dom-list-with-L-or-W' => fn (Probe $p): bool => (bool) preg_match('/,/', fields($p->expr)[2])
            && (bool) preg_match('/[LW]/i', fields($p->expr)[2]),
        // dragonmantank reads `LW` as "nearest weekday to day 0" (a day of the previous month).
        'dom-LW' => fn (Probe $p): bool => str_contains(strtoupper(fields($p->expr)[2]), 'LW'),
        // `nW` with n past the end of a month: dragonmantank rolls into the next month and matches
        // the day with that number (`31W` fires on April 1st); we do not fire in that month.
        'dom-nW-past-month-end' => fn (Probe $p): bool => (bool) preg_match('/^(29|30|31)W$/i', fields($p->expr)[2]),
        // `?` in one day field and the other not `*`: dragonmantank takes its OR branch, drops the `?`
        // side and merges the other side's runs; with none to merge (`? ?`, or `31 4 ?` which never
        // fires) it throws a TypeError. We run every day, or report no run.
        'question-mark-or-branch' => function (Probe $p, array $o = [], array $t = []): bool {
            [, , $dom, , $dow] = fields($p->expr);
            $branch = ($dom === '?' && $dow !== '*') || ($dow === '?' && $dom !== '*');
            return $branch && ($dom === $dow || ($t[0] ?? '') === 'error:TypeError');
        },
        // dragonmantank drops the seconds of the start: previous() skips the current minute even
        // when the start is later in that minute, and an inclusive next() returns that minute,
        // before the start.
        'previous-current-minute' => fn (Probe $p, array $o, array $t): bool => $p->op === 'previous'
            && !$p->inclusive && (int) $p->from->format('s') !== 0
            && $o[0] === fmt(floor_minute($p->from)),
        'inclusive-current-minute' => fn (Probe $p, array $o, array $t): bool => $p->inclusive
            && (int) $p->from->format('s') !== 0 && $t[0] === fmt(floor_minute($p->from)),
        // DST: our policy (schedule.h) against dragonmantank's wall-clock arithmetic, for runs
        // within the hour around a change of offset. Decided from the first differing run.
        'dst-gap-fixed-time' => fn (Probe $p, array $o, array $t): bool => dst_situation($p, $o, $t) === 'gap-fixed',
        'dst-gap-periodic-hour' => fn (Probe $p, array $o, array $t): bool => dst_situation($p, $o, $t) === 'gap-periodic',
        'dst-fold-fixed-time' => fn (Probe $p, array $o, array $t): bool => dst_situation($p, $o, $t) === 'fold-fixed',
        'dst-fold-periodic-hour' => fn (Probe $p, array $o, array $t): bool => dst_situation($p, $o, $t) === 'fold-periodic',
        // On the day of a spring-forward change, dragonmantank reaches an hour by adding hours to
        // midnight in UTC, lands one hour late (or 30 minutes on Lord Howe Island) and moves on
        // to the next day: it misses runs of that day after the change.
        'dst-change-day-skip' => fn (Probe $p, array $o, array $t): bool => dst_change_day_skip($p, $o, $t),
        // dragonmantank gives up after 1000 field steps ("Impossible CRON expression"): with the
        // limit lifted (to 100000) it agrees with us. Last: the other situations are cheaper to test.
        'dm-iteration-limit' => fn (Probe $p, array $o, array $t): bool => in_array('none', $t, true)
            && theirs($p, 100_000) === $o,
    ];
}

// The weekdays (0-6) dragonmantank matches for one plain day-of-week item.
function dm_dow_item(string $it): array
{
    $it = strtoupper($it);
    $iso = ['MON' => 1, 'TUE' => 2, 'WED' => 3, 'THU' => 4, 'FRI' => 5, 'SAT' => 6, 'SUN' => 7];
    $conv = fn (string $v) => isset($iso[$v]) ? (string) $iso[$v] : $v;
    $text = $conv($it);
    if (!str_contains($text, '/') && str_contains($text, '-')) {
        $parts = explode('-', $text);
        if ($parts[0] === '7') {
            $parts[0] = '0';
        } elseif ($parts[1] === '0') {
            $parts[1] = '7';
        }
        $text = implode('-', $parts);
    }
    $isoMode = in_array(7, array_map('intval', str_split($text)), true);
    $values = [];
    if (str_contains($text, '/')) {
        [$range, $step] = explode('/', $text, 2);
        $step = (int) $step;
        [$a, $b] = $range === '*' ? [0, 7] : array_map(fn ($v) => (int) $conv($v), array_pad(explode('-', $range, 2), 2, $range));
        $values = $step > 7 ? [$step % 8] : ($step > $b - $a ? [$a] : steps($a, $b, $step));
    } elseif (str_contains($text, '-')) {
        [$a, $b] = array_map(fn ($v) => (int) $conv($v), explode('-', $text, 2));
        $values = $a <= $b ? range($a, $b) : [];
    } else {
        $values = [(int) $text];
    }
    $days = [];
    foreach ([0, 1, 2, 3, 4, 5, 6] as $w) {
        $probe = $isoMode ? ($w === 0 ? 7 : $w) : $w;
        if (in_array($probe, $values, true)) {
            $days[] = $w;
        }
    }
    return $days;
}

function floor_minute(DateTimeImmutable $d): DateTimeImmutable
{
    return $d->setTimestamp($d->getTimestamp() - $d->getTimestamp() % 60);
}

// 'gap-fixed', 'gap-periodic', 'fold-fixed', 'fold-periodic' when the first differing run of the
// two sides (or, when dragonmantank gave up, the run it searched from) lies within
// [T - |shift| - 1 h, T + |shift| + 1 h] of a change of offset at T.
function dst_situation(Probe $p, array $o, array $t): ?string
{
    $n = max(count($o), count($t));
    for ($i = 0; $i < $n && ($o[$i] ?? null) === ($t[$i] ?? null); $i++);
    $instants = [];
    $candidates = [$o[$i] ?? '', $t[$i] ?? ''];
    if (($t[$i] ?? '') === 'none' && $i > 0) {
        $candidates[] = $o[$i - 1];     // dragonmantank gave up searching from this run
    }
    foreach ($candidates as $s) {
        if (preg_match('/^\d{4}-/', $s)) {
            $instants[] = (new DateTimeImmutable($s))->getTimestamp();
        }
    }
    if ($instants === []) {
        return null;
    }
    $at = $p->op === 'previous' ? max($instants) : min($instants);  // where the searches part
    $zone = new DateTimeZone($p->zone);
    $tr = $zone->getTransitions($at - 3 * 3600, $at + 3 * 3600);
    for ($k = 1; $k < count($tr); $k++) {
        $shift = $tr[$k]['offset'] - $tr[$k - 1]['offset'];
        $ts = $tr[$k]['ts'];
        if ($shift !== 0 && $at >= $ts - abs($shift) - 3600 && $at <= $ts + abs($shift) + 3600) {
            $hour = fields($p->expr)[1];
            $periodic = $hour === '*' || str_contains($hour, '/');
            return ($shift > 0 ? 'gap-' : 'fold-') . ($periodic ? 'periodic' : 'fixed');
        }
    }
    return null;
}

// The first differing run is ours, on the local day of a spring-forward change and after it,
// and dragonmantank's run at that position is later or missing.
function dst_change_day_skip(Probe $p, array $o, array $t): bool
{
    $n = max(count($o), count($t));
    for ($i = 0; $i < $n && ($o[$i] ?? null) === ($t[$i] ?? null); $i++);
    if ($p->op === 'previous' || !preg_match('/^\d{4}-/', $o[$i] ?? '')) {
        return false;
    }
    $ours = new DateTimeImmutable($o[$i]);
    if (preg_match('/^\d{4}-/', $t[$i] ?? '') && new DateTimeImmutable($t[$i]) <= $ours) {
        return false;
    }
    $zone = new DateTimeZone($p->zone);
    $tr = $zone->getTransitions($ours->getTimestamp() - 86400, $ours->getTimestamp());
    $day = $ours->setTimezone($zone)->format('Y-m-d');
    for ($k = 1; $k < count($tr); $k++) {
        if ($tr[$k]['offset'] > $tr[$k - 1]['offset']
            && (new DateTimeImmutable('@' . $tr[$k]['ts']))->setTimezone($zone)->format('Y-m-d') === $day) {
            return true;
        }
    }
    return false;
}

