--TEST--
bjlg cron check EXPR: warnings, exit 1 on errors, --min-interval, --locale, JSON
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
bjlg_cli_show('cron', 'check', '0 3 * * *', '--from=2025-01-15T10:07:30Z');
bjlg_cli_show('cron', 'check', '*/2 * * * *', '--from=2025-01-15T10:07:30Z');
bjlg_cli_show('cron', 'check', '*/2 * * * *', '--from=2025-01-15T10:07:30Z', '--min-interval=60');
bjlg_cli_show('cron', 'check', '0 0 30 2 *', '--from=2025-01-15T10:07:30Z', '--locale=fr');
bjlg_cli_show('cron', 'check', '30 2 * * *', '--tz=Europe/Paris', '--from=2025-01-15T10:07:30Z', '--format=json');
--EXPECT--
$ bjlg cron check '0 3 * * *' --from=2025-01-15T10:07:30Z
0 3 * * *  (UTC)
  At 03:00
  next: 2025-01-16T03:00:00+00:00, 2025-01-17T03:00:00+00:00, 2025-01-18T03:00:00+00:00
  min interval: 86400 s, runs per day: 1
  no warnings
[exit 0]
$ bjlg cron check '*/2 * * * *' --from=2025-01-15T10:07:30Z
*/2 * * * *  (UTC)
  Every 2 minutes
  next: 2025-01-15T10:08:00+00:00, 2025-01-15T10:10:00+00:00, 2025-01-15T10:12:00+00:00
  min interval: 120 s, runs per day: 720
  error [too_frequent] Runs can be as little as 2 minutes apart (2025-01-15 10:08 and 2025-01-15 10:10); choose an interval of at least 5 minutes (e.g. “*/5 * * * *”).
[exit 1]
$ bjlg cron check '*/2 * * * *' --from=2025-01-15T10:07:30Z --min-interval=60
*/2 * * * *  (UTC)
  Every 2 minutes
  next: 2025-01-15T10:08:00+00:00, 2025-01-15T10:10:00+00:00, 2025-01-15T10:12:00+00:00
  min interval: 120 s, runs per day: 720
  no warnings
[exit 0]
$ bjlg cron check '0 0 30 2 *' --from=2025-01-15T10:07:30Z --locale=fr
0 0 30 2 *  (UTC)
  À 00:00, le 30 du mois, uniquement en février
  next: never
  error [never_fires] Cette expression ne se déclenche jamais : aucune date ne correspond à la fois à ses champs jour du mois (30) et mois (2).
[exit 1]
$ bjlg cron check '30 2 * * *' --tz=Europe/Paris --from=2025-01-15T10:07:30Z --format=json
{
    "name": null,
    "expression": "30 2 * * *",
    "timezone": "Europe/Paris",
    "duration": 0,
    "valid": true,
    "normalized": "30 2 * * *",
    "description": "At 02:30",
    "next_runs": [
        "2025-01-16T02:30:00+01:00",
        "2025-01-17T02:30:00+01:00",
        "2025-01-18T02:30:00+01:00"
    ],
    "warnings": [
        {
            "code": "dst_moved",
            "severity": "warning",
            "message": "On 2025-03-30 the clocks in Europe/Paris jump forward from 02:00 to 03:00: the run at 02:30 happens at 03:00 instead.",
            "evidence": {
                "count": 1,
                "effect": "moved_to_gap_end",
                "offset_after": 7200,
                "offset_before": 3600,
                "runs_at": [
                    "2025-03-30T03:00:00+02:00"
                ],
                "transition": "2025-03-30T03:00:00+02:00",
                "wall_clock_from": "2025-03-30T02:00:00",
                "wall_clock_to": "2025-03-30T03:00:00",
                "wall_times": [
                    "2025-03-30T02:30:00"
                ]
            }
        },
        {
            "code": "dst_skipped",
            "severity": "warning",
            "message": "On 2025-10-26 the clocks in Europe/Paris go back from 03:00 to 02:00: the run at 02:30 happens once, the first time the clock shows it, not again 1 hour later.",
            "evidence": {
                "count": 1,
                "effect": "first_occurrence_only",
                "offset_after": 3600,
                "offset_before": 7200,
                "runs_at": [
                    "2025-10-26T02:30:00+02:00"
                ],
                "transition": "2025-10-26T02:00:00+01:00",
                "wall_clock_from": "2025-10-26T02:00:00",
                "wall_clock_to": "2025-10-26T03:00:00",
                "wall_times": [
                    "2025-10-26T02:30:00"
                ]
            }
        }
    ],
    "min_interval": 86400,
    "runs_per_day": 1.0,
    "errors": 0
}
[exit 0]
