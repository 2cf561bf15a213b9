<?php

/** @generate-class-entries */

namespace Bjlg\Remote;

/**
 * Implemented by every exception of Bjlg\Remote (retention policies, purges). A bad argument
 * or option value is a \ValueError, a wrong type a \TypeError, as everywhere in bjlg.
 */
interface RemoteException extends \Throwable
{
}

/** A policy file was refused: a key unknown or out of range, not YAML, nested too deep; the message gives the file and line. */
class InvalidPolicyException extends \Bjlg\Exception implements RemoteException
{
}

/** A policy file could not be read (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements RemoteException
{
}

/** A purge's progress callable returned false or threw: what was deleted before is in the journal. */
class CancelledException extends \Bjlg\CancelledException implements RemoteException
{
}
