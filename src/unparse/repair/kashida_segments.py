"""Justified lines whose kashida glyphs PyMuPDF and pypdf read as Latin characters.

LibreOffice justifies Arabic by stretching words with kashida glyphs; PyMuPDF
(``page.get_text()``) and pypdf (``extract_text``) give each such glyph as a Latin
character (``"@"``, ``"A"``, ``"D"``, ``"$"``; pypdf doubles it, ``"DD"``), and, the
characters being left-to-right, their bidi reordering cuts the line at each of them and
gives the pieces between two numbers in reverse order, each piece reading in order:

    ذاDت إلى أن هDد خلصDاخ قDير المنDمليمترات في السنة، وأن الهيئة ... بتغ

is ``"مليمترات في السنة، وأن الهيئة ... بتغير المناخ قد خلصت إلى أن هذا"`` (PyMuPDF on
LibreOffice, ga-res-79-145). :func:`reverse_kashida_segments` puts the pieces back in
order, :func:`strip_kashida` only drops the glyphs (where the pieces are in order), and
:func:`repair_kashida_line` takes the reading whose words the word list knows best.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..lines import Line
from . import wordlist
from .digits import DIGITS
from .fingerprint import Fingerprint
from .glyph_codes import GlyphCounts, bound
from .pdfium import is_pdfium
from .pipeline import Context, fix_each_line
from .visual import visual_votes

_AR = "\u0621-\u064a"
# A kashida glyph read as a Latin character (one to three of the same): between two Arabic
# letters, or ("@", "A", "D", "$") between a letter and a space or a comma; ":" and "*"
# stand between letters only (a colon before a space is the author's).
_KASHIDA_RE = regex.compile(
    rf"(?<=[{_AR}])([@AD$:*])\1{{0,2}}(?=[{_AR}])"
    rf"|(?<=[{_AR}])([@AD$])\2{{0,2}}(?=[ \u060c\u061b])"
    rf"|(?<=[ \u060c\u061b]|^)([@AD$])\3{{0,2}}(?=[{_AR}])"
)
# The same, with each line's start a start (the pattern run over lines joined by breaks).
_KASHIDA_LINES_RE = regex.compile(_KASHIDA_RE.pattern, regex.MULTILINE)
# Read as a digit (the one the document's font gives, repeated): between two letters, or
# repeated after a letter and before a space ("العام66  طلبت"); PyMuPDF glues a real
# number to the word before it ("بنحو20") and pypdf sometimes to both ("وتتجاوز5غيرة").
# (The stdlib's engine, the digit first: it skips to digits many times faster.)
_DIGIT_RUN_RE = re.compile(rf"([{DIGITS}])(?<=[{_AR}].)\1*(?=[{_AR}])")
# Both-sided runs of one digit a document needs for that digit to be its kashida.
MIN_DIGIT_RUNS = 5


@functools.lru_cache(maxsize=16)
def _digit_re(digit: str) -> regex.Pattern[str]:
    d = regex.escape(digit)
    return regex.compile(rf"(?<=[{_AR}])(?:{d}+(?=[{_AR}])|{d}{{2,}}(?= ))")


def kashida_digit(text: str) -> str:
    """The digit ``text`` gives for its kashida glyphs: the one most often repeated between
    two Arabic letters, at least :data:`MIN_DIGIT_RUNS` times and in half such runs; ""
    when none is.

    >>> kashida_digit("ة66ماعلا ا66ة، في قراره66ة ا6تي عنه6ات وتتجاوز5غيرة"), kashida_digit("بنحو20")
    ('6', '')
    """
    counts = Counter(m[1] for m in _DIGIT_RUN_RE.finditer(text))
    if not counts:
        return ""
    digit, n = counts.most_common(1)[0]
    return digit if n >= MIN_DIGIT_RUNS and 2 * n >= sum(counts.values()) else ""


_CUT = "\x00"
# What the extractor kept in its place: a number, a Latin word or symbol, a footnote
# reference, the empty brackets pypdf leaves at the end of a labelled line ("أ ... () ").
_LTR_RE = regex.compile(
    r"\(?[0-9\u0660-\u0669]+(?:[.,/:\u066b\u066c-][0-9\u0660-\u0669]+)*\)?|[A-Za-z][\w./-]*|\(\) *$"
)
_WORD_RE = regex.compile(rf"[{_AR}\u064b-\u065f\u0640]+")
_LEAD_NUMBER_RE = regex.compile(r"^ *[0-9\u0660-\u0669]{1,3}$")
_MOVED_STOP_RE = regex.compile(rf"^ *(?P<stop>[\u060c\u061b.:])(?=[{_AR}])")
# Lines holding kashida glyphs a document needs before any is repaired.
MIN_LINES = 3


def has_kashida(text: str, digit: str = "") -> bool:
    """The line holds a kashida glyph read as a Latin character.

    >>> has_kashida("ذاDت إلى أن هDد خلصDاخ"), has_kashida("وA/78/L.24 و: يلي")
    (True, False)
    """
    if _KASHIDA_RE.search(text) is not None:
        return True
    return bool(digit) and _digit_re(digit).search(text) is not None


def _marked(text: str, digit: str = "") -> str:
    """``text`` with each kashida glyph run replaced by ``_CUT``."""
    if digit:
        text = _digit_re(digit).sub(_CUT, text)
    return _KASHIDA_RE.sub(_CUT, text)


def strip_kashida(text: str, digit: str = "") -> str:
    """The line without its kashida glyphs.

    >>> strip_kashida("الإعلان العالمي بشأن التنوع الثق@@افي")
    'الإعلان العالمي بشأن التنوع الثقافي'
    """
    return _marked(text, digit).replace(_CUT, "")


def reverse_kashida_segments(text: str, digit: str = "") -> str:
    """The line with the pieces between its kashida glyphs put back in order, between each
    two left-to-right runs (a number, a Latin word), the glyphs dropped. A paragraph number
    that leads the line keeps its place, and the dash PyMuPDF wrote at the end of the
    paragraph's first piece goes back after it.

    Real (PyMuPDF on LibreOffice, ga-res-79-145):

    >>> reverse_kashida_segments("ذاDت إلى أن هDد خلصDاخ قDير المنDمليمترات في السنة")
    'مليمترات في السنةير المناخ قد خلصت إلى أن هذا'
    >>> reverse_kashida_segments(" وDدرك أن نحDنين، وإذ تDالارتفاع سيستمر لقرون الس900")
    ' الارتفاع سيستمر لقرون السنين، وإذ تدرك أن نحو900'
    >>> reverse_kashida_segments("1دفDا لهDا، تحقيقDم إليهDد أطرافD  تهيب بجميع الدول التي لم تصبح بع-")
    '1 - تهيب بجميع الدول التي لم تصبح بعد أطرافم إليها، تحقيقا لهدف'

    pypdf doubles the glyph (the same document):

    >>> reverse_kashida_segments("و DDع بنحDDد ارتفDDالمي قDDعيد العDDوإذ تلاحظ أن مستوى سطح البحر على الص20")
    'وإذ تلاحظ أن مستوى سطح البحر على الصعيد العالمي قد ارتفع بنحو 20'
    """
    moved = _MOVED_STOP_RE.match(text)
    if moved:
        # PyMuPDF gives the line's last punctuation first ("،ري" for "...البحري،").
        return reverse_kashida_segments(text[moved.end() :], digit) + moved["stop"]
    marked = _marked(text, digit)
    out: list[str] = []
    pos = 0
    pieces: list[tuple[bool, str]] = []
    for m in _LTR_RE.finditer(marked):
        pieces.append((False, marked[pos : m.start()]))
        pieces.append((True, m.group()))
        pos = m.end()
    pieces.append((False, marked[pos:]))
    for n, (ltr, piece) in enumerate(pieces):
        if ltr or _CUT not in piece:
            out.append(piece.replace(_CUT, ""))
            continue
        core = piece.strip(" ")
        lead = piece[: len(piece) - len(piece.lstrip(" "))]
        trail = piece[len(piece.rstrip(" ")) :]
        segments = core.split(_CUT)
        first = segments[-1]
        # The paragraph's first piece, its dash (after the number, which leads the line or
        # stands on the line before) at its end.
        if first.endswith("-") and n == 0:
            segments[-1] = first[:-1].strip(" ")
            lead = "- "
        elif (
            first.endswith("-")
            and n == 2
            and _LEAD_NUMBER_RE.match(pieces[1][1])
            and not pieces[0][1].strip(" ")
        ):
            segments[-1] = first[:-1].strip(" ")
            lead = " - "
        out.append(lead + "".join(reversed(segments)) + trail)
    return "".join(out)


def _unknown_words(text: str) -> int:
    """Words of two letters or more the word list does not know."""
    table = wordlist.table()
    return sum(
        1
        for word in _WORD_RE.findall(text)
        if len(key := wordlist.lookup_key(word)) >= 2 and key not in table
    )


def repair_kashida_line(text: str, digit: str = "") -> str:
    """A line holding kashida glyphs, its pieces put back in order where that reading has
    fewer unknown words than the line with its glyphs dropped (else only dropped).

    Real (PyMuPDF on LibreOffice, ga-res-79-145):

    >>> repair_kashida_line("،ريDاع البحDالمي في القطDني والإقليمي والعDعيد الوطDباعتبارها أساسا على الص")
    'باعتبارها أساسا على الصعيد الوطني والإقليمي والعالمي في القطاع البحري،'

    pypdfium2 gives the pieces in order (the same document); a line without glyphs stays:

    >>> repair_kashida_line("الإعلان العالمي بشأن التنوع الثق@@افي")
    'الإعلان العالمي بشأن التنوع الثقافي'
    >>> repair_kashida_line("إن الجمعية العامة،")
    'إن الجمعية العامة،'
    """
    if not has_kashida(text, digit) or _CUT in text:
        return text
    stripped = strip_kashida(text, digit)
    reordered = reverse_kashida_segments(text, digit)
    if _unknown_words(reordered) < _unknown_words(stripped):
        return reordered
    return stripped


class KashidaLines(BaseModel):
    """The evidence of kashida glyphs read as Latin characters or digits."""

    model_config = ConfigDict(frozen=True)

    lines: int = Field(description="Lines holding kashida glyphs read as characters.")
    digit: str = Field(description='The digit the document gives for them, or "" (none).')
    reordered: int = Field(description="Of the lines, those whose pieces were put back in order.")

    @property
    def repaired(self) -> bool:
        return self.lines >= MIN_LINES


def _may_hold(counts: GlyphCounts) -> bool:
    """False when a text of these counts (:func:`.glyph_codes.glyph_counts`) cannot hold
    :data:`MIN_LINES` kashida lines: fewer glyph codes beside an Arabic letter than that,
    and fewer digits after a letter than a kashida digit needs.

    >>> from unparse.repair.glyph_codes import glyph_counts
    >>> _may_hold(glyph_counts("قرار الجمعية العامة 76/186 و A/RES/76/186"))
    False
    >>> _may_hold(glyph_counts("ذاDت إلى أن هDد خلصDاخ"))
    True
    """
    return counts.codes_beside_letters >= MIN_LINES or counts.digits_after_letters >= MIN_DIGIT_RUNS


def _held(lines: list[Line], ctx: Context) -> tuple[str, int]:
    """The document's kashida digit and the number of lines holding kashida glyphs."""
    # The three kashida steps ask; each scans only the lines made since the last asked.
    if not _may_hold(bound(lines, ctx)):
        return "", 0
    joined = ctx.joined(lines)
    digit = ctx.memo("kashida_digit", joined, kashida_digit)
    # One scan of the joined text (no glyph run crosses a line break; the pattern's line
    # start is each line's) instead of one per line; a line is counted once.
    spans = [m.start() for m in _KASHIDA_LINES_RE.finditer(joined)]
    if digit:
        spans += [m.start() for m in _digit_re(digit).finditer(joined)]
    if not spans:
        return digit, 0
    starts = ctx.line_starts(lines)
    return digit, len({bisect.bisect_right(starts, pos) for pos in spans})


