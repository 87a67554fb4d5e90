"""Read Arabic PDFs from their glyphs: pdfminer.six characters → glyph records → lines.

:func:`read_pdf_lines` gives the lines a perfect text extraction would give: one
paragraph per line, a blank line between paragraphs, page furniture taken out, and
each page's footnotes as ``(N) text`` lines after a ``_______________`` separator,
placed after the paragraph that was open when the page ended (so a paragraph broken
by a page break and its footnotes is one line followed by the footnote block).

This module runs pdfminer's interpreter without its layout analysis (``laparams=None``);
each ``LTChar`` becomes a :class:`~unparse.read.glyphs.Glyph` (text, box, baseline from the
text matrix, font, size, position in the content stream), each thin horizontal line or
rectangle a :class:`~unparse.read.glyphs.Rule`. Everything after works on those records
(:mod:`unparse.read.layout`, whose docstring lists its stages and the facts it returns):

- lines by baseline; superscript references (raised, smaller) become ``(N)`` glued to
  the word before them; right-to-left order by inverting the bidi display order of the
  glyphs sorted by x (digit groups and Latin runs stay left to right); words split by
  the gaps between glyphs; presentation forms folded (NFKC on the U+FB50–U+FEFF block);
- page furniture by position, footnote areas below a short rule (or a trailing block of
  smaller lines that starts with a marker), paragraphs from line geometry.
"""

from __future__ import annotations

import functools
import io
import os
import unicodedata
from collections import deque
from itertools import islice

from ..arabic import fold_presentation_forms
from ..errors import InputTooLargeError, PdfError, UnparseError
from ..lines import Line
from ..options import DEFAULT_OPTIONS, Options
from .fonts import resource_manager
from .glyphs import Glyph, Rule
from .layout import SEPARATOR, PageGlyphs, layout_lines
from .limits import CharBox, bounded_aggregator, bounded_pdf_decoding
from .params import DEFAULT_PARAMS, ReaderParams
from .text import read_bytes

__all__ = ["SEPARATOR", "PageGlyphs", "extract_pages", "layout_lines", "read_pdf_lines"]


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Arabic presentation forms (``ﻻ``, ``ﺍ``) to the letters they stand for."""
    return fold_presentation_forms(text)


@functools.lru_cache(maxsize=8192)
def _glyph_text(text: str) -> str | None:
    """A glyph's text as recorded (folded, U+FFFD for an unmapped code), None to skip it."""
    if text.startswith("(cid:"):
        return "\ufffd"
    if text and all(unicodedata.category(c) == "Cf" for c in text):
        return None  # zero-width glyph codes (a letter drawn as several glyphs)
    return _fold(text)


# --------------------------------------------------------------------------- pdfminer


def _pdf_error(path: str, message: str) -> PdfError:
    return PdfError(message, path)


def extract_pages(path: str | os.PathLike[str], options: Options = DEFAULT_OPTIONS) -> list[PageGlyphs]:
    """Run pdfminer over the file and return its pages as glyph records.

    Every pdfminer failure becomes a :class:`~unparse.errors.PdfError` naming the file.
    """
    name = os.fspath(path)
    data = read_bytes(path, options)
    try:
        import pdfminer  # noqa: F401
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise _pdf_error(
            name, f"pdfminer.six is needed to read PDFs ({exc}); pip install pdfminer.six"
        ) from None

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise _pdf_error(name, "is not a PDF (no %PDF header); check the file or parse it as text")
    # Every stream pdfminer decodes, from here to the last page, counts against
    # Options.max_decompressed_bytes (a decompression bomb stops early, bounded in memory).
    with bounded_pdf_decoding(options, name):
        return _extract(name, data, options)


