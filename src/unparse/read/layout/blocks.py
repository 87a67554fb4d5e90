"""Stage 6: paragraph and footnote blocks.

A new paragraph starts after a vertical gap larger than the line spacing, after a line
that stops short of the far margin, at a first-line indent, at a change of size or weight,
or at a paragraph or sub-item marker. A paragraph still open at a page's end continues on
the next page when that page's first line does not start a paragraph; each page's
footnotes are placed after the paragraph that was open when the page ended.
"""

from __future__ import annotations

from ...bidi import bidi_class, brackets_backwards
from ...lexicon import PREAMBLE_LEAD_RE
from ..glyphs import read_line
from ..params import DEFAULT_PARAMS, ReaderParams
from .footnotes import normalize_footnote, note_pieces, opens_note
from .records import (
    FOOTNOTE_START_RE,
    PARA_MARKER_RE,
    SEPARATOR,
    SUMMARY_HEADING_RE,
    Block,
    Blocks,
    Frame,
    PageParts,
    PhysLine,
)


def is_short(p: PhysLine, frame: Frame) -> bool:
    """The line stops before the far margin: the last line of a paragraph (in justified
    text any room left says so; in ragged text a wide room)."""
    body = not p.line.bold and abs(p.line.size - frame.body_size) < 0.5  # headings are not justified
    justified = frame.justified and body
    factor = frame.params.justified_tolerance if justified else frame.params.short_line
    return frame.slack(p) > factor * p.line.size


def first_word_width(p: PhysLine, rtl: bool, params: ReaderParams = DEFAULT_PARAMS) -> float:
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


# Leads that open a sentence in running prose too ("، إذ إن", "، وقد أشار"): no evidence of
# a new paragraph at a line's start.
_PROSE_LEADS = frozenset({"إذ", "وإن", "وإنه", "وقد", "وبعد أن"})


def _preambular_lead(text: str) -> bool:
    """The line opens with the lead of a preambular paragraph that running prose does not
    use after a comma: "وإذ", or an accusative with "منه/منها" ("وإدراكا منها").

    Real (ecosoc-var and cop-var of tests/fixtures/variants):

    >>> _preambular_lead("ورغبة منه في تعزيز التعاون"), _preambular_lead("وإذ يحيط علما بالتقدم")
    (True, True)
    >>> _preambular_lead("وقد أشار التقرير إلى"), _preambular_lead("إذ إن الموارد")
    (False, False)
    """
    m = PREAMBLE_LEAD_RE.match(text)
    return m is not None and m["particle"] not in _PROSE_LEADS


def starts_paragraph(p: PhysLine, prev: PhysLine | None, frame: Frame) -> bool:
    """Whether ``p`` opens a new paragraph after ``prev`` (the body line before it)."""
    if prev is None:
        return True
    if p.cell is not None or prev.cell is not None:
        return p.cell != prev.cell  # a column of a grid is a paragraph
    params, body_size, rtl = frame.params, frame.body_size, frame.rtl
    left, right = frame.left, frame.right
    if abs(p.line.size - prev.line.size) > params.size_change * body_size or p.line.bold != prev.line.bold:
        return True
    inside = params.centred_inset * body_size
    if SUMMARY_HEADING_RE.match(p.text.strip()) and frame.inset(p) > inside and frame.slack(p) > inside:
        # A summary's heading, centred below a title block set with no space between its
        # lines: the line above may fill the measure, so that no room tells its end.
        return True
    indent = params.indent * body_size
    if (
        frame.inset(p) > indent
        and abs(frame.inset(p) - frame.inset(prev)) < indent / 2
        and prev.text.rstrip().endswith(("،", "؛"))
        and _preambular_lead(p.text)
    ):
        # A first-line indent below another one (a one-line paragraph that ends near the far
        # margin, so that no room shows its end), and the lead of a preambular paragraph
        # ("وإذ تشير", "وتصميما منه") after a clause's comma. The lead alone says nothing: a
        # preambular paragraph may go on with "، وإذ يشجع" wrapped to a line's start.
        return True
    if is_short(prev, frame):
        # A line that stops short ends its paragraph. In ragged text, not when the next line's
        # first word would not have fitted in the room left: typesetters that do not stretch
        # every line (or stop at a stretch limit) leave such ragged lines inside a paragraph.
        # A page's last line that stops short is taken as a paragraph's end (the next word is
        # not seen beside it).
        # The room left counts both sides (a centred line leaves it on both).
        # In justified text a line that stops short is a paragraph's last, except a line that
        # starts with a label (word processors set a tab after it and leave the line unstretched).
        justified = frame.justified and not prev.line.bold and not PARA_MARKER_RE.match(prev.text)
        # Spaced ragged text: two lines flush with the near margin and no gap between them
        # are one paragraph (its end would show a gap). Across a page break no gap can show:
        # there the next line's first word decides, as in ragged text.
        flush = params.indent * body_size
        wrapped = frame.spaced and frame.inset(p) < flush and frame.inset(prev) < flush
        turned = p.page != prev.page
        if justified or (turned and not wrapped):
            return True
        slack = (right - left) - (prev.line.x1 - prev.line.x0)
        fits = slack > first_word_width(p, rtl, params) + params.fit_margin * p.line.size
        if fits and (turned or not wrapped):
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
        and not PARA_MARKER_RE.match(prev.text)
    ):
        return True
    if p.page == prev.page and p.line.baseline - prev.line.baseline > params.paragraph_gap * frame.spacing:
        return True
    if PARA_MARKER_RE.match(p.text):
        return True
    # A centred line at the top of a page: a title or heading, not the rest of a paragraph.
    return p.page != prev.page and p.line.x0 - left > inside and right - p.line.x1 > inside


