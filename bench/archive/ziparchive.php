<?php
// PHP ZipArchive, the way the plugin uses it: addFile() for each file, all work at close().
// Usage: php ziparchive.php ROOT LIST OUT LEVEL   (LEVEL "default" leaves libzip's default, 9)
[, $root, $list, $out, $level] = $argv;
$zip = new ZipArchive();
if ($zip->open($out, ZipArchive::CREATE | ZipArchive::OVERWRITE) !== true) exit(1);
$i = 0;
foreach (file($list, FILE_IGNORE_NEW_LINES) as $rel) {
    $zip->addFile("$root/$rel", $rel);
    if ($level !== 'default') $zip->setCompressionIndex($i, ZipArchive::CM_DEFLATE, (int) $level);
    $i++;
}
if (!$zip->close()) exit(1);
