"""A page's footnotes printed in the middle of the paragraph that crosses the page.

PDF-to-markdown converters (and extractors that print a page's text in order) write the
footnotes of a page where the page ends, which is often inside a paragraph: the paragraph
comes in two blocks with the notes between them. The real case (the benchmark's markdown
damage, ``sg-a-78-267-disaster-risk``)::

    5- وتظهر النتائج تفاوتا كبيرا ... من الناتج المحلي

    (1) قرار الجمعية العامة 69/283، المرفق الثاني.

    الإجمالي في البلدان المرتفعة الدخل ...

The paragraph is put back together and the notes follow it. The evidence must all hold:
each block between starts with a note marker (``(N)`` or ``*``) that the text cited before
it, as a reference glued to a word; the block before them is a paragraph cut in a sentence
(long, ending on a letter or a digit: no punctuation, so neither the end of a sentence nor
of a preambular paragraph, and not a heading); the block after them starts with a word, not
a number, a label or a heading. A lone page number, symbol or job number after the notes
(furniture the furniture step could not prove) goes with them. Anything else stays where it
is.
"""

from __future__ import annotations

import bisect
import itertools
import re

import regex

from ..lines import SPACES, Line, blocks, last_char
from ..symbols import JOB_NUMBER, PAGE_NUMBER, PARAGRAPH_NUMBER, SYMBOL
from .pipeline import Context

# A repair step's patterns, not segment/patterns.py's: segmentation comes later, and a
# stage imports no later one (what every stage shares is in symbols.py).
# A note's first line: its marker, then its text.
_NOTE_RE = regex.compile(r"^\s*(?:\((\d{1,3})\)|(\*))\s+\S")
# A reference: a marker glued to the word (or the punctuation) it follows: ``(N)`` after
# anything but a space or a bracket, ``*`` after a letter, a digit or a stop
# (found where a "(" is, and the character before tested: many times faster than a
# lookbehind; the spaces are Unicode's, the regex module's ``\s``).
_PAREN_REF_RE = re.compile(r"\((\d{1,3})\)")
_NOT_BEFORE_REF = frozenset(SPACES + "(")
_STAR_AFTER_RE = regex.compile(r"[\p{L}\p{N}.,،؛)]")
# A note ends on its full stop (a list's point on a semicolon or a colon).
_NOTE_ENDS = frozenset(".)")
# A paragraph cut inside a sentence ends on a letter or a digit.
_LETTER_OR_DIGIT_RE = regex.compile(r"[\p{L}\p{N}]")
# The end of a sentence or of a paragraph's clause, references and brackets aside.
_SENTENCE_END_RE = regex.compile(r"[.؛:!؟،,](?:\s*\(\d{1,3}\))*[\s»)\]]*$")
# The start of an item: a paragraph number (``6-``, ``6 -``, ``- 16 -``), a sub-item's
# label (``(أ)``, ``(1)``), a section's label (``ثالثاً -``, ``ألف -``) or a heading.
_ITEM_START_RE = regex.compile(
    r"^\s*(?:\d{1,3}\s*[-–.]\s|[-–]\s*\d{1,3}\b|\(\s*[\u0621-\u064a\d]{1,3}\s*\)"
    r"|[\u0621-\u065f]+\s*[-–]\s|#)"
)
# A continuation starts with an Arabic word that does not start an item.
_ARABIC_START_RE = regex.compile(r"^\s*[\u0621-\u064a]")
# The page's furniture the furniture step could not prove (a lone page number, the symbol,
# the job number): it travels with the notes it follows, nothing is deleted.
_FURNITURE_RE = regex.compile(rf"^\s*(?:{PAGE_NUMBER}|{SYMBOL}|{JOB_NUMBER})\s*$")
# Shorter than this, the block before may be a heading (a numbered paragraph's first
# words, shorter than the second).
MIN_CUT_CHARS = 100
MIN_NUMBERED_CUT_CHARS = 40
# Possessive: the leading spaces are the line's, not the shape's (whose own \s* would share them: quadratic).
_NUMBERED_RE = regex.compile(rf"^\s*+{PARAGRAPH_NUMBER}")


