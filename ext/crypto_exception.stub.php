<?php

/** @generate-class-entries */

namespace Bjlg\Crypto;

/** Implemented by every exception of Bjlg\Crypto: `catch (CryptoException $e)` catches them all. */
interface CryptoException extends \Throwable
{
}

/** The key or password given does not open the file (reported as such by the bjlg format). */
class WrongKeyException extends \Bjlg\WrongKeyException implements CryptoException
{
}

/** The encrypted data is altered or incomplete. */
class CorruptedDataException extends \Bjlg\CorruptDataException implements CryptoException
{
}

/** The encrypted file ends early: cut at a chunk boundary or inside its header. */
class TruncatedDataException extends CorruptedDataException
{
}

/** Not an encrypted file, or a version or algorithm bjlg does not know. */
class UnsupportedFormatException extends \Bjlg\UnsupportedException implements CryptoException
{
}

/** The file system failed: a missing input, an unwritable output, a full disk. */
class IOException extends \Bjlg\IOException implements CryptoException
{
}

/** The operation was stopped by its progress callable (false or an exception); nothing was written. */
class CancelledException extends \Bjlg\CancelledException implements CryptoException
{
}
