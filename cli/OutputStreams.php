<?php
declare(strict_types=1);

namespace Bjlg\Cli;

/** Where a command writes: its results and its errors, STDOUT and STDERR unless a caller (a test) passes streams. */
trait OutputStreams
{
    /** @var resource */
    private $out;
    /** @var resource */
    private $err;

    /**
     * @param resource|null $out where results go (default STDOUT)
     * @param resource|null $err where errors and progress go (default STDERR)
     */
    public function __construct($out = null, $err = null)
    {
        $this->out = $out ?? STDOUT;
        $this->err = $err ?? STDERR;
    }
}
