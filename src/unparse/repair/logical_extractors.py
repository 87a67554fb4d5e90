"""What pypdfium2, PyMuPDF and pypdf do to Arabic, and its repair.

These three extractors give the words of a line in logical order; what they damage is
around the words. The producer is recognised from evidence in the text and the evidence is
kept in ``ctx.facts["pdfium_evidence"]`` (local to this module for now: ``fingerprint``'s
typed record does not name these producers yet).

* pypdfium2 (``get_text_range``): brackets as drawn, i.e. mirrored (``"البند 72 )ب( من
  جدول الأعمال"``), no bidi controls, no leading spaces, and in a file as written every
  line ends in CRLF (lost once the text is read in Python's text mode, so not relied on).
  Its lines are in reading order: the document-level order repairs (visual, run reversal)
  must not fire on it (:func:`mark_logical_order`).
* pypdfium2 on Chromium's Noto Naskh: some words letter-reversed (:func:`reverse_reversed_words`).
* pypdf and PyMuPDF: a number cut from its slash (:func:`join_split_slash_numbers`).
"""

from __future__ import annotations

import regex

from ..lines import Line
from . import wordlist
from .pipeline import Context, fix_each_line

_BIDI_RE = regex.compile(r"[\u202a-\u202e\u2066-\u2069]")
_MIRRORED_RE = regex.compile(r"\)[^()\n]{1,3}\(")
_PROPER_RE = regex.compile(r"\((?![A-Za-z]{1,3}\))[^()\s][^()\n]{0,2}\)")
_LEADING_SPACE_RE = regex.compile(r"^ \S")
_WORD_RE = regex.compile(r"(?V1)[\p{Arabic}&&\p{L}]{4,}")
_END_NUMBER_RE = regex.compile(r"\s[-–]\s*\p{Nd}{1,3}\s*$")
_START_NUMBER_RE = regex.compile(r"^ ?\p{Nd}{1,3} ?[-–]\s")


def logical_order_evidence(lines: list[Line]) -> dict[str, object] | None:
    """The evidence that the text is pypdfium2's (logical order, brackets as drawn), or
    None. All of: no bidi controls; at least twice as many mirrored pairs ``)ب(`` as
    proper ``(ب)``, plus two (pdfminer's mixed visual text of a report has 5 and 3; a
    Latin ``(A)``, which pypdfium2 leaves as it is, is not counted as proper); at most 8%
    of lines starting with one space (PyMuPDF's and pypdf's mark: 13% and more on the
    benchmark, pypdfium2's footnote lines up to 6.5%); at most 2% of lines holding two
    spaces in a row and fewer paragraph numbers at a line's end (``"... - ١"``) than a
    quarter of those at its start (pypdfium2 writes one space per gap and its numbers
    where they belong; run-reversed text neither); at least a quarter of the words that
    read as words one way only read so as they stand (a visual-order text: none;
    pypdfium2 on Chromium's Noto Naskh reverses some words of a line and not others, down
    to 37% on the benchmark).

    >>> text = ["البند 72 )ب( من جدول الأعمال", ")أ( تزايد عدد المهاجرين", "الجمعية العامة"]
    >>> ev = logical_order_evidence([Line(i, t) for i, t in enumerate(text * 2, 1)])
    >>> ev["producer"], ev["mirrored_pairs"], ev["words_as_they_stand"], ev["words_reversed"]
    ('pypdfium2', 4, 12, 0)
    """
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    # The pairs first: found by their literal brackets, they are many times cheaper to
    # count than a scan for the controls, and most texts fail on them.
    mirrored = len(_MIRRORED_RE.findall(joined))
    proper = len(_PROPER_RE.findall(joined))
    if mirrored < 2 or mirrored < 2 * proper + 2:
        return None
    if _BIDI_RE.search(joined):
        return None
    nonblank = [t for t in texts if t.strip()]
    leading = sum(1 for t in nonblank if _LEADING_SPACE_RE.match(t))
    if leading > 0.08 * len(nonblank):
        return None
    spaced = sum(1 for t in nonblank if "  " in t.strip())
    if spaced > 0.02 * len(nonblank):
        return None
    ends = sum(1 for t in nonblank if _END_NUMBER_RE.search(t))
    starts = sum(1 for t in nonblank if _START_NUMBER_RE.match(t))
    if ends > starts // 4:
        return None
    as_is = backwards = 0
    for word in _WORD_RE.findall(joined)[:2000]:
        known = wordlist.zipf(word) > 0
        known_reversed = wordlist.zipf(word[::-1]) > 0
        if known and not known_reversed:
            as_is += 1
        elif known_reversed and not known:
            backwards += 1
    if as_is < 10 or 4 * as_is < as_is + backwards:
        return None
    return {
        "producer": "pypdfium2",
        "mirrored_pairs": mirrored,
        "proper_pairs": proper,
        "leading_space_lines": leading,
        "double_space_lines": spaced,
        "numbers_at_line_end": ends,
        "lines": len(nonblank),
        "words_as_they_stand": as_is,
        "words_reversed": backwards,
    }


