"""poppler's ``pdftotext``: use its bidi embeddings before removing them.

pdftotext (default and ``-layout``) writes each right-to-left line in logical order,
wrapped in ``U+202B`` (RLE) ... ``U+202C`` (PDF), and each left-to-right run inside it in
``U+202A`` (LRE) ... ``U+202C``. Each such run is the stretch of the *visual* line between
two Arabic letters that holds a left-to-right character, copied left to right: it is the
visual order, so the neutrals around a number (the space before it, a comma or a bracket
after it) sit on the wrong side, and a range reads backwards (``2030-2021``). In the
Unicode bidi algorithm those neutrals and separators are at the paragraph's
right-to-left level and the digit groups (Arabic-context numbers: ``AN``) and Latin runs
at the level above; the logical order of the run is its level-1 items in reverse, each
left-to-right unit kept as it is (:func:`logical_run`).

``-raw`` is put in order by :mod:`.poppler_raw_order`, and the kashida glyphs of both by
:mod:`.poppler_kashida`.

Every step here runs only on a text whose fingerprint (:mod:`.fingerprint`) is poppler's.
"""

from __future__ import annotations

import re

import regex

from ..lines import Line, merge_lines
from .fingerprint import LRE, PDF, RLE, producer_of
from .pipeline import Context, fix_each_line

CONTROLS = RLE + LRE + PDF
ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a"
_ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER}]")
MARKS = "\u064b-\u065f\u0670"
_MARK_RE = re.compile(f"[{MARKS}]")
# An Arabic word (its letters and marks), for the word counts of the kashida and -raw steps.
WORD_RE = re.compile(f"[{ARABIC_LETTER}{MARKS}]+")
_DIGIT_RE = re.compile(r"\d")
# Common separators (bidi class CS) join two digit groups into one number: 77/121, 1,8, 12.5.
_CS = ",./:\u066b\u066c"
# European terminators (ET) stay with their number: 50%, 50٪.
_ET = "%\u066a\u2030"


def _latin(ch: str) -> bool:
    return ch.isalpha() and ch < "\u0590"


def _digit(ch: str) -> bool:
    return ch.isdecimal()


def _number_end(s: str, i: int) -> int:
    """End of the number that starts at ``s[i]``: digits, single separators between digits,
    a terminator right after."""
    j = i
    n = len(s)
    while j < n:
        ch = s[j]
        if _digit(ch) or ch in _ET or (ch in _CS and j + 1 < n and _digit(s[j + 1]) and _digit(s[j - 1])):
            j += 1
        else:
            break
    return j


def _latin_end(s: str, i: int) -> int:
    """End of the Latin unit that starts at ``s[i]`` (``A/78/L.5 and Corr.1``): Latin letters
    and the digits and neutrals between them stay left to right; a digit group after a gap
    holding a bracket is another unit (``A/78/403 )1``: a footnote mark)."""
    j = i
    n = len(s)
    end = i
    while j < n:
        ch = s[j]
        if _latin(ch) or _digit(ch):
            j += 1
            end = j
            continue
        k = j
        while k < n and not (_latin(s[k]) or _digit(s[k])):
            k += 1
        if k == n:
            break
        gap = s[j:k]
        if _latin(s[k]) or not any(c in "()[]{}«»" for c in gap):
            j = k
            continue
        break
    return end


def run_items(s: str) -> list[str]:
    """The visual string ``s`` cut into left-to-right units (numbers, Latin runs) and single
    characters (the neutrals between them)."""
    items: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if _latin(ch):
            j = _latin_end(s, i)
        elif _digit(ch):
            j = _number_end(s, i)
        else:
            j = i + 1
        items.append(s[i:j])
        i = j
    return items


def logical_run(visual: str) -> str:
    """The logical order of one left-to-right run of a right-to-left line.

    Real examples (ga-dec-78-540, ga-res-78-72, sg-a-78-245, pdftotext):

    >>> logical_run(" 77/121")      # the space before the number moved inside the run
    '77/121 '
    >>> logical_run("( 72")         # 'البند ⟨LRE⟩( 72⟨PDF⟩ب)': the bracket of '(ب)'
    '72 ('
    >>> logical_run(" ،2022")
    '2022، '
    >>> logical_run(" ،A/78/403 )1")   # a footnote '(1) A/78/403، الفقرة 14.'
    '1) A/78/403، '
    >>> logical_run(" ،2030-2021")  # a range: Western digits in Arabic context are AN
    '2021-2030، '
    >>> logical_run(" ٥٠٠ ١٢")      # 12 500, a thousands group
    '١٢ ٥٠٠ '
    """
    return "".join(reversed(run_items(visual)))


