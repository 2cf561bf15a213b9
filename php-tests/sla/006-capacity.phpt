--TEST--
Bjlg\Sla\Capacity::plan: first to saturate, ranked recommendations with numbers and messages in English and French, bad input
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Sla\Capacity;

const T0 = 1767225600;
const GIB = 1073741824;
function daily(int $days, callable $used, ?int $quota): array
{
    $s = [];
    for ($d = 0; $d < $days; $d++) {
        $s[] = ['at' => T0 + $d * 86400, 'used_bytes' => $used($d), 'quota_bytes' => $quota];
    }
    return $s;
}
$archives = [];
for ($i = 0; $i < 10; $i++) {
    $archives[] = $i % 2 ? ["site-$i.zip", 3 * GIB, T0 + $i * 3 * 86400]
        : ['name' => "site-$i.zip", 'size' => 3 * GIB, 'created_at' => new DateTimeImmutable('@' . (T0 + $i * 3 * 86400))];
}
$plan = Capacity::plan([
    ['name' => 'offsite', 'samples' => daily(60, fn ($d) => (10 + $d) * GIB, 100 * GIB), 'archives' => $archives,
     'max_backups' => 10, 'incremental' => false],
    ['name' => 'nas', 'samples' => daily(60, fn ($d) => 5 * GIB, null), 'quota_bytes' => 500 * GIB],
], ['now' => T0 + 59 * 86400, 'target_days' => 180]);
echo $plan['first_to_saturate'], ' ', gmdate('Y-m-d', $plan['first_threshold_at']), ' ', implode(',', array_keys($plan['destinations'])), "\n";
echo $plan['destinations']['nas']['risk_level'], ' ', $plan['destinations']['nas']['quota_bytes'], "\n";
foreach ($plan['recommendations'] as $r) {
    printf("%d %s %s %.1f GiB %s days\n  en: %s\n  fr: %s\n", $r['rank'], $r['code'], $r['destination'], $r['bytes'] / GIB,
        var_export($r['days_gained'], true), $r['message']['en'], $r['message']['fr']);
}
$purge = array_values(array_filter($plan['recommendations'], fn ($r) => $r['code'] === 'purge_archives'))[0];
echo implode(',', $purge['archives']), "\n";

// Edge cases: nothing, and a destination without samples.
echo json_encode(Capacity::plan([])), "\n";
$none = Capacity::plan([['name' => 'new', 'samples' => []]]);
echo $none['destinations']['new']['risk_level'], ' ', count($none['recommendations']), "\n";

// Bad input.
foreach ([
    [['samples' => []]],
    ['x'],
    [['name' => 'a']],
    [['name' => 'a', 'samples' => [['at' => 1, 'used_bytes' => 'x']]]],
    [['name' => 'a', 'samples' => [], 'quota_bytes' => 0]],
    [['name' => 'a', 'samples' => [], 'archives' => 'x']],
    [['name' => 'a', 'samples' => [], 'archives' => [['x.zip', -1, 0]]]],
    [['name' => 'a', 'samples' => [], 'archives' => [['x.zip', 1, 'yesterday']]]],
    [['name' => 'a', 'samples' => [], 'max_backups' => 0]],
    [['name' => 'a', 'samples' => [], 'incremental' => 'no']],
    [['name' => 'a', 'samples' => []], ['name' => 'a', 'samples' => []]],
] as $destinations) {
    try {
        Capacity::plan($destinations);
        echo "accepted\n";
    } catch (Bjlg\Sla\InvalidInputException $e) {
        echo $e->getMessage(), "\n";
    }
}
foreach ([['target_days' => 0], ['incremental_ratio' => 1.0], ['quota_bytes' => 5], ['target_days' => 'x'], ['horizon' => 1]] as $options) {
    try {
        Capacity::plan([], $options);
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
offsite 2026-03-17 nas,offsite
ok 536870912000
1 raise_quota offsite 192.9 GiB 164.0 days
  en: Raise the quota of offsite to 292.9 GiB (+192.9 GiB) to stay under 85% for 180 days.
  fr: Porter le quota de offsite à 292,9 Gio (+192,9 Gio) pour rester sous 85 % pendant 180 jours.
2 move_to_destination offsite 69.0 GiB 69.0 days
  en: Move 69.0 GiB of backups from offsite to nas, which has room for 180 days: delays saturation by 69 days.
  fr: Déplacer 69,0 Gio de sauvegardes de offsite vers nas, qui a de la place pour 180 jours : repousse la saturation de 69 jours.
3 purge_archives offsite 27.0 GiB 27.0 days
  en: Delete the 9 oldest archives of offsite: frees 27.0 GiB and delays saturation by 27 days.
  fr: Supprimer les 9 archives les plus anciennes de offsite : libère 27,0 Gio et repousse la saturation de 27 jours.
4 shorten_retention offsite 27.0 GiB 27.0 days
  en: Keep 1 backup instead of 10 on offsite: frees about 27.0 GiB and delays saturation by 27 days.
  fr: Conserver 1 sauvegarde au lieu de 10 sur offsite : libère environ 27,0 Gio et repousse la saturation de 27 jours.
5 switch_to_incremental offsite 21.6 GiB 21.6 days
  en: Switch offsite to incremental backups: the full backups kept would shrink by about 21.6 GiB, delaying saturation by 22 days.
  fr: Passer offsite en sauvegardes incrémentales : les sauvegardes complètes conservées diminueraient d'environ 21,6 Gio, ce qui repousse la saturation de 22 jours.
site-0.zip,site-1.zip,site-2.zip,site-3.zip,site-4.zip,site-5.zip,site-6.zip,site-7.zip,site-8.zip
{"destinations":[],"first_threshold_at":null,"first_to_saturate":null,"recommendations":[]}
unknown 0
destination 0: field "name" must be a non-empty string
destination 0 must be an array, string given
destination 0 ("a"): field "samples" must be an array of samples
destination "a" sample 0: field "used_bytes" must be an int or float >= 0, string given
destination 0 ("a"): field "quota_bytes" must be null or an int > 0
destination 0 ("a"): field "archives" must be a list, string given
destination 0 ("a"): field "archives" archive 0: size must be an int >= 0
destination 0 ("a"): field "archives" archive 0: created_at must be an int (Unix seconds) or a DateTimeInterface
destination 0 ("a"): field "max_backups" must be null or an int >= 1
destination 0 ("a"): field "incremental" must be null or a bool
destination 1: name "a" is used twice
Bjlg\OptionError: Bjlg\Sla\Capacity::plan(): Argument #2 ($options) option "target_days" must be between 1 and 36500
Bjlg\OptionError: Bjlg\Sla\Capacity::plan(): Argument #2 ($options) option "incremental_ratio" must be greater than 0 and less than 1
Bjlg\OptionError: Bjlg\Sla\Capacity::plan(): Argument #2 ($options) option "quota_bytes" is per destination here: give each destination its quota_bytes
TypeError: Bjlg\Sla\Capacity::plan(): Argument #2 ($options) option "target_days" must be of type int, string given
Bjlg\OptionError: Bjlg\Sla\Capacity::plan(): Argument #2 ($options) contains an unknown option "horizon"
