<?php

/** @generate-class-entries */

namespace Bjlg\Verify;

/**
 * Implemented by every exception of Bjlg\Verify: the verification or restore test could not be
 * run at all (the archive does not exist, a report or history file cannot be written, the
 * progress callable stopped it). A bad backup is never an exception: it is a report whose
 * status is "failed".
 */
interface VerifyException extends \Throwable
{
}

/** A file could not be read or written: the archive, a report, the history, the sandbox. */
class IOException extends \Bjlg\IOException implements VerifyException
{
}

/** The key or password given does not open the encrypted archive. */
class WrongKeyException extends \Bjlg\WrongKeyException implements VerifyException
{
}

/** The progress callable returned false or threw: the run stopped and cleaned up. */
class CancelledException extends \Bjlg\CancelledException implements VerifyException
{
}

/** The archive is not one bjlg can verify (an unknown encryption format or method). */
class UnsupportedException extends \Bjlg\UnsupportedException implements VerifyException
{
}

/** The data could not be read at all where a report cannot say it (never a bad backup). */
class CorruptDataException extends \Bjlg\CorruptDataException implements VerifyException
{
}
