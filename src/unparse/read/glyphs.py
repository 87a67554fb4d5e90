"""Plain glyph records and everything built from them: lines, words, reading order.

Like pdfplumber's ``page.chars``, a :class:`Glyph` is a small immutable record (text,
box, baseline, font, size, position in the content stream). The PDF reader turns
pdfminer's layout objects into these records once; every later decision works on
them, so all of it is testable without a PDF.

Reading order. A right-to-left line is *displayed* in visual order: its Arabic letters
right to left, its digit groups and Latin runs left to right. Sorting the glyphs by
their x position gives the visual sequence whatever order the content stream had
(logical, as word processors often write it, or visual, as fpdf2 and many typesetters
write it). :func:`visual_to_logical` inverts the Unicode bidi display rules on that
sequence: strong Latin runs and numbers keep their left-to-right order, everything
else is read right to left. Where the stream order was logical or visual is still
reported per line (:func:`stream_order`), since it says what an ordinary extractor
made of the page.
"""

from __future__ import annotations

import functools
import itertools
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..bidi import Unit as _Unit
from ..bidi import bidi_class, visual_to_logical
from .fonts import NON_LEFT_JOINING

# Characters that are drawn as one glyph together with the footnote reference digits.
_SUPERSCRIPT_DECORATION = frozenset("()⁽⁾[] ")


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__, about
# four times the cost of a plain one, and the reader makes a record per drawn character.
# Nothing changes a glyph once made; it stays hashable as it was (by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Glyph:
    """One drawn character, pdfplumber style; coordinates in points from the page's top-left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    fontname: str = ""
    seq: int = 0
    ink_x1: float | None = None
    """Where the glyph's ink ends on the right, when the font program says (past ``x1``
    where a letter's joining stroke reaches over to the letter on its right)."""

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def is_space(self) -> bool:
        return not self.text.strip()

    @property
    def is_empty(self) -> bool:
        """Draws no character (a zero-width or format code, e.g. one glyph of a split letter)."""
        return all(unicodedata.category(c) == "Cf" for c in self.text)

    @property
    def is_mark(self) -> bool:
        """A combining mark (haraka, shadda) drawn over or under another glyph."""
        return _is_mark_text(self.text)

    @property
    def bold(self) -> bool:
        return _bold_font(self.fontname)


