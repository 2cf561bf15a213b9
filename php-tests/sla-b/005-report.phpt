--TEST--
Bjlg\Sla\Report::render(): HTML with charts, JSON and CSV, verdict first, English and French, names escaped
--EXTENSIONS--
bjlg
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/sla.inc';
$evil = '<img src=x onerror=alert(1)> & "quotes"';
$samples = [];
for ($d = 30; $d >= 0; $d--) {
    $samples[] = ['at' => NOW - $d * DAY, 'used_bytes' => 4e9 + (30 - $d) * 5e7, 'quota_bytes' => 1e10];
}
$purge = Bjlg\Sla\PurgeSla::compute([
    ['destination' => $evil, 'queued_at' => NOW - 2 * DAY, 'finished_at' => NOW - DAY, 'bytes' => 100],
    ['destination' => $evil, 'queued_at' => NOW - 3 * DAY, 'status' => 'pending', 'bytes' => 2e9],
], ['now' => NOW]);
$objectives = Bjlg\Sla\Objectives::evaluate([
    ['kind' => 'verify', 'status' => 'passed', 'finished_at' => NOW - 47 * HOUR, 'created_at' => NOW - 48 * HOUR],
    ['kind' => 'restore-test', 'status' => 'passed', 'finished_at' => NOW - DAY, 'rto_seconds' => 700],
], ['rpo_seconds' => DAY, 'rto_seconds' => 1800], ['now' => NOW]);
$data = [
    'title' => "Report for $evil",
    'forecasts' => [['name' => $evil, 'samples' => $samples, 'forecast' => [
        'model' => 'robust', 'current_used_bytes' => 5.5e9, 'current_ratio' => 0.55, 'growth_bytes_per_day' => 5e7,
        'threshold_bytes' => 8.5e9, 'threshold_at' => NOW + 60 * DAY, 'threshold_at_low' => NOW + 50 * DAY,
        'threshold_at_high' => NOW + 75 * DAY, 'full_at' => NOW + 90 * DAY, 'risk_level' => 'watch']]],
    'purge' => $purge,
    'objectives' => $objectives,
    'backup' => ['archive' => "$evil.zip", 'status' => 'success', 'started_at' => NOW - 3600, 'finished_at' => NOW - 3000,
                 'duration_seconds' => 600, 'size_bytes' => 1536, 'encrypted' => true,
                 'destinations' => [['name' => $evil, 'status' => 'delivered', 'bytes' => 1536]],
                 'verify' => ['status' => 'passed', 'checks' => [['name' => 'zip_structure', 'status' => 'passed', 'message' => $evil]]]],
];

$html = Bjlg\Sla\Report::render($data, 'html', ['now' => NOW]);
var_dump(str_contains($html, $evil), str_contains($html, '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;'));
var_dump(str_contains($html, '<script'), preg_match('~(src|href)="?https?:~', $html));
echo "svg: ", substr_count($html, '<svg '), ", verdict first: ", var_export(strpos($html, 'id="verdict"') < strpos($html, 'id="backup"'), true), "\n";
$doc = new DOMDocument();
var_dump($doc->loadXML($html));  // well-formed XML (XHTML) as well as HTML
preg_match('~<section id="verdict" class="verdict level-(\w+)">~', $html, $m);
echo "level ", $m[1], "\n";
var_dump(str_contains($html, '1.5 KiB'), str_contains($html, '2026-01-01 00:00'));

$fr = Bjlg\Sla\Report::render($data, 'html', ['now' => NOW, 'locale' => 'fr', 'timezone' => 'Europe/Paris']);
var_dump(str_contains($fr, 'lang="fr"'), str_contains($fr, '1,5 Kio'), str_contains($fr, '2026-01-01 01:00'), str_contains($fr, 'Purge distante'));

$json = json_decode(Bjlg\Sla\Report::render($data, 'json', ['now' => NOW]), true);
echo array_key_first($json), " ", $json['verdict']['level'], " ", $json['generated_at'], " ", $json['forecasts'][0]['name'] === $evil ? 'name kept' : 'name changed', "\n";
foreach ($json['verdict']['reasons'] as $r) echo "- {$r['level']}: {$r['message']}\n";

$csv = Bjlg\Sla\Report::render($data, 'csv', ['now' => NOW]);
$rows = array_map('str_getcsv', explode("\n", trim($csv)));
echo implode('|', $rows[0]), "\n", implode('|', $rows[1]), "\n";
$by = [];
foreach ($rows as $row) $by[$row[0] . '/' . $row[2]] = $row[3];
echo $by['purge/backlog.count'], " ", $by['objectives/rpo.now_seconds'], " ", $by['backup/size_bytes'], "\n";

// A post-backup report alone, and an empty report (verdict unknown).
$only = Bjlg\Sla\Report::render(['backup' => $data['backup']], 'html', ['now' => NOW]);
echo substr_count($only, '<svg '), " ", str_contains($only, 'level-ok') ? 'ok' : 'not ok', "\n";
echo json_decode(Bjlg\Sla\Report::render([], 'json', ['now' => NOW]), true)['verdict']['level'], "\n";
echo strlen(Bjlg\Sla\Report::render([])) > 500 ? "default format is html\n" : "?\n";
?>
--EXPECT--
bool(false)
bool(true)
bool(false)
int(0)
svg: 5, verdict first: true
bool(true)
level critical
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
generated_at critical 2026-01-01T00:00:00+00:00 name kept
- watch: <img src=x onerror=alert(1)> & "quotes" reaches its threshold on 2026-03-02 00:00
- warning: archives waiting for purge: 1, the oldest for 3 d
- critical: RPO is 2 d (target 1 d)
section|subject|metric|value
verdict||level|critical
1 172800 1536
0 ok
unknown
default format is html
