"""Stage 4: each page's footnote area, and the notes its lines hold.

An area is the lines below a short horizontal rule in the lower part of the page, or else
a trailing block of smaller lines that starts with a marker. A footnote whose first line
on a page has no marker continues the previous page's last footnote.
"""

from __future__ import annotations

import statistics

from ...bidi import bidi_class
from ..glyphs import Glyph, TextLine, read_line
from ..params import DEFAULT_PARAMS, ReaderParams
from .records import FOOTNOTE_START_RE, Furniture, PageGlyphs, PageParts, PhysLine


def footnote_areas(
    page: list[PhysLine],
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
        marked = FOOTNOTE_START_RE.match(page[start].text) is not None
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
    if i < len(page) and (i > 0 or continuing) and FOOTNOTE_START_RE.match(page[i].text):
        return [(i, len(page))]
    return []


def split_pages(
    pages: list[list[PhysLine]],
    furniture: Furniture,
    dims: list[PageGlyphs],
    body_size: float,
    params: ReaderParams = DEFAULT_PARAMS,
) -> list[PageParts]:
    """Each page's body lines and footnote-area lines, furniture left out."""
    out: list[PageParts] = []
    continuing = False  # the previous page ended in its footnote area
    for pi, page in enumerate(pages):
        kept = [p for i, p in enumerate(page) if (pi, i) not in furniture.lines]
        areas = footnote_areas(kept, dims[pi], body_size, params, continuing)
        inside = {i for start, end in areas for i in range(start, end)}
        continuing = bool(areas) and areas[-1][1] == len(kept)
        out.append(
            PageParts(
                [p for i, p in enumerate(kept) if i not in inside],
                [p for i, p in enumerate(kept) if i in inside],
            )
        )
    return out


def note_pieces(p: PhysLine, rtl: bool, mirror: bool, params: ReaderParams) -> list[PhysLine]:
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
            FOOTNOTE_START_RE.match(t) or FOOTNOTE_START_RE.match(read_line(tl, not rtl, mirror=mirror))
            for t, tl in zip(texts, lines, strict=True)
        ):
            if rtl:
                lines.reverse()
                texts.reverse()
            out = [
                PhysLine(tl, p.page, t, p.order, "".join(g.text for g in tl.glyphs))
                for tl, t in zip(lines, texts, strict=True)
            ]
    if rtl:
        for q in out:
            ltr = read_line(q.line, False)
            m = FOOTNOTE_START_RE.match(ltr)
            if m and not FOOTNOTE_START_RE.match(q.text) and _first_strong(ltr[m.end() :]) == "L":
                q.text = ltr
    return out


def _first_strong(text: str) -> str | None:
    for ch in text:
        c = bidi_class(ch)
        if c in ("L", "R"):
            return c
    return None


def opens_note(text: str, last_number: int | None) -> bool:
    """Whether a footnote-area line starts a footnote: a marker in brackets or ``*``, or a
    bare number that is the next footnote's (a continuation line may start with a number:
    ``11 ساعة و55 دقيقة``)."""
    m = FOOTNOTE_START_RE.match(text)
    if m is None:
        return False
    bare = m.group(2)
    if bare is None or not bare.isdigit() or last_number is None:
        return True
    return int(bare) == last_number + 1


def normalize_footnote(text: str) -> str:
    """A footnote line with its marker written ``(N) ``."""
    m = FOOTNOTE_START_RE.match(text)
    if not m:
        return text
    marker = m.group(1) or m.group(2)
    return f"({marker}) {text[m.end() :].strip()}"
