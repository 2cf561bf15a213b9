--TEST--
describe(): English and French descriptions, locale validation
--EXTENSIONS--
bjlg
--INI--
date.timezone=UTC
--FILE--
<?php
use Bjlg\Cron\Expression;

foreach (['30 2 * * 1-5', '*/5 * * * *', '0 * * * *', '@daily', '0 4 * * sun', '15 4 1 * *', '0 0 L * *',
          '0 0 * * 5#3', '0,30 9-17 * * mon-fri', '0 0 1 1 *', '0 0 13 * 5'] as $text) {
    $e = Expression::parse($text);
    printf("%s\n  en: %s\n  fr: %s\n", $text, $e->describe(), $e->describe('fr'));
}
$e = Expression::parse('30 2 * * 1-5');
echo $e->describe('en_US'), ' | ', $e->describe('fr_FR'), ' | ', $e->describe('fr-CA'), "\n";
foreach (['de', '', 'english', "fr\0", 'xx_FR'] as $bad) {
    try { $e->describe($bad); echo "accepted ", json_encode($bad), "\n"; } catch (ValueError $x) { echo get_class($x), ': ', $x->getMessage(), "\n"; }
}
--EXPECT--
30 2 * * 1-5
  en: At 02:30, Monday through Friday
  fr: À 02:30, du lundi au vendredi
*/5 * * * *
  en: Every 5 minutes
  fr: Toutes les 5 minutes
0 * * * *
  en: Every hour
  fr: Toutes les heures
@daily
  en: At 00:00
  fr: À 00:00
0 4 * * sun
  en: At 04:00, only on Sunday
  fr: À 04:00, uniquement le dimanche
15 4 1 * *
  en: At 04:15, on day 1 of the month
  fr: À 04:15, le 1er du mois
0 0 L * *
  en: At 00:00, on the last day of the month
  fr: À 00:00, le dernier jour du mois
0 0 * * 5#3
  en: At 00:00, on the third Friday of the month
  fr: À 00:00, le troisième vendredi du mois
0,30 9-17 * * mon-fri
  en: At minutes 0 and 30 of the hour, between 09:00 and 17:59, Monday through Friday
  fr: Aux minutes 0 et 30, entre 09:00 et 17:59, du lundi au vendredi
0 0 1 1 *
  en: At 00:00, on day 1 of the month, only in January
  fr: À 00:00, le 1er du mois, uniquement en janvier
0 0 13 * 5
  en: At 00:00, on day 13 of the month or on Friday
  fr: À 00:00, le 13 du mois ou le vendredi
At 02:30, Monday through Friday | À 02:30, du lundi au vendredi | À 02:30, du lundi au vendredi
ValueError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be a supported locale ("en" or "fr", or a regional variant such as "fr_FR"), "de" given
ValueError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be a supported locale ("en" or "fr", or a regional variant such as "fr_FR"), "" given
ValueError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be a supported locale ("en" or "fr", or a regional variant such as "fr_FR"), "english" given
ValueError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be a supported locale ("en" or "fr", or a regional variant such as "fr_FR"), "fr" given
ValueError: Bjlg\Cron\Expression::describe(): Argument #1 ($locale) must be a supported locale ("en" or "fr", or a regional variant such as "fr_FR"), "xx_FR" given
