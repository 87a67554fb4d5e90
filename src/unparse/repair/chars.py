"""Character-level fixers: invisible controls, presentation forms, private-use glyphs,
tatweel, diacritics, spacing. Each is a pure ``str -> str`` function."""

from __future__ import annotations

import re

import regex
from pyarabic import araby

from ..arabic import PRESENTATION_CLASS as PRESENTATION_CLASS
from ..arabic import fold_presentation_forms as fold_presentation_forms

# Bidi embeddings/overrides/isolates and marks: they steer display, carry no text,
# and extractors leave them in the middle of words.
_BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_OTHER_INVISIBLE = "\ufeff\u200b\u00ad\u2060"
# Lone surrogates cannot be encoded to UTF-8; they come from broken decoders.
# (Simple character classes: the standard library's ``re`` scans them faster than ``regex``;
# every fixer here first searches, so a clean text costs one scan per fixer.)
CONTROL_CLASS = _BIDI_CONTROLS + _OTHER_INVISIBLE + "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
_CONTROL_RE = re.compile(f"[{CONTROL_CLASS}]")


def remove_invisible_controls(text: str) -> str:
    """Remove bidi controls, zero-width spaces, soft hyphens, C0/C1 controls and lone surrogates.

    Real example (copy-paste from a PDF viewer): ``"\u202bالجمعية العامة\u202c"`` → ``"الجمعية العامة"``.
    Tabs are kept (they separate runs); zero-width (non-)joiners are kept (they shape Persian).
    """
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    return text


PRIVATE_USE_CLASS = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_PRIVATE_USE_RE = regex.compile(f"[{PRIVATE_USE_CLASS}]")


def remove_private_use(text: str) -> str:
    """Remove private-use code points: glyph codes of symbol fonts that mean nothing as text.

    Real example (CTOC/COP/2012 report): ``"\uf02a الدورة السادسة"`` → ``" الدورة السادسة"``.
    """
    if not _PRIVATE_USE_RE.search(text):
        return text
    return _PRIVATE_USE_RE.sub("", text)


TATWEEL = "\u0640"
# The tatweel of the abbreviation "هـ" (the fifth sub-item label, (هـ)) is a mark, not
# justification: it is kept, once. A mark or a "*" (emphasis, stripped later) next to it
# would be gone on the next pass and the tatweel with it: it is not kept there either.
_TATWEEL_RE = regex.compile(r"(?<![\p{Arabic}\p{M}\u0640*])(ه)\u0640++(?![\p{Arabic}\p{M}\u0640*])|\u0640+")
# The tatweel the UN writes after a prefix that stands before a number, a quotation or a
# Latin word ("الـ 13", "بـ \"السياسة\"", "الـ UNODC") is spelling, not justification:
# the prefix starts a word (al-, bi-, li-, ka-, wa-, fa- and their compounds) ...
_PREFIX_BEFORE_RE = regex.compile(
    r"(?<![\p{L}\p{M}\u0640*])(?:[وف]?[بك]?ال|[وف]?لل|[وف]?[بلك]|[وف])\Z", flags=regex.V1
)
# ... and no Arabic letter or mark follows the tatweel. "*" counts as neither side of a
# kept tatweel: markdown emphasis, removed later, would glue it to a word.
_PREFIX_AFTER_RE = regex.compile(r"(?![\p{L}&&\p{Script=Arabic}]|\p{M}|\*)", flags=regex.V1)


