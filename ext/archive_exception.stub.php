<?php

/** @generate-class-entries */

namespace Bjlg\Archive;

/** Base of the archive errors; also thrown alone for what bjlg does not support. */
class ArchiveException extends \Bjlg\Exception
{
}

/** The environment failed: a missing or unreadable file, a full disk, a folder not writable. */
class IOException extends ArchiveException
{
}

/** The archive's data is bad or unsafe: broken zip, CRC mismatch, traversal names, zip bomb. */
class CorruptArchiveException extends ArchiveException
{
}

/** The progress callback returned false: the archive was abandoned and removed. */
class CancelledException extends ArchiveException
{
}
