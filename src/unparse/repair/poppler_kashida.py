"""pdftotext's kashida glyphs: the glyphs of justified Noto Naskh read as characters.

Justified Noto Naskh (LibreOffice) stretches words with kashida glyphs that pdftotext
maps to whatever code the font subset gives them: a short left-to-right run glued
between two letters of one word (``وبن⟨LRE⟩33⟨PDF⟩اء``), removed by
:func:`remove_kashida_runs` where the word without it is known; in ``-raw``, the same
glyphs between the right-to-left runs of one word, removed by
:func:`remove_raw_kashida_runs` before the runs are put in order.

Every step here runs only on a text whose fingerprint (:mod:`.fingerprint`) is poppler's.
"""

from __future__ import annotations

import re
from collections import Counter

import regex

from ..lines import Line
from . import wordlist
from .fingerprint import LRE, PDF, RLE, producer_of
from .pipeline import Context, fix_each_line
from .poppler import ARABIC_LETTER, CONTROLS, MARKS, WORD_RE

# A run of one to three copies of one character (never a space, a slash, a colon, a
# stop or a comma: 'الأول⟨LRE⟩/⟨PDF⟩ديسمبر' is the author's) glued between two letters.
_KASHIDA_RUN = f"{LRE}([^\\s{CONTROLS}/:.,،؛\\-])\\1{{0,2}}{PDF}"
# From a word's start only, possessive, the letter before a run checked behind: linear on
# any line (the plain [letters]*[letter][marks]* form backtracked: 600 s on the bounds test).
_KASHIDA_WORD_RE = regex.compile(
    f"(?<![{ARABIC_LETTER}{MARKS}])[{ARABIC_LETTER}{MARKS}]++(?<=[{ARABIC_LETTER}][{MARKS}]*)"
    f"(?:{_KASHIDA_RUN}(?=[{ARABIC_LETTER}])[{ARABIC_LETTER}{MARKS}]++)++"
)
_KASHIDA_ANY_RE = re.compile(_KASHIDA_RUN)


def remove_kashida_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: kashida glyphs pdftotext read as a short left-to-right run inside a word.

    Real example (ga-dec-78-540, pdftotext × LibreOffice tight style):
    ``"وبن⟨LRE⟩33⟨PDF⟩اء"`` → ``"وبناء"``, ``"الخ⟨LRE⟩33⟨PDF⟩ارجي"`` → ``"الخارجي"``.
    A run is removed only where the word without it is in the word list or elsewhere in
    the document; otherwise the line is left as it is.
    """
    if producer_of(ctx) != "poppler" or not any(LRE in line.text for line in lines):
        return lines
    counts: Counter[str] = Counter()
    for line in lines:
        for word in WORD_RE.findall(_KASHIDA_WORD_RE.sub(" ", line.text)):
            counts[wordlist.lookup_key(word)] += 1

    codes = kashida_glyph_codes(ctx.joined(lines))

    def fix(match: regex.Match[str]) -> str:
        word = _KASHIDA_ANY_RE.sub("", match.group())
        if wordlist.known(word, counts) or set(_KASHIDA_ANY_RE.findall(match.group())) <= codes:
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
_RAW_RUN = f"{RLE}[{ARABIC_LETTER}{MARKS}]+{PDF}"
_RAW_GLUED_RE = re.compile(f"{_RAW_RUN}(?:[^\\s{CONTROLS}{MARKS}/:.,،؛\\-()\\[\\]]{{0,3}}{_RAW_RUN})+")
_RAW_PIECE_RE = re.compile(f"{RLE}([^{CONTROLS}]+){PDF}")
_RAW_GLYPHS_RE = re.compile(f"{PDF}([^{CONTROLS}]+){RLE}")


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
    if not wordlist.known("".join(reversed(pieces)), counts):
        return glued
    return "".join(f"{RLE}{piece}{PDF}" for piece in pieces)


# A -raw line cut at a kashida glyph: the glyph ends it and starts the next one.
_BREAK_END_RE = re.compile(f"{PDF}([^\\s{CONTROLS}{MARKS}/:.,،؛\\-()\\[\\]])\\1{{0,2}}$")
_BREAK_START_RE = re.compile(f"^([^\\s{CONTROLS}{MARKS}/:.,،؛\\-()\\[\\]])\\1{{0,2}}{RLE}")


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
    if producer_of(ctx) != "poppler-raw":
        return lines
    lines = join_kashida_breaks(lines, ctx)
    counts: Counter[str] = Counter()
    for line in lines:
        for run in _RAW_PIECE_RE.findall(_RAW_GLUED_RE.sub(" ", line.text)):
            for word in WORD_RE.findall(run):
                counts[wordlist.lookup_key(word)] += 1

    def fix(text: str) -> str:
        if PDF not in text:
            return text
        return _RAW_GLUED_RE.sub(lambda m: raw_kashida_word(m.group(), counts), text)

    return fix_each_line(lines, ctx, "kashida", fix)
