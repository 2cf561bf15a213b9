<?php
declare(strict_types=1);

namespace Bjlg\Cli;

/** --help (or -h) among a command's options: its help goes to stdout, exit status 0. */
final class HelpRequested extends \Exception
{
    public function __construct(public readonly string $command)
    {
        parent::__construct("help of $command");
    }
}
