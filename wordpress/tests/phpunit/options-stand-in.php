<?php
// The part of WordPress that Bjlg\WordPress\Settings uses, without a database: options in
// memory (get_option/update_option as WordPress answers them), and WordPress's own WP_Error
// class from Debian's wordpress package (its hook, do_action, does nothing here).
declare(strict_types=1);

/** @var array<string, mixed> */
$GLOBALS['bjlg_test_options'] = [];

function get_option(string $name, $default = false)
{
    return array_key_exists($name, $GLOBALS['bjlg_test_options']) ? $GLOBALS['bjlg_test_options'][$name] : $default;
}

function update_option(string $name, $value, $autoload = null): bool
{
    $GLOBALS['bjlg_test_options'][$name] = $value;
    return true;
}

function do_action(string $hook, ...$args): void
{
}

function is_wp_error($thing): bool
{
    return $thing instanceof WP_Error;
}

require_once (getenv('BJLG_WORDPRESS_DIR') ?: '/usr/share/wordpress') . '/wp-includes/class-wp-error.php';
