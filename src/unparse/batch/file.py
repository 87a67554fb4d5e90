"""The work on one file, the same for ``unparse parse``, ``unparse batch`` and any engine.

:func:`process_file` (exported as ``unparse.process_file``) takes a path or the bytes of a
file and returns records, for Spark, Ray or Dask users who bring their own engine;
:func:`load_document` and :func:`clean_source` are what the command line and the batch
workers call.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..api import parse_pdf, parse_text, repair_text
from ..errors import InputFileError, InputTooLargeError, UnparseError
from ..export import get_format
from ..export.jsonl import records as jsonl_records
from ..models import Document, Fix
from ..options import DEFAULT_OPTIONS, FormatName, Options
from ..read.text import decode_bytes, read_bytes

Source = str | os.PathLike[str] | bytes


@dataclass
class _Opened:
    label: str
    text: str | None = None
    pdf: str | None = None


def _is_pdf(data: bytes, label: str) -> bool:
    return data.startswith(b"%PDF-") or label.lower().endswith(".pdf")


def _check_not_empty(data: bytes, label: str) -> None:
    if not data:
        raise InputFileError("is empty (0 bytes): there is no text to parse", label)
    if not data.strip():
        raise InputFileError("contains only white space: there is no text to parse", label)


@contextlib.contextmanager
def _open(source: Source, name: str | None, options: Options) -> Iterator[_Opened]:
    """The decoded text of a text file, or the path of a PDF (a temporary copy for PDF bytes)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "<bytes>"
        if len(data) > options.max_bytes:
            raise InputTooLargeError(
                f"is {len(data):,} bytes, over the limit of {options.max_bytes:,} "
                "(raise it with Options(max_bytes=...) or --max-bytes)",
                label,
            )
        if _is_pdf(data, label):
            fd, tmp = tempfile.mkstemp(suffix=".pdf", prefix="unparse-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                yield _Opened(label, pdf=tmp)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            return
        _check_not_empty(data, label)
        yield _Opened(label, text=decode_bytes(data, label))
        return
    if not isinstance(source, str | os.PathLike):
        raise UnparseError(f"expected a path or bytes, got {type(source).__name__}")
    path = os.fspath(source)
    label = name or path
    if Path(path).suffix.lower() == ".pdf":
        yield _Opened(label, pdf=path)
        return
    data = read_bytes(path, options)
    if data.startswith(b"%PDF-"):
        yield _Opened(label, pdf=path)
        return
    _check_not_empty(data, label)
    yield _Opened(label, text=decode_bytes(data, label))


def load_document(source: Source, *, name: str | None = None, options: Options | None = None) -> Document:
    """Parse a path or a file's bytes into a Document whose ``source`` is ``name`` (or the path).

    Raises :class:`UnparseError` on bad input, also when nothing is left to parse.
    """
    options = options or DEFAULT_OPTIONS
    with _open(source, name, options) as opened:
        if opened.pdf is not None:
            doc = parse_pdf(opened.pdf, options)
        else:
            doc = parse_text(opened.text or "", options, source=opened.label)
        doc.source = opened.label
    if not doc.text.strip():
        raise InputFileError("no text is left after repair (only page furniture?)", opened.label)
    return doc


def clean_source(
    source: Source, *, name: str | None = None, options: Options | None = None
) -> tuple[str, list[Fix], list[str]]:
    """The normalised text of a path or bytes, with the fixes applied and the warnings."""
    options = options or DEFAULT_OPTIONS
    with _open(source, name, options) as opened:
        if opened.pdf is not None:
            doc = parse_pdf(opened.pdf, options)
            return doc.text, doc.fixes, doc.warnings
        result = repair_text(opened.text or "", options)
        return result.text, result.fixes, result.warnings


def one_line(exc: BaseException) -> str:
    """The reason an exception gives, on one line: its ``reason`` for an UnparseError."""
    if isinstance(exc, UnparseError):
        text = exc.reason
    else:
        text = f"internal error {type(exc).__name__}: {exc} (a bug in unparse; please report it)"
    return " ".join(text.split())


def process_file(
    path_or_bytes: Source,
    *,
    name: str | None = None,
    format: FormatName = "json",
    options: Options | None = None,
    errors: Literal["raise", "record"] = "raise",
) -> list[dict[str, Any]]:
    """Process one file and return records: the per-file work of ``unparse batch``.

    ``path_or_bytes`` is a path or a file's bytes (a PDF is recognised by its ``%PDF-`` header
    or by ``name``); ``name`` is what the records give as their source (default: the path).
    The records are JSON-compatible dicts:

    - ``format="jsonl"``: one per paragraph, sub-item and footnote (see ``unparse.export.jsonl``);
    - ``format="json"``: one, the Document (``Document.model_validate(record)`` reads it back);
    - ``"markdown"``, ``"text"``, ``"akn"``: one, ``{"source", "format", "content"}``.

    Bad input raises :class:`UnparseError`; with ``errors="record"`` it returns one record
    ``{"source", "error", "reason"}`` instead (unexpected exceptions too), so that one bad file
    does not fail a Spark or Ray job.
    """
    fmt = get_format(format)
    label = name or (
        "<bytes>" if isinstance(path_or_bytes, bytes | bytearray | memoryview) else os.fspath(path_or_bytes)
    )
    try:
        doc = load_document(path_or_bytes, name=name, options=options)
    except Exception as exc:
        if errors == "raise":
            raise
        return [{"source": label, "error": type(exc).__name__, "reason": one_line(exc)}]
    if fmt.name == "jsonl":
        return jsonl_records(doc)
    if fmt.name == "json":
        return [doc.model_dump(mode="json")]
    return [{"source": doc.source, "format": fmt.name, "content": fmt.render(doc)}]
