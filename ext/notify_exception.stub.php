<?php

/** @generate-class-entries */

namespace Bjlg\Notify;

/** Implemented by every exception of Bjlg\Notify. */
interface NotifyException extends \Throwable
{
}

/**
 * A message, channel, event, policy, action or incident state was refused: the message names
 * the entry (position), the key and what was wrong, never a value (values may be secrets).
 */
class InvalidInputException extends \Bjlg\Exception implements NotifyException
{
}

/** A file could not be read or written (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements NotifyException
{
}

/** The progress callable returned false or threw: messages not yet finished were abandoned. */
class CancelledException extends \Bjlg\CancelledException implements NotifyException
{
}
