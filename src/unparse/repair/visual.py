"""Visual-order fixer: lines whose characters all came out reversed.

A PDF typeset in visual order (or an extractor that reads glyphs left to right) gives
lines whose Arabic letters run backwards: ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ"`` for ``"الجمعية العامة"``.
:func:`reverse_visual_lines` decides from evidence in the whole document which lines
are reversed and turns them back.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from . import wordlist
from .pipeline import Context, Line

# ---------------------------------------------------------------------------
# Visual order: whole lines reversed character by character.
# ---------------------------------------------------------------------------


_TOKEN_RE = regex.compile(r"[\p{Arabic}\p{M}\u0640]+")
_SHAPED_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# Cheap test for a line that may be reversed: shaped letters, a word starting with ة/ى,
# or ending with لا (a reversed article).
_VISUAL_HINT_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufefc]|(?<!\\S)[ةى]|\u0644\u0627(?!\\S)")


@functools.lru_cache(maxsize=4096)
def _form(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for form in ("INITIAL", "MEDIAL", "FINAL", "ISOLATED"):
        if f"{form} FORM" in name:
            return form
    return ""


def visual_votes(text: str) -> tuple[int, int]:
    """(words that read as reversed, words that read as logical) in one line.

    Shaped words: a logical word starts with an initial (or isolated) form and ends with a
    final one; reversed, it starts with a final form and ends with an initial one. Base
    letters: ``ة`` and ``ى`` end words, never start them; ``ال`` starts them.
    """
    rev = log = 0
    for token in _TOKEN_RE.findall(text):
        letters = [c for c in token if not unicodedata.category(c).startswith("M")]
        if len(letters) < 2:
            continue
        first, last = _form(letters[0]), _form(letters[-1])
        if first == "FINAL" or last == "INITIAL":
            rev += 1
        elif first == "INITIAL" or last == "FINAL":
            log += 1
        elif letters[0] in "ةى" or (token.endswith("لا") and len(letters) > 3):
            rev += 1
        elif letters[-1] in "ةى" or token.startswith("ال"):
            log += 1
    return rev, log


def _word_list_votes(text: str) -> tuple[int, int]:
    """Words found in the word list only when reversed, and only as written."""
    rev = log = 0
    for token in _TOKEN_RE.findall(text):
        key = wordlist.lookup_key(unicodedata.normalize("NFKC", token))
        if len(key) < 3:
            continue
        forward = wordlist.zipf(key) >= 3.0
        backward = wordlist.zipf(key[::-1]) >= 3.0
        rev += backward and not forward
        log += forward and not backward
    return rev, log


def unreverse_visual(text: str) -> str:
    """Reverse a visual-order line: every character, digit groups and Latin runs included,
    came out reversed, so one reversal restores all of them.

    ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ 2102"`` → ``"2012 ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ"``.
    """
    return text[::-1]


def reverse_visual_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose characters all came out reversed (visual order).

    Example (shaped text copied from a visual-order PDF): ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ"`` →
    ``"ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ"`` (``"الجمعية العامة"`` once folded); digit groups and Latin runs
    keep their own order (``"2102"`` → ``"2012"``). A line is reversed when its words
    read as reversed more than as logical; when most of the document's decided lines are
    reversed, one word of evidence is enough for the others.
    """
    if ctx.facts.get("logical_order") is True:
        return lines
    votes = [visual_votes(line.text) if _VISUAL_HINT_RE.search(line.text) else (0, 0) for line in lines]
    decided = [(r, g) for r, g in votes if r + g >= 2]
    doc_reversed = bool(decided) and sum(r > g for r, g in decided) * 2 > len(decided)
    out: list[Line] = []
    for line, (rev, log) in zip(lines, votes, strict=True):
        needed = 1 if doc_reversed else 2
        if 1 <= rev < needed or (rev >= needed and rev <= 2 * log):
            # Some evidence, not enough: ask the word list (loaded only now).
            more_rev, more_log = _word_list_votes(line.text)
            rev, log = rev + more_rev, log + more_log
        if rev >= needed and rev > 2 * log:
            fixed = unreverse_visual(line.text)
            ctx.record("visual_order", line.number, line.text, fixed)
            line = Line(line.number, fixed, line.page)
        out.append(line)
    return out