def _visual_line(pieces: list[tuple[bool, str]]) -> str:
    # pdftotext walked the visual line from the right: what it wrote outside the LRE runs
    # is reversed, and the pieces come right to left.
    return "".join(text if ltr else text[::-1] for ltr, text in reversed(pieces))


def _logical_segment(pieces: list[tuple[bool, str]]) -> str:
    logical = _rtl_reading(pieces)
    if not any(not ltr and _ARABIC_LETTER_RE.search(text) for ltr, text in pieces) and _closes_first(logical):
        # No Arabic letter, and read right to left its brackets close before they open
        # (')A( 23-90066'): a left-to-right line (the job number), in its visual order.
        return _visual_line(pieces)
    return logical


def _closes_first(text: str) -> bool:
    """Whether the first bracket closes with an opener after it (``)A( 23-90066``): a
    closer alone (``.)A/HRC/53/2``) closes what the line before opened."""
    for i, ch in enumerate(text):
        if ch in "([{":
            return False
        if ch in ")]}":
            return any(c in "([{" for c in text[i + 1 :])
    return False


def _rtl_reading(pieces: list[tuple[bool, str]]) -> str:
    out: list[str] = []
    for ltr, text in pieces:
        if not ltr:
            out.append(text)
            continue
        # pdftotext counts Arabic marks as left-to-right: they belong to the letter before.
        if _MARK_RE.search(text):
            out.append("".join(_MARK_RE.findall(text)))
            text = _MARK_RE.sub("", text)
        out.append(logical_run(text))
    return "".join(out)


