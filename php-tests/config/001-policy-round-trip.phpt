--TEST--
Bjlg\Config\Policy: a full document read, exported as YAML and as an array, and read back the same; secrets stay references
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Config\Policy;

$yaml = <<<'YAML'
version: 1
schedules:
  - {name: nightly, cron: "0 3 * * *", type: full}
  - {name: hourly-delta, cron: "15 * * * *", type: incremental, enabled: false}
destinations:
  - name: offsite
    type: s3
    bucket: backups
    access_key: {env: BJLG_S3_ACCESS_KEY}
    secret_key: {file: /etc/bjlg/s3.secret}
retention:
  keep_daily: 7
  target_ratio: 0.85
  lead_days: 3
channels:
  ops-mail:
    type: email
    smtp: smtps://mail.example.org:465
    from: backup@example.org
    to: [ops@example.org]
    password: {option: bjlg_smtp_password}
targets: {rpo_hours: 24, rto_minutes: 90}
YAML;

$p = Policy::parse($yaml);
$a = $p->toArray();
echo json_encode($a['schedules']), "\n";
echo json_encode($a['destinations']), "\n";
echo json_encode($a['channels']), "\n";
echo json_encode($a['targets']), "\n";
echo $a['retention']['keep_daily'], ' ', $a['retention']['target_ratio'], ' ', $a['retention']['lead_days'], "\n";

$out = $p->toYaml();
echo $out;
// Round trips: YAML -> Policy -> YAML, array -> Policy -> array.
var_dump(Policy::parse($out)->toYaml() === $out);
var_dump(Policy::fromArray($a)->toArray() === $a);
var_dump(Policy::fromArray($a)->toYaml() === $out);

// A clone is an equal, independent object; var_dump shows the array form.
$c = clone $p;
var_dump($c->toYaml() === $out);
var_dump(Policy::parse('targets: {rpo_hours: 1}'));

// Edited as an array, then exported: the importer's workflow.
$a['schedules'][0]['cron'] = '30 2 * * *';
echo Policy::fromArray($a)->toArray()['schedules'][0]['cron'], "\n";

try {
    serialize($p);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
[{"name":"nightly","cron":"0 3 * * *","type":"full","enabled":true},{"name":"hourly-delta","cron":"15 * * * *","type":"incremental","enabled":false}]
[{"name":"offsite","type":"s3","access_key":{"env":"BJLG_S3_ACCESS_KEY"},"bucket":"backups","secret_key":{"file":"\/etc\/bjlg\/s3.secret"}}]
{"ops-mail":{"type":"email","smtp":"smtps:\/\/mail.example.org:465","from":"backup@example.org","to":["ops@example.org"],"password":{"option":"bjlg_smtp_password"}}}
{"rpo_hours":24,"rto_minutes":90}
7 0.85 3
version: 1
schedules:
  - name: nightly
    cron: 0 3 * * *
    type: full
    enabled: true
  - name: hourly-delta
    cron: 15 * * * *
    type: incremental
    enabled: false
destinations:
  - name: offsite
    type: s3
    access_key: {env: BJLG_S3_ACCESS_KEY}
    bucket: backups
    secret_key: {file: /etc/bjlg/s3.secret}
retention:
  keep_daily: 7
  keep_last: 0
  keep_monthly: 0
  keep_verified: false
  keep_weekly: 0
  keep_yearly: 0
  lead_days: 3.0
  min_keep: 0
  target_ratio: 0.85
channels:
  ops-mail:
    type: email
    smtp: smtps://mail.example.org:465
    from: backup@example.org
    to: [ops@example.org]
    password: {option: bjlg_smtp_password}
targets:
  rpo_hours: 24
  rto_minutes: 90
bool(true)
bool(true)
bool(true)
bool(true)
object(Bjlg\Config\Policy)#3 (2) {
  ["version"]=>
  int(1)
  ["targets"]=>
  array(1) {
    ["rpo_hours"]=>
    int(1)
  }
}
30 2 * * *
Exception: Serialization of 'Bjlg\Config\Policy' is not allowed
