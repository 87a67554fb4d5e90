"""The numbered lines that pass between the stages: the reader (a text's lines, or the PDF
reader's) makes them, the repair changes their text, the segmentation places them.

Neither stage owns them, so that the PDF reader does not import the repair and the
segmentation only the repair's result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The white space of the regex module's ``\s`` (``str.isspace``'s less U+001C-U+001F),
# which the repair's patterns mean: a line's last character found by stripping these costs
# far less than a pattern ending in ``\s*$``, which the engine tries at every position.
SPACES = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
SPACES += "\u2028\u2029\u202f\u205f\u3000"


def last_char(text: str) -> str:
    """The last character of ``text`` that is not a space (:data:`SPACES`), or "".

    >>> last_char("قرار 76/186.\u00a0 "), last_char(" \t")
    ('.', '')
    """
    return text.rstrip(SPACES)[-1:]


@dataclass(frozen=True)
class Line:
    """One line of the text being repaired, with the 1-based input line it came from."""

    number: int
    text: str
    page: int | None = None


def split_lines(text: str) -> list[Line]:
    """Split on any line break (CRLF, CR, LF, form feed, Unicode separators), numbering from 1.

    A text with form feeds (pdftotext's page breaks) gives each line its page, counted
    from 1: the only page geometry a text has, which page furniture needs.

    >>> [(x.number, x.text, x.page) for x in split_lines("أ\\r\\nب\\fج")]
    [(1, 'أ', 1), (2, 'ب', 1), (3, 'ج', 2)]
    """
    # str.splitlines breaks on exactly these (\n \r \r\n \v \f \x1c-\x1e \x85 \u2028
    # \u2029) in one pass; unlike str.split it drops the empty line after a final break.
    parts = text.splitlines()
    if not text or text[-1] in _BREAKS:
        parts.append("")
    if "\f" not in text:
        return [Line(i, t) for i, t in enumerate(parts, start=1)]
    # The break after each part, in order (a CRLF is one break, as for splitlines).
    breaks = _BREAK_RE.findall(text)
    lines: list[Line] = []
    page = 1
    for i, part in enumerate(parts):
        lines.append(Line(i + 1, part, page))
        if i < len(breaks) and breaks[i] == "\f":
            page += 1
    return lines


_STOPS = frozenset(".،,:؛;")


def join_wrapped(texts: Sequence[str]) -> str:
    """The lines of one paragraph as one text: a space between them, except after a slash,
    which UN text never spaces (a line that ends ``أيلول/`` wrapped inside ``أيلول/سبتمبر``;
    a slash with a space before it is an extractor's, which is left as it is), and after an
    opening bracket or quotation mark (``* (`` above the symbol it opens), and before a
    stop alone on its line (pdftotext ``-raw`` draws a sentence's last stop apart).

    >>> join_wrapped(["النفاذ في 29 أيلول/", "سبتمبر 2003،", "", "وبلغ"])
    'النفاذ في 29 أيلول/سبتمبر 2003، وبلغ'
    >>> join_wrapped(["في قرارها 77 121 /", "المؤرخ"])
    'في قرارها 77 121 / المؤرخ'
    >>> join_wrapped(["* (", "A/77/50)."])
    '* (A/77/50).'
    >>> join_wrapped(["في 5 أيلول/سبتمبر 2023", "."])
    'في 5 أيلول/سبتمبر 2023.'
    """
    out = ""
    for text in texts:
        if not text:
            continue
        glued = (
            (out.endswith("/") and not out[-2:-1].isspace())
            or out.endswith(("(", "[", "«"))
            or text in _STOPS
        )
        out = f"{out}{text}" if not out or glued else f"{out} {text}"
    return out


def blank_text(text: str) -> bool:
    """Whether ``text`` has nothing but white space: ``not text.strip()`` without the copy
    of the text that strip makes (run on every line by several steps).

    >>> blank_text(" \t\u3000"), blank_text(""), blank_text(" أ ")
    (True, True, False)
    """
    return not text or text.isspace()


def blank(line: Line) -> bool:
    """Whether the line has nothing but white space."""
    return blank_text(line.text)


# What a document step makes of ``lines[i:]`` (see :func:`merge_lines`).
MergeStep = Callable[[list[Line], int, list[Line]], int | None]


def merge_lines(lines: list[Line], step: MergeStep) -> list[Line]:
    """``lines`` with ``step`` applied at each index it reaches: ``step(lines, i, out)``
    appends to ``out`` what it makes of the lines from ``i`` on (or changes ``out``'s last
    line, a piece joining the line before) and returns how many lines it took, at least one;
    or it returns None, and ``lines[i]`` goes to ``out`` unchanged. The loop of the repair's
    steps that join a line with the lines after it.

    >>> def pairs(lines, i, out):  # a line "+" joins the lines on either side of it
    ...     if lines[i].text != "+" or not out or i + 1 == len(lines):
    ...         return None
    ...     out[-1] = Line(out[-1].number, out[-1].text + lines[i + 1].text)
    ...     return 2
    >>> [x.text for x in merge_lines([Line(1, "أ"), Line(2, "+"), Line(3, "ب"), Line(4, "+")], pairs)]
    ['أب', '+']
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        taken = step(lines, i, out)
        if taken is None:
            out.append(lines[i])
            i += 1
        else:
            i += taken
    return out


def blocks(lines: Sequence[Line], *, by_number: bool = False) -> list[tuple[int, int]]:
    """The blocks of ``lines``: the runs of non-blank lines, as (first index, index after the
    last). A blank line ends a block; with ``by_number``, so does a jump in the input line
    numbers, for lines whose blank lines were left out (the segmenter's header lines: a gap
    is where a blank line, or a line the repair took away, stood).

    The repair's notes step splits the repaired text at its blank lines (a line the
    furniture step took away joins the lines around it); the header's title and summary are
    read in blocks of the input.

    >>> text = [Line(1, "أ"), Line(2, "ب"), Line(3, " "), Line(4, "ج"), Line(6, "د")]
    >>> blocks(text), blocks(text, by_number=True)
    ([(0, 2), (3, 5)], [(0, 2), (3, 4), (4, 5)])
    """
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        empty = not line.text or line.text.isspace()
        if start is not None and (empty or (by_number and line.number != lines[i - 1].number + 1)):
            out.append((start, i))
            start = None
        if start is None and not empty:
            start = i
    if start is not None:
        out.append((start, len(lines)))
    return out


_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RE = re.compile("\r\n|[" + _BREAKS + "]")
