<?php
// A brute-force model of our runs, written from docs/cron.md §1-2 and src/cron/schedule.h, not
// from the engine: every minute instant of a window, the fields tested on the wall clock, and
// the DST policy applied literally:
//  - periodic hour field (`*`, any item with a step, or all 24 hours): every real matching minute;
//  - fixed time: a wall time repeated by a fold runs at its first occurrence only; a fold's
//    second pass is [T, T + shift) for a backward change at T;
//  - fixed time: when some wall minute of a spring gap [T + old offset, T + new offset) matches,
//    one run at T.
// Slow (about 1 ms per day of window); the differential uses it where dragonmantank cannot vouch
// for us: around DST changes.

declare(strict_types=1);

final class CronPolicyModel
{
    private array $fields;        // five lists of items
    private array $minutes;
    private array $hours;
    private array $months;
    private bool $domAny;
    private bool $dowAny;
    private bool $periodic;
    private DateTimeZone $zone;
    private array $transitions = [];

    public function __construct(string $normalized, string $zone)
    {
        $f = preg_split('/\s+/', trim($normalized));
        $this->fields = array_map(fn ($x) => explode(',', $x), $f);
        $this->minutes = array_flip($this->plain(0, 0, 59));
        $this->hours = array_flip($this->plain(1, 0, 23));
        $this->months = array_flip($this->plain(3, 1, 12, array_merge([''], MONTH_NAMES)));
        $this->domAny = in_array($f[2], ['*', '?'], true);
        $this->dowAny = in_array($f[4], ['*', '?'], true);
        $this->periodic = count($this->hours) === 24;
        foreach ($this->fields[1] as $it) {
            if ($it === '*' || str_contains($it, '/')) {
                $this->periodic = true;
            }
        }
        $this->zone = new DateTimeZone($zone);
    }

    private function plain(int $field, int $lo, int $hi, array $names = []): array
    {
        $out = [];
        foreach ($this->fields[$field] as $it) {
            $out = array_merge($out, plain_values($it === '?' ? '*' : $it, $lo, $hi, $names) ?? []);
        }
        return $out;
    }

    // Runs in [$a, $b] (Unix seconds), ascending.
    public function runs(int $a, int $b): array
    {
        $this->transitions = $this->zone->getTransitions($a - 3 * 86400, $b + 3 * 86400) ?: [];
        $runs = [];
        for ($t = intdiv($a + 59, 60) * 60; $t <= $b; $t += 60) {
            [$offset, $foldSecondPass] = $this->offsetAt($t);
            if ($this->matches($t + $offset) && ($this->periodic || !$foldSecondPass)) {
                $runs[$t] = true;
            }
        }
        if (!$this->periodic) {
            for ($k = 1; $k < count($this->transitions); $k++) {
                [$old, $new, $ts] = [$this->transitions[$k - 1]['offset'], $this->transitions[$k]['offset'],
                    $this->transitions[$k]['ts']];
                if ($new > $old && $ts >= $a && $ts <= $b) {
                    for ($w = $ts + $old; $w < $ts + $new; $w += 60) {
                        if ($this->matches($w)) {
                            $runs[$ts] = true;
                            break;
                        }
                    }
                }
            }
        }
        ksort($runs);
        return array_keys($runs);
    }

    // [offset at $t, whether $t is in the second pass of a fold]
    private function offsetAt(int $t): array
    {
        $offset = $this->transitions[0]['offset'] ?? $this->zone->getOffset(new DateTimeImmutable('@' . $t));
        $second = false;
        for ($k = 1; $k < count($this->transitions) && $this->transitions[$k]['ts'] <= $t; $k++) {
            $offset = $this->transitions[$k]['offset'];
            $shift = $this->transitions[$k - 1]['offset'] - $offset;
            $second = $shift > 0 && $t < $this->transitions[$k]['ts'] + $shift;
        }
        return [$offset, $second];
    }

    // Whether the wall-clock minute $w (seconds since the epoch, on the wall) matches the fields.
    public function matches(int $w): bool
    {
        $i = intdiv($w, 60) % 60;
        $h = intdiv($w, 3600) % 24;
        if (!isset($this->minutes[$i], $this->hours[$h])) {
            return false;
        }
        $day = intdiv($w, 86400);
        return $this->days[$day] ??= $this->matchesDay($day * 86400);
    }

