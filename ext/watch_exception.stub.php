<?php

/** @generate-class-entries */

namespace Bjlg\Watch;

/** Implemented by every exception of Bjlg\Watch: the change journal and the watcher. */
interface WatchException extends \Throwable
{
}

/** An event, a root, an option or a timeout was refused; the message names the key and the rule. */
class InvalidInputException extends \Bjlg\Exception implements WatchException
{
}

/** The journal or a watched folder could not be read or written (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements WatchException
{
}

/** The file is not a bjlg watch journal (no header line). Damaged records are counted, not thrown. */
class CorruptJournalException extends \Bjlg\CorruptDataException implements WatchException
{
}