def strip_tatweel(text: str) -> str:
    """Remove tatweel (kashida) used to stretch words for justification.

    Real example (A/RES/61/180): ``"لمكافحـة"`` → ``"لمكافحة"``; ``"نـوفمبر"`` → ``"نوفمبر"``.
    The tatweel of the abbreviation ``"هـ"`` (sub-item ``(هـ)``) is kept, and so is the
    tatweel the UN writes after a prefix that stands before a number, a quotation or a
    Latin word (unpc segments): ``"الـ 13"``, ``"بـ \"السياسة\""``, ``"الـ UNODC"``.

    >>> strip_tatweel("خلال الشهور الـ 12 المقبلة")
    'خلال الشهور الـ 12 المقبلة'
    >>> strip_tatweel('الأعضاء بـ "كفالة" و لـ "اتخاذ"')
    'الأعضاء بـ "كفالة" و لـ "اتخاذ"'
    >>> strip_tatweel("الأمـــم المتحـدة والـمُدن الـتأهب")
    'الأمم المتحدة والمُدن التأهب'
    """
    if TATWEEL not in text:
        return text

    def repl(m: regex.Match[str]) -> str:
        if m.group(1):
            return m.group(1) + TATWEEL
        start, end = m.span()
        if _PREFIX_BEFORE_RE.search(text, max(0, start - 4), start) and _PREFIX_AFTER_RE.match(text, end):
            return m.group()
        return ""

    return _TATWEEL_RE.sub(repl, text)


# pyarabic's list of harakat, plus the dagger alef and the Quranic marks above/below.
HARAKAT_CLASS = "".join(araby.TASHKEEL) + "\u0670\u0653-\u065f"
_HARAKAT_RE = regex.compile(f"[{HARAKAT_CLASS}]")


def strip_diacritics(text: str) -> str:
    """Remove harakat when ``Options.keep_diacritics`` is False.

    Example (A/64 report): ``"يلخِّص"`` → ``"يلخص"``.
    """
    if not _HARAKAT_RE.search(text):
        return text
    return _HARAKAT_RE.sub("", text)


ODD_SPACE_CLASS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE_RE = re.compile(f"[{ODD_SPACE_CLASS}]")
_MULTI_SPACE_RE = re.compile("  +")
_EDGE_SPACE_RE = re.compile(r"^ | $", flags=re.MULTILINE)
# Runs are collapsed and edges trimmed by then: one space between a word and punctuation.
_SPACE_BEFORE_PUNCT_RE = re.compile(r" (?=[،؛:؟!.,;](?:\s|$))", flags=re.MULTILINE)


def collapse_spaces(text: str, odd_spaces: bool = True) -> str:
    """Collapse runs of spaces (justification), make odd spaces plain, trim the line.

    The whitespace normalisation ``normalize`` always does (a clean text has none of it:
    no unpc segment changes). Never touches a line break, so it can run over a whole text
    at once. (Each pass runs only when there is work for it: a substitution of every
    single space by itself cost more than the rest of the pipeline.) ``odd_spaces=False``:
    the caller knows the text holds none of :data:`ODD_SPACE_CLASS`.

    >>> collapse_spaces("  كانون  الأول\u00a0ديسمبر ")
    'كانون الأول ديسمبر'
    >>> collapse_spaces("بقيادة الحكومة .")
    'بقيادة الحكومة .'
    """
    if odd_spaces and _ODD_SPACE_RE.search(text):
        text = _ODD_SPACE_RE.sub(" ", text)
    if "  " in text:
        text = _MULTI_SPACE_RE.sub(" ", text)
    if text[:1] == " " or text[-1:] == " " or "\n " in text or " \n" in text:
        text = _EDGE_SPACE_RE.sub("", text)
    return text


def normalize_spaces(text: str) -> str:
    """:func:`collapse_spaces`, then drop spaces before punctuation.

    Real example (A/RES/61/180): ``"  ، العامةالجمعيةإن   "`` is first reordered, then
    ``"إن الجمعية العامة ،"`` → ``"إن الجمعية العامة،"``. The space before the comma is
    what putting the runs back in order leaves, so the pipeline drops it only on the lines
    a step reordered: clean UN text has such spaces too (unpc: ``"بقيادة الحكومة ."``,
    ``"يناير 2014 ؛"``), and they are the author's.

    >>> normalize_spaces("إن الجمعية العامة ،")
    'إن الجمعية العامة،'
    """
    return _SPACE_BEFORE_PUNCT_RE.sub("", collapse_spaces(text))
