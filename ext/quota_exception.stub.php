<?php

/** @generate-class-entries */

namespace Bjlg\Quota;

/** Implemented by every exception of Bjlg\Quota. */
interface QuotaException extends \Throwable
{
}

/**
 * A destination was refused before any collection started: a required key is missing, a key is
 * unknown for its type, a value is out of range, or a destinations file cannot be parsed.
 * The message names the destination (position and name) and the key.
 */
class InvalidDestinationException extends \Bjlg\Exception implements QuotaException
{
}

/** A destinations file could not be read (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements QuotaException
{
}
