"""Page furniture: running symbols, page numbers, job numbers and footnote separator lines.

They are taken out of the text flow (a paragraph split by a page break must read as one)
but never silently: each removal is a recorded fix, and what segmentation needs from them
(the document symbol, where footnote areas begin) is kept in ``Context.facts``.
"""

from __future__ import annotations

from collections import Counter

import regex

from .pipeline import Context, Line

SEPARATOR_RE = regex.compile(r"^\s*[_─━—–=\-]{5,}\s*$")
# A UN document symbol alone on a line: A/RES/61/180, CTOC/COP/2012/1, E/CN.15/2006/10.
SYMBOL_LINE_RE = regex.compile(r"^\s*([A-Z]{1,8}(?:/[A-Z0-9.\-]*[A-Z0-9]){1,6})\s*$")
# "\s*[-–]?\s*" would let the two \s* share a run of spaces in every way (quadratic on a
# long blank line); each space belongs to exactly one quantifier here.
PAGE_NUMBER_RE = regex.compile(r"^\s*(?:[-–]\s*)?\p{Nd}{1,4}(?:\s*[-–])?\s*$")
# Job numbers printed at the foot of UN pages: "09-40424 (A)", "V.12-54698", "GE.21-12345".
JOB_NUMBER_RE = regex.compile(r"^\s*(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?\s*\*?\s*$")
# A barcode line: "*0940424*".
BARCODE_RE = regex.compile(r"^\s*\*\d{6,}\*\s*$")


def classify_furniture(text: str) -> str | None:
    """The kind of furniture a line is, or None.

    Real examples: ``"A/RES/61/180 "`` → ``"running_symbol"``; ``"4"`` → ``"page_number"``;
    ``"_______________ "`` → ``"footnote_separator"``.
    """
    stripped = text.lstrip()
    # Furniture never starts with an Arabic letter: most lines are rejected on that alone.
    if not stripped or "\u0621" <= stripped[0] <= "\u064a":
        return None
    if SEPARATOR_RE.match(text):
        return "footnote_separator"
    if SYMBOL_LINE_RE.match(text):
        return "running_symbol"
    if JOB_NUMBER_RE.match(text) or BARCODE_RE.match(text):
        return "job_number"
    if PAGE_NUMBER_RE.match(text):
        return "page_number"
    return None


def remove_page_furniture(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: take furniture lines out of the flow and record each one.

    A page number alone on a line is furniture only where it cannot be content, i.e. the
    surrounding lines are blank or furniture (a lone "4" between two text lines of a
    table stays). Separator line numbers go to ``facts["separators"]`` so that
    segmentation knows where footnote areas begin.
    """
    out: list[Line] = []
    separators: list[int] = []
    symbols: Counter[str] = Counter()
    for i, line in enumerate(lines):
        kind = classify_furniture(line.text)
        if kind == "page_number" and not _isolated(lines, i):
            kind = None
        if kind is None:
            out.append(line)
            continue
        if kind == "footnote_separator":
            separators.append(line.number)
        if kind == "running_symbol":
            symbols[line.text.strip()] += 1
        ctx.record(kind, line.number, line.text, "")
    ctx.facts["separators"] = separators
    ctx.facts["running_symbols"] = [s for s, _ in symbols.most_common()]
    return out


def _isolated(lines: list[Line], i: int) -> bool:
    def blank_or_furniture(j: int) -> bool:
        if j < 0 or j >= len(lines):
            return True
        text = lines[j].text
        return not text.strip() or classify_furniture(text) not in (None, "page_number")

    return blank_or_furniture(i - 1) and blank_or_furniture(i + 1)
