--TEST--
bjlg cron next, preview and describe, text and JSON
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
bjlg_cli_show('cron', 'next', '30 2 * * 1-5', '--from=2025-01-15T10:07:30Z');
bjlg_cli_show('cron', 'next', '30 2 * * *', '--tz=Europe/Paris', '--from', '2025-03-29T12:00:00+01:00');
bjlg_cli_show('cron', 'next', '@daily', '--from=2025-01-15T10:07:30Z', '--format=json');
bjlg_cli_show('cron', 'preview', '0 * * * *', '--tz=Europe/Paris', '--from=2025-10-26T01:10:00+02:00', '--count=4');
bjlg_cli_show('cron', 'preview', '*/15 * * * *', '--from=2025-01-15T10:07:30Z', '--count=3', '--format=json');
bjlg_cli_show('cron', 'preview', '0 0 30 2 *', '--from=2025-01-15T10:07:30Z');
bjlg_cli_show('cron', 'describe', '30 2 * * 1-5');
bjlg_cli_show('cron', 'describe', '30 2 * * 1-5', '--locale=fr');
bjlg_cli_show('cron', 'describe', '@weekly', '--format=json', '--locale=fr');
--EXPECT--
$ bjlg cron next '30 2 * * 1-5' --from=2025-01-15T10:07:30Z
2025-01-16T02:30:00+00:00
[exit 0]
$ bjlg cron next '30 2 * * *' --tz=Europe/Paris --from '2025-03-29T12:00:00+01:00'
2025-03-30T03:00:00+02:00
[exit 0]
$ bjlg cron next '@daily' --from=2025-01-15T10:07:30Z --format=json
{
    "expression": "0 0 * * *",
    "timezone": "UTC",
    "next": "2025-01-16T00:00:00+00:00"
}
[exit 0]
$ bjlg cron preview '0 * * * *' --tz=Europe/Paris '--from=2025-10-26T01:10:00+02:00' --count=4
2025-10-26T02:00:00+02:00
2025-10-26T02:00:00+01:00
2025-10-26T03:00:00+01:00
2025-10-26T04:00:00+01:00
[exit 0]
$ bjlg cron preview '*/15 * * * *' --from=2025-01-15T10:07:30Z --count=3 --format=json
{
    "expression": "*/15 * * * *",
    "timezone": "UTC",
    "runs": [
        "2025-01-15T10:15:00+00:00",
        "2025-01-15T10:30:00+00:00",
        "2025-01-15T10:45:00+00:00"
    ]
}
[exit 0]
$ bjlg cron preview '0 0 30 2 *' --from=2025-01-15T10:07:30Z
never
[exit 0]
$ bjlg cron describe '30 2 * * 1-5'
At 02:30, Monday through Friday
[exit 0]
$ bjlg cron describe '30 2 * * 1-5' --locale=fr
À 02:30, du lundi au vendredi
[exit 0]
$ bjlg cron describe '@weekly' --format=json --locale=fr
{
    "expression": "0 0 * * 0",
    "locale": "fr",
    "description": "À 00:00, uniquement le dimanche"
}
[exit 0]
