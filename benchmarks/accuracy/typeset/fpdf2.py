"""Typeset a benchmark source with fpdf2, its text shaped by HarfBuzz (uharfbuzz).

fpdf2 breaks each block into lines (as ``multi_cell`` does, shaping
``rtl``/``arab``/``ar``, fonts embedded as subsets); this module places the lines itself,
page by page, so that each footnote lands at the foot of the page of its first reference:
when a line holding a new reference is placed, the note's height is reserved at the bottom
of that page (the line moves to the next page with its note if both do not fit). The notes
are printed there at the page's end, smaller, below a short rule on the right, each
starting with its mark ``(M)``. References print as plain ``(M)`` glued to their word.
Common to all styles: A4, Amiri, the title block centred (the title bold), headings bold,
sub-items indented from the right, closing lines centred, each annex on a new page, a
running header (symbol on the left, page number on the right, in the document's digits).
Styles:

- ``amiri-packed``: 12pt justified, the paragraphs one after another with no vertical
  space and no indent: only the short last line tells where a paragraph ends.
- ``amiri-spaced``: 14pt, flush right (ragged left), 3.5 mm between paragraphs.

What is printed is ``src.clean_text()`` modulo layout (the footnotes at the page feet).
Needs: pip ``fpdf2==2.8.9 uharfbuzz`` (the lines are drawn with fpdf2's private
``_preload_bidirectional_text``, ``line_break.MultiLineBreak`` and
``_render_styled_text_line``, hence the pinned version); Debian ``fonts-hosny-amiri``.
About 0.2-1.7 s per document (A4, 1-8 pages).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version as _pkg_version
from pathlib import Path
from typing import Any

from fpdf import FPDF, Align, XPos, YPos
from fpdf.line_break import MultiLineBreak, TextLine
from source import REF_RE, Block, Source

STYLES: tuple[str, ...] = ("amiri-packed", "amiri-spaced")
FONT_DIR = Path("/usr/share/fonts/opentype/fonts-hosny-amiri")
FONT = "Amiri"

_STYLE: dict[str, dict[str, Any]] = {
    "amiri-packed": {"size": 12.0, "lead": 1.55, "gap": 0.0, "align": Align.J, "margins": (22, 28, 22, 22)},
    "amiri-spaced": {"size": 14.0, "lead": 1.45, "gap": 3.5, "align": Align.R, "margins": (25, 25, 25, 25)},
}
PT = 25.4 / 72  # mm per point
NOTE_SCALE = 0.78  # note font size / body font size
RULE_GAP = 3.0  # mm above and below the footnote rule


@functools.lru_cache(maxsize=1)
def version() -> str:
    return f"fpdf2 {_pkg_version('fpdf2')} + uharfbuzz {_pkg_version('uharfbuzz')}"


@dataclass
class _Spec:
    """How one block is set."""

    size: float
    bold: bool = False
    align: Align = Align.J
    indent: float = 0.0  # mm from the right margin
    before: float = 0.0  # mm above
    after: float = 0.0  # mm below
    keep: bool = False  # keep with the next block (headings)


class _Doc(FPDF):
    def __init__(self, src: Source, style: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.src = src
        st = _STYLE[style]
        self.size: float = st["size"]
        self.lead: float = st["lead"]
        top, right, bottom, left = st["margins"]
        self.set_margins(left=left, top=top, right=right)
        self.b_margin_mm: float = bottom
        self.set_auto_page_break(False, margin=bottom)
        self.c_margin = 0
        for style_code, name in (("", "Amiri-Regular.ttf"), ("B", "Amiri-Bold.ttf")):
            self.add_font(FONT, style_code, str(FONT_DIR / name))
        self.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
        self.page_notes: list[str] = []  # markers reserved on the current page
        self.placed: set[str] = set()
        self.note_lines: dict[str, list[TextLine]] = {}

    # ------------------------------------------------------------------ running header
    def header(self) -> None:
        self.set_font(FONT, "", 9)
        y = self.t_margin - 12
        symbol = self.src.meta.get("symbol", "")
        self.set_xy(self.l_margin, y)
        with self._ltr():
            self.cell(self.epw / 2, 5, symbol, align="L")
        self.set_xy(self.l_margin + self.epw / 2, y)
        self.cell(self.epw / 2, 5, self.src.digits(str(self.page_no())), align="R")
        self.set_y(self.t_margin)

    @contextlib.contextmanager
    def _ltr(self) -> Iterator[None]:
        self.set_text_shaping(use_shaping_engine=True, direction="ltr", script="latn", language="en")
        try:
            yield
        finally:
            self.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")

    # ------------------------------------------------------------------ measuring
    def lines(self, text: str, size: float, bold: bool, align: Align, width: float) -> list[TextLine]:
        """``text`` broken into fpdf2 ``TextLine``s, as ``multi_cell`` breaks it."""
        self.set_font(FONT, "B" if bold else "", size)
        fragments = self._preload_bidirectional_text(self.normalize_text(text), False)
        breaker = MultiLineBreak(fragments, width, [0.0, 0.0], align=align)
        out: list[TextLine] = []
        while (line := breaker.get_line()) is not None:
            out.append(line)
        return out

    @property
    def note_size(self) -> float:
        return round(self.size * NOTE_SCALE, 1)

    @property
    def note_lh(self) -> float:
        return self.note_size * 1.35 * PT

    def note_height(self, markers: list[str]) -> float:
        if not markers:
            return 0.0
        n = sum(len(self._note_lines(m)) for m in markers)
        return 2 * RULE_GAP + n * self.note_lh

    def _note_lines(self, marker: str) -> list[TextLine]:
        if marker not in self.note_lines:
            mark = "*" if marker == "*" else f"({self.src.digits(marker)})"
            text = f"{mark} {self.src.render(self.src.notes[marker])}"
            self.note_lines[marker] = self.lines(text, self.note_size, False, Align.J, self.epw)
        return self.note_lines[marker]

    def bottom(self, extra: list[str]) -> float:
        return self.h - self.b_margin_mm - self.note_height(self.page_notes + extra)

    # ------------------------------------------------------------------ drawing
    def draw_line(self, line: TextLine, x: float, lh: float) -> None:
        if line.align == Align.L:  # fpdf2 sets the last line of a justified block left
            line = line._replace(align=Align.R)
        self.set_xy(x, self.y)
        self._render_styled_text_line(line, h=lh, new_x=XPos.LEFT, new_y=YPos.NEXT, border=0, fill=False)

    def finish_page(self) -> None:
        """Print the notes reserved on this page at its foot."""
        if self.page_notes:
            top = self.bottom([])
            right = self.l_margin + self.epw
            self.set_line_width(0.25)
            self.line(right - self.epw * 0.25, top + RULE_GAP, right, top + RULE_GAP)
            self.set_y(top + 2 * RULE_GAP)
            self.set_font(FONT, "", self.note_size)
            for m in self.page_notes:
                for line in self._note_lines(m):
                    self.draw_line(line, self.l_margin, self.note_lh)
        self.page_notes = []

    def new_page(self) -> None:
        if self.page:
            self.finish_page()
        self.add_page()

    def place(self, raw: str, spec: _Spec, next_lines: int = 0) -> None:
        """Set ``raw`` (a printed block, references still ``[^M]``) from the current y."""
        text = self.src.render(raw)
        width = self.epw - spec.indent
        lh = spec.size * self.lead * PT
        lines = self.lines(text, spec.size, spec.bold, spec.align, width)
        if self.y > self.t_margin + 0.1:
            self.set_y(self.y + spec.before)
        need = lh * (len(lines) + next_lines if spec.keep else min(2, len(lines)))
        if self.y + need > self.bottom([]):  # a heading with its next lines, no orphan line
            self.new_page()
        refs = _refs_by_line(_refs(self.src, raw), lines)
        for line, markers in zip(lines, refs, strict=True):
            new = [m for m in markers if m not in self.placed and m not in self.page_notes]
            if self.y + lh > self.bottom(new) and self.y > self.t_margin + 0.1:
                self.new_page()
            self.page_notes.extend(new)
            self.placed.update(new)
            self.set_font(FONT, "B" if spec.bold else "", spec.size)
            self.draw_line(line, self.l_margin, lh)
        self.set_y(self.y + spec.after)


def _line_text(line: TextLine) -> str:
    return "".join("".join(f.characters) for f in line.fragments)


def _refs(src: Source, raw: str) -> list[tuple[str, str, int]]:
    """Each reference of ``raw`` as (marker, printed mark, its occurrence number among the
    occurrences of that mark in the printed text)."""
    out = []
    for m in REF_RE.finditer(raw):
        mark = src.render(m.group())
        out.append((m.group(1), mark, src.render(raw[: m.start()]).count(mark) + 1))
    return out


def _refs_by_line(refs: list[tuple[str, str, int]], lines: list[TextLine]) -> list[list[str]]:
    """The markers referenced on each line: the k-th ``(M)`` of the text is on the line where
    the running count of ``(M)`` reaches k (a glued ``(M)`` is never broken)."""
    out: list[list[str]] = [[] for _ in lines]
    for marker, mark, k in refs:
        seen = 0
        for i, line in enumerate(lines):
            seen += _line_text(line).count(mark)
            if seen >= k:
                out[i].append(marker)
                break
        else:  # not found (should not happen): the note goes with the first line
            out[0].append(marker)
    return out


def _spec(style: str, b: Block, prev: str) -> _Spec:
    st = _STYLE[style]
    size, gap, align = st["size"], st["gap"], st["align"]
    if b.tag == "head":
        return _Spec(size, align=Align.C)
    if b.tag == "title":
        return _Spec(size, bold=True, align=Align.C, before=4, after=max(gap, 4))
    if b.tag == "annex":
        return _Spec(size, bold=True, align=Align.C, after=max(gap, 4), keep=True)
    if b.tag == "closing":
        return _Spec(size, align=Align.C, before=8 if prev != "closing" else 0)
    if b.tag in ("section1", "section2"):
        big = size * 1.08 if b.tag == "section1" else size
        return _Spec(big, bold=True, align=Align.R, before=max(gap, 2), after=gap, keep=True)
    indent = {"item": 10.0, "item2": 20.0}.get(b.tag, 0.0)
    return _Spec(size, align=align, indent=indent, after=gap)


def typeset(src: Source, style: str, out_pdf: Path) -> None:
    """Set ``src`` in ``style`` and write the PDF to ``out_pdf`` (A4)."""
    if style not in _STYLE:
        raise ValueError(f"unknown fpdf2 style {style!r}; known: {', '.join(STYLES)}")
    doc = _Doc(src, style)
    doc.new_page()
    prev = ""
    for b in src.body_blocks():
        spec = _spec(style, b, prev)
        if b.tag == "annex" and (doc.y > doc.t_margin + 0.1 or doc.page_notes):
            doc.new_page()
        for line in b.printed().split("\n"):
            if line.strip():
                doc.place(line, spec, next_lines=2)
        prev = b.tag
    doc.finish_page()
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(out_pdf))
