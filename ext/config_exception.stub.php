<?php

/** @generate-class-entries */

namespace Bjlg\Config;

/**
 * Implemented by every exception of Bjlg\Config (the site policy document). A bad argument is a
 * \ValueError, a wrong type a \TypeError, as everywhere in bjlg.
 */
interface ConfigException extends \Throwable
{
}

/**
 * A policy document was refused: not YAML, a section or key unknown, a value out of range, a
 * secret written in the document instead of referenced, too large or nested too deep. The
 * message gives the line and column and names the key, never a value.
 */
class InvalidPolicyException extends \Bjlg\Exception implements ConfigException
{
}

/** A policy file could not be read (`error_code` "not_found", "permission_denied", "io"). */
class IOException extends \Bjlg\IOException implements ConfigException
{
}
