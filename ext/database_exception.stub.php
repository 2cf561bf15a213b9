<?php

/** @generate-class-entries */

namespace Bjlg\Database;

/**
 * Implemented by every exception of Bjlg\Database: the dump or the import could not be done.
 * A bad connection array or option is a \ValueError or \TypeError, as everywhere in bjlg.
 */
interface DatabaseException extends \Throwable
{
}

/**
 * The server could not be reached, refused the credentials ("auth"), has no such database
 * ("not_found"), lost the connection ("unreachable"), could not do TLS ("tls"), or refused a
 * statement ("rejected"): see `error_code`.
 */
class NetworkException extends \Bjlg\NetworkException implements DatabaseException
{
}

/** A file could not be read or written (the dump's target, the dump to import, wp-config.php). */
class IOException extends \Bjlg\IOException implements DatabaseException
{
}

/** The progress callable returned false or threw: the dump or import stopped and cleaned up. */
class CancelledException extends \Bjlg\CancelledException implements DatabaseException
{
}

/** The dump to import is malformed: it ends inside a quoted text, or a statement is too large. */
class CorruptDataException extends \Bjlg\CorruptDataException implements DatabaseException
{
}
