"""Kashida glyphs that an extractor read as digits inside Arabic words.

LibreOffice justifies Arabic lines by stretching words with kashida glyphs; in its tight
style (Noto Naskh Arabic) pdfminer.six and pdfplumber read each glyph as a digit, the same
digit repeated inside one word: ``"ة66ماعلا ة66يعمجلا"`` for ``"ةماعلا ةيعمجلا"``
(visual order of ``"الجمعية العامة"``, benchmark ``libreoffice/pdfminer/sg-a-78-267``).
"""

from __future__ import annotations

import regex

from ..lines import Line
from .pipeline import Context, fix_each_line
from .visual import visual_votes

# One digit repeated, between two Arabic letters (no space): no number is written so.
_KASHIDA_DIGITS_RE = regex.compile(r"(?<=[\u0621-\u064a]\p{Mn}*)(\p{Nd})\1*(?=\p{Mn}*[\u0621-\u064a])")
# A document needs this many such runs before any is removed: a single one may be a code.
MIN_RUNS = 5


def strip_kashida_digits(text: str) -> str:
    """Remove the digit runs read from kashida glyphs inside words.

    >>> strip_kashida_digits("ة66ماعلا ة66يعمجلا تبلط")
    'ةماعلا ةيعمجلا تبلط'
    >>> strip_kashida_digits("A/78/267 و2023")
    'A/78/267 و2023'
    """
    return _KASHIDA_DIGITS_RE.sub("", text)


_DIGIT_RUN_RE = regex.compile(r"\p{Nd}+")


def _candidates(text: str) -> int:
    """An upper bound of the kashida runs of ``text``, up to :data:`MIN_RUNS`: the digit runs
    that follow a character neither ASCII nor a space (a run starts a digit run, right after
    a letter or a mark); many times cheaper than the pattern's scan, and most texts' digits
    follow a space."""
    count = 0
    for m in _DIGIT_RUN_RE.finditer(text):
        start = m.start()
        if start and not text[start - 1].isascii() and not text[start - 1].isspace():
            count += 1
            if count >= MIN_RUNS:
                break
    return count


def remove_kashida_digits(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`strip_kashida_digits` where the document has at least
    :data:`MIN_RUNS` such runs (the evidence that its producer stretched words so) and reads
    in visual order (pdfminer's and pdfplumber's ``extract_text``); the kashida digits of
    other extractors' logical text are left to their own repairs."""
    # Counted in one pass over the joined lines: a run never touches a line break.
    joined = ctx.joined(lines)
    if _candidates(joined) < MIN_RUNS:
        return lines
    runs = len(_KASHIDA_DIGITS_RE.findall(joined))
    if runs < MIN_RUNS:
        return lines
    rev = log = 0
    for line in lines:
        r, g = visual_votes(line.text)
        rev, log = rev + r, log + g
    if rev <= 2 * log:
        return lines
    ctx.facts["kashida_digits"] = runs
    return fix_each_line(lines, ctx, "kashida_digits", strip_kashida_digits)
