"""pdftotext ``-raw``: its lines put in logical order.

``-raw`` writes the content stream's order: each word logical inside its own RLE, the
words and the numbers between them in visual order: :func:`logical_raw_line` reverses
the sequence, where the rebuilt line reads at least as well as the line as it is
(:func:`rebuild_raw_lines`). Its footnotes, numbers and labels are put back by
:mod:`.poppler_raw`.

Every step here runs only on a text whose fingerprint (:mod:`.fingerprint`) is
``poppler-raw``.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lines import Line
from . import wordlist
from .fingerprint import LRE, PDF, RLE, producer_of
from .pipeline import Context, fix_each_line
from .poppler import CONTROLS, WORD_RE, run_items


def _raw_items(text: str) -> list[str] | None:
    """A -raw line cut into its right-to-left runs (kept whole) and, between them, the units
    and neutrals of :func:`run_items`; None when the controls do not pair."""
    items: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == RLE:
            close = text.find(PDF, i + 1)
            if close < 0 or LRE in text[i + 1 : close] or RLE in text[i + 1 : close]:
                return None
            items.append(text[i + 1 : close])
            i = close + 1
            continue
        if text[i] in (LRE, PDF):
            return None
        j = i
        while j < n and text[j] not in CONTROLS:
            j += 1
        items.extend(run_items(text[i:j]))
        i = j
    return items


def logical_raw_line(text: str) -> str:
    """A pdftotext ``-raw`` line in logical order: its words and numbers were written left
    to right, each Arabic word in logical order inside its own embedding.

    Real example (ga-dec-78-540, pdftotext -raw × Chromium):

    >>> logical_raw_line("\u202bأعمال\u202c\u202bل\u202c\u202bا\u202c \u202bجدول\u202c"
    ...                  " \u202bمن\u202c 50 \u202bالبند\u202c")
    'البند 50 من جدول الأعمال'
    >>> logical_raw_line("\u202bعلى\u202c \u202bوبناء\u202c ،2022 \u202bديسمبر\u202c")
    'ديسمبر 2022، وبناء على'
    """
    if RLE not in text:
        return text
    items = _raw_items(text)
    if items is None:
        return text
    return "".join(reversed(items))


def _unknown_letters(text: str, counts: Counter[str]) -> int:
    """The letters of the line's unknown Arabic words: a word -raw cut at a stop glued
    inside its runs (``"⟨RLE⟩ية؛⟨PDF⟩⟨RLE⟩الأولو⟨PDF⟩"``, hrc-res-53-18 × fpdf2) reads as two
    pieces the word list happens to hold, one more known word than the whole
    ``"الأولوية؛"``; counted in letters, the pieces are no better than the word, and the
    line is rebuilt unless its rebuilt reading has more unknown letters.

    >>> _unknown_letters("على سبيل الأولوية؛", Counter()), _unknown_letters("يةالأولو", Counter())
    (0, 8)
    """
    return sum(len(w) for w in WORD_RE.findall(text) if len(w) >= 2 and not wordlist.known(w, counts))


def _glued_score(text: str, counts: Counter[str]) -> int:
    """Known words minus unknown ones among the line's Arabic words."""
    score = 0
    for word in WORD_RE.findall(text):
        if len(word) < 2:
            continue
        score += 1 if wordlist.known(word, counts) else -1
    return score


def rebuild_raw_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`logical_raw_line` on every line of a pdftotext ``-raw`` text,
    where the rebuilt line reads at least as well as the line with its controls removed
    (its glued pieces form known words: ``أعمالла`` → ``الأعمال``)."""
    if producer_of(ctx) != "poppler-raw":
        return lines
    counts: Counter[str] = Counter()
    for line in lines:
        for run in re.findall(f"{RLE}([^{CONTROLS}]+){PDF}", line.text):
            for word in WORD_RE.findall(run):
                counts[wordlist.lookup_key(word)] += 1

    def fix(text: str) -> str:
        rebuilt = logical_raw_line(text)
        if rebuilt == text:
            return text
        as_is = "".join(ch for ch in text if ch not in CONTROLS)
        if _glued_score(rebuilt, counts) < _glued_score(as_is, counts) and _unknown_letters(
            rebuilt, counts
        ) > _unknown_letters(as_is, counts):
            return text
        return rebuilt

    return fix_each_line(lines, ctx, "poppler_raw_order", fix)
