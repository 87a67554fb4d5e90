"""Errors raised on bad input.

Everything the public functions raise on bad input is an :class:`UnparseError`,
whose message says which file, what is wrong and what to do about it.
"""

from __future__ import annotations

import errno
import os


class UnparseError(Exception):
    """Base class of every error unparse raises on bad input."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputFileError(UnparseError):
    """The file cannot be opened: missing, a directory, no permission, too large."""


class InputFileNotFoundError(InputFileError, FileNotFoundError):
    """The file does not exist: an :class:`InputFileError` that ``except FileNotFoundError``
    (and ``except OSError``) catches too, with ``errno`` ENOENT and ``filename`` set."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message, path)
        self.errno = errno.ENOENT
        self.strerror = message
        self.filename = self.path

    def __str__(self) -> str:  # the UnparseError message, not OSError's "[Errno 2] ..."
        return str(self.args[0]) if self.args else self.reason


class HtmlInputError(InputFileError):
    """The input is an HTML page (``<!DOCTYPE html`` or ``<html`` at its start), not the
    extracted text of a document: its tags would be parsed as text."""


class EncodingError(UnparseError):
    """The bytes are not text in an encoding unparse can determine."""


class BinaryInputError(UnparseError):
    """The input is binary (an image, an archive, a PDF given as text...)."""


class PdfError(UnparseError):
    """The PDF cannot be read: encrypted, corrupt, no text layer, too large."""


class InputTooLargeError(InputFileError):
    """The input is over the size or page limit set in Options."""


class DecompressionLimitError(PdfError, InputTooLargeError):
    """A PDF expands past ``Options.max_decompressed_bytes`` or draws more than
    ``Options.max_glyphs_per_page`` glyphs on a page (a decompression bomb?)."""