def mark_logical_order(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: a pypdfium2 text is in reading order; say so before the order steps.

    Real example (pypdfium2 on a LibreOffice PDF, ga-res-example): the line
    ``"البند 72 )ب( من جدول الأعمال"`` is right but for its brackets; without this step
    ``line_order`` judged the document run-reversed and rewrote it as
    ``"من جدول الأعمال )ب( 72 البند"``. Changes no line; records the evidence in
    ``ctx.facts["pdfium_evidence"]`` and sets ``ctx.facts["logical_order"]``.
    """
    if ctx.facts.get("logical_order") is True:
        return lines
    evidence = logical_order_evidence(lines)
    if evidence is not None:
        ctx.facts["pdfium_evidence"] = evidence
        ctx.facts["logical_order"] = True
    return lines


_SLASH_AFTER_RE = regex.compile(r"(?<![\d/.])(\d{1,4}) (\d{1,4}) ?/(?![\d/])")
_SLASH_BEFORE_RE = regex.compile(r"(?<![\d/])/ (\d{1,4}) (\d{1,4})(?![\d/.])")


def join_split_slash_numbers(text: str) -> str:
    """A session/number pair cut from its slash. pypdf and PyMuPDF draw the slash after the
    second number (``"78 69/"`` for 78/69); pypdfium2 on LibreOffice's tight style before
    both, in reverse (``"/ 121 77"`` for 77/121).

    Real (ga-res-79-145 through pypdf; ga-dec-78-540 through pypdfium2):

    >>> join_split_slash_numbers("ولا سيما القرار 78 69/ المؤرخ")
    'ولا سيما القرار 78/69 المؤرخ'
    >>> join_split_slash_numbers("إذ تشير إلى قرارها / 121 77 المؤرخ 12")
    'إذ تشير إلى قرارها 77/121 المؤرخ 12'
    >>> join_split_slash_numbers("بلغ 8 565 شخصا، الفقرة 12")
    'بلغ 8 565 شخصا، الفقرة 12'
    """
    if "/" not in text or not _may_be_split(text):
        return text
    text = _SLASH_AFTER_RE.sub(r"\1/\2", text)
    return _SLASH_BEFORE_RE.sub(r"\2/\1", text)


def _may_be_split(text: str) -> bool:
    """Whether a slash of ``text`` has a split pair's shape around it: a space and a digit
    after it, or (a space,) one to four digits, a space and a digit before it. Checked at
    each slash, which is many times faster than the two patterns' scans (most slashes are
    in ``76/186`` or ``A/RES/76``, which have neither)."""
    p = text.find("/")
    while p != -1:
        if text[p + 1 : p + 2] == " " and _digit(text[p + 2 : p + 3]):
            return True
        q = p - 1
        if q >= 0 and text[q] == " ":
            q -= 1
        k = q
        while k >= 0 and q - k < 4 and _digit(text[k]):
            k -= 1
        if k < q and k >= 1 and text[k] == " " and _digit(text[k - 1]):
            return True
        p = text.find("/", p + 1)
    return False


def _digit(char: str) -> bool:
    # What \d may match: the regex module knows digits beyond the BMP that this Python's
    # Unicode tables do not yet; any such character is taken as one.
    return char.isdigit() or char > "\uffff"


_ANY_WORD_RE = regex.compile(r"(?V1)[\p{Arabic}&&\p{L}]{2,}")


def _unreversed(match: regex.Match[str]) -> str:
    word = match.group()
    here, back = wordlist.zipf(word), wordlist.zipf(word[::-1])
    return word[::-1] if back > 0 and (here == 0 or back >= here + 2) else word


def reverse_reversed_words(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pypdfium2 text of Chromium's Noto Naskh, some words of a line
    come out letter-reversed and others not; a word is put back only where its reversal is
    a known word and it is not (or is a hundred times rarer). Runs only where the producer
    evidence (:func:`mark_logical_order`) found reversed words (5% of the decided words).

    Real (pypdfium2 on Chromium, ecosoc-res-2023-15): ``"دنبلا 19) ج( نم جدول الأعمال"``
    → ``"البند 19) ج( من جدول الأعمال"``.
    """
    evidence = ctx.facts.get("pdfium_evidence")
    if not isinstance(evidence, dict) or evidence.get("producer") != "pypdfium2":
        return lines
    back, as_is = int(evidence.get("words_reversed", 0)), int(evidence.get("words_as_they_stand", 0))
    if back < 0.05 * (back + as_is):
        return lines
    return fix_each_line(lines, ctx, "reversed_words", lambda text: _ANY_WORD_RE.sub(_unreversed, text))
