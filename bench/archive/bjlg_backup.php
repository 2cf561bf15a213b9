<?php
// bjlg's side of the archive bench: one archive of ROOT with Bjlg\Archive\Writer.
// Usage: php -d extension=modules/bjlg.so bjlg_backup.php ROOT OUT LEVEL THREADS
[, $root, $out, $level, $threads] = $argv;
$w = new Bjlg\Archive\Writer($out, ['level' => (int) $level, 'threads' => (int) $threads,
    'default_excludes' => false]);
$w->addDirectory($root, '');
$s = $w->close();
fprintf(STDERR, "bjlg: %d files, %d skipped\n", $s['files'], count($s['skipped']));