@functools.lru_cache(maxsize=1024)
def _bold_font(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "black" in name or "heavy" in name


def _center_seq(g: Glyph) -> tuple[float, int]:
    return ((g.x0 + g.x1) / 2, g.seq)


def _seq(g: Glyph) -> int:
    return g.seq


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule drawn on the page (a footnote separator, a header underline)."""

    x0: float
    x1: float
    top: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class TextLine:
    """The glyphs sharing one baseline, and what was read from them."""

    glyphs: list[Glyph]
    baseline: float
    size: float
    text: str = ""
    order: str = "visual"  # the content stream's order: "logical", "visual" or "neutral"
    superscripts: list[str] = field(default_factory=list)
    units: list[_Unit] | None = None  # the visual units, computed once

    # The extents are read many times by the layout stages and the glyphs do not change
    # once group_lines has returned the line: computed once.
    @functools.cached_property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs if g.text.strip())

    @functools.cached_property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs if g.text.strip())

    @functools.cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @functools.cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @functools.cached_property
    def bold(self) -> bool:
        letters = [g.fontname for g in self.glyphs if g.text.strip()]
        return bool(letters) and sum(map(_bold_font, letters)) > len(letters) / 2

    @property
    def stream_text(self) -> str:
        """The line as an extractor that follows the content stream would give it."""
        return "".join(g.text for g in sorted(self.glyphs, key=_seq))


@functools.lru_cache(maxsize=8192)
def _is_mark_text(text: str) -> bool:
    # Glyph texts repeat (one per character of the font): cached, not recomputed per glyph.
    return bool(text) and all(unicodedata.combining(c) or c == "\u0670" for c in text)


def _median(values: Iterable[float], default: float = 0.0) -> float:
    vals = list(values)
    return statistics.median(vals) if vals else default


def group_lines(glyphs: Sequence[Glyph]) -> list[TextLine]:
    """Group glyphs into lines by baseline, top to bottom; superscripts join the line they sit on.

    A glyph joins a line when its baseline is within a third of its size of the line's.
    A cluster of small glyphs (digits, brackets, ``*``) raised less than one line above a
    line of larger text is that line's superscript references, not a line of its own.
    Combining marks join the line whose baseline is nearest.
    """
    is_mark = [_is_mark_text(g.text) for g in glyphs]
    base = sorted(
        (g for g, m in zip(glyphs, is_mark, strict=True) if not m), key=lambda g: (g.baseline, g.x0)
    )
    clusters: list[list[Glyph]] = []
    total = 0.0  # sum of the current cluster's baselines: its mean is the reference
    for g in base:
        if clusters:
            last = clusters[-1]
            if abs(g.baseline - total / len(last)) <= 0.3 * max(g.size, last[0].size):
                last.append(g)
                total += g.baseline
                continue
        clusters.append([g])
        total = g.baseline

    lines = [
        TextLine(c, _median(x.baseline for x in c), _median(x.size for x in c if x.text.strip()) or c[0].size)
        for c in clusters
    ]
    # Superscript clusters: small, reference-like, just above a line of larger text.
    merged: list[TextLine] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        text = "".join(g.text for g in line.glyphs).strip()
        if (
            nxt is not None
            and text
            and all(c.isdigit() or c in "()⁽⁾*[] " for c in text)
            and line.size < 0.85 * nxt.size
            and 0 < nxt.baseline - line.baseline < 0.8 * nxt.size
        ):
            nxt.glyphs.extend(line.glyphs)
            continue
        if nxt is not None and _stray_piece(line, nxt):
            nxt.glyphs.extend(line.glyphs)
            continue
        merged.append(line)
    baselines = [ln.baseline for ln in merged]
    for mark in (g for g, m in zip(glyphs, is_mark, strict=True) if m):
        if not merged:
            break
        b = mark.baseline
        best = min(range(len(merged)), key=lambda k: abs(baselines[k] - b))
        merged[best].glyphs.append(mark)
    for line in merged:
        line.glyphs.sort(key=_center_seq)
    return merged


def _stray_piece(line: TextLine, nxt: TextLine) -> bool:
    """A letter or two of the line below drawn raised on a baseline of their own (Chromium's
    Noto Naskh draws ``أُ`` of ``وأُتيحت`` half a line up): right-to-left glyphs only, narrow,
    less than half a line above a line of the same size."""
    marks = [g for g in line.glyphs if g.text.strip()]
    if not 1 <= len(marks) <= 3 or any(
        bidi_class(g.text) != "R" and not _is_mark_text(g.text) for g in marks
    ):
        return False
    width = max(g.x1 for g in marks) - min(g.x0 for g in marks)
    rise = nxt.baseline - line.baseline
    return (
        width < 1.5 * nxt.size and 0 < rise < 0.6 * nxt.size and abs(line.size - nxt.size) < 0.15 * nxt.size
    )


def is_superscript(g: Glyph, line: TextLine) -> bool:
    """Raised above the line's baseline and smaller than its text."""
    return g.size < 0.85 * line.size and g.baseline < line.baseline - 0.15 * line.size


def stream_order(line: TextLine) -> str:
    """Whether the content stream drew this line's right-to-left letters right to left.

    ``"logical"``: the stream goes right to left through the Arabic letters (reading
    order); ``"visual"``: left to right (display order, every word reversed for an
    extractor that follows the stream); ``"neutral"``: no evidence (no Arabic, one glyph).
    """
    arabic = sorted((g for g in line.glyphs if bidi_class(g.text) == "R"), key=_seq)
    rtl = ltr = 0
    for a, b in itertools.pairwise([(g.x0 + g.x1) / 2 for g in arabic]):
        if b < a:
            rtl += 1
        elif b > a:
            ltr += 1
    if rtl == ltr:
        return "neutral"
    return "logical" if rtl > ltr else "visual"


def _gap_threshold(bases: list[Glyph], minimum: float) -> float:
    """The smallest gap that separates words on this line.

    At least ``minimum``; where the line has wider gaps, half their median (kerning can open
    a small gap inside a word, justification makes word gaps wide).
    """
    gaps: list[float] = []
    edge: float | None = None
    for g in bases:
        if not g.text.strip():
            continue
        if edge is not None and g.x0 - edge > minimum:
            gaps.append(g.x0 - edge)
        edge = g.x1 if edge is None else max(edge, g.x1)
    return max(minimum, 0.5 * statistics.median(gaps)) if gaps else minimum


def _inside_arabic_word(bases: list[Glyph], i: int) -> bool:
    """The nearest mapped glyphs on both sides of ``bases[i]`` are right-to-left letters."""
    sides = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(bases) and bases[k].text == "\ufffd":
            k += step
        if not 0 <= k < len(bases):
            return False
        sides.append(bases[k].text)
    return all(bidi_class(t) == "R" for t in sides)


def _joined_over_gap(left: Glyph, right: Glyph, size: float) -> bool:
    """The letter on the left joins the one on the right across the gap between their
    boxes: its ink reaches the right one (a final or medial form's joining stroke, wider
    than its advance: Amiri's ``ـذ`` of ``تنفيذ``), and the right one is a letter that joins
    the letter after it (a stroke cannot join ``و`` or ``ا`` on that side). No space."""
    return (
        left.ink_x1 is not None
        and left.ink_x1 >= right.x0 - 0.05 * size
        and bidi_class(left.text) == "R"
        and bidi_class(right.text) == "R"
        and right.text[-1:] not in NON_LEFT_JOINING
    )


def _visual_units(line: TextLine, gap_factor: float) -> list[_Unit]:
    """The line left to right as units: glyph texts (marks attached), spaces, superscript refs.

    Also sets ``line.order`` (:func:`stream_order`), which it needs anyway.
    """
    marks: dict[int, list[Glyph]] = {}
    ordered = sorted(line.glyphs, key=_center_seq)
    bases = [g for g in ordered if not _is_mark_text(g.text)]
    # A mark belongs to the glyph drawn next to it in the stream: after its base in a logical
    # stream, before it in a visual one (its origin is at the base's left edge); else nearest.
    order = stream_order(line)
    line.order = order
    if bases and len(bases) < len(ordered):
        index = {id(g): k for k, g in enumerate(bases)}
        stream = sorted(line.glyphs, key=_seq)
        skip = [_is_mark_text(g.text) or not g.text.strip() for g in stream]
        n = len(stream)
        direction = -1 if order == "logical" else 1
        for pos, g in enumerate(stream):
            if not _is_mark_text(g.text):
                continue
            k = pos + direction
            while 0 <= k < n and skip[k]:
                k += direction
            near = stream[k] if 0 <= k < n else None
            center = (g.x0 + g.x1) / 2
            if near is not None and max(near.x0 - center, center - near.x1, 0.0) < line.size:
                marks.setdefault(index[id(near)], []).append(g)
                continue
            i = min(
                (k for k in range(len(bases)) if not bases[k].is_space),
                key=lambda k: max(bases[k].x0 - center, center - bases[k].x1, 0.0),
                default=None,
            )
            if i is not None:
                marks.setdefault(i, []).append(g)
    units: list[_Unit] = []
    prev: Glyph | None = None
    sup: list[Glyph] = []

    def flush_sup() -> None:
        if not sup:
            return
        digits = "".join(c for g in sup for c in g.text if c not in _SUPERSCRIPT_DECORATION)
        units.append(_Unit(f"({digits})" if digits else "", "SUP"))
        sup.clear()

    # A space glyph counts where the glyphs around it leave room for it (some producers draw
    # spaces on top of digits); a wide enough gap is a space with or without a space glyph.
    threshold = _gap_threshold(bases, gap_factor * line.size)
    small = 0.85 * line.size
    raised = line.baseline - 0.15 * line.size
    narrow = 0.05 * line.size
    spaced = False
    right_edge = 0.0
    for i, g in enumerate(bases):
        if not g.text.strip():
            spaced = True
            continue
        if g.text == "\ufffd" and _inside_arabic_word(bases, i):
            # An unmapped glyph joined to Arabic letters on both sides: a justification
            # kashida or part of a letter, no character of its own; it still fills the gap.
            right_edge = max(right_edge, g.x1) if prev is not None else g.x1
            continue
        if g.size < small and g.baseline < raised:  # is_superscript(g, line)
            if prev is not None and not sup and g.x0 - right_edge > threshold:
                units.append(_Unit(" ", "SP"))
            sup.append(g)
            right_edge = max(right_edge, g.x1) if prev is not None else g.x1
            prev = g
            spaced = False
            continue
        if sup:
            flush_sup()
        if prev is not None:
            gap = g.x0 - right_edge
            wide = gap > threshold or (spaced and gap > narrow)
            if wide and not spaced and _joined_over_gap(prev, g, line.size):
                wide = False
            if wide and units and units[-1].kind != "SP":
                units.append(_Unit(" ", "SP"))
        spaced = False
        attached = marks.get(i)
        text = g.text + "".join(m.text for m in attached) if attached else g.text
        units.append(_Unit(text, bidi_class(g.text)))
        # Kerned glyphs can sit inside the previous one: gaps count from the rightmost edge.
        right_edge = max(right_edge, g.x1) if prev is not None else g.x1
        prev = g
    flush_sup()
    while units and units[0].kind == "SP":
        units.pop(0)
    while units and units[-1].kind == "SP":
        units.pop()
    return units


def read_line(line: TextLine, rtl: bool, gap_factor: float = 0.15, mirror: bool = False) -> str:
    """The logical-order text of one line (spaces from glyph gaps, superscripts as ``(N)``).

    A superscript reference is glued to the word it follows in reading order. ``mirror``:
    the font's glyph codes name the bracket *shapes*, so brackets read right to left are
    swapped (the reader decides this once per document, see ``brackets_backwards``).
    """
    if line.units is None:
        line.units = _visual_units(line, gap_factor)
    units = line.units
    # Glue superscripts to the word before them in reading order (right of them in RTL).
    glued: list[_Unit] = []
    for i, u in enumerate(units):
        if u.kind == "SP":
            nxt = units[i + 1] if i + 1 < len(units) else None
            prv = units[i - 1] if i > 0 else None
            if rtl and prv is not None and prv.kind == "SUP":
                continue
            if not rtl and nxt is not None and nxt.kind == "SUP":
                continue
        glued.append(u)
    line.superscripts = [u.text for u in glued if u.kind == "SUP" and u.text]
    text = visual_to_logical(glued, rtl, mirror)
    return " ".join(text.split())
