"""Read Arabic PDFs from their glyphs: pdfminer.six characters → glyph records → lines.

:func:`read_pdf_lines` gives the lines a perfect text extraction would give: one
paragraph per line, a blank line between paragraphs, page furniture taken out, and
each page's footnotes as ``(N) text`` lines after a ``_______________`` separator,
placed after the paragraph that was open when the page ended (so a paragraph broken
by a page break and its footnotes is one line followed by the footnote block).

How (each step works on :class:`~unparse.read.glyphs.Glyph` records, not on pdfminer):

- pdfminer's interpreter runs without its layout analysis (``laparams=None``); each
  ``LTChar`` becomes a Glyph (text, box, baseline from the text matrix, font, size,
  position in the content stream), each thin horizontal line or rectangle a Rule.
- Lines by baseline; superscript references (raised, smaller) become ``(N)`` glued to
  the word before them; right-to-left order by inverting the bidi display order of the
  glyphs sorted by x (digit groups and Latin runs stay left to right); words split by
  the gaps between glyphs; presentation forms folded (NFKC on the U+FB50–U+FEFF block).
- Page furniture by position: lines in the top or bottom band of a page that repeat
  on other pages (digits masked), or that are page numbers, job numbers or document
  symbols there.
- Footnote area: the lines below a short horizontal rule in the lower part of the page,
  or else a trailing block of smaller lines that starts with a marker.
- Paragraphs: a new paragraph starts after a vertical gap larger than the line spacing,
  after a line that stops short of the left margin, at a change of size or weight, or at
  a paragraph or sub-item marker. A paragraph still open at a page's end continues on
  the next page when that page's first line does not start a paragraph; a footnote
  whose first line on a page has no marker continues the previous page's last footnote.

Facts (the ``facts`` dict passed to ``repair_lines``; line numbers are those of the
returned :class:`~unparse.repair.pipeline.Line` objects):

- ``"reader"``: ``"pdf"``.
- ``"logical_order"``: ``True`` — the lines are already in reading order; repair steps
  that guess an order need not.
- ``"pages"``: number of pages read.
- ``"footnote_lines"``: ``list[int]``, the lines that are footnotes (``(N) text``).
- ``"footnote_separator_lines"``: ``list[int]``, the ``_______________`` lines.
- ``"heading_lines"``: ``list[int]``, lines set in bold or larger than the body text.
- ``"line_boxes"``: ``dict[int, list[float]]``, for every paragraph and footnote line, its
  page and box on that page (its first page): ``[page, x0, y0, x1, y1]`` in points from
  the page's lower-left corner (PDF user space when the page box starts at 0, 0).
- ``"line_end_pages"``: ``dict[int, int]``, for lines (paragraphs, footnotes) that end
  on a later page than ``Line.page``, that page.
- ``"stream_order"``: ``list[dict]``, one per physical text line:
  ``{"page", "line", "order"}`` where ``line`` is the output line it went into and
  ``order`` is ``"logical"``, ``"visual"`` or ``"neutral"`` (how the content stream drew it).
- ``"stream_order_counts"``: ``dict[str, int]``, the number of physical lines of each order.
- ``"reader_fixes"``: ``list[dict]`` (``kind``, ``line``, ``before``, ``after``), one per
  physical line whose content-stream text differed from its reading-order text:
  kind ``"pdf_visual_order"``, ``"pdf_logical_order"`` or ``"pdf_neutral_order"``.
- ``"furniture"``: ``list[dict]`` (``page``, ``kind``, ``text``) of every line taken out
  as page furniture (nothing is dropped silently).
- ``"running_symbols"``: document symbols found in page headers (also written once as the
  first line, as a text extraction would have it).
- ``"reader_warnings"``: ``list[str]``, what the reader could not read well.
"""

from __future__ import annotations

import functools
import io
import os
import statistics
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice, pairwise

import regex

from ..errors import InputTooLargeError, PdfError, UnparseError
from ..options import DEFAULT_OPTIONS, Options
from ..repair.pipeline import Line
from .glyphs import (
    Glyph,
    Rule,
    TextLine,
    bidi_class,
    brackets_backwards,
    group_lines,
    read_line,
)
from .limits import CharBox, bounded_aggregator, bounded_pdf_decoding
from .params import DEFAULT_PARAMS, ReaderParams
from .text import read_bytes

