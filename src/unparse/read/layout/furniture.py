"""Stage 3: page furniture, by position: lines in the top or bottom band of a page that
repeat on other pages (digits masked), or that are page numbers, job numbers, document
symbols or clipped glyphs there."""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import pairwise

import regex

from ...bidi import bidi_class
from ..glyphs import read_line
from ..params import DEFAULT_PARAMS, ReaderParams
from .records import (
    BRACKETED_MARKER_RE,
    FOOTNOTE_START_RE,
    SYMBOL_TOKEN_RE,
    Furniture,
    PageGlyphs,
    PhysLine,
    furniture_kind,
)


def _mask(text: str) -> str:
    """A running header's key: the text without its digits (page numbers, dates) and spaces."""
    return regex.sub(r"[\p{Nd}\s]+", "", text)


def _unmarked(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c))


def leaked_glyphs(p: PhysLine, params: ReaderParams = DEFAULT_PARAMS) -> bool:
    """A few lone letters far apart in a page's top or bottom band: the tall letters of the
    next (or previous) page's line, drawn beyond the margin and hidden by a clipping path,
    which pdfminer does not apply (Chromium prints so: ``"أ أ"`` above the footer; a letter
    may carry its mark, ``"أُ"``, drawn as one glyph or as two)."""
    marks = [g for g in p.line.glyphs if g.text.strip() and not g.is_mark]
    if not 1 <= len(marks) <= params.leaked_max_glyphs or any(
        len(letters := _unmarked(g.text)) != 1 or bidi_class(letters) != "R" for g in marks
    ):
        return False
    marks.sort(key=lambda g: g.x0)
    return all(b.x0 - a.x1 > params.leaked_gap * max(a.size, 1.0) for a, b in pairwise(marks))


def find_furniture(
    pages: list[list[PhysLine]], dims: list[PageGlyphs], params: ReaderParams = DEFAULT_PARAMS
) -> Furniture:
    """Which (page index, line index) are furniture, the record of each, and the symbols
    named in running headers and footers."""
    top_band, bottom_band = params.header_band, params.footer_band
    band_keys: Counter[str] = Counter()
    exact_keys: Counter[str] = Counter()  # lines that start with a footnote marker repeat as they are
    for pi, page in enumerate(pages):
        h = dims[pi].height
        seen: set[str] = set()
        exact: set[str] = set()
        for p in page:
            if p.line.top < top_band * h or p.line.bottom > bottom_band * h:
                seen.add(_mask(p.text))
                exact.add(p.text)
        band_keys.update(seen)
        exact_keys.update(exact)
    many = len(pages) >= 2
    furniture: set[tuple[int, int]] = set()
    records: list[dict[str, object]] = []

    def candidate(pi: int, p: PhysLine) -> str | None:
        kind = furniture_kind(p.text)
        if kind:
            return kind
        if not any(bidi_class(g.text) == "R" for g in p.line.glyphs):
            # A line with no right-to-left letter set left to right (``23-25800 (A)``).
            kind = furniture_kind(read_line(p.line, False))
            if kind:
                return kind
        if leaked_glyphs(p, params):
            return "clipped_glyphs"
        if many and band_keys[_mask(p.text)] >= 2:
            # A footnote's text is no running footer, even if it repeats (``(3) المرجع نفسه``);
            # nor are two footnotes alike but for their digits (``(1) S/2024/508.``, ``(2) S/2024/62.``
            # at the foot of one page and the top of the next).
            if (p.line.top > params.footnote_half * dims[pi].height and FOOTNOTE_START_RE.match(p.text)) or (
                BRACKETED_MARKER_RE.match(p.text) and exact_keys[p.text] < 2
            ):
                return None
            return "running_header"
        return None

    for pi, page in enumerate(pages):
        h = dims[pi].height
        for idx in range(len(page)):  # from the top
            p = page[idx]
            kind = candidate(pi, p) if p.line.top < top_band * h else None
            if kind is None:
                break
            furniture.add((pi, idx))
            records.append({"page": p.page, "kind": kind, "text": p.text})
        for idx in range(len(page) - 1, -1, -1):  # from the bottom
            p = page[idx]
            if (pi, idx) in furniture:
                break
            kind = candidate(pi, p) if p.line.bottom > bottom_band * h else None
            if kind is None:
                break
            furniture.add((pi, idx))
            records.append(
                {
                    "page": p.page,
                    "kind": "running_footer" if kind == "running_header" else kind,
                    "text": p.text,
                }
            )
    symbols = [
        m.group()
        for f in records
        for m in SYMBOL_TOKEN_RE.finditer(str(f["text"]))
        if f["kind"] in ("running_symbol", "running_header", "running_footer")
    ]
    return Furniture(furniture, records, symbols)