def _note_end(text: str) -> bool:
    return last_char(text) in _NOTE_ENDS


def _cut_end(text: str) -> bool:
    """The text ends (spaces aside) on a letter or a digit.

    >>> _cut_end("من الناتج المحلي "), _cut_end("المرفق الثاني."), _cut_end("")
    (True, False, False)
    """
    last = last_char(text)
    return last != "" and _LETTER_OR_DIGIT_RE.match(last) is not None


def _may_open(text: str) -> bool:
    """The line may open a note (its first character after spaces is a marker's): a test
    many times cheaper than the pattern, which most lines fail."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    return first != "" and first in "(*"


def _note_marker(text: str) -> str | None:
    m = _NOTE_RE.match(text)
    return None if m is None else (m[1] or m[2])


def _refs(lines: list[Line], ctx: Context) -> dict[int, set[str]]:
    """The references each line cites, by the line object (a move keeps the objects and
    changes no line's text), from one scan of the joined lines: no reference crosses a line
    break."""
    joined, starts = ctx.joined(lines), ctx.line_starts(lines)
    found: dict[int, set[str]] = {}
    # A star's neighbour is tested where a star is (stars are few).
    refs = [
        (m.start(), m[1])
        for m in _PAREN_REF_RE.finditer(joined)
        if m.start() and joined[m.start() - 1] not in _NOT_BEFORE_REF
    ]
    pos = joined.find("*")
    while pos != -1:
        if pos and _STAR_AFTER_RE.match(joined, pos - 1):
            refs.append((pos, "*"))
        pos = joined.find("*", pos + 1)
    for start, marker in refs:
        line = lines[bisect.bisect_right(starts, start) - 1]
        found.setdefault(id(line), set()).add(marker)
    return found


class _Notes:
    """The notes met so far: a note's marker was cited before it and follows the last note
    (notes are numbered in order: a list's ``(1)`` after note 1 is not a note)."""

    def __init__(self) -> None:
        self.cited: set[str] = set()
        self.last = 0
        self.star = False

    def is_next(self, marker: str | None, last: int, star: bool) -> bool:
        if marker is None or marker not in self.cited:
            return False
        # One note may have been missed (written otherwise): not more.
        return not star if marker == "*" else last < int(marker) <= last + 2

    def block(self, lines: list[Line]) -> tuple[int, bool] | None:
        """(last note, star seen) after the block when it holds notes only: its first line
        opens the next note, every other line opens the one after or continues a note, and
        each note ends on its full stop."""
        last, star = self.last, self.star
        for i, line in enumerate(lines):
            marker = _note_marker(line.text)
            if self.is_next(marker, last, star):
                last, star = (last, True) if marker == "*" else (int(marker or 0), star)
                if i and not _note_end(lines[i - 1].text):
                    return None
            elif i == 0 or _ITEM_START_RE.match(line.text):
                return None
        return (last, star) if _note_end(lines[-1].text) else None


def move_interrupting_notes(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: a paragraph cut by the notes of its page is joined again and the notes
    follow it, before the next item (the rules are in the module's docstring).

    >>> from unparse.options import DEFAULT_OPTIONS
    >>> lines = [Line(1, "5- وتظهر النتائج(1) تفاوتا كبيرا في مواجهة المخاطر. فالبلدان الأقل نموا "
    ...               "والدول الجزرية الصغيرة النامية تتكبد خسائر اقتصادية تعادل نسبتها من الناتج المحلي"),
    ...          Line(2, ""), Line(3, "(1) قرار الجمعية العامة 69/283، المرفق الثاني."), Line(4, ""),
    ...          Line(5, "الإجمالي في البلدان المرتفعة الدخل."), Line(6, "6- ويتأثر النساء")]
    >>> [x.number for x in move_interrupting_notes(lines, Context(DEFAULT_OPTIONS))]
    [1, 5, 2, 3, 4, 6]
    """
    joined = ctx.joined(lines)
    if "(" not in joined and "*" not in joined:
        return lines
    # The lines that open a note (by object: a move keeps them); a block that does not
    # start with one holds no notes.
    opening = {id(line) for line in lines if _may_open(line.text) and _NOTE_RE.match(line.text)}
    if not opening:
        return lines
    spans = blocks(lines)
    # A move needs notes after a block cut inside a sentence; most texts' notes follow a
    # full stop, and this is cheaper than the scan.
    if not any(
        id(lines[start]) in opening and _cut_end(lines[before - 1].text)
        for (_, before), (start, _) in itertools.pairwise(spans)
    ):
        return lines
    refs = _refs(lines, ctx)
    # The markers cited, in the order met: the scan's state before a block is a length of
    # this list (a copy of the set per block would cost more than the scan).
    cited: list[str] = []
    notes = _Notes()
    # The scan's state before each block: after a move, the scan goes on from the block
    # before the notes (now the joined paragraph) as a scan from the start would.
    before: dict[int, tuple[int, int, bool]] = {}
    k = 0
    while k < len(spans):
        before[k] = (len(cited), notes.last, notes.star)
        start, end = spans[k]
        found = notes.block(lines[start:end]) if k and id(lines[start]) in opening else None
        if found is None:
            for line in lines[start:end]:
                markers = refs.get(id(line))
                if markers:
                    cited.extend(markers)
                    notes.cited.update(markers)
            k += 1
            continue
        state = found
        m = k
        while m + 1 < len(spans):
            s, e = spans[m + 1]
            notes.last, notes.star = state
            nxt = notes.block(lines[s:e])
            if nxt is None and all(_FURNITURE_RE.match(x.text) for x in lines[s:e]):
                nxt = state
            elif nxt is None:
                break
            state, m = nxt, m + 1
        notes.last, notes.star = state
        moved = _move(lines, spans, k, m, ctx)
        if moved is None:
            k = m + 1
            continue
        lines = moved
        spans = blocks(lines)
        k -= 1
        n, notes.last, notes.star = before[k]
        del cited[n:]
        notes.cited = set(cited)
    return lines


def _move(lines: list[Line], spans: list[tuple[int, int]], k: int, m: int, ctx: Context) -> list[Line] | None:
    """The lines with the notes of blocks (``spans``) ``k..m`` after the paragraph they cut, or None."""
    if m + 1 >= len(spans):
        return None
    before_start, before_end = spans[k - 1]
    after_start, after_end = spans[m + 1]
    head = lines[before_start:before_end]
    if _note_marker(head[0].text) is not None:
        return None
    # A numbered paragraph's first words are no heading: a shorter cut will do.
    least = MIN_NUMBERED_CUT_CHARS if _NUMBERED_RE.match(head[0].text) else MIN_CUT_CHARS
    if sum(len(x.text.strip()) for x in head) < least or not _cut_end(head[-1].text):
        return None
    first = lines[after_start].text
    if not _ARABIC_START_RE.match(first) or _ITEM_START_RE.match(first):
        return None
    # The paragraph ends where the next item starts (or with the block).
    cut = next(
        (i for i in range(after_start + 1, after_end) if _ITEM_START_RE.match(lines[i].text)),
        after_end,
    )
    # The paragraph must end there: on an item's start, on the end of a sentence, or
    # before a block that starts an item (in a text whose lines are blank-separated, a
    # block is a line and the paragraph may run on).
    if cut == after_end and not _SENTENCE_END_RE.search(lines[after_end - 1].text):
        following = spans[m + 2][0] if m + 2 < len(spans) else None
        if following is not None and not _ITEM_START_RE.match(lines[following].text):
            return None
    notes = lines[before_end:after_start]
    # A move changes no line's text: it is the document's decision, with the lines moved.
    marked = [x.number for x in notes if x.text.strip()]
    record = ctx.facts.setdefault("interrupting_notes", {"moved": 0, "moves": ""})
    assert isinstance(record, dict)
    record["moved"] += 1
    move = f"{marked[0]}-{marked[-1]} after {lines[cut - 1].number}"
    record["moves"] = f"{record['moves']}; {move}" if record["moves"] else move
    return lines[:before_end] + lines[after_start:cut] + notes + lines[cut:]
