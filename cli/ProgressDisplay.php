<?php
// How every long command shows the one progress record (docs/architecture.md, "Progress"):
//   --progress=auto  a bar on stderr when it is a terminal, nothing otherwise (the default)
//   --progress=bar   the bar even when stderr is not a terminal
//   --progress=json  one JSON object per record on stderr, for scripts
//   --progress=none  nothing
// --quiet turns the bar off (auto and bar); json, asked for by a script, is still written.
// The bar covers every phase the operation declared, so it never jumps back: phase k of n fills
// the k-th n-th of it. The rate is measured over the last few seconds of the current phase, and
// the ETA is that phase's.
declare(strict_types=1);

namespace Bjlg\Cli;

require_once __DIR__ . '/Cli.php';
require_once __DIR__ . '/Output.php';

final class ProgressDisplay
{
    public const MODES = ['auto', 'bar', 'json', 'none'];
    private const WINDOW_SECONDS = 5.0;
    private const REDRAW_SECONDS = 0.1;
    private const WIDTH = 24;

    /** @var resource */
    private $err;
    private string $mode;
    private float $lastDraw = 0.0;
    private string $phase = '';
    /** @var list<array{0: float, 1: int}> recent (time, done) of the current phase */
    private array $window = [];
    private int $drawnWidth = 0;

    /** @param resource $err */
    private function __construct($err, string $mode)
    {
        $this->err = $err;
        $this->mode = $mode;
    }

    /**
     * The display for option --progress (absent: auto), or null when nothing is to be shown.
     * @param resource $err
     */
    public static function fromOption(?string $value, $err): ?self
    {
        $mode = $value ?? 'auto';
        if (!in_array($mode, self::MODES, true)) {
            throw new UsageError("--progress must be one of " . implode(', ', self::MODES) . ", not '$mode'");
        }
        if ($mode === 'auto') {
            $mode = stream_isatty($err) ? 'bar' : 'none';
        }
        if ($mode === 'bar' && Output::quiet()) {
            $mode = 'none';  // --quiet: no bar; the events a script asks for with json stay
        }
        return $mode === 'none' ? null : new self($err, $mode);
    }

    /** The `progress` option's callable: shows the record and never cancels. */
    public function __invoke(array $p): bool
    {
        if ($this->mode === 'json') {
            fwrite($this->err, json_encode(['event' => 'progress'] + $p, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");
            return true;
        }
        $now = microtime(true);
        $phase = (string) ($p['phase'] ?? '');
        $done = (int) ($p['done'] ?? 0);
        $total = (int) ($p['total'] ?? 0);
        if ($phase !== $this->phase) {
            $this->phase = $phase;
            $this->window = [];
        }
        $this->window[] = [$now, $done];
        while (count($this->window) > 2 && $now - $this->window[0][0] > self::WINDOW_SECONDS) {
            array_shift($this->window);
        }
        $last = $total > 0 && $done >= $total;
        if ($now - $this->lastDraw < self::REDRAW_SECONDS && !$last) {
            return true;
        }
        $this->lastDraw = $now;
        $this->draw($p, $phase, $done, $total, $now);
        return true;
    }

    /** Clears the bar, so that the command's own output starts on a clean line. */
    public function finish(): void
    {
        if ($this->mode === 'bar' && $this->drawnWidth > 0) {
            fwrite($this->err, "\r" . str_repeat(' ', $this->drawnWidth) . "\r");
            $this->drawnWidth = 0;
        }
    }

    private function draw(array $p, string $phase, int $done, int $total, float $now): void
    {
        $phases = $p['phases'] ?? [$phase];
        $count = max(1, count($phases));
        $index = min((int) ($p['phase_index'] ?? 0), $count - 1);
        $inPhase = $total > 0 ? min(1.0, $done / $total) : 0.0;
        $overall = ($index + $inPhase) / $count;
        $filled = (int) floor($overall * self::WIDTH);
        $unit = (string) ($p['unit'] ?? '');
        [$t0, $d0] = $this->window[0];
        $rate = $now - $t0 > 0.2 ? ($done - $d0) / ($now - $t0) : null;
        $eta = ($rate !== null && $rate > 0 && $total > $done) ? ($total - $done) / $rate : null;
        $line = sprintf('[%s%s] %3d%% %s%s %s/%s%s%s',
            str_repeat('#', $filled), str_repeat('.', self::WIDTH - $filled), (int) floor($overall * 100),
            $phase, $count > 1 ? sprintf(' %d/%d', $index + 1, $count) : '',
            self::amount($done, $unit), $total > 0 ? self::amount($total, $unit) : '?',
            $rate !== null ? '  ' . self::amount((int) $rate, $unit) . '/s' : '',
            $eta !== null ? '  ETA ' . self::duration($eta) : '');
        $current = (string) ($p['current'] ?? '');
        if ($current !== '') {
            $room = 100 - Formatter::width($line);
            if ($room > 8) {
                $line .= '  ' . (Formatter::width($current) > $room ? '…' . self::tail($current, $room - 1) : $current);
            }
        }
        $width = Formatter::width($line);
        fwrite($this->err, "\r" . $line . str_repeat(' ', max(0, $this->drawnWidth - $width)));
        $this->drawnWidth = max($this->drawnWidth, $width);
    }

    /** The last $n characters of UTF-8 text. */
    private static function tail(string $s, int $n): string
    {
        preg_match('/.{0,' . $n . '}$/us', $s, $m);
        return $m[0] ?? '';
    }

    /** Bytes in binary units (Cli::bytes), other units as counts. */
    private static function amount(int $n, string $unit): string
    {
        return $unit === 'bytes' ? Cli::bytes($n) : (string) $n;
    }

    private static function duration(float $seconds): string
    {
        $s = (int) ceil($seconds);
        return $s >= 3600 ? sprintf('%d:%02d:%02d', intdiv($s, 3600), intdiv($s % 3600, 60), $s % 60)
                          : sprintf('%d:%02d', intdiv($s, 60), $s % 60);
    }
}
