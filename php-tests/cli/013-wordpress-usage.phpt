--TEST--
bjlg --wp: help, a folder without WordPress, a missing command (the plugin on a real site: tests/wordpress/run-e2e.sh)
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/cli.inc.php';
[$code, $out] = bjlg_cli('help', 'wordpress');
echo "exit $code: ", strtok($out, "\n"), "\n";
[$code, $out] = bjlg_cli('--help');
echo str_contains($out, '--wp=DIR COMMAND') ? "listed in the main help\n" : "not listed\n";
bjlg_cli_show('--wp=' . sys_get_temp_dir() . '/no-wordpress-here', 'status');
bjlg_cli_show('--wp', sys_get_temp_dir() . '/no-wordpress-here', 'status');
bjlg_cli_show('--wp=');
?>
--EXPECTF--
exit 0: Usage: bjlg --wp=DIR [--url=URL] COMMAND [arguments] [--format=FORMAT]
listed in the main help
$ bjlg --wp=%s/no-wordpress-here status
[stderr] bjlg: --wp must name a WordPress folder (with wp-load.php), not '%s/no-wordpress-here'
[exit 2]
$ bjlg --wp %s/no-wordpress-here status
[stderr] bjlg: --wp must name a WordPress folder (with wp-load.php), not '%s/no-wordpress-here'
[exit 2]
$ bjlg --wp=
[stderr] bjlg: --wp must name a WordPress folder (with wp-load.php), not ''
[exit 2]
