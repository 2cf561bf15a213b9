--TEST--
Hardening, YAML aliases: a self-referencing alias and a "billion laughs" destinations file are refused at once, naming the file and the limit
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/harden.inc';
$d = bjlg_scratch('harden-yaml');
$show = fn(string $path) => str_replace($path, 'FILE', bjlg_throws(fn() => Bjlg\Quota\Collector::collectFromFile($path)));

// An alias inside its own anchor: a cycle that a naive conversion follows forever.
file_put_contents("$d/self.yml", "destinations: &loop\n  - type: local\n    path: /tmp\n    more: *loop\n");
echo $show("$d/self.yml"), "\n";
file_put_contents("$d/self-map.yml", "destinations:\n  - &x {type: local, path: /tmp, again: *x}\n");
echo $show("$d/self-map.yml"), "\n";

// Nine levels of ten aliases each: 10^9 nodes from about 450 bytes.
$yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
for ($i = 1; $i <= 9; $i++) {
    $p = $i - 1;
    $yaml .= "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]\n";
}
$yaml .= "destinations:\n  - type: local\n    path: /tmp\n    lol: *a9\n";
file_put_contents("$d/laughs.yml", $yaml);
printf("%d bytes\n", strlen($yaml));
$t = microtime(true);
echo $show("$d/laughs.yml"), "\n";
echo microtime(true) - $t < 2 ? "refused fast\n" : "too slow\n";

// Nested too deep (within yaml-cpp's own limit, beyond ours).
file_put_contents("$d/deep.yml", "destinations:\n  - type: local\n    path: /tmp\n    x: " . bjlg_deep_json(100) . "\n");
echo $show("$d/deep.yml"), "\n";
// Far deeper than any parser should follow.
file_put_contents("$d/deeper.yml", "destinations: " . bjlg_deep_json(100000) . "\n");
echo explode(':', $show("$d/deeper.yml"))[0], "\n";

// An alias used a few times, as a legitimate file may, is expanded.
file_put_contents("$d/ok.yml", "destinations:\n  - {name: a, type: local, path: &p $d}\n  - {name: b, type: local, path: *p}\n");
$r = Bjlg\Quota\Collector::collectFromFile("$d/ok.yml");
echo count($r), " snapshots\n";
bjlg_rmrf($d);
?>
--EXPECTF--
Bjlg\Quota\InvalidDestinationException [invalid_argument]: FILE is nested deeper than 64 levels
Bjlg\Quota\InvalidDestinationException [invalid_argument]: FILE is nested deeper than 64 levels
%d bytes
Bjlg\Quota\InvalidDestinationException [invalid_argument]: FILE expands to more than 20000 nodes (aliases count each time they are used)
refused fast
Bjlg\Quota\InvalidDestinationException [invalid_argument]: FILE is nested deeper than 64 levels
Bjlg\Quota\InvalidDestinationException [invalid_argument]
2 snapshots