SEPARATOR = "_______________"

_SYMBOL_RE = regex.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9.\-]+){1,6}$")
_SYMBOL_TOKEN_RE = regex.compile(r"(?<![\w/])[A-Z]{1,8}(?:/[A-Z0-9.\-]*[A-Z0-9]){1,6}(?![\w/])")
_PAGE_NUMBER_RE = regex.compile(r"^[-–]?\s*\p{Nd}{1,4}\s*[-–]?$")
_JOB_RE = regex.compile(r"^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?\s*\*?$|^\*\d{6,}\*$")
_FOOTNOTE_START_RE = regex.compile(r"^(?:\((\p{Nd}{1,3}|\*)\)|(\p{Nd}{1,3}|\*)(?=\s)(?!\s*[-–]))\s*")
_BRACKETED_MARKER_RE = regex.compile(r"^\((?:\p{Nd}{1,3}|\*)\)\s")
# A line that opens a paragraph whatever its geometry: "12 - ", "(أ) ", "أولاً - ", "ألف - ",
# and an entry of a list of documents, "A/78/320 - " (its symbol, a dash, its title).
_PARA_MARKER_RE = regex.compile(
    r"^(?:\p{Nd}{1,3}\s*[-–]\s|\((?:\p{Arabic}{1,3}|\p{Nd}{1,3}|[ivx]{1,5})\)\s|"
    r"[\p{Arabic}\p{Mn}]{2,8}\s[-–]\s|[A-Z]{1,8}(?:/[A-Z0-9.\-]*[A-Z0-9]){1,6}\s[-–]\s)"
)
_PRESENTATION = regex.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+")


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Arabic presentation forms (``ﻻ``, ``ﺍ``) to the letters they stand for."""
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


@functools.lru_cache(maxsize=8192)
def _glyph_text(text: str) -> str | None:
    """A glyph's text as recorded (folded, U+FFFD for an unmapped code), None to skip it."""
    if text.startswith("(cid:"):
        return "\ufffd"
    if text and all(unicodedata.category(c) == "Cf" for c in text):
        return None  # zero-width glyph codes (a letter drawn as several glyphs)
    return _fold(text)


@dataclass
class PageGlyphs:
    """One page as plain records: its size, glyphs and horizontal rules."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule] = field(default_factory=list)


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
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
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

    rsrc = PDFResourceManager(caching=True)
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
                glyphs.append(
                    Glyph(
                        text=text,
                        x0=item.x0 - x_origin,
                        x1=item.x1 - x_origin,
                        top=y_top - item.y1,
                        bottom=y_top - item.y0,
                        baseline=baseline,
                        size=float(item.size),
                        fontname=str(item.fontname),
                        seq=seq,
                    )
                )
                seq += 1
            elif isinstance(item, LTFigure):
                stack.extendleft(reversed(list(item)))
            elif isinstance(item, LTCurve) and item.height <= 2.0 and item.width >= 20:
                rules.append(Rule(item.x0 - x_origin, item.x1 - x_origin, y_top - item.y1))
        out.append(PageGlyphs(number, layout.width, layout.height, glyphs, rules))
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


# --------------------------------------------------------------------------- layout


@dataclass
class _Phys:
    """A physical line of a page, read."""

    line: TextLine
    page: int
    text: str
    order: str
    stream: str


@dataclass
class _Block:
    """An output line in the making: a paragraph or a footnote."""

    parts: list[_Phys]
    kind: str  # "para", "footnote", "heading", "symbol"

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts if p.text)


def _mask(text: str) -> str:
    """A running header's key: the text without its digits (page numbers, dates) and spaces."""
    return regex.sub(r"[\p{Nd}\s]+", "", text)


def _furniture_kind(text: str) -> str | None:
    t = text.strip()
    if _PAGE_NUMBER_RE.match(t):
        return "page_number"
    if _JOB_RE.match(t):
        return "job_number"
    if _SYMBOL_RE.match(t):
        return "running_symbol"
    return None


