"""Visual-order fixer: lines whose Arabic letters came out reversed.

A PDF typeset in visual order (or an extractor that reads glyphs left to right) gives
lines whose Arabic letters run backwards: ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ"`` for ``"الجمعية العامة"``.
:func:`reverse_visual_lines` decides from evidence in the whole document which lines
are reversed and turns them back. Such text comes in two kinds, also told apart per
document (:func:`numbers_kept_order`): digit groups and Latin runs reversed with the
letters (``"2102"``, shaped copy-paste from some viewers), or kept in their own
left-to-right order (``"2021"``, ``"A/76/463"``: pdfminer's ``extract_text`` and any
extractor that follows a visual-order content stream).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

import regex

from ..arabic import MIRROR, is_year
from ..bidi import Unit, bidi_class, brackets_backwards, visual_to_logical
from ..lines import Line
from . import wordlist
from .pipeline import Context

# ---------------------------------------------------------------------------
# Visual order: whole lines reversed character by character.
# ---------------------------------------------------------------------------


# Arabic-script words: letters, marks and tatweel, not the Eastern digits (Arabic script
# too): a digit glued to a word must not hide it from the word list ("ىمأ٨").
_TOKEN_RE = regex.compile(r"(?V1)[[\p{Arabic}\p{M}\u0640]--\p{Nd}]+")
_MARK_RE = regex.compile(r"\p{M}+")
_SHAPED_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# Cheap test for a line that may be reversed: shaped letters, a word starting with ة/ى,
# or ending with لا (a reversed article).
_VISUAL_HINT_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufefc]|(?<!\\S)[ةى]|\u0644\u0627(?!\\S)")
# A line that starts with a sentence's final stop glued to the next character: the left
# end of a right-to-left line (".United Nations, ... 39574 (3)"), one vote for reversal.
_LEFT_STOP_RE = regex.compile(r"^\s*[.،؛:](?=\S)")
_CUT_MARK_RE = regex.compile(r"(\p{Mn}+)(\s+)(?=\p{Arabic})")
# Evidence on the order of numbers and Latin runs.
_DIGIT_RUN_RE = regex.compile(r"\p{Nd}+")
# A digit group of its own or joined by "/", not part of a code (21-40001, WG.4, 14:30).
_PLAIN_NUMBER_RE = regex.compile(r"(?<!\p{Nd}[-.:]|\p{Nd})\p{Nd}{2,}(?!\p{Nd}|[-.:]\p{Nd})")
_ZEROS = frozenset("0٠۰")
_LATIN_WORD_RE = regex.compile(r"\p{Latin}{3,}")
_SYMBOL_RE = regex.compile(r"[\p{Latin}\p{Nd}.]+(?:/[\p{Latin}\p{Nd}.]+)+")
_LATIN_RE = regex.compile(r"\p{Latin}")
# Letters that follow lam in a ligature glyph (lam-alef forms; lam-jeem, -hah, -khah, -meem).
_LIGATURE_SECOND = frozenset("اأإآجحخم")
_LETTERS_RE = regex.compile(r"[\u0621-\u064a]+")
_BRACKETS = frozenset("()[]{}«»")
_MIRRORED = str.maketrans(MIRROR)


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
    marked = _MARK_RE.search(text) is not None
    for token in _TOKEN_RE.findall(text):
        letters = _MARK_RE.sub("", token) if marked else token
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


def _english_zipf(word: str) -> float:
    import wordfreq  # English list: loaded only for visual-order documents with Latin words

    return float(wordfreq.zipf_frequency(word.lower(), "en"))


def number_order_votes(text: str, latin_words: bool = True) -> tuple[int, int]:
    """(kept, reversed): evidence that digit groups and Latin runs of a visual-order line kept
    their left-to-right order, or were reversed with the Arabic letters.

    A four-digit group that is a year (19xx, 20xx) only one way round; a number that ends
    with a zero (``30``) or starts with one (``03``); a UN symbol whose letters lead
    (``A/76/463``) or trail (``364/67/A``); with ``latin_words``, a Latin word that is
    English only one way round (``Nations`` / ``snoitaN``). From real extract_text output
    (res-western): ``".United Nations, Treaty Series, vol. 2225, No. 39574 (3)"`` →
    ``(5, 0)``; ``"2021 ربمسيد/لوألا نوناك 16 يف ةماعلا ةيعمجلا هتذختا رارق"`` → ``(1, 0)``.
    """
    kept = rev = 0
    for digits in _DIGIT_RUN_RE.findall(text):
        forward, backward = is_year(digits), is_year(digits[::-1])
        kept += forward and not backward
        rev += backward and not forward
    # Numbers are written without leading zeros and often end with one (30, 2010).
    for digits in _PLAIN_NUMBER_RE.findall(text):
        first, last = digits[0] in _ZEROS, digits[-1] in _ZEROS
        kept += last and not first
        rev += first and not last
    for symbol in _SYMBOL_RE.findall(text):
        parts = symbol.strip(".").split("/")
        first, last = bool(_LATIN_RE.search(parts[0])), bool(_LATIN_RE.search(parts[-1]))
        kept += first and not last
        rev += last and not first
    if latin_words:
        for word in _LATIN_WORD_RE.findall(text):
            as_is, mirrored = _english_zipf(word), _english_zipf(word[::-1])
            kept += as_is >= 3.0 and mirrored < as_is - 1.5
            rev += mirrored >= 3.0 and as_is < mirrored - 1.5
    return kept, rev


def numbers_kept_order(texts: Iterable[str]) -> bool:
    """Whether the digit groups and Latin runs of these visual-order lines kept their order.

    Years, zeros and symbol shapes are counted first; Latin words (the English list,
    loaded only then) when those leave the question open. With no evidence either way
    (then only the order inside a few digit groups is at stake), shaped presentation
    forms mean text copied out of a viewer, whose visual strings come reversed whole
    (``"ﺔﻣﺎﻌﻟﺍ ... 2102"``); base letters mean an extractor that read a visual-order
    content stream, where numbers are drawn left to right (pdfminer's ``extract_text``,
    the usual source of such text). Real res-western lines
    ``["2021 ربمسيد/لوألا نوناك 16 يف ...", "[(26 ةرقفلا ،A/76/463) ..."]`` → True.
    """
    lines = list(texts)
    kept = rev = 0
    for text in lines:
        k, r = number_order_votes(text, latin_words=False)
        kept, rev = kept + k, rev + r
    if abs(kept - rev) < 2:
        for text in lines:
            if _LATIN_WORD_RE.search(text):
                k, r = number_order_votes(text)
                kept, rev = kept + k, rev + r
    if kept != rev:
        return kept > rev
    return not any(_SHAPED_RE.search(text) for text in lines)


def unreverse_visual(text: str, mirror: bool = False) -> str:
    """Reverse a visual-order line where every character, digit groups and Latin runs
    included, came out reversed: one reversal restores all of them. ``mirror``: swap the
    brackets too (they were drawn as shapes).

    ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ 2102"`` → ``"2012 ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ"``.
    """
    return text[::-1].translate(_MIRRORED) if mirror else text[::-1]


def visual_to_logical_text(text: str, mirror: bool = False) -> str:
    """Read a visual-order line whose digit groups and Latin runs kept their order.

    The PDF reader's bidi inversion (:func:`~unparse.bidi.visual_to_logical`), one
    unit per character: numbers and Latin runs keep their order, the rest is reversed;
    ``mirror`` swaps the brackets read right to left. Real extract_text output
    (res-western): ``"[(26 ةرقفلا ،A/76/463) ةثلاثلا ةنجللا ريرقت ىلع ءانب]"`` →
    ``"]بناء على تقرير اللجنة الثالثة )A/76/463، الفقرة 26(["``, with ``mirror``
    ``"[بناء على تقرير اللجنة الثالثة (A/76/463، الفقرة 26)]"``.
    """
    units = [Unit(ch, "SP" if ch.isspace() else bidi_class(ch)) for ch in text]
    return visual_to_logical(units, rtl=True, mirror=mirror)


def _convert_lines(texts: list[str], kept: bool) -> list[str]:
    """Convert the reversed lines of one document, brackets mirrored or not as a whole.

    Whether the brackets were drawn as shapes (so read mirrored) is decided once, like the
    PDF reader does, from the lines whose brackets read backwards one way only: a pair
    cut across two lines (``"... (هيئة"`` / ``"للمرأة) ..."``) then comes out right too,
    which the line-local ``mirrored_brackets`` step cannot do.
    """
    convert = visual_to_logical_text if kept else unreverse_visual
    plain: list[str] = []
    mirrored: list[str | None] = []
    plain_worse = mirrored_worse = 0
    for text in texts:
        # pdfminer's word spacing can cut a mark from its letter; in visual order the
        # letter follows it ("ً المع" for "عملاً"), so the mark moves across the space.
        text = _CUT_MARK_RE.sub(r"\2\1", text)
        plain.append(convert(text))
        if _BRACKETS.isdisjoint(text):
            mirrored.append(None)
            continue
        mirrored.append(convert(text, mirror=True))
        a, b = brackets_backwards(plain[-1]), brackets_backwards(mirrored[-1] or "")
        plain_worse += a > b
        mirrored_worse += b > a
    if plain_worse <= mirrored_worse:
        return _fix_ligatures(plain)
    return _fix_ligatures([m if m is not None else p for p, m in zip(plain, mirrored, strict=True)])


def _unswap_ligature(token: str) -> str | None:
    """The word a token is once its lam ligatures are put back in order, or None.

    A ligature glyph (lam-alef, and lam-jeem in some fonts) maps to two letters in
    reading order; read along a visual-order line it is reversed whole, so the pair
    comes out backwards: ``"ىلولأا"`` (egypt-gazette-law-8-2022.pdf) reversed gives
    ``"األولى"``, whose ``"أل"`` swapped back gives ``"الأولى"``. A swap is kept only
    when the token is not in the word list and the swapped one is; ``"ال"`` alone, never
    a word, is ``"لا"``.
    """
    if token == "ال":
        return "لا"
    # Unknown as written (the list's rarest words are about 1), known once swapped.
    if wordlist.zipf(token) >= 1.0:
        return None
    pairs = [i for i in range(len(token) - 1) if token[i + 1] == "ل" and token[i] in _LIGATURE_SECOND]
    best: tuple[float, str] | None = None
    for chosen in [*([i] for i in pairs), pairs] if 1 <= len(pairs) <= 3 else []:
        chars = list(token)
        for i in chosen:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        candidate = "".join(chars)
        score = wordlist.zipf(candidate)
        if score >= 1.5 and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


def _fix_ligatures(texts: list[str]) -> list[str]:
    """Put reversed lam ligatures back (:func:`_unswap_ligature`) when the document has them.

    Decided once: at least three tokens of the converted lines must need it, so that a
    rare word that happens to become another word when swapped is not touched alone.
    """
    fixes: dict[str, str] = {}
    for text in texts:
        for token in _LETTERS_RE.findall(text):
            if token not in fixes:
                fixes[token] = _unswap_ligature(token) or token
    changed = {t: f for t, f in fixes.items() if f != t}
    if len(changed) < 3:
        return texts
    return [_LETTERS_RE.sub(lambda m: changed.get(m.group(), m.group()), text) for text in texts]


def _clearly_logical(text: str) -> bool:
    """Three words or more open with the article ``ال`` and few end with its reversal
    ``لا``: no reversed line reads like that. (Two substring counts: most lines of a
    logical document are settled without the per-word votes.)"""
    articles = text.count(" ال") + text.startswith("ال")
    return articles >= 3 and 3 * (text.count("لا ") + text.endswith("لا")) < articles


def _is_reversed(text: str, rev: int, log: int, doc_reversed: bool) -> bool:
    # In a visual-order document reversal is the rule: one word of evidence and a simple
    # majority are enough; elsewhere a line needs two words and a clear majority.
    needed, ratio = (1, 1) if doc_reversed else (2, 2)
    if doc_reversed and _LEFT_STOP_RE.match(text):
        rev += 1
    if rev >= needed and rev > ratio * log:
        return True
    # Some evidence but not enough, or any Arabic line of a visual-order document (a
    # line can carry no cheap hint): ask the word list, loaded only now.
    if rev >= 1 or (doc_reversed and _TOKEN_RE.search(text)):
        if rev + len(_TOKEN_RE.findall(text)) <= ratio * log:
            return False  # even every word voting "reversed" could not outweigh the rest
        more_rev, more_log = _word_list_votes(text)
        rev, log = rev + more_rev, log + more_log
        return rev >= needed and rev > ratio * log
    return False


def reverse_visual_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose Arabic letters came out reversed (visual order).

    Digits and Latin runs reversed too (shaped text copied from a visual-order PDF):
    ``"ﺔﻣﺎﻌﻟﺍ ﺔﻴﻌﻤﺠﻟﺍ 2102"`` → ``"2012 ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ"`` (``"الجمعية العامة"`` once
    folded). Digits and Latin runs kept (pdfminer's extract_text, res-western):
    ``"2021 ربمسيد/لوألا نوناك 16 يف ةماعلا ةيعمجلا هتذختا رارق"`` →
    ``"قرار اتخذته الجمعية العامة في 16 كانون الأول/ديسمبر 2021"``; which kind a
    document is, is decided once from all its reversed lines (:func:`numbers_kept_order`).
    A line is reversed when its words read as reversed more than twice as often as
    logical. When most of the document's decided lines are reversed, reversal is the
    rule: one word of evidence and a simple majority are enough, every Arabic line is
    checked against the word list (``":يلي ام كلذ يف امب ،هلاكشأ عيمجب"`` has no cheap
    hint), and a line starting with a stop glued to the next character (the left end of a
    right-to-left line: ``".United Nations, ... No. 39574 (3)"``) counts one vote.
    """
    if ctx.facts.get("logical_order") is True:
        return lines
    shaped = any(_SHAPED_RE.search(line.text) for line in lines)
    # A clearly logical line counts as decided and logical, like its full votes would.
    votes = [
        (0, 2)
        if not shaped and _clearly_logical(line.text)
        else visual_votes(line.text)
        if _VISUAL_HINT_RE.search(line.text)
        else (0, 0)
        for line in lines
    ]
    decided = [(r, g) for r, g in votes if r + g >= 2]
    doc_reversed = bool(decided) and sum(r > g for r, g in decided) * 2 > len(decided)
    flagged = [
        _is_reversed(line.text, rev, log, doc_reversed) for line, (rev, log) in zip(lines, votes, strict=True)
    ]
    ctx.facts["visual_evidence"] = {
        "lines_reversed": sum(flagged),
        "lines_decided": len(decided),
        "decided_reversed": sum(r > g for r, g in decided),
        "document_reversed": doc_reversed,
        "shaped_forms": shaped,
    }
    if not any(flagged):
        return lines
    kept = numbers_kept_order(line.text for line, flag in zip(lines, flagged, strict=True) if flag)
    ctx.facts["visual_numbers"] = "kept" if kept else "reversed"
    converted = iter(
        _convert_lines([line.text for line, flag in zip(lines, flagged, strict=True) if flag], kept)
    )
    out: list[Line] = []
    for line, flag in zip(lines, flagged, strict=True):
        if flag:
            fixed = next(converted)
            if fixed != line.text:
                ctx.record("visual_order", line.number, line.text, fixed)
                line = Line(line.number, fixed, line.page)
        out.append(line)
    return out
