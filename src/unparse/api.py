"""The public functions of docs/CONTRACT.md: parse, parse_text, parse_pdf, normalize, repair_text."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputFileError, UnparseError
from .lines import split_lines
from .models import Document
from .options import DEFAULT_OPTIONS, Options
from .read.text import decode_bytes, read_bytes
from .repair import RepairResult, repair_lines
from .repair import repair as _repair
from .segment import segment
from .walk import furniture_layer

PathLike = str | os.PathLike[str]


def _checked_text(text: object) -> str:
    if not isinstance(text, str):
        raise UnparseError(
            f"expected text (str), got {type(text).__name__}; decode bytes first or pass a path to parse()"
        )
    return text


def _checked_path(path: object) -> PathLike:
    if isinstance(path, bytes | bytearray):
        raise UnparseError(
            "expected a path (str or os.PathLike), got bytes; to parse a file's content, "
            "decode it and call parse_text()"
        )
    if not isinstance(path, str | os.PathLike):
        raise UnparseError(f"expected a path (str or os.PathLike), got {type(path).__name__}")
    if "\x00" in os.fspath(path):
        raise InputFileError("is not a valid path: it contains a NUL character", repr(os.fspath(path)))
    return path


def repair_text(text: str, options: Options | None = None) -> RepairResult:
    """Repair ``text``; ``result.text`` is ``normalize(text)``, ``result.fixes`` the fixes in order."""
    return _repair(_checked_text(text), options or DEFAULT_OPTIONS)


def normalize(text: str, options: Options | None = None) -> str:
    """The repaired, normalised text, without structure."""
    return repair_text(text, options).text


def parse_text(text: str, options: Options | None = None, *, source: str | None = None) -> Document:
    """Parse already-extracted text into a Document."""
    options = options or DEFAULT_OPTIONS
    result = repair_lines(split_lines(_checked_text(text)), options)
    doc = segment(result, options)
    doc.source = source
    doc.furniture = furniture_layer(result.fixes, result.facts)
    return doc


def parse_pdf(path: PathLike, options: Options | None = None) -> Document:
    """Parse a PDF with pdfminer.six, from its glyphs' positions."""
    from .read.pdf import read_pdf_lines  # pdfminer is imported only when needed

    path = _checked_path(path)
    options = options or DEFAULT_OPTIONS
    lines, facts = read_pdf_lines(path, options)
    result = repair_lines(lines, options, facts)
    doc = segment(result, options)
    doc.source = os.fspath(path)
    doc.furniture = furniture_layer(result.fixes, result.facts)
    return doc


def parse(path: PathLike, options: Options | None = None) -> Document:
    """Parse a file: a PDF (by extension or content) with the PDF reader, anything else as text."""
    path = _checked_path(path)
    options = options or DEFAULT_OPTIONS
    if Path(path).suffix.lower() == ".pdf":
        return parse_pdf(path, options)
    data = read_bytes(path, options)
    if not data:
        raise InputFileError("is empty (0 bytes): there is no text to parse", path)
    if data.startswith(b"%PDF-"):
        return parse_pdf(path, options)
    return parse_text(decode_bytes(data, os.fspath(path)), options, source=os.fspath(path))
