"""Errors raised on bad input.

Everything the public functions raise on bad input is an :class:`UnparseError`,
whose message says which file, what is wrong and what to do about it.
"""

from __future__ import annotations

import os


class UnparseError(Exception):
    """Base class of every error unparse raises on bad input."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputFileError(UnparseError):
    """The file cannot be opened: missing, a directory, no permission, too large."""


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
