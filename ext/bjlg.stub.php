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

    /**
     * When the failure is about one element of a list given as input (a sample, a destination,
     * an archive): its position in that list, from 0. Null otherwise.
     */
    public ?int $item = null;
}

/**
 * A refused option: the ValueError every method throws for a bad entry of its options array
 * (a value out of range, an unknown name, a combination that does not apply), with the option
 * named so that callers need not read the message. Catch `\ValueError` to catch every bad
 * argument, this class for bad options only.
 */
class OptionError extends \ValueError
{
    /** The option's name, as it is spelt in the options array ("threads"). */
    public string $option = "";

    /**
     * The refusal without the "Class::method(): Argument #2 ($options) " prefix of the message,
     * naming the option: 'option "threads" must be between 1 and 64'.
     */
    public string $reason = "";
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
