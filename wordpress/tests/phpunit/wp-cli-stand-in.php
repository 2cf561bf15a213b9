<?php
// The part of WP-CLI that wordpress/bjlg/wp-cli.php uses, recording instead of printing.
declare(strict_types=1);

final class WP_CLI
{
    /** @var array<string, callable> */
    public static array $commands = [];

    public static function add_command(string $name, callable $callable, array $args = []): void
    {
        self::$commands[$name] = $callable;
    }

    public static function error(string $message): void
    {
        throw new RuntimeException("WP_CLI::error: $message");
    }

    public static function halt(int $status): void
    {
        throw new RuntimeException("WP_CLI::halt: $status");
    }

    public static function line(string $text): void
    {
        echo $text, "\n";
    }

    public static function log(string $text): void
    {
        echo $text, "\n";
    }

    public static function warning(string $text): void
    {
        fwrite(STDERR, "Warning: $text\n");
    }
}
