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

``-raw`` writes the content stream's order: each word logical inside its own RLE, the
words and the numbers between them in visual order: :func:`logical_raw_line` reverses
the sequence.

Justified Noto Naskh (LibreOffice) stretches words with kashida glyphs that pdftotext
maps to whatever code the font subset gives them: a short left-to-right run glued
between two letters of one word (``وبن⟨LRE⟩33⟨PDF⟩اء``), removed by
:func:`remove_kashida_runs` where the word without it is known.

Every step here runs only on a text whose fingerprint (:mod:`.fingerprint`) is poppler's.
"""

from __future__ import annotations

import re
from collections import Counter

import regex

from ..lines import Line
from . import wordlist
from .fingerprint import LRE, PDF, RLE, Fingerprint
from .pipeline import Context, fix_each_line

_CONTROLS = RLE + LRE + PDF
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a"
_ARABIC_LETTER_RE = re.compile(f"[{_ARABIC_LETTER}]")
_MARKS = "\u064b-\u065f\u0670"
_MARK_RE = re.compile(f"[{_MARKS}]")
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


def _items(s: str) -> list[str]:
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
    return "".join(reversed(_items(visual)))


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
    for ch in text:
        if ch in "([{":
            return False
        if ch in ")]}":
            return True
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
            while j < n and text[j] not in _CONTROLS:
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
            while j < n and text[j] not in _CONTROLS:
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


# --- kashida ------------------------------------------------------------------------

# A run of one to three copies of one character (never a space, a slash, a colon, a
# stop or a comma: 'الأول⟨LRE⟩/⟨PDF⟩ديسمبر' is the author's) glued between two letters.
_KASHIDA_RUN = f"{LRE}([^\\s{_CONTROLS}/:.,،؛\\-])\\1{{0,2}}{PDF}"
# From a word's start only, possessive, the letter before a run checked behind: linear on
# any line (the plain [letters]*[letter][marks]* form backtracked: 600 s on the bounds test).
_KASHIDA_WORD_RE = regex.compile(
    f"(?<![{_ARABIC_LETTER}{_MARKS}])[{_ARABIC_LETTER}{_MARKS}]++(?<=[{_ARABIC_LETTER}][{_MARKS}]*)"
    f"(?:{_KASHIDA_RUN}(?=[{_ARABIC_LETTER}])[{_ARABIC_LETTER}{_MARKS}]++)++"
)
_KASHIDA_ANY_RE = re.compile(_KASHIDA_RUN)
_WORD_RE = re.compile(f"[{_ARABIC_LETTER}{_MARKS}]+")


def _known(word: str, counts: Counter[str]) -> bool:
    key = wordlist.lookup_key(word)
    return counts[key] > 0 or wordlist.zipf_key(key) >= 1.0


def remove_kashida_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: kashida glyphs pdftotext read as a short left-to-right run inside a word.

    Real example (ga-dec-78-540, pdftotext × LibreOffice tight style):
    ``"وبن⟨LRE⟩33⟨PDF⟩اء"`` → ``"وبناء"``, ``"الخ⟨LRE⟩33⟨PDF⟩ارجي"`` → ``"الخارجي"``.
    A run is removed only where the word without it is in the word list or elsewhere in
    the document; otherwise the line is left as it is.
    """
    if not _producer_is(ctx, "poppler") or not any(LRE in line.text for line in lines):
        return lines
    counts: Counter[str] = Counter()
    for line in lines:
        for word in _WORD_RE.findall(_KASHIDA_WORD_RE.sub(" ", line.text)):
            counts[wordlist.lookup_key(word)] += 1

    codes = kashida_glyph_codes(ctx.joined(lines))

    def fix(match: regex.Match[str]) -> str:
        word = _KASHIDA_ANY_RE.sub("", match.group())
        if _known(word, counts) or set(_KASHIDA_ANY_RE.findall(match.group())) <= codes:
            return word
        return match.group()

    return fix_each_line(lines, ctx, "kashida", lambda text: _KASHIDA_WORD_RE.sub(fix, text))


# A document's kashida glyphs are one code, over and over: this many runs of a Latin
# letter glued inside words make it the code (no Latin letter is written inside a word).
_CODE_RUNS = 5


