"""Reading text files: bytes → str, with the encoding detected from evidence.

UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM (by its NUL
pattern), and the two legacy Arabic code pages, Windows-1256 and ISO-8859-6, told
apart by which one decodes to Arabic text. When none fits, an :class:`EncodingError`
names the file instead of a guess.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import BinaryIO

import regex

from ..errors import (
    BinaryInputError,
    EncodingError,
    HtmlInputError,
    InputFileError,
    InputFileNotFoundError,
    InputTooLargeError,
)
from ..options import DEFAULT_OPTIONS, Options

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_MAGIC = [
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image (scanned pages need OCR first)"),
    (b"\xff\xd8\xff", "a JPEG image (scanned pages need OCR first)"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image (scanned pages need OCR first)"),
    (b"MM\x00*", "a TIFF image (scanned pages need OCR first)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx? save it as PDF or text first)"),
    (b"\x1f\x8b", "a gzip archive (decompress it first)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (save it as PDF or text first)"),
]

_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_LATIN_ACCENTED = regex.compile(r"[À-ÿ]")
_GLUED_TO_LATIN = regex.compile(r"(?<=[A-Za-z])\p{Arabic}|\p{Arabic}(?=[A-Za-z])")
# An HTML page, clearly: its first tag (after white space or a BOM) opens the document.
_HTML_START = regex.compile(r"[\s\ufeff]*<(?:!doctype\s+html|html)(?:[\s>]|$)", regex.IGNORECASE)


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` is (a short description), or None for text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def decode_bytes(data: bytes, name: str | None = None) -> str:
    """Decode the bytes of a text file, detecting the encoding; raise a clear error otherwise.

    An HTML page (one that starts with ``<!DOCTYPE html`` or ``<html``) is refused with an
    :class:`HtmlInputError`: its tags are not the text of a document.
    """
    text = _decode(data, name)
    if _HTML_START.match(text[:1024]):
        raise HtmlInputError(
            "is an HTML page, not extracted text; save its text first (a browser's "
            "'Save as' text, or an HTML-to-text tool) or give unparse the PDF",
            name,
        )
    return text


def _decode(data: bytes, name: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)}); the file is damaged or truncated",
                    name,
                ) from None
    what = sniff_binary(data)
    if what:
        raise BinaryInputError(f"this is {what}, not text", name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    head = data[:65536]
    nuls = head.count(b"\x00")
    # pdfminer, pdfplumber and pypdf write a NUL for a glyph with no Unicode mapping, a few
    # in a page of Arabic: such text is read (the repair drops the NULs and records it);
    # binary data has them everywhere.
    if nuls and (nuls * 1000 > len(head) or not _valid_utf8(head)):
        raise BinaryInputError("contains NUL bytes: binary data, not text", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = _legacy_arabic(data)
    if legacy is not None:
        return legacy
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        raise EncodingError(
            "the UTF-8 text is cut off in the middle of a character at its end (truncated file?)",
            name,
        )
    raise EncodingError(
        f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}), "
        "and not Windows-1256 or ISO-8859-6 Arabic either; convert it to UTF-8 "
        "(for example with iconv -f ENCODING -t UTF-8)",
        name,
    )


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # Arabic in UTF-16 has 0x06 high bytes and ASCII has 0x00: NULs on one side only.
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        high = sample[1::2] if encoding == "utf-16-le" else sample[0::2]
        arabic_high = high.count(6)
        if other == 0 and (nuls + arabic_high) > 0.6 * half and nuls > 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _legacy_arabic(data: bytes) -> str | None:
    candidates: list[tuple[float, str]] = []
    for encoding in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = [c for c in text if ord(c) > 127]
        if not high:
            continue
        arabic = sum(1 for c in high if _ARABIC_LETTER.match(c))
        accented = len(_LATIN_ACCENTED.findall(text))
        # Latin-1 text read as ISO-8859-6 turns its accents into Arabic letters inside Latin
        # words ("Résolution" -> "Rىsolution"); real Arabic never glues to Latin letters.
        glued = len(_GLUED_TO_LATIN.findall(text))
        score = (arabic - 3 * accented - 3 * glued) / len(high)
        candidates.append((score, text))
    if not candidates:
        return None
    score, text = max(candidates)
    # Evidence, not a guess: most non-ASCII characters must come out as Arabic letters.
    return text if score >= 0.8 else None


def read_bytes(path: str | os.PathLike[str], options: Options = DEFAULT_OPTIONS) -> bytes:
    """Read a file's bytes, with the errors a person can act on."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputFileError("is a directory, not a file", path)
        size = p.stat().st_size
        if size > options.max_bytes:
            raise InputTooLargeError(
                f"is {size:,} bytes, over the limit of {options.max_bytes:,} "
                "(raise it with Options(max_bytes=...) or --max-bytes)",
                path,
            )
        with p.open("rb") as fh:
            data = _read_at_most(fh, size, options.max_bytes + 1)
        # A pipe, a device or a /proc file reports no size (and a file may grow after stat):
        # the read itself is what stops at the limit.
        if len(data) > options.max_bytes:
            raise InputTooLargeError(
                f"is over the limit of {options.max_bytes:,} bytes "
                "(raise it with Options(max_bytes=...) or --max-bytes)",
                path,
            )
        return data
    except FileNotFoundError:
        raise InputFileNotFoundError("no such file", path) from None
    except PermissionError:
        raise InputFileError("permission denied", path) from None
    except IsADirectoryError:
        raise InputFileError("is a directory, not a file", path) from None
    except OSError as exc:
        raise InputFileError(f"cannot be read ({exc.strerror or exc})", path) from None
    except ValueError:  # os.stat: "embedded null byte"
        raise InputFileError("is not a valid path: it contains a NUL character", repr(path)) from None


def _read_at_most(fh: BinaryIO, size: int, limit: int) -> bytes:
    """Read up to ``limit`` bytes. ``fh.read(limit)`` would allocate ``limit`` bytes up front
    (100 MiB by default, whatever the file's size; a MemoryError for a large limit), so read
    what stat announced and then, for pipes, devices and files that grew, in chunks."""
    first = fh.read(min(size, limit)) if size > 0 else b""
    chunks = [first]
    total = len(first)
    while total < limit:
        chunk = fh.read(min(1 << 16, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return first if len(chunks) == 1 else b"".join(chunks)


def read_text_file(path: str | os.PathLike[str], options: Options = DEFAULT_OPTIONS) -> str:
    """Read and decode a text file."""
    return decode_bytes(read_bytes(path, options), os.fspath(path))


def _valid_utf8(head: bytes) -> bool:
    """``head`` (the first bytes of a file) is UTF-8, but for a sequence cut at its end."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3
    return True