    private array $days = [];  // wall day number => whether the day and month match

    private function matchesDay(int $w): bool
    {
        [$y, $m, $d, $dow, $dim] = array_map('intval', explode(' ', gmdate('Y n j w t', $w)));
        if (!isset($this->months[$m])) {
            return false;
        }
        if ($this->domAny && $this->dowAny) {
            return true;
        }
        $dom = !$this->domAny && $this->dayOfMonth($y, $m, $d, $dim);
        $dowMatch = !$this->dowAny && $this->dayOfWeek($d, $dow, $dim);
        return $dom || $dowMatch;
    }

    private function dayOfMonth(int $y, int $m, int $d, int $dim): bool
    {
        $weekday = fn (int $day) => (int) gmdate('w', gmmktime(0, 0, 0, $m, $day, $y));
        foreach ($this->fields[2] as $it) {
            $it = strtoupper($it);
            if ($it === 'L') {
                $hit = $d === $dim;
            } elseif ($it === 'LW') {
                $last = $dim;
                while (in_array($weekday($last), [0, 6], true)) {
                    $last--;
                }
                $hit = $d === $last;
            } elseif (preg_match('/^(\d+)W$/', $it, $mm)) {
                $n = (int) $mm[1];
                if ($n > $dim) {
                    continue;
                }
                $target = match ($weekday($n)) {
                    6 => $n === 1 ? 3 : $n - 1,
                    0 => $n === $dim ? $n - 2 : $n + 1,
                    default => $n,
                };
                $hit = $d === $target;
            } else {
                $hit = in_array($d, plain_values($it, 1, 31) ?? [], true);
            }
            if ($hit) {
                return true;
            }
        }
        return false;
    }

    private function dayOfWeek(int $d, int $dow, int $dim): bool
    {
        foreach ($this->fields[4] as $it) {
            $it = strtoupper($it);
            if (preg_match('/^(\w+?)L$/', $it, $mm)) {
                $hit = $this->weekday($mm[1]) === $dow && $d + 7 > $dim;
            } elseif (preg_match('/^(\w+)#(\d)$/', $it, $mm)) {
                $hit = $this->weekday($mm[1]) === $dow && intdiv($d - 1, 7) + 1 === (int) $mm[2];
            } else {
                $hit = in_array($dow, array_map(fn ($v) => $v % 7, plain_values($it, 0, 7, DOW_NAMES) ?? []), true);
            }
            if ($hit) {
                return true;
            }
        }
        return false;
    }

    private function weekday(string $v): int
    {
        $i = array_search($v, DOW_NAMES, true);
        return ($i === false ? (int) $v : $i) % 7;
    }
}

// Checks our answer to a probe against the model, within eight days of the start. Returns null
// when they agree, 'beyond' when our answer reaches past the window, else the model's answer.
function check_against_model(Probe $p, array $o): ?array
{
    try {
        $normalized = (string) \Bjlg\Cron\Expression::parse($p->expr);
    } catch (\Throwable $t) {
        return null;  // refused: nothing to model
    }
    $model = new CronPolicyModel($normalized, $p->zone);
    $from = $p->from->getTimestamp();
    $window = 8 * 86400;
    $zone = new DateTimeZone($p->zone);
    $fmt = fn (int $t) => fmt((new DateTimeImmutable('@' . $t))->setTimezone($zone));
    if ($p->op === 'previous') {
        $runs = array_reverse($model->runs($from - $window, $from));
        $runs = array_values(array_filter($runs, fn ($t) => $p->inclusive ? $t <= $from : $t < $from));
        $want = 1;
    } else {
        $runs = $model->runs($from, $from + $window);
        $runs = array_values(array_filter($runs, fn ($t) => $p->inclusive ? $t >= $from : $t > $from));
        $want = $p->op === 'runs' ? RUNS : 1;
    }
    if (count($runs) < $want) {
        return ['beyond'];
    }
    $expected = array_map($fmt, array_slice($runs, 0, $want));
    return $expected === $o ? null : $expected;
}
