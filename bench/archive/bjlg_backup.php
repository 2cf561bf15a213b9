<?php
// bjlg's side of the archive bench: one archive of ROOT with Bjlg\Archive\Writer.
// Usage: php -d extension=modules/bjlg.so bjlg_backup.php ROOT OUT LEVEL THREADS [STAGES]
// STAGES: a file that receives close()'s duration and per-stage times as JSON.
[, $root, $out, $level, $threads] = $argv;
$stages_file = $argv[5] ?? null;
$w = new Bjlg\Archive\Writer($out, ['level' => (int) $level, 'threads' => (int) $threads,
    'default_excludes' => false]);
$w->addDirectory($root, '');
$s = $w->close();
fprintf(STDERR, "bjlg: %d files, %d skipped\n", $s['files'], count($s['skipped']));
if ($stages_file !== null) {
    file_put_contents($stages_file, json_encode(['duration' => $s['duration']] + $s['stages']));
}
