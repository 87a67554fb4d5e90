"""The bidi inversion shared by the PDF reader and the text repair: a line's units (letters,
numbers, neutrals, spaces) given in display order (left to right) back in logical order.

The reader (:mod:`unparse.read.glyphs`) builds the units from glyph positions; the repair
(:mod:`unparse.repair.visual`) from the characters of a visual-order line.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from .arabic import MIRROR as _MIRROR

# Separators that stay inside a number: 76/186, 2010-2011, 1.5, 12,000, 14:30, ٧٦/١٨٦.
NUMBER_JOINERS = frozenset("/.,:-+%٫٬")
_NUMBER_JOINERS = NUMBER_JOINERS


@functools.lru_cache(maxsize=8192)
def bidi_class(text: str) -> str:
    """``"L"`` (strong left-to-right), ``"R"`` (Arabic, Hebrew), ``"EN"`` (any digit) or ``"N"``."""
    for ch in text:
        b = unicodedata.bidirectional(ch)
        if b == "L":
            return "L"
        if b in ("R", "AL"):
            return "R"
        if b in ("EN", "AN"):
            return "EN"
    return "N"


@dataclass
class Unit:
    """One unit of a line in display order: its text and its bidi kind."""

    text: str
    kind: str  # L, R, EN, N, SUP, SP


# Unicode bidi: after an Arabic letter digits are Arabic numbers (W2), and only a common
# separator (W4: "/", ".", ",", ":") between two of them joins them into one left-to-right
# number; "-" and "+" do not, so "الغاية 5-2" is displayed "2-5" (LibreOffice, Chromium,
# and the UN's "١٩- ١٥" read as 15-19 in the A/64 report). Elsewhere ("vol. 2225-3") they do.
_ARABIC_CONTEXT_JOINERS = _NUMBER_JOINERS - frozenset("-+")


def _join_numbers(units: list[Unit]) -> list[Unit]:
    """Digits with separators between them and no space (``76/186``) become one number unit."""
    joiners = _ARABIC_CONTEXT_JOINERS if any(u.kind == "R" for u in units) else _NUMBER_JOINERS
    out: list[Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        if u.kind != "EN":
            out.append(u)
            i += 1
            continue
        text = u.text
        j = i + 1
        while j < len(units):
            if units[j].kind == "EN":
                text += units[j].text
                j += 1
            elif (
                units[j].kind == "N"
                and units[j].text in joiners
                and j + 1 < len(units)
                and units[j + 1].kind == "EN"
            ):
                text += units[j].text + units[j + 1].text
                j += 2
            else:
                break
        out.append(Unit(text, "EN"))
        i = j
    return out


def brackets_backwards(text: str) -> int:
    """How many brackets close before they open (``)أ(``): a sign of mirrored glyph codes."""
    bad = 0
    for opener, closer in ("()", "[]"):
        depth = 0
        for ch in text:
            if ch == opener:
                depth += 1
            elif ch == closer:
                if depth:
                    depth -= 1
                else:
                    bad += 1
        bad += depth
    return bad


def visual_to_logical(units: list[Unit], rtl: bool, mirror: bool = False) -> str:
    """Invert the bidi display order of one line given left to right.

    Right-to-left base: Latin runs (with the numbers and neutrals inside them) and numbers
    keep their order; the sequence of those runs and of all other units is reversed.
    A number belongs to a Latin run when the nearest strong unit to its left is Latin
    (``vol. 2225``, ``A/RES/76/186``). Left-to-right base: right-to-left runs (Arabic
    words with the neutrals and numbers between them) are read as right-to-left lines.
    """
    units = _join_numbers(units)
    if not units:
        return ""
    if not rtl:
        return _ltr_to_logical(units, mirror)
    n = len(units)
    kinds = [u.kind for u in units]
    resolved = list(kinds)
    last_strong: str | None = None
    # A bracket between the number and the Latin run, none after: ``No. 39574 (3)`` (a marker).
    # Latin on both sides keeps the number in the run: ``WT/MIN(22)/33-WT/L/1144``.
    bracket_since = False
    latin_after = [False] * n
    for i in range(n - 2, -1, -1):
        latin_after[i] = kinds[i + 1] == "L" or (kinds[i + 1] != "R" and latin_after[i + 1])
    for i, k in enumerate(kinds):
        if k in ("L", "R"):
            last_strong = k
            bracket_since = False
        elif k == "N" and units[i].text in _MIRROR:
            bracket_since = True
        elif k == "EN" and last_strong == "L" and (not bracket_since or latin_after[i]):
            resolved[i] = "L"
    # Neutrals take L between two L's (the nearest non-neutral on each side), else R.
    # Only neutrals are re-resolved, so the neighbours' values are fixed: one pass each way.
    left_l = [False] * n
    seen: str | None = None
    for i, k in enumerate(kinds):
        if k in ("N", "SP"):
            left_l[i] = seen == "L"
        else:
            seen = resolved[i]
    seen = None
    for i in range(n - 1, -1, -1):
        if kinds[i] in ("N", "SP"):
            resolved[i] = "L" if left_l[i] and seen == "L" else "R"
        else:
            seen = resolved[i]
    _pair_brackets(units, resolved)
    atoms: list[str] = []
    run: list[str] = []
    for u, r in zip(units, resolved, strict=False):
        if r == "L":
            run.append(u.text)
            continue
        if run:
            atoms.append("".join(run))
            run = []
        atoms.append(_MIRROR.get(u.text, u.text) if mirror else u.text)
    if run:
        atoms.append("".join(run))
    return "".join(reversed(atoms))


def _pair_brackets(units: list[Unit], resolved: list[str]) -> None:
    """Bidi rule N0 where it matters: a bracket pair drawn ``(`` ... ``)`` (left to right)
    around left-to-right text only is part of that text (``(Vienna, 2020)`` at the end of a
    Latin footnote in a right-to-left paragraph, its ``)`` next to the marker, not at the
    start). A pair that also holds right-to-left text takes the paragraph's direction (N0 b):
    ``(A/76/463، الفقرة 26)`` stays a right-to-left pair."""
    stack: list[int] = []
    for i, u in enumerate(units):
        if u.kind != "N" or u.text not in "()[]":
            continue
        if u.text in "([":
            stack.append(i)
            continue
        if not stack or units[stack[-1]].text != _MIRROR[u.text]:
            stack.clear()
            continue
        j = stack.pop()
        if resolved[i] == "L" and resolved[j] == "L":
            continue
        inside = [resolved[k] for k in range(j + 1, i) if units[k].kind != "SP"]
        if "L" in inside and "R" not in inside:
            resolved[i] = resolved[j] = "L"


def _ltr_to_logical(units: list[Unit], mirror: bool) -> str:
    n = len(units)
    kinds = [u.kind for u in units]
    rtlish = [k == "R" for k in kinds]
    for i, k in enumerate(kinds):
        if k != "R":
            left = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] not in ("N", "SP", "EN")), None)
            right = next((kinds[j] for j in range(i + 1, n) if kinds[j] not in ("N", "SP", "EN")), None)
            rtlish[i] = left == "R" and right == "R"
    out: list[str] = []
    i = 0
    while i < n:
        if not rtlish[i]:
            out.append(units[i].text)
            i += 1
            continue
        j = i
        while j < n and rtlish[j]:
            j += 1
        out.append(visual_to_logical(units[i:j], rtl=True, mirror=mirror))
        i = j
    return "".join(out)
