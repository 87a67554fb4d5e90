"""Document-level evidence: is this document's text run-reversed at all?

>>> from unparse.lines import Line
>>> lines = [Line(1, "تنسيق الجهود المبذولة - ١"), Line(2, "، وإذ تشير إلى قرارها")]
>>> run_reversal_evidence(lines)
(2, 0)
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...lexicon import SECTION_LETTERS, SECTION_ORDINALS
from ...lines import Line

# A paragraph number at the line end: "تنسيق الجهود المبذولة - ١" → "١ - تنسيق ...".
END_NUMBER_RE = regex.compile(r"(?:^|\s)[-–]\s*(\p{Nd}{1,3}(?:/\p{Nd}{1,4})?)\s*$")
# A section label that came out at the line end: "مقدّمة  -أولاً" → "أولاً - مقدّمة".
_LABELS = "|".join(
    sorted((regex.escape(x) for x in SECTION_ORDINALS + SECTION_LETTERS), key=len, reverse=True)
)
END_LABEL_RE = regex.compile(rf"(?:^|\s)[-–]\s*({_LABELS})\s*$")
# The label and its dash both at the line end ("إدارة ألف -"): its run was the line's first.
END_LABEL_DASH_RE = regex.compile(rf"(?:^|\s)({_LABELS})\s*[-–]\s*$")
_LABEL_TAILS = frozenset(label[-1] for label in SECTION_ORDINALS + SECTION_LETTERS)
_DIGIT_RE = regex.compile(r"\p{Nd}")


def end_marker(text: str) -> regex.Match[str] | None:
    """The first of END_NUMBER_RE, END_LABEL_RE and END_LABEL_DASH_RE that matches ``text``.

    Each is searched only where the line's last character allows it (a digit, a label's
    last letter, a dash; str.rstrip removes every character their whitespace class matches), so most
    lines cost one character test instead of three searches.

    >>> end_marker("تنسيق الجهود المبذولة - ١").group(1)
    '١'
    >>> end_marker("وإذ تشير إلى قرارها") is None
    True
    """
    tail = text.rstrip()[-1:]
    if not tail:
        return None
    found = END_NUMBER_RE.search(text) if _DIGIT_RE.match(tail) else None
    if found is None and tail in _LABEL_TAILS:
        found = END_LABEL_RE.search(text)
    if found is None and tail in "-–":
        found = END_LABEL_DASH_RE.search(text)
    return found


_START_NUMBER_RE = regex.compile(r"^\s*(?:\p{Nd}{1,3}\s*[-–]\s|\(\p{Nd}{1,3}\)\s)")
# A paragraph number that stayed at the line start while the runs after it came out reversed
# ("2 - تعزيز قدرات السلطات الأعضاء إلى   الدول يدعو"): the number is in place, the rest is judged.
_LEAD_NUMBER_RE = regex.compile(r"^\s*\p{Nd}{1,3}(?:/\p{Nd}{1,4})? ?[-–] +(?=\S)")

_PUNCT_START_RE = regex.compile(r"^\s*[،؛.]")
_PUNCT_END_RE = regex.compile(r"[،؛.:]\s*$")
_DIGIT_LETTER_RE = regex.compile(r"(?V1)\p{Nd}[\p{Arabic}&&\p{L}]")


def split_lead_number(text: str) -> tuple[str, str]:
    """(the paragraph number that leads the line, with its dash and one space; the rest).

    Real example (benchmark garbler, ``ecosoc-res-2023-15``, the body's runs reversed):

    >>> split_lead_number("  2 - تعزيز قدرات السلطات الأعضاء إلى   الدول يدعو")
    ('2 - ', 'تعزيز قدرات السلطات الأعضاء إلى   الدول يدعو')
    >>> split_lead_number("10- المتحدة إلى دعم الدولتدعو منظومة الأمم")
    ('10- ', 'المتحدة إلى دعم الدولتدعو منظومة الأمم')
    >>> split_lead_number("في 30 كل عام")
    ('', 'في 30 كل عام')
    """
    m = _LEAD_NUMBER_RE.match(text)
    if m is None:
        return "", text
    return m.group().strip() + " ", text[m.end() :]


def run_reversal_evidence(lines: Sequence[Line]) -> tuple[int, int]:
    """(lines showing run reversal, lines showing logical order) over the document.

    Reversed: a paragraph number at the line end (``"... - ١"``), a line starting with a
    comma or full stop, digits glued to the letters after them (``"٦٣/١٩٤عملاً"``).
    Logical: a line starting with its number (``"1 - "``, ``"(1) "``), a line ending with
    punctuation.
    """
    texts = skeletons(lines)
    glued = _DIGIT_LETTER_RE.search("\n".join(texts)) is not None
    bad = good = 0
    for text in texts:
        head, tail = text.lstrip()[:1], text.rstrip()[-1:]
        if head:
            bad += _reads_reversed_line(text, head, tail, glued)
            good += _reads_logical_line(text, head, tail)
    return bad, good


_MARKS_RE = regex.compile(r"[\p{M}\u0640]+")


def skeletons(lines: Sequence[Line]) -> list[str]:
    """The lines without marks and tatweel, as the evidence is read: a later step may strip
    them (``Options.keep_diacritics=False``, ``strip_tatweel``), and a digit or comma they
    hid must count the same before and after, or a second pass would decide otherwise."""
    joined = "\n".join(line.text for line in lines)
    if _MARKS_RE.search(joined):
        joined = _MARKS_RE.sub("", joined)
    return joined.split("\n")


# Each pattern runs only where the line's first or last character allows a match (str.strip
# removes every character regex's \s matches): a clean document costs a few string
# operations per line instead of five searches.
def _reads_reversed_line(text: str, head: str, tail: str, glued: bool = True) -> bool:
    return bool(
        (tail.isdigit() and END_NUMBER_RE.search(text))
        or (head in CLAUSE_START and _PUNCT_START_RE.search(text))
        or (glued and _DIGIT_LETTER_RE.search(text))
    )


def _reads_logical_line(text: str, head: str, tail: str) -> bool:
    return bool(
        ((head.isdigit() or head == "(") and _START_NUMBER_RE.search(text))
        or (tail in _CLAUSE_END and _PUNCT_END_RE.search(text))
    )


CLAUSE_START = frozenset("،؛.")
_CLAUSE_END = frozenset("،؛.:")


def is_run_reversed(lines: Sequence[Line], evidence: dict[str, int] | None = None) -> bool:
    """The document decision: clear evidence of reversed runs, not outweighed by order.

    Clean samples score (0, 100) and (0, 50); the run-reversed ones (46, 3), (47, 15),
    (83, 12). A garbled line often still ends with a comma, so "logical" counts half.
    ``evidence``, if given, receives the counts (``lines_read_reversed``,
    ``lines_read_logical``: the latter only counted when the first reaches 3).
    """
    texts = skeletons(lines)
    glued = _DIGIT_LETTER_RE.search("\n".join(texts)) is not None
    edges = [(text, text.lstrip()[:1], text.rstrip()[-1:]) for text in texts]
    bad = sum(bool(head) and _reads_reversed_line(text, head, tail, glued) for text, head, tail in edges)
    if evidence is not None:
        evidence["lines_read_reversed"] = bad
    if bad < 3:
        return False  # most documents: no need to count the evidence of order
    good = sum(bool(head) and _reads_logical_line(text, head, tail) for text, head, tail in edges)
    if evidence is not None:
        evidence["lines_read_logical"] = good
    return 2 * bad >= good
