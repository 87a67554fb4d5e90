"""Kashida glyphs that an extractor read as digits or Latin letters inside Arabic words.

LibreOffice justifies Arabic lines by stretching words with kashida glyphs; in its tight
style (Noto Naskh Arabic) pdfminer.six and pdfplumber read each glyph as a digit, the same
digit repeated inside one word: ``"ة66ماعلا ة66يعمجلا"`` for ``"ةماعلا ةيعمجلا"``
(visual order of ``"الجمعية العامة"``, benchmark ``libreoffice/pdfminer/sg-a-78-267``).
The glyph's code is whatever the font subset gave it: in other documents a Latin letter,
``"خرؤDDملا"`` for ``"خرؤملا"`` (ga-res-79-145), ``"قAAحلا"`` (hrc-res-54-12).
"""

from __future__ import annotations

from collections import Counter

import regex

from ..lines import Line
from .digits import DIGITS
from .glyph_codes import bound, glyph_counts
from .pipeline import Context, fix_each_line
from .visual import visual_votes

# One digit, Latin letter or dollar sign repeated, between two Arabic letters (no space): no
# number, Latin word or amount is written so.
_KASHIDA_DIGITS_RE = regex.compile(
    rf"(?<=[\u0621-\u064a]\p{{Mn}}*)([{DIGITS}A-Za-z$])\1*(?=\p{{Mn}}*[\u0621-\u064a])"
)
# A document needs this many such runs before any is removed: a single one may be a code.
MIN_RUNS = 5


def strip_kashida_digits(text: str, codes: str | None = None) -> str:
    """Remove the digit runs read from kashida glyphs inside words (only the runs of the
    characters in ``codes``, when given).

    >>> strip_kashida_digits("ة66ماعلا ة66يعمجلا تبلط")
    'ةماعلا ةيعمجلا تبلط'

    Real (pdfminer on LibreOffice, ga-res-79-145 and hrc-res-54-12):

    >>> strip_kashida_digits("ةيجيتارتDDسا ةDDيمهأ تاذ اDDهنأو")
    'ةيجيتارتسا ةيمهأ تاذ اهنأو'
    >>> strip_kashida_digits("يف تدAAمتعا يتAAلا ءاذAAغلا يف قAAحلا")
    'يف تدمتعا يتلا ءاذغلا يف قحلا'
    >>> strip_kashida_digits("ة$$ينطولا رب$$ع ة$$مظنملا")  # pdfplumber, report-ctoc-cop-wg3 line 12
    'ةينطولا ربع ةمظنملا'
    >>> strip_kashida_digits("UN-Habitat و A/79/145")
    'UN-Habitat و A/79/145'
    >>> strip_kashida_digits("A/78/267 و2023")
    'A/78/267 و2023'

    A digit a joint of pieces glued to its words is no glyph where the document's glyphs
    are another code (pdfminer on LibreOffice, sg-a-78-245, ``"بين 2 و10"``):

    >>> strip_kashida_digits("ةئاملا يف  نيب2و 10 لوحكgلا", codes="g")
    'ةئاملا يف  نيب2و 10 لوحكلا'
    """
    if codes is None:
        return _KASHIDA_DIGITS_RE.sub("", text)
    return _KASHIDA_DIGITS_RE.sub(lambda m: "" if m[1] in codes else m[0], text)


def kashida_codes(runs: list[str]) -> str:
    """The characters the document's kashida glyphs were read as, from the first character
    of each run: a Latin letter (no Latin word is glued between two Arabic letters) once
    the document has :data:`MIN_RUNS` runs in all; a digit only when it alone makes
    :data:`MIN_RUNS` runs (a digit so placed may be a number whose space a joint lost).

    >>> kashida_codes(["g", "g", "g", "g", "2"])
    'g'
    >>> kashida_codes(["6"] * 5 + ["2"])
    '6'
    """
    counts = Counter(runs)
    if sum(counts.values()) < MIN_RUNS:
        return ""
    return "".join(sorted(c for c, n in counts.items() if not c.isdigit() or n >= MIN_RUNS))


def _candidates(text: str) -> int:
    """An upper bound of the kashida runs of ``text``: the digit and Latin runs that follow
    a character neither ASCII nor a space (:func:`.glyph_codes.glyph_counts`); most texts'
    digits and Latin words follow a space.

    >>> _candidates("ة66ماعلا A/78/267 و2023"), _candidates("القرار 76/186")
    (2, 0)
    """
    return glyph_counts(text).runs_after_letters


def remove_kashida_digits(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`strip_kashida_digits` where the document has at least
    :data:`MIN_RUNS` such runs (the evidence that its producer stretched words so; only the
    runs of its glyph codes, :func:`kashida_codes`) and reads in visual order (pdfminer's
    and pdfplumber's ``extract_text``); the kashida glyphs of other extractors' logical
    text are left to their own repairs."""
    if bound(lines, ctx).runs_after_letters < MIN_RUNS:
        return lines
    # Counted in one pass over the joined lines: a run never touches a line break.
    found = _KASHIDA_DIGITS_RE.findall(ctx.joined(lines))
    runs = len(found)
    codes = kashida_codes(found)
    if not codes:
        return lines
    rev = log = 0
    for line in lines:
        r, g = visual_votes(line.text)
        rev, log = rev + r, log + g
    if rev <= 2 * log:
        return lines
    ctx.facts["kashida_digits"] = runs
    return fix_each_line(lines, ctx, "kashida_digits", lambda text: strip_kashida_digits(text, codes))