def _parse(text: str) -> list[tuple[str, list[tuple[bool, str]]]] | None:
    """Top-level pieces: ('', [(False, text)]) outside embeddings, ('R', pieces) for an RLE
    segment, ('L', pieces) for an LRE one; None when the controls do not nest as pdftotext
    writes them."""
    out: list[tuple[str, list[tuple[bool, str]]]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == PDF:
            return None
        if ch not in (RLE, LRE):
            j = i
            while j < n and text[j] not in CONTROLS:
                j += 1
            out.append(("", [(False, text[i:j])]))
            i = j
            continue
        kind = "R" if ch == RLE else "L"
        pieces: list[tuple[bool, str]] = []
        i += 1
        while True:
            if i >= n:
                return None
            ch = text[i]
            if ch == PDF:
                i += 1
                break
            if ch in (LRE, RLE):
                close = text.find(PDF, i + 1)
                if close < 0 or any(c in text[i + 1 : close] for c in (RLE, LRE)):
                    return None
                pieces.append((True, text[i + 1 : close]))
                i = close + 1
                continue
            j = i
            while j < n and text[j] not in CONTROLS:
                j += 1
            pieces.append((False, text[i:j]))
            i = j
        out.append((kind, pieces))
    return out


def unembed_line(text: str) -> str:
    """A pdftotext (default or ``-layout``) line in logical order, without its embeddings.

    Real examples (ga-res-example, ga-dec-78-540, pdftotext × LibreOffice):

    >>> unembed_line("\u202bالبند \u202a( 72\u202cب) من جدول الأعمال\u202c")
    'البند 72 (ب) من جدول الأعمال'
    >>> unembed_line("\u202bإن الجمعية العامة\u202a ،\u202cإذ تشير إلى قرارها"
    ...              " \u202a 77/121\u202cالمؤرخ\u202c")
    'إن الجمعية العامة، إذ تشير إلى قرارها 77/121 المؤرخ'
    >>> unembed_line("\u202b)\u202a23-90066 (A\u202c\u202c")   # no Arabic: the job number
    '23-90066 (A)'
    >>> unembed_line("\u202b(\u202a.)E/CN.15/2024/2\u202c\u202c")   # no Arabic, right to left
    '(E/CN.15/2024/2).'
    >>> unembed_line("\u202b\u202a.)A/HRC/53/2\u202c\u202c")   # closes the line before's "("
    'A/HRC/53/2).'

    A line whose controls do not nest as pdftotext writes them is returned unchanged.
    """
    if RLE not in text and LRE not in text:
        return text
    parsed = _parse(text)
    if parsed is None:
        return text
    out: list[str] = []
    for kind, pieces in parsed:
        if kind == "R":
            out.append(_logical_segment(pieces))
        else:
            out.append("".join(piece for _, piece in pieces))
    return "".join(out)


def unembed_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`unembed_line` on every line of a pdftotext (default, -layout)
    text, then :func:`fix_run_brackets`."""
    if producer_of(ctx) != "poppler":
        return lines
    lines = fix_each_line(lines, ctx, "poppler_embeddings", unembed_line)
    lines = fix_each_line(lines, ctx, "poppler_brackets", fix_run_brackets)
    return place_raised_references(lines, ctx)


_LONE_REF_RE = regex.compile(r"^\s*\(\p{Nd}{1,3}\)\s*$")
_SENTENCE_END_RE = regex.compile(r"[،؛.:]\s*$")
_LINE_START_RE = regex.compile(r"^\s*(?:[\u0621-\u064a]|\p{Nd}{1,3} [-–] )")
_FIRST_COMMA_RE = regex.compile(r"[،؛]")


def place_raised_references(lines: list[Line], ctx: Context) -> list[Line]:
    """A superscript reference that pdftotext put on a line of its own (raised above its
    line, Chromium's PDFs) goes into the line below it, before that line's first comma
    (else at its end), where the line above ends a sentence: left alone, it joined two
    paragraphs into one.

    Real (pdftotext on Chromium, ga-res-78-72): ``"... للاستخدام،"``, ``"(1)"``, ``"وإذ
    تشير إلى الوثيقة الختامية للدورة الاستثنائية العاشرة للجمعية العامة، وهي ..."`` →
    ``"... للجمعية العامة(1)، وهي ..."``.

    >>> from unparse.options import Options
    >>> lines = [Line(1, "للاستخدام،"), Line(2, "(1)"), Line(3, "وإذ تشير إلى الوثيقة، وهي")]
    >>> [line.text for line in place_raised_references(lines, Context(Options()))]
    ['للاستخدام،', 'وإذ تشير إلى الوثيقة(1)، وهي']
    """

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        if not (
            _LONE_REF_RE.match(line.text)
            and out
            and _SENTENCE_END_RE.search(out[-1].text)
            and i + 1 < len(lines)
            and _LINE_START_RE.match(lines[i + 1].text)
            and lines[i + 1].page == line.page
        ):
            return None
        nxt = lines[i + 1]
        ref = line.text.strip()
        comma = _FIRST_COMMA_RE.search(nxt.text)
        # Glued to the word before it, as a reference is printed (the run's space before
        # the comma is pdftotext's).
        head, tail = (nxt.text[: comma.start()], nxt.text[comma.start() :]) if comma else (nxt.text, "")
        text = head.rstrip() + ref + tail
        ctx.record("raised_reference", line.number, f"{line.text}\n{nxt.text}", text)
        out.append(Line(nxt.number, text, nxt.page))
        return 2

    return merge_lines(lines, step)


# The space of a run's edge left inside a bracket: "( ب)", "( A/78/268)".
_SPACED_OPEN_RE = regex.compile(r"\( (?=[A-Za-z\u0621-\u064a][^()\s]*\))")
# A label's closing bracket that a gap in the run set apart: "(ii ) الإمدادات", at a line's start.
_SPACED_LABEL_CLOSE_RE = regex.compile(r"^(?P<label>\((?:[ivx]{1,4}|\p{Nd}{1,2}|[\u0621-\u064a]{1,2})) \)")
# A Latin citation's closing bracket put at the run's other end: ")UNEG, ... (New York, 2018."
_LATIN_CLOSE_FIRST_RE = regex.compile(r"\)(?=[A-Za-z])(?P<run>[^()]*+\([^()]*?)(?P<end>[.،؛]?)$")


def fix_run_brackets(text: str) -> str:
    """A left-to-right run's bracket that pdftotext's order put on the wrong side of its
    edge: the space inside an opening bracket goes, and a closing bracket glued before a
    Latin word, the line's last bracket left open after it, closes that one. A label at the
    line's start whose letters the run held apart from its closing bracket (``(ii )``, drawn
    with a gap after the narrow "ii") is closed up.

    Real (pdftotext on LibreOffice, sg-a-78-267 and sg-e-2024-55):

    >>> fix_run_brackets("( ب) تعزيز"), fix_run_brackets("من الكوارث ( A/78/268)")
    ('(ب) تعزيز', 'من الكوارث (A/78/268)')
    >>> fix_run_brackets("(2) انظر )UNEG, UN-SWAP Technical Note (New York, 2018.")
    '(2) انظر UNEG, UN-SWAP Technical Note (New York, 2018).'
    >>> fix_run_brackets("(2) القرار 217 ألف (د-3).")
    '(2) القرار 217 ألف (د-3).'

    Real (pdftotext on the LibreOffice PDF of tests/fixtures/variants/sc-res-chapter7):

    >>> fix_run_brackets("(ii ) الإمدادات المخصصة حصرا لقوات الأمن")
    '(ii) الإمدادات المخصصة حصرا لقوات الأمن'
    """
    if "(" not in text:
        return text
    text = _SPACED_OPEN_RE.sub("(", text)
    text = _SPACED_LABEL_CLOSE_RE.sub(lambda m: m["label"] + ")", text)
    return _LATIN_CLOSE_FIRST_RE.sub(lambda m: f"{m['run']}){m['end']}", text)
