<?php

/** @generate-class-entries */

namespace Bjlg\Quota;

/**
 * A destination was refused before any collection started: a required key is missing, a key is
 * unknown for its type, a value is out of range, or a destinations file cannot be parsed.
 * The message names the destination (position and name) and the key.
 */
class InvalidDestinationException extends \Bjlg\Exception
{
}