def _left_to_right(p: PhysLine) -> bool:
    """The line's first strong letter is left to right and it has no right-to-left one."""
    classes = {bidi_class(g.text) for g in p.line.glyphs}
    return "L" in classes and "R" not in classes


def _read_left_to_right(p: PhysLine, mirror: bool) -> str:
    """A paragraph of Latin letters and numbers only, read left to right (bidi rules P2-P3:
    ``12 July 2024``, not ``July 2024 12``), unless that reading starts with punctuation or
    has brackets backwards: then it is the tail of a right-to-left sentence
    (``(E/CN.15/2024/2).`` shown ``.(E/CN.15/2024/2)``) and keeps its reading."""
    ltr = read_line(p.line, False, mirror=mirror)
    if ltr and (ltr[0].isalnum() or ltr[0] == "(") and not brackets_backwards(ltr):
        return ltr
    return p.text


def build_blocks(parts: list[PageParts], frame: Frame, mirror: bool) -> Blocks:
    """The paragraphs, headings and footnotes of the document in reading order, each page's
    footnotes (after a separator) following the paragraph open when the page ended."""
    params, rtl = frame.params, frame.rtl
    items: list[Block | str] = []  # str: a separator
    warnings: list[str] = []
    current: Block | None = None
    pending_notes: list[list[Block]] = []
    last_note: Block | None = None

    def close_current() -> None:
        nonlocal current
        if current is not None:
            items.append(current)
            current = None
        for group in pending_notes:
            items.append(SEPARATOR)
            items.extend(group)
        pending_notes.clear()

    prev: PhysLine | None = None
    last_number: int | None = None  # of the last numbered footnote
    for page in parts:
        for p in page.body:
            if current is None or starts_paragraph(p, prev, frame):
                close_current()
                if rtl and _left_to_right(p):
                    p.text = _read_left_to_right(p, mirror)
                big = p.line.bold or p.line.size > params.heading_size * frame.body_size
                current = Block([p], "heading" if big else "para")
            else:
                current.parts.append(p)
            prev = p
        group: list[Block] = []
        for p in (q for n in page.notes for q in note_pieces(n, rtl, mirror, params)):
            if opens_note(p.text, last_number):
                p.text = normalize_footnote(p.text)
                m = FOOTNOTE_START_RE.match(p.text)
                marker = (m.group(1) or m.group(2)) if m else None
                if marker and marker.isdigit():
                    last_number = int(marker)
                last_note = Block([p], "footnote")
                group.append(last_note)
            elif last_note is not None and last_note.parts[-1].page >= p.page - 1:
                last_note.parts.append(p)
            else:
                warnings.append(f"page {p.page}: footnote text without a marker kept as a footnote line")
                last_note = Block([p], "footnote")
                group.append(last_note)
        if group:
            pending_notes.append(group)
        if current is None or not page.body:
            close_current()
    close_current()
    return Blocks(items, warnings)