def _extract(name: str, data: bytes, options: Options) -> list[PageGlyphs]:
    from pdfminer.layout import LTCurve, LTFigure, LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = list(islice(PDFPage.create_pages(doc), options.max_pages + 1))
    except UnparseError:
        raise
    except PDFPasswordIncorrect:
        raise _pdf_error(
            name, "is encrypted with a password; decrypt it first (e.g. qpdf --decrypt --password=...)"
        ) from None
    except PDFEncryptionError as exc:
        raise _pdf_error(
            name, f"uses an encryption pdfminer cannot open ({exc}); decrypt it first (e.g. with qpdf)"
        ) from None
    except Exception as exc:
        raise _pdf_error(
            name,
            f"is truncated or corrupt and cannot be read ({type(exc).__name__}: {exc}); "
            "get a complete copy or repair it (e.g. qpdf in.pdf out.pdf)",
        ) from None
    if not pages:
        raise _pdf_error(name, "has no pages; check that the file is a complete PDF")
    if len(pages) > options.max_pages:
        raise InputTooLargeError(
            f"has more than {options.max_pages} pages, over the limit "
            "(raise it with Options(max_pages=...) or --max-pages)",
            name,
        )

    rsrc = resource_manager()
    device = bounded_aggregator(rsrc, options, name, light=True)
    interpreter = PDFPageInterpreter(rsrc, device)
    out: list[PageGlyphs] = []
    for number, page in enumerate(pages, start=1):
        try:
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
        except UnparseError:
            raise
        except Exception as exc:
            raise _pdf_error(
                name,
                f"page {number} is corrupt and cannot be read ({type(exc).__name__}: {exc}); "
                "get a complete copy or repair it (e.g. qpdf in.pdf out.pdf)",
            ) from None
        x_origin, _y0, _x1, y_top = layout.bbox
        glyphs: list[Glyph] = []
        rules: list[Rule] = []
        stack: deque[object] = deque(layout)
        seq = 0
        while stack:
            item = stack.popleft()
            if isinstance(item, CharBox):
                text = _glyph_text(item.text)
                if text is None:
                    continue
                matrix = item.matrix
                baseline = y_top - matrix[5] if item.upright else y_top - item.y0
                ink = item.ink_x1
                # Positional (text, x0, x1, top, bottom, baseline, size, fontname, seq, ink_x1):
                # one record per drawn character, keywords cost a third more.
                glyphs.append(
                    Glyph(
                        text,
                        item.x0 - x_origin,
                        item.x1 - x_origin,
                        y_top - item.y1,
                        y_top - item.y0,
                        baseline,
                        float(item.size),
                        str(item.fontname),
                        seq,
                        None if ink is None else ink - x_origin,
                    )
                )
                seq += 1
            elif isinstance(item, LTFigure):
                stack.extendleft(reversed(list(item)))
            elif isinstance(item, LTCurve) and item.height <= 2.0 and item.width >= 20:
                rules.append(Rule(item.x0 - x_origin, item.x1 - x_origin, y_top - item.y1))
        out.append(PageGlyphs(number, layout.width, layout.height, glyphs, rules, dict(device.kashidas)))
    if not any(g.text.strip() for p in out for g in p.glyphs):
        raise _pdf_error(
            name,
            "has no text layer (a scanned document?); run OCR on it first (e.g. ocrmypdf) "
            "and parse the result",
        )
    unknown = sum(g.text == "\ufffd" for p in out for g in p.glyphs)
    total = sum(1 for p in out for g in p.glyphs if not g.is_space)
    if total and unknown > total / 2:
        raise _pdf_error(
            name,
            "its fonts do not say which characters their glyphs are (no ToUnicode map); "
            "the text cannot be read reliably: run OCR on it (e.g. ocrmypdf --force-ocr)",
        )
    return out


def read_pdf_lines(
    path: str | os.PathLike[str], options: Options = DEFAULT_OPTIONS, params: ReaderParams = DEFAULT_PARAMS
) -> tuple[list[Line], dict[str, object]]:
    """The lines of a PDF in reading order, and the facts the layout told (see the module doc)."""
    return layout_lines(extract_pages(path, options), params)
