"""pdftotext ``-raw`` and a raised footnote reference at a paragraph's end.

A reference is printed raised (a superscript) after the paragraph's last word, with the
paragraph's comma or semicolon after it. ``-raw`` groups the raised glyphs, and the
punctuation drawn with them, with the line above: the paragraph's last line then ends
with no punctuation, and the line above it ends with the reference
(``... الحق في الحصول على،(1)`` / ``مياه الشرب ... حق من حقوق الإنسان``), or the reference
stands on a line of its own before it. Read as it stands, the paragraph does not end, and
the next one is joined to it.
"""

from __future__ import annotations

import regex

from ..lines import Line, blank, merge_lines
from .fingerprint import producer_of
from .pipeline import Context

# The line's end: the reference with the punctuation drawn beside it, either way round.
# The reference as -raw gives it at this stage: its brackets as drawn or already mirrored.
_REF = r"(?:\(\p{Nd}{1,3}\)|\)\p{Nd}{1,3}\()"
_REF_END_RE = regex.compile(rf"(?:(?P<p1>[،؛,;])\s*(?P<r1>{_REF})|(?P<r2>{_REF})\s*(?P<p2>[،؛,;]))\s*$")
# A line that ends a sentence or a clause, or with a reference of its own.
_ENDED_RE = regex.compile(rf"(?:[،؛.:,;!؟]|{_REF})\s*$")
# What opens the next unit: a paragraph's number, a sub-item's label, a preambular lead,
# the formula.
_UNIT_START_RE = regex.compile(r"^\s*(?:\p{Nd}{1,3}\s*[-–]\s|\(\p{L}{1,2}\)\s|و?إذ\s|وقد\s|إن\s)")
# A heading ("ثانيا - التوصيات", "ألف - ..."): it ends with no punctuation of its own.
_HEADING_RE = regex.compile(r"^\s*\p{L}{1,10}\s*[-–]\s")


def place_raw_references(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, a reference and its punctuation at the
    end of a line (or alone on one) go to the end of the next line, where that line ends
    with no punctuation and the line after it opens a unit (or is blank, or is none): the
    paragraph's last line, as printed.

    Real (pdftotext -raw on Chromium, ga-res-77-231 and ctoc-cop-dec-10-4):

    >>> from .poppler_raw import _raw_context, _raw_lines
    >>> texts = ["وإذ تشير إلى قرارها 64/292، الذي اعترفت فيه بأن الحق في الحصول على،(1)",
    ...          "مياه الشرب المأمونة حق من حقوق الإنسان", "وإذ يساورها القلق،", "،(2)",
    ...          "وقد نظرت في تقرير الأمين العام", "1 - تقرر"]
    >>> [x.text for x in place_raw_references(_raw_lines(*texts), _raw_context())]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['وإذ تشير إلى قرارها 64/292، الذي اعترفت فيه بأن الحق في الحصول على',
     'مياه الشرب المأمونة حق من حقوق الإنسان(1)،', 'وإذ يساورها القلق،',
     'وقد نظرت في تقرير الأمين العام(2)،', '1 - تقرر']
    """
    if producer_of(ctx) != "poppler-raw":
        return lines

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        m = _REF_END_RE.search(line.text)
        if m is None or i + 1 >= len(lines):
            return None
        kept = line.text[: m.start()].rstrip()
        # The reference alone, or after the line's own punctuation: not this line's; the
        # next line may then be a paragraph of one line (``وقد نظرت في ...``).
        apart = not kept or _ENDED_RE.search(kept) is not None
        if not _paragraph_end(lines, i + 1, apart):
            return None
        nxt = lines[i + 1]
        fixed = nxt.text.rstrip() + (m["r1"] or m["r2"]) + (m["p1"] or m["p2"])
        ctx.record("raw_reference", line.number, line.text, kept)
        if kept:
            out.append(Line(line.number, kept, line.page))
        ctx.record("raw_reference", nxt.number, nxt.text, fixed)
        out.append(Line(nxt.number, fixed, nxt.page))
        return 2

    return merge_lines(lines, step)


def _paragraph_end(lines: list[Line], k: int, apart: bool) -> bool:
    """Whether line ``k`` is a paragraph's last line that lost its punctuation: text that
    ends with none, before a blank line, the text's end or a line that opens a unit; one
    that opens a unit itself only where the reference stood ``apart``."""
    line = lines[k]
    if blank(line) or _ENDED_RE.search(line.text) or (_UNIT_START_RE.match(line.text) and not apart):
        return False
    if _HEADING_RE.match(line.text):
        return False
    return k + 1 >= len(lines) or blank(lines[k + 1]) or _UNIT_START_RE.match(lines[k + 1].text) is not None
