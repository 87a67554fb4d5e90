"""The records the layout stages hand one another, and the line patterns they share.

Each stage of :func:`unparse.read.layout.layout_lines` takes records of the stage
before and returns its own: pages of glyphs (:class:`PageGlyphs`) → physical lines
read in one direction (:class:`PhysLine`, per page) → what is furniture
(:class:`Furniture`) → each page's body and footnote lines (:class:`PageParts`) → the
text block's margins and measures (:class:`Frame`) → output blocks (:class:`Blocks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...lines import join_wrapped
from ...symbols import BARCODE, JOB_NUMBER, PAGE_NUMBER, SYMBOL, SYMBOL_LOOSE
from ..glyphs import Glyph, Rule, TextLine
from ..params import ReaderParams

SEPARATOR = "_______________"

# The reader's own line patterns, not segment/patterns.py's look-alikes: they read a PDF's
# lines before any repair, and read/ imports nothing from a later stage.
_SYMBOL_RE = regex.compile(rf"^{SYMBOL_LOOSE}$")
SYMBOL_TOKEN_RE = regex.compile(rf"(?<![\w/]){SYMBOL}(?![\w/])")
# A header that is the document's symbol with its page number (and a Security Council
# resolution's year): ``A/DEC/78/540 1``, ``3 E/2024/55``, ``S/RES/2698 (2023) 1``. Repetition
# tells a running header on a document of several pages; on a one-page document only this.
_SYMBOL_HEADER_RE = regex.compile(
    rf"^(?:\p{{Nd}}{{1,4}}\s+)?{SYMBOL_LOOSE}(?:\s*\(\p{{Nd}}{{4}}\))?(?:\s+\p{{Nd}}{{1,4}})?$"
)
# Matched on a stripped line (see furniture_kind).
_PAGE_NUMBER_RE = regex.compile(rf"^{PAGE_NUMBER}$")
_JOB_RE = regex.compile(rf"^{JOB_NUMBER}\s*\*?$|^{BARCODE}$")
FOOTNOTE_START_RE = regex.compile(r"^(?:\((\p{Nd}{1,3}|\*)\)|(\p{Nd}{1,3}|\*)(?=\s)(?!\s*[-–]))\s*")
BRACKETED_MARKER_RE = regex.compile(r"^\((?:\p{Nd}{1,3}|\*)\)\s")
# A line that opens a paragraph whatever its geometry: "12 - ", "(أ) ", a second-level point
# "'1' " (its number in quotes), "أولاً - ", "ألف - ", and an entry of a list of documents,
# "A/78/320 - " (its symbol, a dash, its title).
# The heading of a report's summary: a word alone on its line, centred.
SUMMARY_HEADING_RE = regex.compile(r"^(?:ال)?(?:موجز|ملخص|خلاصة)\*{0,3}$")
PARA_MARKER_RE = regex.compile(
    r"^(?:\p{Nd}{1,3}\s*[-–]\s|\((?:\p{Arabic}{1,3}|\p{Nd}{1,3}|[ivx]{1,5})\)\s|"
    r"['‘’′](?:\p{Nd}{1,2}|[ivx]{1,4})['‘’′]\s|"
    r"[\p{Arabic}\p{Mn}]{2,8}\s[-–]\s|" + SYMBOL + r"\s[-–]\s)"
)


def furniture_kind(text: str) -> str | None:
    """``page_number``, ``job_number``, ``running_symbol`` or ``running_header`` (a symbol
    and a page number) for a line that is one, else None.

    >>> furniture_kind("A/DEC/78/540 ١"), furniture_kind("S/RES/2698 (2023) 1")
    ('running_header', 'running_header')
    >>> furniture_kind("A/78/320"), furniture_kind("A/78/320 - تقرير")
    ('running_symbol', None)
    """
    t = text.strip()
    if _PAGE_NUMBER_RE.match(t):
        return "page_number"
    if _JOB_RE.match(t):
        return "job_number"
    if _SYMBOL_RE.match(t):
        return "running_symbol"
    if _SYMBOL_HEADER_RE.match(t):
        return "running_header"
    return None


@dataclass
class PageGlyphs:
    """One page as plain records: its size, glyphs and horizontal rules."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule] = field(default_factory=list)
    # Glyphs read as a kashida against their font's map (see read/fonts.py): how many, by
    # (font name, code, the text the map gave).
    kashidas: dict[tuple[str, int, str], int] = field(default_factory=dict)


@dataclass
class PhysLine:
    """A physical line of a page, read: its glyphs, page, reading-order text, how the
    content stream drew it (``order``) and the stream's own text."""

    line: TextLine
    page: int
    text: str
    order: str
    stream: str
    cell: tuple[int, int] | None = None  # (grid, column) of a line read as a column's piece


@dataclass(frozen=True)
class Reading:
    """The document's direction and bracket reading, and its pages as physical lines."""

    rtl: bool
    mirror: bool
    pages: list[list[PhysLine]]


@dataclass(frozen=True)
class Furniture:
    """The lines taken out as page furniture: ``(page index, line index)`` pairs, one
    record per line (``page``, ``kind``, ``text``), and the document symbols they name."""

    lines: set[tuple[int, int]]
    records: list[dict[str, object]]
    symbols: list[str]


@dataclass(frozen=True)
class PageParts:
    """A page's lines once furniture is out: the body, and the footnote area's lines."""

    body: list[PhysLine]
    notes: list[PhysLine]


@dataclass(frozen=True)
class Frame:
    """What the paragraph decisions measure against: the text block's margins and the
    document's body size, line spacing and justification."""

    left: float
    right: float
    rtl: bool
    body_size: float
    spacing: float
    justified: bool
    params: ReaderParams
    spaced: bool = False

    def slack(self, p: PhysLine) -> float:
        """How far the line stops before the far margin (the left one in right-to-left text)."""
        return (p.line.x0 - self.left) if self.rtl else (self.right - p.line.x1)

    def inset(self, p: PhysLine) -> float:
        """How far the line starts after the near margin."""
        return (self.right - p.line.x1) if self.rtl else (p.line.x0 - self.left)


@dataclass
class Block:
    """An output line in the making: a paragraph, a heading or a footnote."""

    parts: list[PhysLine]
    kind: str  # "para", "footnote", "heading"

    @property
    def text(self) -> str:
        return join_wrapped([p.text for p in self.parts])


@dataclass(frozen=True)
class Blocks:
    """The output lines in reading order (a ``str`` is a footnote separator) and what the
    block stage could not read well."""

    items: list[Block | str]
    warnings: list[str]