def kashida_glyph_codes(text: str) -> set[str]:
    """The Latin letters that a document's kashida runs are read as, where one letter makes
    :data:`_CODE_RUNS` runs inside its words: their runs go even in a word the word list
    does not know (``"واس⟨LRE⟩AA⟨PDF⟩توفت"``, pdftotext on LibreOffice, sg-e-2024-55).

    >>> kashida_glyph_codes("م‪AA‬ت " * 5), kashida_glyph_codes("م‪AA‬ت")
    ({'A'}, set())
    """
    found = Counter(
        c
        for word in _KASHIDA_WORD_RE.finditer(text)
        for c in _KASHIDA_ANY_RE.findall(word.group())
        if c.isascii() and c.isalpha()
    )
    return {c for c, n in found.items() if n >= _CODE_RUNS}


# -raw: the same glyphs between two right-to-left runs of one word, outside any embedding
# (``⟨RLE⟩بل⟨PDF⟩A⟨RLE⟩وس⟨PDF⟩``, "وسبل" with a kashida read as "A"). A word is its
# glued runs, written right to left: the last run is the word's start.
_RAW_RUN = f"{RLE}[{_ARABIC_LETTER}{_MARKS}]+{PDF}"
_RAW_GLUED_RE = re.compile(f"{_RAW_RUN}(?:[^\\s{_CONTROLS}{_MARKS}/:.,،؛\\-()\\[\\]]{{0,3}}{_RAW_RUN})+")
_RAW_PIECE_RE = re.compile(f"{RLE}([^{_CONTROLS}]+){PDF}")
_RAW_GLYPHS_RE = re.compile(f"{PDF}([^{_CONTROLS}]+){RLE}")


def raw_kashida_word(glued: str, counts: Counter[str]) -> str:
    """A -raw word's runs without the kashida glyphs between them, where the word they
    form (its runs read right to left) is known; else the runs as they are.

    Real (pdftotext -raw on LibreOffice, hrc-res-54-12, "الإنتاج الزراعي وسبل"):

    >>> raw_kashida_word("\u202bبل\u202cA\u202bوس\u202c", Counter())
    '\u202bبل\u202c\u202bوس\u202c'
    >>> raw_kashida_word("\u202bبل\u202cA\u202bقس\u202c", Counter())
    '\u202bبل\u202cA\u202bقس\u202c'
    """
    glyphs = _RAW_GLYPHS_RE.findall(glued)
    if not glyphs or any(len(set(g)) != 1 for g in glyphs):
        return glued
    pieces = _RAW_PIECE_RE.findall(glued)
    if not _known("".join(reversed(pieces)), counts):
        return glued
    return "".join(f"{RLE}{piece}{PDF}" for piece in pieces)


# A -raw line cut at a kashida glyph: the glyph ends it and starts the next one.
_BREAK_END_RE = re.compile(f"{PDF}([^\\s{_CONTROLS}{_MARKS}/:.,،؛\\-()\\[\\]])\\1{{0,2}}$")
_BREAK_START_RE = re.compile(f"^([^\\s{_CONTROLS}{_MARKS}/:.,،؛\\-()\\[\\]])\\1{{0,2}}{RLE}")


def join_kashida_breaks(lines: list[Line], ctx: Context) -> list[Line]:
    """The pieces of one visual line that ``-raw`` cut at its kashida glyphs, joined: a
    line ending with a glyph run after an embedding, the next starting with the same glyph
    before one. Real (sg-a-78-267 × libreoffice, "من الفرع الثاني من"): ``"⟨RLE⟩من⟨PDF⟩
    ⟨RLE⟩اني⟨PDF⟩6"``, ``"6⟨RLE⟩الث⟨PDF⟩ ⟨RLE⟩ف⟨PDF⟩6"`` → one line, whose glyphs
    :func:`raw_kashida_word` then removes.

    >>> texts = ["\u202bمن\u202c \u202bاني\u202c6", "6\u202bالث\u202c"]
    >>> from unparse.options import Options
    >>> out = join_kashida_breaks([Line(i, t) for i, t in enumerate(texts, 1)], Context(Options()))
    >>> [line.text for line in out]
    ['\u202bمن\u202c \u202bاني\u202c66\u202bالث\u202c']
    """
    out: list[Line] = []
    joined: dict[int, str] = {}
    for line in lines:
        if out and line.page == out[-1].page:
            end = _BREAK_END_RE.search(out[-1].text)
            start = _BREAK_START_RE.match(line.text)
            if end and start and end[1] == start[1]:
                prev = out[-1]
                joined.setdefault(len(out) - 1, prev.text)
                out[-1] = Line(prev.number, prev.text + line.text, prev.page)
                continue
        out.append(line)
    for k, before in joined.items():
        ctx.record("kashida_line_break", out[k].number, before, out[k].text)
    return out


