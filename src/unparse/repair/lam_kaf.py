"""The lam-kaf ligature cut from the word it belongs to.

Fonts draw ``لك`` as one ligature glyph; PyMuPDF gives the lam before it twice with a
space between (``"ال لكوارث"`` for ``"الكوارث"``, ``"الإل لكترونية"`` for
``"الإلكترونية"``), pypdfium2 and pdftotext only the space (``"ل لكويكبات"`` for
``"للكويكبات"``). :func:`join_lam_kaf` puts the word back together where the word list
knows the joined word better than the piece the ligature starts.
"""

from __future__ import annotations

import regex

from ..lines import Line
from . import wordlist
from .pipeline import Context, fix_each_line

# A token ending with lam, a space, a token starting with the ligature's lam and kaf.
_CUT_RE = regex.compile(r"(?<![\u0621-\u064a])([\u0621-\u064a]*ل) (لك[\u0621-\u064a]*)")
# A token that is no word of its own: the article or a lam with proclitics before it.
_BARE_RE = regex.compile(r"^[وفبك]?(?:ال|لل|ل)$")
# Joints a document needs before any is joined: the extractor's habit, not a slip.
MIN_JOINTS = 2


def _known(word: str) -> float:
    """The word list's Zipf frequency of ``word``, or of the word after its one-letter
    proclitic (``"بالكويكب"``: ``"الكويكب"``)."""
    score = wordlist.zipf(word)
    if score == 0.0 and word[:1] in "وفبكل" and word[1:3] == "ال":
        score = wordlist.zipf(word[1:])
    return score


def _joined(left: str, right: str) -> str | None:
    """The word ``left`` + ``right`` make, the lam given twice (``"ال" + "لكوارث"`` →
    ``"الكوارث"``) or once (``"ل" + "لكويكبات"`` → ``"للكويكبات"``), whichever the word
    list knows better; None when it knows neither or knows the ligature's piece better
    as a word of its own (``"العمل لكفالة"`` stays)."""
    once, twice = left + right[1:], left + right
    best = max((once, twice), key=_known)
    score = _known(best)
    if score == 0.0:
        return None
    if _BARE_RE.match(left) or score > wordlist.zipf(right):
        return best
    return None


def join_lam_kaf(text: str) -> str:
    """Each word the lam-kaf ligature was cut from, joined again.

    Real (PyMuPDF on Chromium, sg-a-78-267-disaster-risk; on LibreOffice, ga-res-78-96):

    >>> join_lam_kaf("الحد من مخاطر ال لكوارث")
    'الحد من مخاطر الكوارث'
    >>> join_lam_kaf("تزايد استخدام المنصات الإل لكترونية")
    'تزايد استخدام المنصات الإلكترونية'

    Clean text that writes a word ending in lam before one starting with lam-kaf stays:

    >>> join_lam_kaf("مواصلة العمل لكفالة حقوق الإنسان")
    'مواصلة العمل لكفالة حقوق الإنسان'
    """
    if "ل لك" not in text:
        return text

    def join(m: regex.Match[str]) -> str:
        return _joined(m[1], m[2]) or m[0]

    return _CUT_RE.sub(join, text)


def join_lam_kaf_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: where :data:`MIN_JOINTS` cut words or more would be joined
    (:func:`join_lam_kaf`), join them on every line; the count is kept in
    ``facts["lam_kaf_joints"]``."""
    joined = ctx.joined(lines)
    if "ل لك" not in joined:
        return lines
    joints = sum(1 for m in _CUT_RE.finditer(joined) if _joined(m[1], m[2]) is not None)
    if joints < MIN_JOINTS:
        return lines
    ctx.facts["lam_kaf_joints"] = joints
    return fix_each_line(lines, ctx, "lam_kaf", join_lam_kaf)
