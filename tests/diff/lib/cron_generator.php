<?php
// The seeded generator of tests/diff/cron_dragonmantank.php: expressions in the dialect both
// libraries accept, with a small share of the syntax the exclusions are about, and start
// instants across 2000-2037, a third of them within two days of a change of offset in the zone.

declare(strict_types=1);

function pick(array $a)
{
    return $a[mt_rand(0, count($a) - 1)];
}

function chance(int $percent): bool
{
    return mt_rand(1, 100) <= $percent;
}

function gen_step(int $span, int $fieldMax): int
{
    if (chance(3)) {
        return mt_rand($fieldMax, $fieldMax + 40);         // beyond the field: 'step-beyond-field'
    }
    return mt_rand(2, max(2, min($span, 20)));
}

// One item within [lo, hi]: a value, a range, a stepped range, or (`$star`) `*/s`.
function gen_item(int $lo, int $hi, int $fieldMax, array $names, bool $star): string
{
    $useName = $names !== [] && chance(30);
    $name = fn (int $v) => $useName ? (chance(50) ? $names[$v] : strtolower($names[$v])) : (string) $v;
    $k = mt_rand(1, 100);
    if ($k <= 45 || $lo === $hi) {
        return $name(mt_rand($lo, $hi));
    }
    if ($k <= 70) {
        $a = mt_rand($lo, $hi - 1);
        return $name($a) . '-' . $name(mt_rand($a + 1, $hi));
    }
    if ($k <= 85 && $star) {
        return '*/' . gen_step($hi - $lo, $fieldMax);
    }
    $a = mt_rand($lo, $hi - 1);
    $b = mt_rand($a + 1, $hi);
    $text = ($useName && chance(20)) ? $name($a) . '-' . $name($b) : "$a-$b";  // names + step: rare
    return $text . '/' . gen_step($b - $a, $fieldMax);
}

// A list of 1-3 items over disjoint, ascending parts of the field (as people write lists);
// now and then in another order, for 'unsorted-minute-hour-list'.
function gen_list(int $lo, int $hi, array $names = []): string
{
    $n = chance(65) ? 1 : mt_rand(2, 3);
    $cuts = [$lo];
    for ($i = 1; $i < $n; $i++) {
        $cuts[] = mt_rand($lo + 1, $hi);
    }
    sort($cuts);
    $cuts = array_values(array_unique($cuts));
    $list = [];
    foreach ($cuts as $i => $start) {
        $end = isset($cuts[$i + 1]) ? $cuts[$i + 1] - 1 : $hi;
        $list[] = gen_item($start, $end, $hi, $names, count($cuts) === 1);
    }
    if (count($list) > 1 && chance(8)) {
        shuffle($list);
    }
    return implode(',', $list);
}

function gen_minute(): string
{
    return chance(8) ? '*' : gen_list(0, 59);
}

function gen_hour(): string
{
    return chance(25) ? '*' : gen_list(0, 23);
}

function gen_dom(): string
{
    $k = mt_rand(1, 100);
    return match (true) {
        $k <= 50 => '*',
        $k <= 54 => '?',
        $k <= 58 => 'L',
        $k <= 63 => mt_rand(1, 28) . 'W',
        $k <= 64 => mt_rand(29, 31) . 'W',
        $k <= 65 => 'LW',
        $k <= 66 => mt_rand(1, 28) . ',L',
        default => gen_list(1, 31),
    };
}

function gen_month(): string
{
    return chance(55) ? '*' : gen_list(1, 12, array_merge([''], MONTH_NAMES));
}

function gen_dow(): string
{
    $k = mt_rand(1, 100);
    if ($k <= 50) {
        return '*';
    }
    if ($k <= 53) {
        return '?';
    }
    if ($k <= 60) {
        return mt_rand(0, 7) . 'L';
    }
    if ($k <= 68) {
        return mt_rand(0, 7) . '#' . mt_rand(1, 5);
    }
    if ($k <= 70) {
        return mt_rand(1, 5) . '#' . mt_rand(1, 4) . ',' . mt_rand(0, 6) . 'L';
    }
    // Sunday is 0 here; 7 only as a value or a range end (`5-7`), as both sides read it alike.
    $list = gen_list(0, 6, DOW_NAMES);
    if (chance(10)) {
        $list = chance(50) ? '7' : mt_rand(1, 6) . '-7';
    }
    return $list;
}

function gen_expression(): string
{
    if (chance(2)) {
        return pick(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
    }
    return implode(' ', [gen_minute(), gen_hour(), gen_dom(), gen_month(), gen_dow()]);
}

// Starts: uniform over 2000-2037, or within two days of a change of offset in the zone.
function gen_from(string $zone): DateTimeImmutable
{
    $tz = new DateTimeZone($zone);
    $t = mt_rand(946684800, 2145916800);
    if (chance(35)) {
        $tr = $tz->getTransitions($t, $t + 400 * 86400);
        if (count($tr) > 1) {
            $t = $tr[1]['ts'] + mt_rand(-2 * 86400, 2 * 86400);
        }
    }
    if (chance(50)) {
        $t -= $t % 60;                                      // whole minutes half of the time
    }
    return (new DateTimeImmutable('@' . $t))->setTimezone($tz);
}