def _body_size(pages: list[list[_Phys]]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for p in page:
            sizes[round(p.line.size, 1)] += len(p.line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _find_furniture(
    pages: list[list[_Phys]], dims: list[PageGlyphs], params: ReaderParams = DEFAULT_PARAMS
) -> tuple[set[tuple[int, int]], list[dict[str, object]]]:
    """Which (page index, line index) are furniture, and the record of each."""
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

    def candidate(pi: int, p: _Phys) -> str | None:
        kind = _furniture_kind(p.text)
        if kind:
            return kind
        if not any(bidi_class(g.text) == "R" for g in p.line.glyphs):
            # A line with no right-to-left letter set left to right (``23-25800 (A)``).
            kind = _furniture_kind(read_line(p.line, False))
            if kind:
                return kind
        if _leaked_glyphs(p, params):
            return "clipped_glyphs"
        if many and band_keys[_mask(p.text)] >= 2:
            # A footnote's text is no running footer, even if it repeats (``(3) المرجع نفسه``);
            # nor are two footnotes alike but for their digits (``(1) S/2024/508.``, ``(2) S/2024/62.``
            # at the foot of one page and the top of the next).
            if (p.line.top > params.footnote_half * dims[pi].height and _FOOTNOTE_START_RE.match(p.text)) or (
                _BRACKETED_MARKER_RE.match(p.text) and exact_keys[p.text] < 2
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
    return furniture, records


def _leaked_glyphs(p: _Phys, params: ReaderParams = DEFAULT_PARAMS) -> bool:
    """A few lone letters far apart in a page's top or bottom band: the tall letters of the
    next (or previous) page's line, drawn beyond the margin and hidden by a clipping path,
    which pdfminer does not apply (Chromium prints so: ``"أ أ"`` above the footer)."""
    marks = [g for g in p.line.glyphs if g.text.strip()]
    if not 1 <= len(marks) <= params.leaked_max_glyphs or any(
        len(g.text) != 1 or bidi_class(g.text) != "R" for g in marks
    ):
        return False
    marks.sort(key=lambda g: g.x0)
    return all(b.x0 - a.x1 > params.leaked_gap * max(a.size, 1.0) for a, b in pairwise(marks))


def _footnote_areas(
    page: list[_Phys],
    dims: PageGlyphs,
    body_size: float,
    params: ReaderParams = DEFAULT_PARAMS,
    continuing: bool = False,
) -> list[tuple[int, int]]:
    """The footnote areas of a page (after furniture removal), as ``(start, end)`` line indices.

    An area starts below a short horizontal rule (the lowest rule of the page, or any rule
    followed by smaller lines that start with a marker: footnotes set at the end of a section,
    body text resuming after them) and ends where lines of the body size resume. With no
    rule, a trailing block of smaller lines that starts with a marker (the whole page when
    ``continuing``: the previous page ended in notes, which go on here).
    """
    if not page:
        return []
    xs0 = min(p.line.x0 for p in page)
    xs1 = max(p.line.x1 for p in page)
    text_width = max(xs1 - xs0, 1.0)
    rules = sorted(
        (r for r in dims.rules if r.width < params.rule_max_width * text_width),
        key=lambda r: r.top,
    )
    small = params.note_size_with_rule * body_size
    areas: list[tuple[int, int]] = []
    for k, rule in enumerate(rules):
        lowest = k == len(rules) - 1
        start = next((i for i, p in enumerate(page) if p.line.top >= rule.top - 1), None)
        if start is None or (areas and start < areas[-1][1]):
            continue
        end = start
        while end < len(page) and page[end].line.size < small:
            end += 1
        marked = _FOOTNOTE_START_RE.match(page[start].text) is not None
        if end > start and marked:
            areas.append((start, end))
        elif lowest and rule.top > params.rule_min_top * dims.height:
            below = page[start:]
            if statistics.median(q.line.size for q in below) < small or marked:
                areas.append((start, len(page) if end == start else end))
    if rules:
        return areas
    # No rule: a trailing block of smaller text that starts with a marker.
    i = len(page)
    while i > 0 and page[i - 1].line.size < params.note_size_without_rule * body_size:
        i -= 1
    if i < len(page) and (i > 0 or continuing) and _FOOTNOTE_START_RE.match(page[i].text):
        return [(i, len(page))]
    return []


@dataclass(frozen=True)
class _Frame:
    """What the paragraph decisions measure against: the text block's margins and the
    document's body size, line spacing and justification."""

    left: float
    right: float
    rtl: bool
    body_size: float
    spacing: float
    justified: bool
    params: ReaderParams

    def slack(self, p: _Phys) -> float:
        """How far the line stops before the far margin (the left one in right-to-left text)."""
        return (p.line.x0 - self.left) if self.rtl else (self.right - p.line.x1)

    def inset(self, p: _Phys) -> float:
        """How far the line starts after the near margin."""
        return (self.right - p.line.x1) if self.rtl else (p.line.x0 - self.left)


def _line_spacing(body: list[list[_Phys]], body_size: float, params: ReaderParams) -> float:
    """The usual distance between two lines of one paragraph: the smallest gap between
    consecutive body lines that a fair share of all gaps have (a stray small gap is not it)."""
    gaps = sorted(
        b.line.baseline - a.line.baseline
        for page in body
        for a, b in pairwise(page)
        if abs(a.line.size - body_size) < 0.5
        and abs(b.line.size - body_size) < 0.5
        and b.line.baseline > a.line.baseline
    )
    if not gaps:
        return params.spacing_default * body_size
    need = max(2, params.spacing_support * len(gaps)) if len(gaps) > 2 else 1
    w = 1 + params.spacing_window
    for i, g in enumerate(gaps):
        near = [x for x in gaps[i:] if x <= w * g]
        if len(near) >= need:
            return statistics.median(near)
    return statistics.median(gaps)


def _is_justified(
    body: list[list[_Phys]], left: float, right: float, rtl: bool, body_size: float, params: ReaderParams
) -> bool:
    """Do most body lines reach the far margin (justified text), or do they end anywhere?"""
    tol = params.justified_tolerance * body_size
    ragged = params.short_line * body_size
    full = near = 0
    for page in body:
        for p in page:
            if abs(p.line.size - body_size) < 0.5:
                slack = (p.line.x0 - left) if rtl else (right - p.line.x1)
                full += slack < tol
                near += tol <= slack < ragged
    return full >= params.justified_min_lines and full >= params.justified_ratio * near


def _is_short(p: _Phys, frame: _Frame) -> bool:
    """The line stops before the far margin: the last line of a paragraph (in justified
    text any room left says so; in ragged text a wide room)."""
    body = not p.line.bold and abs(p.line.size - frame.body_size) < 0.5  # headings are not justified
    justified = frame.justified and body
    factor = frame.params.justified_tolerance if justified else frame.params.short_line
    return frame.slack(p) > factor * p.line.size


def _first_word_width(p: _Phys, rtl: bool, params: ReaderParams = DEFAULT_PARAMS) -> float:
    """The width of the line's first word in reading order (from its start edge to the first gap)."""
    glyphs = p.line.glyphs  # sorted left to right
    seq = reversed(glyphs) if rtl else iter(glyphs)
    edge: float | None = None
    far = 0.0
    gap = params.first_word_gap * p.line.size
    for g in seq:
        if g.is_space:
            if edge is not None:
                break
            continue
        if edge is None:
            edge = g.x1 if rtl else g.x0
            far = g.x0 if rtl else g.x1
            continue
        if (far - g.x1 if rtl else g.x0 - far) > gap:
            break
        far = min(far, g.x0) if rtl else max(far, g.x1)
    return abs(edge - far) if edge is not None else 0.0


def _starts_paragraph(p: _Phys, prev: _Phys | None, frame: _Frame) -> bool:
    if prev is None:
        return True
    params, body_size, rtl = frame.params, frame.body_size, frame.rtl
    left, right = frame.left, frame.right
    if abs(p.line.size - prev.line.size) > params.size_change * body_size or p.line.bold != prev.line.bold:
        return True
    if _is_short(prev, frame):
        # A line that stops short ends its paragraph. In ragged text, not when the next line's
        # first word would not have fitted in the room left: typesetters that do not stretch
        # every line (or stop at a stretch limit) leave such ragged lines inside a paragraph.
        # A page's last line that stops short is taken as a paragraph's end (the next word is
        # not seen beside it).
        # The room left counts both sides (a centred line leaves it on both).
        # In justified text a line that stops short is a paragraph's last, except a line that
        # starts with a label (word processors set a tab after it and leave the line unstretched).
        justified = frame.justified and not prev.line.bold and not _PARA_MARKER_RE.match(prev.text)
        if justified or p.page != prev.page:
            return True
        slack = (right - left) - (prev.line.x1 - prev.line.x0)
        if slack > _first_word_width(p, rtl, params) + params.fit_margin * p.line.size:
            return True
    # A first-line indent: the line starts further in than the one before and runs to the
    # far margin (word processors mark paragraphs by indent alone, with little or no gap).
    inset = frame.inset(p)
    prev_inset = frame.inset(prev)
    far = frame.slack(p)
    # Not after a marker line: a hanging number or label indents the lines that follow it.
    if (
        inset > max(params.indent * body_size, prev_inset + params.indent * body_size)
        and far < params.indent_far * body_size
        and not _PARA_MARKER_RE.match(prev.text)
    ):
        return True
    if p.page == prev.page and p.line.baseline - prev.line.baseline > params.paragraph_gap * frame.spacing:
        return True
    if _PARA_MARKER_RE.match(p.text):
        return True
    # A centred line at the top of a page: a title or heading, not the rest of a paragraph.
    inside = params.centred_inset * body_size
    return p.page != prev.page and p.line.x0 - left > inside and right - p.line.x1 > inside


def _note_pieces(p: _Phys, rtl: bool, mirror: bool, params: ReaderParams) -> list[_Phys]:
    """A footnote-area line as the notes it holds, each read in its own direction.

    Short notes set side by side on one line (``(4) A/78/1.      (5) A/78/2.``): pieces apart
    by a gap wider than ``params.note_column_gap`` sizes, each starting with a marker. A note
    whose marker is on the left and whose text is Latin is a left-to-right paragraph
    (``(3) A/78/320.``, read right to left it would be ``.A/78/320 (3)``).
    """
    line = p.line
    glyphs = [g for g in line.glyphs if not g.is_space]
    pieces: list[list[Glyph]] = [[]]
    edge: float | None = None
    for g in sorted(line.glyphs, key=lambda g: g.x0):
        if not g.is_space and edge is not None and g.x0 - edge > params.note_column_gap * line.size:
            pieces.append([])
        pieces[-1].append(g)
        if not g.is_space:
            edge = g.x1 if edge is None else max(edge, g.x1)
    out = [p]
    if len(pieces) > 1 and glyphs:
        lines = [TextLine(gs, line.baseline, line.size) for gs in pieces]
        texts = [read_line(tl, rtl, mirror=mirror) for tl in lines]
        if all(
            _FOOTNOTE_START_RE.match(t) or _FOOTNOTE_START_RE.match(read_line(tl, not rtl, mirror=mirror))
            for t, tl in zip(texts, lines, strict=True)
        ):
            if rtl:
                lines.reverse()
                texts.reverse()
            out = [
                _Phys(tl, p.page, t, p.order, "".join(g.text for g in tl.glyphs))
                for tl, t in zip(lines, texts, strict=True)
            ]
    if rtl:
        for q in out:
            ltr = read_line(q.line, False)
            m = _FOOTNOTE_START_RE.match(ltr)
            if m and not _FOOTNOTE_START_RE.match(q.text) and _first_strong(ltr[m.end() :]) == "L":
                q.text = ltr
    return out


def _first_strong(text: str) -> str | None:
    for ch in text:
        c = bidi_class(ch)
        if c in ("L", "R"):
            return c
    return None


def _opens_note(text: str, last_number: int | None) -> bool:
    """Whether a footnote-area line starts a footnote: a marker in brackets or ``*``, or a
    bare number that is the next footnote's (a continuation line may start with a number:
    ``11 ساعة و55 دقيقة``)."""
    m = _FOOTNOTE_START_RE.match(text)
    if m is None:
        return False
    bare = m.group(2)
    if bare is None or not bare.isdigit() or last_number is None:
        return True
    return int(bare) == last_number + 1


def _normalize_footnote(text: str) -> str:
    m = _FOOTNOTE_START_RE.match(text)
    if not m:
        return text
    marker = m.group(1) or m.group(2)
    return f"({marker}) {text[m.end() :].strip()}"


def read_pdf_lines(
    path: str | os.PathLike[str], options: Options = DEFAULT_OPTIONS, params: ReaderParams = DEFAULT_PARAMS
) -> tuple[list[Line], dict[str, object]]:
    """The lines of a PDF in reading order, and the facts the layout told (see the module doc)."""
    return layout_lines(extract_pages(path, options), params)


def layout_lines(
    pages_in: list[PageGlyphs], params: ReaderParams = DEFAULT_PARAMS
) -> tuple[list[Line], dict[str, object]]:
    """Glyph records of every page → numbered lines and facts (no pdfminer needed).

    Every threshold is a field of ``params`` (:class:`~unparse.read.params.ReaderParams`).
    """
    r = sum(1 for p in pages_in for g in p.glyphs if bidi_class(g.text) == "R")
    latin = sum(1 for p in pages_in for g in p.glyphs if bidi_class(g.text) == "L")
    rtl = r >= 0.2 * max(r + latin, 1)
    warnings: list[str] = []

    grouped = [group_lines(pg.glyphs) for pg in pages_in]
    # Do the fonts name bracket shapes (mirrored in right-to-left text) or the characters?
    # Decided once for the document, from the lines whose brackets read backwards one way.
    as_is = swapped = 0
    voted: dict[int, tuple[str, str]] = {}  # id(line) -> its text read as is, mirrored
    for tls in grouped:
        for tl in tls:
            if any(g.text in "()[]" for g in tl.glyphs):
                plain = read_line(tl, rtl)
                mirrored = read_line(tl, rtl, mirror=True)
                voted[id(tl)] = (plain, mirrored)
                a = brackets_backwards(plain)
                b = brackets_backwards(mirrored)
                as_is += a > b
                swapped += b > a
    mirror = as_is > swapped
    pages: list[list[_Phys]] = []
    for pg, tls in zip(pages_in, grouped, strict=True):
        phys: list[_Phys] = []
        for tl in tls:
            read = voted.get(id(tl))
            text = read[mirror] if read is not None else read_line(tl, rtl, mirror=mirror)
            if not text:
                continue
            tl.text = text
            # read_line set tl.order (stream_order) when it first read the line.
            phys.append(_Phys(tl, pg.number, text, tl.order, tl.stream_text))
        pages.append(phys)
    if any("\ufffd" in p.text for page in pages for p in page):
        warnings.append("some glyphs have no Unicode mapping in their font; written as U+FFFD")

    body_size = _body_size(pages)
    furniture, furniture_records = _find_furniture(pages, pages_in, params)
    symbols = [
        m.group()
        for f in furniture_records
        for m in _SYMBOL_TOKEN_RE.finditer(str(f["text"]))
        if f["kind"] in ("running_symbol", "running_header", "running_footer")
    ]

    # Body and footnote lines per page.
    body: list[list[_Phys]] = []
    notes: list[list[_Phys]] = []
    continuing = False  # the previous page ended in its footnote area
    for pi, page in enumerate(pages):
        kept = [p for i, p in enumerate(page) if (pi, i) not in furniture]
        areas = _footnote_areas(kept, pages_in[pi], body_size, params, continuing)
        inside = {i for start, end in areas for i in range(start, end)}
        continuing = bool(areas) and areas[-1][1] == len(kept)
        body.append([p for i, p in enumerate(kept) if i not in inside])
        notes.append([p for i, p in enumerate(kept) if i in inside])

    all_body = [p for page in body for p in page]
    if all_body:
        left = min(p.line.x0 for p in all_body)
        right = max(p.line.x1 for p in all_body)
    else:
        left, right = 0.0, 0.0
    frame = _Frame(
        left,
        right,
        rtl,
        body_size,
        _line_spacing(body, body_size, params),
        _is_justified(body, left, right, rtl, body_size, params),
        params,
    )

    # Paragraph and footnote blocks, footnotes flushed after the paragraph open at page end.
    blocks: list[_Block | str] = []  # str: a separator
    current: _Block | None = None
    pending_notes: list[list[_Block]] = []
    last_note: _Block | None = None

    def close_current() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None
        for group in pending_notes:
            blocks.append(SEPARATOR)
            blocks.extend(group)
        pending_notes.clear()

    prev: _Phys | None = None
    last_number: int | None = None  # of the last numbered footnote
    for pi in range(len(pages)):
        for p in body[pi]:
            if current is None or _starts_paragraph(p, prev, frame):
                close_current()
                kind = "heading" if (p.line.bold or p.line.size > params.heading_size * body_size) else "para"
                current = _Block([p], kind)
            else:
                current.parts.append(p)
            prev = p
        group: list[_Block] = []
        for p in (q for n in notes[pi] for q in _note_pieces(n, rtl, mirror, params)):
            if _opens_note(p.text, last_number):
                p.text = _normalize_footnote(p.text)
                m = _FOOTNOTE_START_RE.match(p.text)
                marker = (m.group(1) or m.group(2)) if m else None
                if marker and marker.isdigit():
                    last_number = int(marker)
                last_note = _Block([p], "footnote")
                group.append(last_note)
            elif last_note is not None and last_note.parts[-1].page >= p.page - 1:
                last_note.parts.append(p)
            else:
                warnings.append(f"page {p.page}: footnote text without a marker kept as a footnote line")
                last_note = _Block([p], "footnote")
                group.append(last_note)
        if group:
            pending_notes.append(group)
        if current is None or not body[pi]:
            close_current()
    close_current()

    # Number the output lines.
    lines: list[Line] = []
    facts_footnotes: list[int] = []
    facts_separators: list[int] = []
    facts_headings: list[int] = []
    end_pages: dict[int, int] = {}
    boxes: dict[int, list[float]] = {}
    heights = {pg.number: pg.height for pg in pages_in}
    orders: list[dict[str, object]] = []
    fixes: list[dict[str, object]] = []

    def emit(text: str, page: int | None) -> int:
        number = len(lines) + 1
        lines.append(Line(number, text, page))
        return number

    if symbols:
        emit(symbols[0], pages_in[0].number if pages_in else None)
        emit("", None)
    for block in blocks:
        if isinstance(block, str):
            facts_separators.append(emit(block, None))
            emit("", None)
            continue
        first = block.parts[0]
        number = emit(block.text, first.page)
        emit("", None)
        if block.parts[-1].page != first.page:
            end_pages[number] = block.parts[-1].page
        on_first = [part.line for part in block.parts if part.page == first.page]
        height = heights.get(first.page, 0.0)
        boxes[number] = [
            float(first.page),
            round(min(tl.x0 for tl in on_first), 2),
            round(height - max(tl.bottom for tl in on_first), 2),
            round(max(tl.x1 for tl in on_first), 2),
            round(height - min(tl.top for tl in on_first), 2),
        ]
        if block.kind == "footnote":
            facts_footnotes.append(number)
        elif block.kind == "heading":
            facts_headings.append(number)
        for part in block.parts:
            orders.append({"page": part.page, "line": number, "order": part.order})
            if part.stream.strip() and "".join(part.stream.split()) != "".join(part.text.split()):
                kind = f"pdf_{part.order}_order"
                fixes.append({"kind": kind, "line": number, "before": part.stream, "after": part.text})
    while lines and not lines[-1].text:
        lines.pop()

    counts = Counter(str(o["order"]) for o in orders)
    facts: dict[str, object] = {
        "reader": "pdf",
        "logical_order": True,
        "pages": len(pages_in),
        "footnote_lines": facts_footnotes,
        "footnote_separator_lines": facts_separators,
        "heading_lines": facts_headings,
        "line_end_pages": end_pages,
        "line_boxes": boxes,
        "stream_order": orders,
        "stream_order_counts": dict(counts),
        "reader_fixes": fixes,
        "furniture": furniture_records,
        "mirrored_brackets": mirror,
        "running_symbols": list(dict.fromkeys(symbols)),
        "reader_warnings": warnings,
    }
    return lines, facts
