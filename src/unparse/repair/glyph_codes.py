"""The characters an extractor may have given for kashida glyphs, counted once per text.

Three steps repair kashida glyphs read as characters (:mod:`.kashida_digits`, the two of
:mod:`.kashida_segments`); each first asks whether the text holds enough of them to be
worth its pattern, and most texts hold none. One scan answers all three (kept on the
context while the text is the same): the digits, Latin letters and signs that stand
right after a character that is not ASCII (an Arabic letter or mark) or right before an
Arabic letter. The scan's first step is one class of ASCII characters and three ranges
of digits, which the stdlib's engine tests many times faster than a pattern of several
branches; what stands around each character found is tested here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lines import Line
from .digits import DIGIT_CHARS, DIGITS
from .pipeline import Context

_AR = "\u0621-\u064a"
_CODE_RE = re.compile(rf"[{DIGITS}A-Za-z$@:*](?:(?<=[^\x00-\x7f].)|(?=[{_AR}]))")
_DIGIT_CHARS = frozenset(DIGIT_CHARS)


class GlyphCounts(NamedTuple):
    """Upper bounds of what the kashida patterns can find in a text."""

    # Runs of digits and Latin letters (and "$") right after a character neither ASCII
    # nor a space nor a digit: every glyph run :mod:`.kashida_digits` removes is one.
    runs_after_letters: int
    # "@", "A", "D", "$" beside an Arabic letter, a run of ":" or "*" between two: every glyph
    # :mod:`.kashida_segments` reads as a Latin character is one.
    codes_beside_letters: int
    # Digits right after an Arabic letter: a digit run between two letters starts so.
    digits_after_letters: int


def _letter(c: str) -> bool:
    return "\u0621" <= c <= "\u064a"


def glyph_counts(text: str) -> GlyphCounts:
    """The counts of ``text``.

    >>> glyph_counts("ة66ماعلا A/78/267 و2023 ذاDت إلى: يلي")
    GlyphCounts(runs_after_letters=3, codes_beside_letters=1, digits_after_letters=2)
    >>> glyph_counts("القرار 76/186 (A/RES/76/186)")
    GlyphCounts(runs_after_letters=0, codes_beside_letters=0, digits_after_letters=0)
    """
    runs = codes = digits = 0
    end = len(text) - 1
    for m in _CODE_RE.finditer(text):
        pos = m.start()
        c = text[pos]
        prev = text[pos - 1] if pos else ""
        before = _letter(prev)
        if c in "@:*":
            pass
        elif prev and not prev.isascii() and not prev.isspace() and prev not in _DIGIT_CHARS:
            runs += 1
        if c in _DIGIT_CHARS:
            digits += before
        elif c in "@AD$":
            codes += before or (pos < end and _letter(text[pos + 1]))
        elif before:  # ":" or "*", one to three of them, between two letters
            nxt = pos + 1
            while nxt <= end and nxt - pos < 3 and text[nxt] == c:
                nxt += 1
            codes += nxt <= end and _letter(text[nxt])
    return GlyphCounts(runs, codes, digits)


class _Seen:
    """The lines last counted (kept alive, so that no new line can take one of their ids)
    and their counts."""

    def __init__(self, lines: list[Line], counts: GlyphCounts) -> None:
        self.lines = lines
        self.ids = {id(line) for line in lines}
        self.counts = counts


def bound(lines: list[Line], ctx: Context) -> GlyphCounts:
    """Upper bounds of the counts of ``lines``: the counts of the lines the last call saw,
    plus those of the lines made since (steps keep the objects of the lines they do not
    change). A line taken out since still counts, which only costs a step a search that
    finds nothing; the first call scans the whole text, later ones the new lines alone.

    >>> from unparse.options import DEFAULT_OPTIONS
    >>> ctx, lines = Context(DEFAULT_OPTIONS), [Line(1, "ذاDت"), Line(2, "القرار 76/186")]
    >>> bound(lines, ctx).codes_beside_letters, bound([lines[0], Line(2, "خلصDاخ")], ctx).codes_beside_letters
    (1, 2)
    """
    seen = ctx.caches.get("glyph_counts")
    if isinstance(seen, _Seen):
        if seen.lines is lines:
            return seen.counts
        new = [line.text for line in lines if id(line) not in seen.ids]
        counts = seen.counts
        if new:
            more = glyph_counts("\n".join(new))
            counts = GlyphCounts(*(a + b for a, b in zip(counts, more, strict=True)))
    else:
        counts = glyph_counts(ctx.joined(lines))
    ctx.caches["glyph_counts"] = _Seen(lines, counts)
    return counts
