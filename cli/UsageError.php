<?php
declare(strict_types=1);

namespace Bjlg\Cli;

/** A mistake in how bjlg was called: reported on stderr with exit code 2. */
final class UsageError extends \Exception
{
}
