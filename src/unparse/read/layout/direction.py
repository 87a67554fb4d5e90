"""Stages 1 and 2: the document's direction, and whether its fonts mirror brackets; then
every physical line read in that direction."""

from __future__ import annotations

from ...bidi import bidi_class, brackets_backwards
from ..glyphs import TextLine, group_lines, read_line
from .records import PageGlyphs, PhysLine, Reading


def is_rtl(pages: list[PageGlyphs]) -> bool:
    """Right to left when at least a fifth of the strong letters are right-to-left ones."""
    r = sum(1 for p in pages for g in p.glyphs if bidi_class(g.text) == "R")
    latin = sum(1 for p in pages for g in p.glyphs if bidi_class(g.text) == "L")
    return r >= 0.2 * max(r + latin, 1)


def vote_mirroring(grouped: list[list[TextLine]], rtl: bool) -> tuple[bool, dict[int, tuple[str, str]]]:
    """Do the fonts name bracket shapes (mirrored in right-to-left text) or the characters?

    Decided once for the document, from the lines whose brackets read backwards one way.
    Returns the decision and, for each line with a bracket (by ``id``), its text read as is
    and mirrored (so that it is not read twice).
    """
    as_is = swapped = 0
    voted: dict[int, tuple[str, str]] = {}
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
    return as_is > swapped, voted


def read_pages(pages: list[PageGlyphs]) -> Reading:
    """Every page's glyphs as physical lines in reading order (lines with no text left out)."""
    rtl = is_rtl(pages)
    grouped = [group_lines(pg.glyphs) for pg in pages]
    mirror, voted = vote_mirroring(grouped, rtl)
    out: list[list[PhysLine]] = []
    for pg, tls in zip(pages, grouped, strict=True):
        phys: list[PhysLine] = []
        for tl in tls:
            read = voted.get(id(tl))
            text = read[mirror] if read is not None else read_line(tl, rtl, mirror=mirror)
            if not text:
                continue
            tl.text = text
            # read_line set tl.order (stream_order) when it first read the line.
            phys.append(PhysLine(tl, pg.number, text, tl.order, tl.stream_text))
        out.append(phys)
    return Reading(rtl, mirror, out)
