<?php
// Generates a small WordPress-like site for `make run` to back up (about 40 MB, deterministic):
//   DIR/wp-content/plugins|themes/...  PHP, JS and CSS text
//   DIR/wp-content/uploads/YYYY/MM/    incompressible "photos" (random bytes named .jpg)
//   DIR/database.sql                   a SQL dump of a few MB in the plugin's line format
// Usage: php scripts/sample-site.php DIR    (does nothing when DIR/.complete exists)
declare(strict_types=1);

$dir = $argv[1] ?? '';
if ($dir === '') { fwrite(STDERR, "usage: php scripts/sample-site.php DIR\n"); exit(2); }
if (is_file("$dir/.complete")) exit(0);
mt_srand(20261124);

$words = ['function', 'return', '$value', '$post', 'array(', ');', 'if (', ') {', '}', 'foreach',
    'as', '=>', 'get_option(', 'add_action(', "'init'", 'esc_html(', 'wp_enqueue_script(', 'null',
    'true', 'false', '$args', 'apply_filters(', '__(', "'backup-jlg'", 'static', 'public', 'class'];
$text = function (int $bytes) use ($words): string {
    $out = '';
    while (strlen($out) < $bytes) {
        $line = str_repeat('    ', mt_rand(0, 3));
        for ($i = mt_rand(3, 12); $i > 0; $i--) $line .= $words[mt_rand(0, count($words) - 1)] . ' ';
        $out .= rtrim($line) . "\n";
    }
    return substr($out, 0, $bytes);
};
$put = function (string $path, string $data): void {
    if (!is_dir(dirname($path))) mkdir(dirname($path), 0755, true);
    file_put_contents($path, $data);
};

foreach (['akismet', 'backup-jlg', 'contact-form', 'seo-tools', 'woo-lite'] as $p) {
    for ($i = 0; $i < 60; $i++) {
        $ext = ['php', 'php', 'php', 'js', 'css'][$i % 5];
        $put("$dir/wp-content/plugins/$p/" . ($i < 20 ? '' : 'includes/') . "file-$i.$ext", "<?php\n" . $text(mt_rand(500, 40000)));
    }
}
foreach (['twentytwentyfour', 'child'] as $t) {
    for ($i = 0; $i < 40; $i++) $put("$dir/wp-content/themes/$t/part-$i." . ($i % 2 ? 'css' : 'php'), $text(mt_rand(500, 30000)));
}
for ($i = 0; $i < 40; $i++) {
    $put(sprintf("$dir/wp-content/uploads/2024/%02d/photo-%d.jpg", $i % 12 + 1, $i), random_bytes(mt_rand(200000, 900000)));
}
$sql = "-- Backup JLG Database Export\n-- Version: sample\n\nSET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\n\n";
$sql .= "\n-- Table: wp_posts\nDROP TABLE IF EXISTS `wp_posts`;\nCREATE TABLE `wp_posts` (`ID` bigint unsigned NOT NULL, `post_content` longtext, PRIMARY KEY (`ID`));\n\n";
for ($batch = 0; $batch < 40; $batch++) {
    $rows = [];
    for ($r = 0; $r < 100; $r++) $rows[] = sprintf("('%d', '%s')", $batch * 100 + $r, addslashes(str_replace("\n", '\n', $text(800))));
    $sql .= "INSERT INTO `wp_posts` (`ID`, `post_content`) VALUES\n" . implode(",\n", $rows) . ";\n\n";
}
$sql .= "\nSET FOREIGN_KEY_CHECKS=1;\n";
$put("$dir/database.sql", $sql);
touch("$dir/.complete");
