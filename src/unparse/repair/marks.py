"""Arabic marks (harakat, tanween, shadda) that an extractor put in the wrong place.

A combining mark belongs to the letter before it. Extractors that place each glyph by its
box often emit a mark HarfBuzz or Word positioned separately as a glyph of its own: after a
space (``أولا ً``, the tanween of ``أولاً`` cut off by the gap before it), before its letter
(``ُأبلغ`` for ``أُبلغ``: the mark's box starts right of the letter's), or at a line start
(``َّ1 -``, the marks of a word on the line above). In Unicode a mark after a space or at a
word start is a defective sequence that no clean text holds; a heading ``أولا ً -`` is not
recognised as ``أولاً -``, and a paragraph ``َّ1 -`` is not numbered.
"""

from __future__ import annotations

import regex

# Arabic letters (tatweel excluded: it is not a base a mark belongs to when split off).
_L = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_M = "\u064b-\u0652"
MARK_CLASS = _M
# What a mark may sit on besides a letter: tatweel, another mark, a presentation form.
_BASE = f"{_L}{_M}\u0640\u0653-\u065f\u0670\ufb50-\ufdff\ufe70-\ufeff"

# Tanween fath cut from its word before the alef that carries it: "أول ًا" is "أولًا".
_TANWEEN_ALEF_RE = regex.compile(f"(?<=[{_L}])[ \\t]+(?=\u064bا(?![{_L}{_M}]))")
# Marks standing alone right after a word that ends with a letter: they are that letter's.
_AFTER_WORD_RE = regex.compile(f"(?<=[{_L}])[ \\t]+(?=[{_M}]+(?![{_L}{_M}\\p{{Nd}}]))")
# A letter standing alone, then a gap and marks glued to the next letter: the gap is the
# marks' box, cut into one word ("ت ُصمم" for "تُصمم"); no word is one letter long.
_LONE_LETTER_GAP_RE = regex.compile(f"(?<=(?<![{_BASE}\\p{{Nd}}])[{_L}])[ \\t]+(?=[{_M}]+[{_L}])")
# Marks at a word start, before the letter they belong to.
_BEFORE_BASE_RE = regex.compile(f"(?<![{_BASE}])(?P<m>[{_M}]+)(?P<l>[{_L}])")
# Marks that belong to no letter here (a line start, after a digit, a space or punctuation).
_ORPHAN_RE = regex.compile(f"(?<![{_BASE}])[{_M}]+")


def attach_detached_marks(text: str) -> str:
    """Put marks that an extractor cut off from their letter back on it; marks that have no
    letter (at a line start, after a digit or punctuation) go.

    Real examples from the benchmark's committed extractions: pdftotext on fpdf2
    (HarfBuzz) PDFs, ``"أولا ً - مقدمة"`` → ``"أولاً - مقدمة"`` and ``"َّ1 -"`` → ``"1 -"``;
    pypdfium2 on Chromium PDFs, ``"أول ًا- مقدمة"`` → ``"أولًا- مقدمة"``; pdftotext on
    LibreOffice PDFs, ``"التي ُأبلغ"`` → ``"التي أُبلغ"``. Letters, digits and the marks
    that sit on a letter are never touched; one call reaches the fixed point.

    >>> attach_detached_marks("أولا ً - مقدمة")
    'أولاً - مقدمة'
    >>> attach_detached_marks("َّ1 -")
    '1 -'
    >>> attach_detached_marks("أول ًا- مقدمة")
    'أولًا- مقدمة'
    >>> attach_detached_marks("التي ُأبلغ عنها")
    'التي أُبلغ عنها'
    >>> attach_detached_marks("أُبلغ عنها مُجدَّداً")
    'أُبلغ عنها مُجدَّداً'

    A letter alone before the marks is the start of their word (pdftotext on
    LibreOffice, report-a-79-190: ``"ت ُصمم"``; PyMuPDF on Chromium: ``"ص ّوت"``):

    >>> attach_detached_marks("كثيرا ما ت ُصمم السياسات"), attach_detached_marks("إذ ص ّوت")
    ('كثيرا ما تُصمم السياسات', 'إذ صّوت')
    """
    # Every rule below starts at a mark with no base before it: a text without one is done
    # (one search instead of four substitutions over clean text).
    if not _ORPHAN_RE.search(text):
        return text
    text = _TANWEEN_ALEF_RE.sub("", text)
    text = _AFTER_WORD_RE.sub("", text)
    text = _LONE_LETTER_GAP_RE.sub("", text)
    text = _BEFORE_BASE_RE.sub(r"\g<l>\g<m>", text)
    return _ORPHAN_RE.sub("", text)


# A mark inside a left-to-right embedding (pdftotext's U+202A ... U+202C) that holds no
# Arabic letter: there is nothing it can sit on.
_LTR_RUN_RE = regex.compile("\u202a[^\u202a\u202c]*+\u202c")
_LETTER_RE = regex.compile(f"[{_L}]")
_MARKS_RE = regex.compile(f"[{_M}]+")


def drop_marks_in_latin_runs(text: str) -> str:
    """Remove the marks pdftotext put inside a left-to-right run of digits and punctuation,
    before the run is read: ``"⟨LRE⟩ُ -٦⟨PDF⟩"`` is the paragraph number ``٦ -`` with the
    damma of a word on the line above (benchmark ``libreoffice/pdftotext/sg-e-2024-55``).

    >>> drop_marks_in_latin_runs("\u202b\u202aُ -٦\u202c\u202c")
    '\u202b\u202a -٦\u202c\u202c'
    >>> drop_marks_in_latin_runs("\u202aمُ 12\u202c")
    '\u202aمُ 12\u202c'
    """
    if "\u202a" not in text or not _MARKS_RE.search(text):
        return text

    def strip(run: regex.Match[str]) -> str:
        found = run.group()
        return found if _LETTER_RE.search(found) else _MARKS_RE.sub("", found)

    return _LTR_RUN_RE.sub(strip, text)
