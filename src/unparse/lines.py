"""The numbered lines that pass between the stages: the reader (a text's lines, or the PDF
reader's) makes them, the repair changes their text, the segmentation places them.

Neither stage owns them, so that the PDF reader does not import the repair and the
segmentation only the repair's result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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


_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RE = re.compile("\r\n|[" + _BREAKS + "]")
