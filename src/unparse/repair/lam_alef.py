"""A line that pdftotext cut in two at a lam-alef ligature, the two halves swapped.

On LibreOffice PDFs with justified lines stretched by kashida, pdftotext sometimes takes
the part of a visual line after a ``لا`` ligature for a line of its own and prints it
*first*; the ligature's lam goes with that part and its alef stays at the end of the other.
The real lines (benchmark ``libreoffice/pdftotext/ctoc-cop-dec-12-1``)::

    ل إنسانية أو مهينة، ظروفا مشددة للعقوبة؛
    معاملتهم معاملة ا

read ``معاملتهم معاملة لا إنسانية أو مهينة، ظروفا مشددة للعقوبة؛``. A line never starts
with a lone lam and never ends with a lone alef in clean text, so the pair of them, in this
order, is the evidence; the ligature is rebuilt and the two lines become one.
"""

from __future__ import annotations

import regex

from ..lines import Line, merge_lines
from .pipeline import Context

_LAM_START_RE = regex.compile(r"^(?P<pad>\s*)ل(?=\s+\S)")
# One-letter proclitics written on the word they precede ("و ا" + "ل سيما": "ولا سيما").
_PROCLITICS = frozenset("وفبكل")


def _glue(word: str) -> bool:
    """Whether the ligature ends ``word`` (no space between them)."""
    if word in _PROCLITICS:
        return True
    from .wordlist import zipf

    # A piece the word list does not know that, with the ligature, is a known word.
    return zipf(word) < 2.0 and zipf(word + "لا") >= 3.0


def rebuild_lam_alef(first: str, second: str) -> str | None:
    """The line the two halves make, or None when they are not such halves.

    >>> rebuild_lam_alef("ل إنسانية أو مهينة، ظروفا مشددة للعقوبة؛", "معاملتهم معاملة ا")
    'معاملتهم معاملة لا إنسانية أو مهينة، ظروفا مشددة للعقوبة؛'
    >>> rebuild_lam_alef("ل سيما الهدف 14 المتعلق بحفظ", "خطة التنمية المستدامة لعام 2030(2)، و ا")
    'خطة التنمية المستدامة لعام 2030(2)، ولا سيما الهدف 14 المتعلق بحفظ'
    >>> rebuild_lam_alef("ل سيما", "كلمة") is None
    True
    """
    lam = _LAM_START_RE.match(first)
    body = second.rstrip()
    # A lone alef ends the line: a space (or nothing) before it. Scanned by hand from the
    # end (a pattern searched for it is quadratic on a line of alefs).
    if lam is None or not body.endswith("ا") or (len(body) > 1 and not body[-2].isspace()):
        return None
    before = body[:-1].rstrip()
    start = len(before)
    while start > 0 and "\u0621" <= before[start - 1] <= "\u064a":
        start -= 1
    head, word = before[:start], before[start:]
    if not word:
        joint = before + ("لا" if not before else " لا")
    elif _glue(word):
        joint = f"{head}{word}لا"
    else:
        joint = f"{head}{word} لا"
    return joint + first[lam.end() :]


def join_split_lam_alef(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: each line that starts with a lone lam, followed by a line that ends
    with a lone alef, becomes the one line they were (:func:`rebuild_lam_alef`), under the second line's
    number (where the text starts); the fix log shows the first emptied and the second
    rebuilt."""
    if not any(line.text.lstrip().startswith("ل ") for line in lines):
        return lines

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        if i + 1 == len(lines):
            return None
        line, nxt = lines[i], lines[i + 1]
        joined = rebuild_lam_alef(line.text, nxt.text)
        if joined is None:
            return None
        # The first half moves into the second's line: the log replays line by line.
        ctx.record("lam_alef_lines", line.number, line.text, "")
        ctx.record("lam_alef_lines", nxt.number, nxt.text, joined)
        out.append(Line(nxt.number, joined, nxt.page))
        return 2

    return merge_lines(lines, step)
