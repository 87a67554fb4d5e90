"""A seeded garbler for visual-order text as pdfminer's ``extract_text`` gives it.

A right-to-left line drawn on the page is read left to right: the Arabic letters (and the
spaces and punctuation between them) come out reversed, while numbers (``2021``,
``76/186``, ``5-2``) and Latin runs (``A/76/463``, ``United Nations, Treaty Series, vol.
2225``) keep their own left-to-right order; brackets come out as the shapes drawn, i.e.
mirrored. Real example (res-western.pdf): ``"[بناء على تقرير اللجنة الثالثة (A/76/463،
الفقرة 26)]"`` → ``"[(26 ةرقفلا ،A/76/463) ةثلاثلا ةنجللا ريرقت ىلع ءانب]"``.
``garble_visual_line`` does this (the forward bidi display order of a line) with the
spacing noise of justified lines. The other kind, digits reversed too, is
``garble_runs.reverse_chars``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import regex

from garble_runs import reverse_chars, wrap

# What keeps its left-to-right order: a Latin run (with the neutrals and numbers inside
# it and the numbers right after it, "vol. 2225, No. 39574"), or a number with its
# separators ("76/186", "5-2", "12.5").
_LTR_RUN_RE = regex.compile(
    r"\p{Latin}(?:[\p{Latin}\p{Nd} ,./:\-]*[\p{Latin}\p{Nd}])?|\p{Nd}+(?:[/.,:\-]\p{Nd}+)*"
)
_MIRRORED = str.maketrans("()[]{}«»", ")(][}{»«")
# Footnote references typed as superscripts in the clean text are small ordinary digits
# and brackets in a PDF: extract_text gives "(17)".
_PLAIN_REFS = str.maketrans("⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹", "()0123456789")


def display_order(line: str) -> str:
    """One logical right-to-left line → its left-to-right display order, as extract_text reads it.

    ``"(3) United Nations, Treaty Series, vol. 2225, No. 39574."`` →
    ``".United Nations, Treaty Series, vol. 2225, No. 39574 (3)"`` (res-western.pdf).
    """
    line = line.translate(_PLAIN_REFS)
    atoms: list[str] = []
    pos = 0
    for m in _LTR_RUN_RE.finditer(line):
        atoms.extend(line[pos : m.start()])
        atoms.append(m.group())
        pos = m.end()
    atoms.extend(line[pos:])
    return "".join(reversed(atoms)).translate(_MIRRORED)


def garble_visual_line(line: str, rng: random.Random) -> str:
    """``display_order`` with a justified line's spacing: some spaces doubled."""
    shown = display_order(line)
    if rng.random() < 0.3:
        shown = regex.sub(" ", lambda _: "  " if rng.random() < 0.7 else " ", shown)
    return shown


def garble_reversed_line(line: str, rng: random.Random) -> str:
    """The other kind, digits and Latin reversed too (``garble_runs.reverse_chars``), same signature."""
    return reverse_chars(line)


GARBLERS: dict[str, Callable[[str, random.Random], str]] = {
    "kept": garble_visual_line,
    "reversed": garble_reversed_line,
}


def garbled_lines(text: str, kind: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """(clean, garbled) physical lines of a text's paragraphs, cut by ``garble.wrap``."""
    for para in filter(str.strip, text.split("\n")):
        for line in wrap(para, rng):
            yield line, GARBLERS[kind](line, rng)