def _repair(lines: list[Line], ctx: Context, digit: str, held: int) -> list[Line]:
    """Each line holding kashida glyphs repaired, where :data:`MIN_LINES` lines hold them."""
    if held < MIN_LINES:
        return lines
    reordered = 0

    def fix(text: str) -> str:
        nonlocal reordered
        fixed = repair_kashida_line(text, digit)
        reordered += fixed != text and fixed != strip_kashida(text, digit)
        return fixed

    out = fix_each_line(lines, ctx, "kashida_segments", fix)
    ctx.facts["kashida_lines"] = KashidaLines(lines=held, digit=digit, reordered=reordered)
    return out


def repair_kashida_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, before the steps that read the lines' order and punctuation: in a
    text of no known producer and not in visual order (PyMuPDF's, pypdf's), where
    :data:`MIN_LINES` lines or more hold kashida glyphs, each such line repaired
    (:func:`repair_kashida_line`); the counts are kept in ``facts["kashida_lines"]``.
    """
    fp = ctx.facts.get("fingerprint")
    if (isinstance(fp, Fingerprint) and fp.producer is not None) or is_pdfium(ctx):
        return lines
    # The count first: most texts hold no kashida glyph, and the votes cost more.
    digit, held = _held(lines, ctx)
    if held < MIN_LINES:
        return lines
    rev = log = 0
    for line in lines:
        r, g = visual_votes(line.text)
        rev, log = rev + r, log + g
    if rev > 2 * log:
        return lines  # visual lines (pdfminer's): read once the visual step has turned them
    return _repair(lines, ctx, digit, held)


def repair_leftover_kashida(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, once the producers' own steps have run and visual lines are turned
    (pdftotext's, pypdfium2's, pdfminer's text): the kashida glyphs they left, repaired
    as :func:`repair_kashida_lines` does, so that a second pass (which knows no producer
    any more) finds nothing left to do."""
    if "kashida_lines" in ctx.facts:
        return lines
    return _repair(lines, ctx, *_held(lines, ctx))
