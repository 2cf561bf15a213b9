<?php
// The files WordPress's own script and style loaders would send for the packages the admin
// bundle carries instead (react, react-dom, wp-components, wp-data, wp-element and every
// dependency they pull, wp-i18n and wp-api-fetch excepted since the bundle takes those from core
// too): php core-deps.php SITE_DIR. Prints JSON {scripts: [paths], styles: [paths]}.
declare(strict_types=1);
[$script, $site] = $argv;
$_SERVER['HTTP_HOST'] = getenv('BJLG_E2E_HOST') ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';

function files(WP_Dependencies $deps, array $handles, array $shared, string $ext): array
{
    $deps->all_deps($handles);
    $skip = [];
    $deps2 = clone $deps;
    $deps2->to_do = [];
    $deps2->done = [];
    $deps2->all_deps($shared);
    $skip = $deps2->to_do;
    $paths = [];
    foreach ($deps->to_do as $handle) {
        if (in_array($handle, $skip, true)) {
            continue;
        }
        $src = $deps->registered[$handle]->src ?? '';
        if (!is_string($src) || $src === '') {
            continue;
        }
        $path = ABSPATH . ltrim((string) preg_replace('#^' . preg_quote(site_url(), '#') . '#', '', $src), '/');
        if ($ext === 'js') {
            $path = (string) preg_replace('/(?<!\.min)\.js$/', '.min.js', $path);
        } else {
            $path = (string) preg_replace('/(?<!\.min)\.css$/', '.min.css', $path);
        }
        if (is_file($path)) {
            $paths[] = $path;
        }
    }
    return $paths;
}

echo json_encode([
    'scripts' => files(wp_scripts(), ['wp-components', 'wp-data', 'wp-element'], ['wp-i18n', 'wp-api-fetch'], 'js'),
    'styles' => files(wp_styles(), ['wp-components'], [], 'css'),
], JSON_UNESCAPED_SLASHES), "\n";
