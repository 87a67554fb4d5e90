"""Punctuation that pdfplumber lifted off its line (Chromium PDFs).

pdfplumber's ``extract_text`` groups characters into lines by their top edge. In Chromium
PDFs set in Amiri the dashes, slashes and brackets sit higher than the letters, so they
come out as a line of their own, in left-to-right order, just above the visual line they
belong to. The real paragraph ``1 - طلبت الجمعية العامة ...`` (benchmark
``chromium/pdfplumber/sg-a-79-168-crime-programme``, visual order)::

    / -
    ... ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ ١

The right end of a visual line is the start of the text: a paragraph number there takes
the lifted line's rightmost dash (``ﺖﺒﻠﻃ - ١``), a sub-item letter its rightmost bracket
pair (``"()"`` above ``"... أ"`` gives ``"... (أ)"``). The other lifted glyphs stay where
they were (their places inside the line are not known): nothing is lost.
"""

from __future__ import annotations

import regex

from ..lines import Line
from .pipeline import Context
from .visual import visual_votes

# A line of lifted glyphs only: dashes, slashes, brackets, stars, a tanween mark.
# Possessive groups, each ending on a lifted glyph, and a start that no such character
# precedes: linear on any line (the plain [set]*[glyph][set]* was quadratic in search).
_LIFTED_RE = regex.compile(
    r"(?<![\s/\-–()\[\]*\u064b])(?:[\s*\u064b]*+[/\-–()\[\]])++[\s/\-–()\[\]*\u064b]*+"
)
_ARABIC_RE = regex.compile(r"[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc]")
# The right end of a visual line: a paragraph number, or a sub-item's letter.
_NUMBER_END_RE = regex.compile(r"(?<=\S)\s+(\p{Nd}{1,3})\s*$")
_LETTER_END_RE = regex.compile(r"(?<=\S)\s+([\u0621-\u064a\ufe70-\ufefc])\s*$")
_DASH_END_RE = regex.compile(r"(?<!\s)\s*+[-–]\s*+$")
_PAIR_END_RE = regex.compile(r"\s*\(\s*\)\s*$")
# Documents need this many lifted lines before one is touched.
MIN_LIFTED = 3


def restore_lifted(lifted: str, line: str) -> tuple[str, str]:
    """Move the lifted line's rightmost dash or bracket pair to the line's right end when
    that end is a paragraph number or a sub-item letter; (lifted left, line).

    >>> restore_lifted("/ -", "ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ ١")
    ('/', 'ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ - ١')
    >>> restore_lifted("()", "؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ أ")
    ('', '؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ (أ)')
    """
    number = _NUMBER_END_RE.search(line)
    if number and _DASH_END_RE.search(lifted):
        rest = _DASH_END_RE.sub("", lifted)
        return rest, f"{line[: number.start()]} - {number.group(1)}"
    letter = _LETTER_END_RE.search(line)
    if letter and _PAIR_END_RE.search(lifted):
        rest = _PAIR_END_RE.sub("", lifted)
        return rest, f"{line[: letter.start()]} ({letter.group(1)})"
    return lifted, line


def reads_visual(text: str) -> bool:
    """The line's words read reversed more often than logical: only a visual line's right
    end is its start. A logical line under a lifted line (a visual text once repaired,
    normalized again) keeps its letters where they are.

    Real (pdfminer on LibreOffice, sg-e-2024-55, a sub-item whose brackets stand on the
    line above), before and after its first repair:

    >>> reads_visual("ف ةبترب فئاظولا عيمجل نيسنجلا نيب ةنزاوتم نيحشرم مئاوق عضو  أ")
    True
    >>> reads_visual("أ وضع قوائم مرشحين متوازنة بين الجنسين لجميع الوظائف برتبة ف")
    False
    """
    rev, log = visual_votes(text)
    return rev > log


def _may_be_lifted(text: str) -> bool:
    # A lifted line starts with one of its characters: most lines are rejected on their
    # first (a letter, a digit) without the pattern.
    first = text[:1]
    return first != "" and (first in _LIFTED_FIRST or first.isspace())


_LIFTED_FIRST = frozenset("*\u064b/-–()[]")


def restore_lifted_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`restore_lifted` on each lifted line and the Arabic line after
    it, in a document with at least :data:`MIN_LIFTED` lifted lines, where that line reads
    visual (:func:`reads_visual`); a lifted line left empty goes."""
    pairs = [
        i
        for i in range(len(lines) - 1)
        if _may_be_lifted(lines[i].text)
        and _LIFTED_RE.fullmatch(lines[i].text)
        and _ARABIC_RE.search(lines[i + 1].text)
        and reads_visual(lines[i + 1].text)
    ]
    if len(pairs) < MIN_LIFTED:
        return lines
    ctx.facts["lifted_lines"] = len(pairs)
    out = list(lines)
    drop: set[int] = set()
    for i in pairs:
        lifted, line = out[i], out[i + 1]
        rest, fixed = restore_lifted(lifted.text, line.text)
        if fixed == line.text:
            continue
        ctx.record("lifted_punctuation", line.number, lifted.text + "\n" + line.text, rest + "\n" + fixed)
        out[i + 1] = Line(line.number, fixed, line.page)
        if rest.strip():
            out[i] = Line(lifted.number, rest, lifted.page)
        else:
            drop.add(i)
    return [line for i, line in enumerate(out) if i not in drop]
