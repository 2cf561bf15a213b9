--TEST--
bjlg.cron_min_interval accepts non-negative integers and refuses negative ones
--EXTENSIONS--
bjlg
--INI--
bjlg.cron_min_interval=600
--FILE--
<?php
var_dump(ini_get('bjlg.cron_min_interval'));
var_dump(ini_set('bjlg.cron_min_interval', '-1'));
var_dump(ini_get('bjlg.cron_min_interval'));
var_dump(ini_set('bjlg.cron_min_interval', '0'));
var_dump(ini_get('bjlg.cron_min_interval'));
?>
--EXPECT--
string(3) "600"
bool(false)
string(3) "600"
string(3) "600"
string(1) "0"
