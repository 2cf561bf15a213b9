<?php

/** @generate-class-entries */

namespace Bjlg;

/** Base of every exception thrown by bjlg. */
class Exception extends \Exception
{
}
