<?php
// The restore end-to-end test's hands inside a WordPress of tests/wordpress/run-e2e-restore.sh:
// php restore-site.php SITE_DIR COMMAND [ARGS...]. Prints JSON; exits 1 on a failed check.
// BLOG is a site of the network (1 on a single site): the command runs in it (switch_to_blog).
declare(strict_types=1);

[$script, $site, $command] = array_pad($argv, 3, '');
$args = array_slice($argv, 3);
$_SERVER['HTTP_HOST'] = getenv('BJLG_E2E_HOST') ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require $site . '/wp-load.php';   // at the top level: WordPress declares globals

function out(mixed $value): void
{
    echo json_encode($value, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
}

function in_blog(int $blog): void
{
    if (is_multisite()) {
        switch_to_blog($blog);
    }
}

switch ($command) {
    case 'content':   // BLOG TAG [FILE]: a post and a page; the post shows the uploaded file FILE (under uploads)
        in_blog((int) $args[0]);
        $tag = $args[1];
        $file = $args[2] ?? '';
        $url = $file === '' ? '' : wp_upload_dir(null, false)['baseurl'] . '/' . $file;
        $post = wp_insert_post(['post_title' => "Post $tag", 'post_status' => 'publish',
            'post_content' => "<p>The post of $tag.</p>" . ($url === '' ? '' : "<p><img src=\"$url\" alt=\"photo\"></p>")]);
        $page = wp_insert_post(['post_title' => "Page $tag", 'post_type' => 'page', 'post_status' => 'publish',
            'post_content' => "<p>The page of $tag, with a % and a 'quote'.</p>"]);
        out(['post' => $post, 'page' => $page, 'upload_url' => $url]);
        exit(is_int($post) && $post > 0 && is_int($page) && $page > 0 ? 0 : 1);
    case 'upload':    // BLOG FILE SOURCE: copies SOURCE to uploads/FILE of the site
        in_blog((int) $args[0]);
        $to = wp_upload_dir(null, false)['basedir'] . '/' . $args[1];
        wp_mkdir_p(dirname($to));
        out(['path' => $to, 'copied' => copy($args[2], $to)]);
        break;
    case 'retitle':   // BLOG ID TITLE
        in_blog((int) $args[0]);
        $r = wp_update_post(['ID' => (int) $args[1], 'post_title' => $args[2]]);
        out(['updated' => $r]);
        exit($r === (int) $args[1] ? 0 : 1);
    case 'title':     // BLOG ID: the title as the database has it now
        in_blog((int) $args[0]);
        clean_post_cache((int) $args[1]);
        out(['title' => get_post_field('post_title', (int) $args[1], 'raw')]);
        break;
    case 'archive':   // PATH: what an archive holds (manifest keys, the dump's tables, entry folders)
        $reader = Bjlg\Archive\Reader::open($args[0]);
        $manifest = json_decode(stream_get_contents($reader->readEntry('backup-manifest.json')), true);
        preg_match_all('/^-- Table: (\S+)/m', stream_get_contents($reader->readEntry('database.sql')), $m);
        $folders = [];
        foreach ($reader->entries() as $e) {
            $folders[implode('/', array_slice(explode('/', $e['name']), 0, 4))] = true;
        }
        ksort($folders);
        out(['blog_id' => $manifest['blog_id'] ?? null, 'scope' => $manifest['scope'] ?? null, 'table_prefix' => $manifest['table_prefix'] ?? null,
            'uploads' => $manifest['uploads'] ?? null, 'tables' => $m[1], 'folders' => array_keys($folders)]);
        break;
    case 'leftovers': // the restore's temporary tables and folders left anywhere
        global $wpdb;
        $tables = array_values(array_filter($wpdb->get_col('SHOW TABLES'), fn($t) => preg_match('/^bjlg[ro][a-z0-9]{6}_/', $t)));
        $folders = array_merge(glob(WP_CONTENT_DIR . '/.bjlg-*') ?: [], glob(WP_CONTENT_DIR . '/uploads/sites/.bjlg-*') ?: []);
        out(['tables' => $tables, 'folders' => $folders]);
        exit($tables === [] && $folders === [] ? 0 : 1);
    case 'add-admin': // BLOG LOGIN: the user becomes an administrator of the site too
        $r = add_user_to_blog((int) $args[0], get_user_by('login', $args[1])->ID, 'administrator');
        out(['added' => $r]);
        exit($r === true ? 0 : 1);
    case 'history':   // BLOG: the site's last backup_restored rows
        in_blog((int) $args[0]);
        out(array_map(fn($r) => ['status' => $r['status'], 'details' => $r['details'], 'blog_id' => $r['blog_id'] ?? null],
            Bjlg\WordPress\History::recent(5, 'backup_restored')));
        break;
    default:
        fwrite(STDERR, "restore-site.php: unknown command '$command'\n");
        exit(2);
}