def remove_raw_kashida_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, the kashida glyphs read between the
    runs of one word (:func:`raw_kashida_word`), before the runs are put in order.

    Real (hrc-res-54-12, pdftotext -raw × LibreOffice): ``"⟨RLE⟩بل⟨PDF⟩A⟨RLE⟩وس⟨PDF⟩"``
    → ``"⟨RLE⟩بل⟨PDF⟩⟨RLE⟩وس⟨PDF⟩"``, read ``"وسبل"``. A glyph stays where the word
    without it is neither in the word list nor elsewhere in the document.
    """
    if not _producer_is(ctx, "poppler-raw"):
        return lines
    lines = join_kashida_breaks(lines, ctx)
    counts: Counter[str] = Counter()
    for line in lines:
        for run in _RAW_PIECE_RE.findall(_RAW_GLUED_RE.sub(" ", line.text)):
            for word in _WORD_RE.findall(run):
                counts[wordlist.lookup_key(word)] += 1

    def fix(text: str) -> str:
        if PDF not in text:
            return text
        return _RAW_GLUED_RE.sub(lambda m: raw_kashida_word(m.group(), counts), text)

    return fix_each_line(lines, ctx, "kashida", fix)


def _producer_is(ctx: Context, producer: str) -> bool:
    fp = ctx.facts.get("fingerprint")
    return isinstance(fp, Fingerprint) and fp.producer == producer


def unembed_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`unembed_line` on every line of a pdftotext (default, -layout)
    text, then :func:`fix_run_brackets`."""
    if not _producer_is(ctx, "poppler"):
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
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            _LONE_REF_RE.match(line.text)
            and out
            and _SENTENCE_END_RE.search(out[-1].text)
            and i + 1 < len(lines)
            and _LINE_START_RE.match(lines[i + 1].text)
            and lines[i + 1].page == line.page
        ):
            nxt = lines[i + 1]
            ref = line.text.strip()
            comma = _FIRST_COMMA_RE.search(nxt.text)
            # Glued to the word before it, as a reference is printed (the run's space before
            # the comma is pdftotext's).
            head, tail = (nxt.text[: comma.start()], nxt.text[comma.start() :]) if comma else (nxt.text, "")
            text = head.rstrip() + ref + tail
            ctx.record("raised_reference", line.number, f"{line.text}\n{nxt.text}", text)
            out.append(Line(nxt.number, text, nxt.page))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


# The space of a run's edge left inside a bracket: "( ب)", "( A/78/268)".
_SPACED_OPEN_RE = regex.compile(r"\( (?=[A-Za-z\u0621-\u064a][^()\s]*\))")
# A Latin citation's closing bracket put at the run's other end: ")UNEG, ... (New York, 2018."
_LATIN_CLOSE_FIRST_RE = regex.compile(r"\)(?=[A-Za-z])(?P<run>[^()]*+\([^()]*?)(?P<end>[.،؛]?)$")


def fix_run_brackets(text: str) -> str:
    """A left-to-right run's bracket that pdftotext's order put on the wrong side of its
    edge: the space inside an opening bracket goes, and a closing bracket glued before a
    Latin word, the line's last bracket left open after it, closes that one.

    Real (pdftotext on LibreOffice, sg-a-78-267 and sg-e-2024-55):

    >>> fix_run_brackets("( ب) تعزيز"), fix_run_brackets("من الكوارث ( A/78/268)")
    ('(ب) تعزيز', 'من الكوارث (A/78/268)')
    >>> fix_run_brackets("(2) انظر )UNEG, UN-SWAP Technical Note (New York, 2018.")
    '(2) انظر UNEG, UN-SWAP Technical Note (New York, 2018).'
    >>> fix_run_brackets("(2) القرار 217 ألف (د-3).")
    '(2) القرار 217 ألف (د-3).'
    """
    if "(" not in text:
        return text
    text = _SPACED_OPEN_RE.sub("(", text)
    return _LATIN_CLOSE_FIRST_RE.sub(lambda m: f"{m['run']}){m['end']}", text)


