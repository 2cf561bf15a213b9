<?php

/** @generate-class-entries */

namespace Bjlg\Archive;

/** Implemented by every exception of Bjlg\Archive: `catch (ArchiveException $e)` catches them all. */
interface ArchiveException extends \Throwable
{
}

/** The environment failed: a missing or unreadable file, a full disk, a folder not writable. */
class IOException extends \Bjlg\IOException implements ArchiveException
{
}

/** The archive's data is bad or unsafe: broken zip, CRC mismatch, traversal names, zip bomb. */
class CorruptArchiveException extends \Bjlg\CorruptDataException implements ArchiveException
{
}

/** The key or password given does not open an encrypted archive. */
class WrongKeyException extends \Bjlg\WrongKeyException implements ArchiveException
{
}

/** The progress callback returned false or threw: the archive was abandoned and removed. */
class CancelledException extends \Bjlg\CancelledException implements ArchiveException
{
}

/** What bjlg does not support in an archive (an encryption method, a compression method). */
class UnsupportedException extends \Bjlg\UnsupportedException implements ArchiveException
{
}
