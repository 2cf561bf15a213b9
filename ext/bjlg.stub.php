<?php

/** @generate-class-entries */

namespace Bjlg;

/**
 * Base of every exception thrown by bjlg. Each failure has a kind, a class of this namespace
 * that every capability's exceptions derive from (catch `\Bjlg\IOException` to catch an I/O
 * failure of any capability), and a stable `error_code` to branch on instead of the message.
 */
class Exception extends \Exception
{
    /**
     * The stable name of the failure: "not_found", "permission_denied", "io", "corrupt",
     * "truncated", "wrong_key", "cancelled", "unsupported", "invalid_argument", a network code
     * ("auth", "not_found", "throttled", "timeout", "tls", "protocol", "unreachable",
     * "rejected"), or "" when bjlg did not set one.
     */
    public string $error_code = "";
}

/**
 * The environment failed: a missing file or folder (`error_code` "not_found"), access refused
 * ("permission_denied"), a full disk or another system error ("io").
 */
class IOException extends Exception
{
}

/** The data is bad: a broken archive, a failed MAC, a file cut short (`error_code` "truncated"). */
class CorruptDataException extends Exception
{
}

/** The key or password given does not open the data. */
class WrongKeyException extends Exception
{
}

/**
 * The operation was stopped by its progress callable (it returned false or threw: the exception
 * it threw is this one's previous); what it had started writing was removed.
 */
class CancelledException extends Exception
{
}

/** A format, version, algorithm or feature bjlg does not support. */
class UnsupportedException extends Exception
{
}

/**
 * A remote party failed or refused; `error_code` is one of "auth", "not_found", "throttled",
 * "timeout", "tls", "protocol", "unreachable", "rejected".
 */
class NetworkException extends Exception
{
}
