<?php

/** @generate-class-entries */

namespace Bjlg\Verify;

/**
 * The verification could not be run at all: the archive does not exist, a report or history
 * file cannot be written. A bad backup is never an exception: it is a report whose status is
 * "failed".
 */
class VerifyException extends \Bjlg\Exception
{
}