# --- -raw ---------------------------------------------------------------------------


def _raw_items(text: str) -> list[str] | None:
    """A -raw line cut into its right-to-left runs (kept whole) and, between them, the units
    and neutrals of :func:`_items`; None when the controls do not pair."""
    items: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == RLE:
            close = text.find(PDF, i + 1)
            if close < 0 or LRE in text[i + 1 : close] or RLE in text[i + 1 : close]:
                return None
            items.append(text[i + 1 : close])
            i = close + 1
            continue
        if text[i] in (LRE, PDF):
            return None
        j = i
        while j < n and text[j] not in _CONTROLS:
            j += 1
        items.extend(_items(text[i:j]))
        i = j
    return items


def logical_raw_line(text: str) -> str:
    """A pdftotext ``-raw`` line in logical order: its words and numbers were written left
    to right, each Arabic word in logical order inside its own embedding.

    Real example (ga-dec-78-540, pdftotext -raw × Chromium):

    >>> logical_raw_line("\u202bأعمال\u202c\u202bل\u202c\u202bا\u202c \u202bجدول\u202c"
    ...                  " \u202bمن\u202c 50 \u202bالبند\u202c")
    'البند 50 من جدول الأعمال'
    >>> logical_raw_line("\u202bعلى\u202c \u202bوبناء\u202c ،2022 \u202bديسمبر\u202c")
    'ديسمبر 2022، وبناء على'
    """
    if RLE not in text:
        return text
    items = _raw_items(text)
    if items is None:
        return text
    return "".join(reversed(items))


def _unknown_letters(text: str, counts: Counter[str]) -> int:
    """The letters of the line's unknown Arabic words: a word -raw cut at a stop glued
    inside its runs (``"⟨RLE⟩ية؛⟨PDF⟩⟨RLE⟩الأولو⟨PDF⟩"``, hrc-res-53-18 × fpdf2) reads as two
    pieces the word list happens to hold, one more known word than the whole
    ``"الأولوية؛"``; counted in letters, the pieces are no better than the word, and the
    line is rebuilt unless its rebuilt reading has more unknown letters.

    >>> _unknown_letters("على سبيل الأولوية؛", Counter()), _unknown_letters("يةالأولو", Counter())
    (0, 8)
    """
    return sum(len(w) for w in _WORD_RE.findall(text) if len(w) >= 2 and not _known(w, counts))


def _glued_score(text: str, counts: Counter[str]) -> int:
    """Known words minus unknown ones among the line's Arabic words."""
    score = 0
    for word in _WORD_RE.findall(text):
        if len(word) < 2:
            continue
        score += 1 if _known(word, counts) else -1
    return score


def rebuild_raw_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`logical_raw_line` on every line of a pdftotext ``-raw`` text,
    where the rebuilt line reads at least as well as the line with its controls removed
    (its glued pieces form known words: ``أعمالла`` → ``الأعمال``)."""
    if not _producer_is(ctx, "poppler-raw"):
        return lines
    counts: Counter[str] = Counter()
    for line in lines:
        for run in re.findall(f"{RLE}([^{_CONTROLS}]+){PDF}", line.text):
            for word in _WORD_RE.findall(run):
                counts[wordlist.lookup_key(word)] += 1

    def fix(text: str) -> str:
        rebuilt = logical_raw_line(text)
        if rebuilt == text:
            return text
        as_is = "".join(ch for ch in text if ch not in _CONTROLS)
        if _glued_score(rebuilt, counts) < _glued_score(as_is, counts) and _unknown_letters(
            rebuilt, counts
        ) > _unknown_letters(as_is, counts):
            return text
        return rebuilt

    return fix_each_line(lines, ctx, "poppler_raw_order", fix)
