"""pdftotext ``-raw`` and a line's first words set in another font.

A preambular paragraph's lead is printed in italics (``إذ يستذكر``). Where the italic
run ends inside a word (the word's last letters set in the roman font after a
non-joining letter), ``-raw`` gives the line's roman part first and its italic start on a
line of its own below it: ``كر المادتين 29 و30 من الاتفاقية ...`` then ``إذ يستذ``. Read as
it stands, the paragraph has no lead and joins the one before it.
"""

from __future__ import annotations

import regex

from ..lines import Line, blank
from . import wordlist
from .fingerprint import producer_of
from .marks import MARK_CLASS
from .pipeline import Context

_LEADING_MARKS_RE = regex.compile(rf"^([{MARK_CLASS}\u0670]+)\s+")
# A line start cut off: at most this many words, the last one cut.
_MAX_WORDS = 3
# The word the two pieces make is a word of the list (Zipf scale), a hundred times likelier
# than the cut piece read as a word of its own (``يؤ`` is one, rarely: ``يؤكد`` is 4.6).
_MIN_ZIPF = 2.0
_MARGIN = 2.0


def join_raw_split_leads(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, a short line whose last word is no word
    (or a far rarer one) but makes one with the first word of the line above goes before
    that line, glued to it: the start of that line, set apart.

    Real (pdftotext -raw on Chromium and fpdf2, ctoc-cop-dec-10-4):

    >>> from .poppler_raw import _raw_context, _raw_lines
    >>> texts = ["كر المادتين 29 و30 من اتفاقية الأمم المتحدة", "إذ يستذ", "والمساعدة التقنية"]
    >>> [x.text for x in join_raw_split_leads(_raw_lines(*texts), _raw_context())]
    ['إذ يستذكر المادتين 29 و30 من اتفاقية الأمم المتحدة', 'والمساعدة التقنية']
    >>> texts = ["كد من جديد جميع القرارات", "إذ يؤ", "بما فيها قرار المجلس 52/12"]  # hrc-res-54-12
    >>> [x.text for x in join_raw_split_leads(_raw_lines(*texts), _raw_context())]
    ['إذ يؤكد من جديد جميع القرارات', 'بما فيها قرار المجلس 52/12']
    >>> texts = ["\u064e\u0651 م هذا التقرير عملا بقرار", "1 - يقد"]  # fpdf2, sg-a-78-245
    >>> [x.text for x in join_raw_split_leads(_raw_lines(*texts), _raw_context())]
    ['1 - يقد\u064e\u0651م هذا التقرير عملا بقرار']
    """
    if producer_of(ctx) != "poppler-raw":
        return lines
    out: list[Line] = []
    for line in lines:
        joined = _joined(out[-1], line) if out else None
        if joined is None:
            out.append(line)
            continue
        above = out[-1]
        ctx.record("raw_split_lead", above.number, above.text, joined)
        ctx.record("raw_split_lead", line.number, line.text, "")
        out[-1] = Line(above.number, joined, above.page)
    return out


def _joined(above: Line, line: Line) -> str | None:
    """``line`` put before ``above``, its cut word made whole, or None. The marks of the cut
    word's last letter may open ``above``, apart (``"َّ م هذا التقرير"`` below ``"1 - يقد"``)."""
    words = line.text.split()
    if blank(above) or not 1 <= len(words) <= _MAX_WORDS:
        return None
    text = above.text.lstrip()
    marks = _LEADING_MARKS_RE.match(text)
    if marks is not None:
        text = text[marks.end() :]
    rest = text.split(maxsplit=1)
    if not rest:
        return None
    cut, tail = words[-1], rest[0]
    if not (cut.isalpha() and tail.isalpha()):
        return None
    if wordlist.zipf(cut + tail) < max(_MIN_ZIPF, wordlist.zipf(cut) + _MARGIN):
        return None
    return " ".join([*words[:-1], cut + (marks[1] if marks else "") + text])
