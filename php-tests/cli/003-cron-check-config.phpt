--TEST--
bjlg cron check --config FILE.json: a table, each schedule's runs, description and warnings
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
// bin/bjlg runs in the repository root.
bjlg_cli_show('cron', 'check', '--config', 'docs/examples/schedules.json', '--from=2025-01-15T10:07:30Z');
[$code, $out] = bjlg_cli('cron', 'check', '--config=docs/examples/schedules.json', '--from=2025-01-15T10:07:30Z', '--format=json');
$report = json_decode($out, true);
echo $code, ' ', count($report['schedules']), ' ', $report['errors'], ' ', implode(',', array_column($report['schedules'], 'name')), "\n";
echo implode(',', array_keys($report['schedules'][0])), "\n";
// A file with an invalid and a too frequent schedule: exit 1.
$file = tempnam(sys_get_temp_dir(), 'bjlg');
file_put_contents($file, json_encode([['name' => 'bad', 'expression' => '61 * * * *'], ['name' => 'busy', 'expression' => '* * * * *']]));
[$code, $out, $err] = bjlg_cli('cron', 'check', '--config', $file, '--from=2025-01-15T10:07:30Z');
echo $code, "\n", $out, $err;
foreach (['{', '[]', '[{"expression": 5}]', '[{"expression": "@daily", "when": "now"}]', '[{"expression": "@daily", "timezone": "Mars/Base"}]'] as $bad) {
    file_put_contents($file, $bad);
    [$code, $out, $err] = bjlg_cli('cron', 'check', '--config', $file);
    echo $code, ' ', str_replace($file, 'FILE', strtok($err, "\n")), "\n";
}
unlink($file);
[$code, $out, $err] = bjlg_cli('cron', 'check', '--config', '/nonexistent/schedules.json');
echo $code, ' ', strtok($err, "\n"), "\n";
--EXPECT--
$ bjlg cron check --config docs/examples/schedules.json --from=2025-01-15T10:07:30Z
SCHEDULE      EXPRESSION             ZONE          NEXT RUN                   STATUS
nightly-full  30 2 * * *             Europe/Paris  2025-01-16T02:30:00+01:00  4 warnings
hourly-db     0 * * * *              Europe/Paris  2025-01-15T12:00:00+01:00  5 warnings
weekly-media  0 4 * * sun            Europe/Paris  2025-01-19T04:00:00+01:00  2 warnings
pre-deploy    */10 9-18 * * mon-fri  Europe/Paris  2025-01-15T11:10:00+01:00  1 warning

nightly-full: 30 2 * * *  (Europe/Paris)
  At 02:30
  next: 2025-01-16T02:30:00+01:00, 2025-01-17T02:30:00+01:00, 2025-01-18T02:30:00+01:00
  min interval: 86400 s, runs per day: 1
  warning [dst_moved] On 2025-03-30 the clocks in Europe/Paris jump forward from 02:00 to 03:00: the run at 02:30 happens at 03:00 instead.
  warning [dst_skipped] On 2025-10-26 the clocks in Europe/Paris go back from 03:00 to 02:00: the run at 02:30 happens once, the first time the clock shows it, not again 1 hour later.
  warning [overlap] This schedule overlaps “hourly-db” by 5 minutes: its run at 2025-01-16 02:30 (1 hour 30 minutes) and the run of “hourly-db” at 2025-01-16 03:00 (5 minutes).
  warning [overlap] This schedule overlaps “weekly-media” by 30 minutes: its run at 2025-03-30 03:00 (1 hour 30 minutes) and the run of “weekly-media” at 2025-03-30 04:00 (2 hours).

hourly-db: 0 * * * *  (Europe/Paris)
  Every hour
  next: 2025-01-15T12:00:00+01:00, 2025-01-15T13:00:00+01:00, 2025-01-15T14:00:00+01:00
  min interval: 3600 s, runs per day: 24
  warning [dst_skipped] On 2025-03-30 the clocks in Europe/Paris jump forward from 02:00 to 03:00: the run at 02:00 does not happen.
  warning [dst_repeated] On 2025-10-26 the clocks in Europe/Paris go back from 03:00 to 02:00: the run at 02:00 happens twice, 1 hour apart.
  warning [overlap] This schedule overlaps “nightly-full” by 5 minutes: its run at 2025-01-16 03:00 (5 minutes) and the run of “nightly-full” at 2025-01-16 02:30 (1 hour 30 minutes).
  warning [overlap] This schedule overlaps “weekly-media” by 5 minutes: its run at 2025-01-19 04:00 (5 minutes) and the run of “weekly-media” at 2025-01-19 04:00 (2 hours).
  warning [overlap] This schedule overlaps “pre-deploy” by 2 minutes: its run at 2025-01-15 12:00 (5 minutes) and the run of “pre-deploy” at 2025-01-15 12:00 (2 minutes).

weekly-media: 0 4 * * sun  (Europe/Paris)
  At 04:00, only on Sunday
  next: 2025-01-19T04:00:00+01:00, 2025-01-26T04:00:00+01:00, 2025-02-02T04:00:00+01:00
  min interval: 604800 s, runs per day: 0.143
  warning [overlap] This schedule overlaps “nightly-full” by 30 minutes: its run at 2025-03-30 04:00 (2 hours) and the run of “nightly-full” at 2025-03-30 03:00 (1 hour 30 minutes).
  warning [overlap] This schedule overlaps “hourly-db” by 5 minutes: its run at 2025-01-19 04:00 (2 hours) and the run of “hourly-db” at 2025-01-19 04:00 (5 minutes).

pre-deploy: */10 9-18 * * mon-fri  (Europe/Paris)
  Every 10 minutes from 09:00 through 18:50, Monday through Friday
  next: 2025-01-15T11:10:00+01:00, 2025-01-15T11:20:00+01:00, 2025-01-15T11:30:00+01:00
  min interval: 600 s, runs per day: 42.857
  warning [overlap] This schedule overlaps “hourly-db” by 2 minutes: its run at 2025-01-15 12:00 (2 minutes) and the run of “hourly-db” at 2025-01-15 12:00 (5 minutes).
[exit 0]
0 4 0 nightly-full,hourly-db,weekly-media,pre-deploy
name,expression,timezone,duration,valid,normalized,description,next_runs,warnings,min_interval,runs_per_day,errors
1
SCHEDULE  EXPRESSION  ZONE  NEXT RUN                   STATUS
bad       61 * * * *  UTC   -                          1 error
busy      * * * * *   UTC   2025-01-15T10:08:00+00:00  1 error

bad: 61 * * * *  (UTC)
  error [syntax] minute field, position 0: value 61 is out of range 0-59 (try: 0-59)

busy: * * * * *  (UTC)
  Every minute
  next: 2025-01-15T10:08:00+00:00, 2025-01-15T10:09:00+00:00, 2025-01-15T10:10:00+00:00
  min interval: 60 s, runs per day: 1440
  error [too_frequent] Runs can be as little as 1 minute apart (2025-01-15 10:08 and 2025-01-15 10:09); choose an interval of at least 5 minutes (e.g. “*/5 * * * *”).
2 bjlg: --config: 'FILE' is not valid JSON: Syntax error
2 bjlg: --config: 'FILE' must hold a non-empty list of schedules
2 bjlg: --config: schedule #1 needs an "expression" string
2 bjlg: --config: schedule #1 has an unknown key 'when' (known: name, expression, duration, timezone)
2 bjlg: --config: schedule #1: unknown time zone 'Mars/Base'
2 bjlg: --config: cannot read config file /nonexistent/schedules.json
