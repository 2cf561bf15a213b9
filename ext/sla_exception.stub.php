<?php

/** @generate-class-entries */

namespace Bjlg\Sla;

/**
 * Implemented by every exception of Bjlg\Sla: forecasts, capacity plans, purge SLA, objectives
 * and reports. A destination that will saturate or an objective that is missed is a result,
 * never an exception.
 */
interface Exception extends \Throwable
{
}

/**
 * A sample, event, run or destination was refused: a missing or non-numeric field, negative
 * bytes, a timestamp in the future, NaN, a duplicated timestamp. The message names the index
 * of the entry and the field.
 */
class InvalidInputException extends \Bjlg\Exception implements Exception
{
}

/** A history file could not be read or a report written (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements Exception
{
}

/** A history file holds a line that is not a sample (a torn last line is not an error: it is skipped). */
class CorruptHistoryException extends \Bjlg\CorruptDataException implements Exception
{
}

/** The progress callable returned false or threw: the work stopped and removed what it had started writing. */
class CancelledException extends \Bjlg\CancelledException implements Exception
{
}
