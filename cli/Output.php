<?php
// The global options every bjlg command takes (cli/commands/definitions.php adds them to each
// definition), as WP-CLI's: --quiet (no informational output, no progress bar) and --no-color.
// CommandLine::parse() records them here; the commands ask this class instead of each reading
// them. Colour is used only on a terminal, never when NO_COLOR is set (https://no-color.org).
declare(strict_types=1);

namespace Bjlg\Cli;

final class Output
{
    private const COLOURS = ['green' => '32', 'red' => '31', 'yellow' => '33'];

    private static bool $quiet = false;
    private static bool $noColor = false;

    /** Records the global options of the command line just parsed. */
    public static function configure(array $options): void
    {
        self::$quiet = isset($options['quiet']);
        self::$noColor = isset($options['no-color']);
    }

    /** --quiet: informational output (summaries, hints, "written to ...") and the bar are not shown. */
    public static function quiet(): bool
    {
        return self::$quiet;
    }

    /**
     * Writes informational text (what was done, a hint) to $stream, unless --quiet. Data a
     * command exists to print, and any --format=json|csv|yaml output, is written directly.
     * @param resource $stream
     */
    public static function info($stream, string $text): void
    {
        if (!self::$quiet) {
            fwrite($stream, $text);
        }
    }

    /**
     * $text in $colour (green, red, yellow) when $stream is a terminal, NO_COLOR is unset (or
     * empty) and --no-color was not given; $text as it is otherwise.
     * @param resource $stream where $text will be written
     */
    public static function paint(string $text, string $colour, $stream): string
    {
        if ($text === '' || !self::colours($stream)) {
            return $text;
        }
        return "\033[" . self::COLOURS[$colour] . 'm' . $text . "\033[0m";
    }

    /**
     * The colour of a verdict or a status word: green for success, red for failure, yellow for
     * a warning or an inconclusive result; null for the others.
     */
    public static function colourOf(string $word): ?string
    {
        return match (strtolower($word)) {
            'ok', 'passed', 'sent', 'deleted', 'met' => 'green',
            'failed', 'error', 'critical', 'breached' => 'red',
            'warning', 'inconclusive', 'watch', 'skipped', 'at_risk' => 'yellow',
            default => null,
        };
    }

    /** $word painted with its colourOf(), padded to $width characters first (so columns stay aligned). */
    public static function verdict(string $word, $stream, int $width = 0): string
    {
        $padded = str_pad($word, $width);
        $colour = self::colourOf(trim($word));
        return $colour === null ? $padded : self::paint(rtrim($padded), $colour, $stream) . substr($padded, strlen(rtrim($padded)));
    }

    /** @param resource $stream */
    private static function colours($stream): bool
    {
        $noColor = getenv('NO_COLOR');
        return !self::$noColor && ($noColor === false || $noColor === '') && stream_isatty($stream);
    }
}
