"""Slashes that pdfplumber lifted off their line (Chromium PDFs), put back.

pdfplumber groups characters into lines by their top edge; in Chromium PDFs the slashes,
brackets and Latin letters of a line sit higher than its Arabic letters and digits and come
out as a line of their own, left to right, above the visual line they belong to
(:mod:`.lifted`). A number's slash goes with them: in a footnote's small type the two halves
of ``76/181`` are then one number, ``76181`` (real, pdfplumber on Chromium's Amiri,
ecosoc-res-2023-15)::

    / ( )
    .ﻖﻓﺮﻤﻟا ،76181 ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا راﺮﻗ 1

and in body type two numbers a space apart (``78 69`` for 78/69), a date's two month names
too (``ربمسيد لوألا نوناك`` for كانون الأول/ديسمبر). The lifted line's lone slashes (``/``
between spaces) and the places in the visual line that want one are both in left-to-right
order, so where only one way gives every lone slash a place (:func:`assign_slashes`) each
goes back to its place, and the symbol's Latin start (``A/``, ``E/CN``) with it when it stood
just before that slash. Anything else stays on the lifted line: nothing is lost.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass

import regex

from ..lexicon import GREGORIAN_MONTHS, LEVANTINE_MONTHS
from ..lines import Line
from .lifted import put_back_pair, restore_lifted
from .pipeline import Context
from .visual import visual_votes

# A lone slash of the lifted line: what stood between two pieces of the line below.
_FREE_SLASH_RE = regex.compile(r"(?<!\S)/(?!\S)")
_ARABIC_RE = regex.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
# A lifted line: no Arabic, at least one lone slash, short (a footnote's Latin can be long).
MAX_LIFTED = 120
# A place for slashes in the visual line: a number run (one token, or two a space apart).
_RUN_RE = regex.compile(r"(?<![\p{Nd},/(])(?<!\p{Nd}\.)(\p{Nd}+)(?: (\p{Nd}+))?(?![\p{Nd}/)])")
# A symbol's Latin start, as the lifted line gives it: "A/", "A/HRC/RES/", "E/CN", "(A/".
_PREFIX_RE = regex.compile(r"^[(\[\-]*([A-Z][A-Za-z]*(?:/[A-Za-z]+)*/?)$")
# A symbol's Latin part after its number: "/Add", "/Rev", "/Corr".
_SUFFIX_RE = regex.compile(r"^(/[A-Z][a-z]+)[)\]]*$")
_YEAR_RE = regex.compile(r"(?:19|20)\d\d")
_PAIR_END_RE = regex.compile(r"\(\s*\)\s*$")
_PUNCT_BEFORE = frozenset(".،,؛;:")


def _reversed_month_pairs() -> list[tuple[str, str]]:
    # A visual line holds a logical "كانون الأول/ديسمبر" as "ربمسيد/لوألا نوناك"; a line
    # that starts on the Levantine name's last word ends with it ("ربمسيد/لوألا").
    pairs: list[tuple[str, str]] = []
    for g, lev in zip(GREGORIAN_MONTHS, LEVANTINE_MONTHS, strict=True):
        pairs.append((g[::-1], regex.escape(lev[::-1]) + r"(?!\S)"))
        if " " in lev:
            pairs.append((g[::-1], regex.escape(lev.split()[-1][::-1]) + r"\s*$"))
    return pairs


_MONTH_RE = regex.compile(
    "|".join(f"(?<!\\S)({regex.escape(g)})( ?)(?={lev})" for g, lev in _reversed_month_pairs())
)


def split_number(digits: str, slashes: int) -> str | None:
    """``digits`` cut into ``slashes + 1`` pieces by the shape of a UN number: each piece
    but the last a year (19xx, 20xx: preferred) or two digits, the last one to three digits,
    none led by a zero; None when no cut fits. A year alone is never cut.

    >>> split_number("76181", 1)
    '76/181'
    >>> split_number("1520239", 2)
    '15/2023/9'
    >>> split_number("2024508", 1)
    '2024/508'
    >>> split_number("2023", 1) is None
    True
    >>> split_number("٢٠٢٣١٢", 1)
    '٢٠٢٣/١٢'
    >>> split_number("٢٠٢٣", 1) is None
    True
    """
    if slashes == 0:
        return digits
    western = "".join(str(unicodedata.digit(c)) for c in digits)
    if len(digits) == 4 and _YEAR_RE.fullmatch(western):
        return None
    for size in (4, 2):
        head, rest = digits[:size], digits[size:]
        if size == 4 and not _YEAR_RE.fullmatch(western[:4]):
            continue
        if head[0] == "0" or not rest or rest[0] == "0":
            continue
        if slashes == 1:
            if len(rest) <= 3:
                return f"{head}/{rest}"
            continue
        tail = split_number(rest, slashes - 1)
        if tail is not None:
            return f"{head}/{tail}"
    return None


@dataclass(frozen=True)
class Place:
    """Where slashes may go in a visual line: ``start:end`` is replaced by ``text(n)``."""

    start: int
    end: int
    options: dict[int, str]  # slashes taken -> the text with them


def _fold(line: str) -> tuple[str, list[int]]:
    """The line with its presentation forms folded, and where each folded character (and
    the end) was in the line."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(line):
        f = unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufefc" else c
        out.append(f)
        where.extend([i] * len(f))
    where.append(len(line))
    return "".join(out), where


def places(line: str) -> list[Place]:
    """The places of the visual ``line`` that may take lifted slashes, left to right: a
    number written as one (``76181``: one or more slashes, or none), two numbers a space
    apart (``78 69``: one, or none), two corresponding month names (one, always). Places
    a space apart whose join is no UN number are two (``10 7810``: ``10`` and ``78/10``).

    >>> [p.options for p in places("ﻰﻟإ ،2022 ربمسيد لوألا نوناك 12 خرؤملا 77 121 اهرارق")]
    [{0: '2022'}, {1: 'ربمسيد/'}, {0: '77 121', 1: '77/121'}]
    >>> [p.options for p in places(". , , . 10 7810 , .")]
    [{0: '7810', 1: '78/10'}]
    """
    found: list[Place] = []
    folded, where = _fold(line)
    for m in _MONTH_RE.finditer(folded):
        for g in range(1, len(m.groups()), 2):
            if m.group(g) is not None:
                start, end = where[m.start(g)], where[m.end(g + 1)]
                gap = where[m.end(g)]
                found.append(Place(start, end, {1: line[start:gap] + "/"}))
                break
    for m in _RUN_RE.finditer(line):
        first, second = m.group(1), m.group(2)
        if second is not None and split_number(first + second, 1) == f"{first}/{second}":
            # The space between is where the slash stood: its pieces are not cut.
            found.append(Place(m.start(), m.end(), {0: m.group(), 1: f"{first}/{second}"}))
            continue
        for g in (1, 2) if second is not None else (1,):
            digits = m.group(g)
            if len(digits) < 3:
                continue
            options = {0: digits}
            for n in (1, 2, 3):
                cut = split_number(digits, n)
                if cut is not None:
                    options[n] = cut
            found.append(Place(m.start(g), m.end(g), options))
    return sorted(found, key=lambda p: (p.start, p.end))


def _overlap(found: list[Place], combo: tuple[int, ...]) -> bool:
    taken = [p for p, n in zip(found, combo, strict=True) if n]
    return any(a.end > b.start for a, b in itertools.pairwise(taken))


def assign_slashes(found: list[Place], slashes: int) -> tuple[int, ...] | None:
    """The one way of giving ``slashes`` lone slashes to the places, each place taking one
    of its options; None when there is none or more than one."""
    ways = [
        combo
        for combo in itertools.product(*(sorted(p.options) for p in found))
        if sum(combo) == slashes and not _overlap(found, combo)
    ]
    return ways[0] if len(ways) == 1 else None


def restore_lifted_slashes(lifted: str, line: str) -> tuple[str, str] | None:
    """The lifted line's lone slashes put back in the visual ``line`` below it (and a
    symbol's Latin start and end beside them); (lifted left, line), or None when their
    places are not certain.

    Real (pdfplumber on Chromium's Amiri, ecosoc-res-2023-15 and ga-res-79-145):

    >>> restore_lifted_slashes("/", ".ﻖﻓﺮﻤﻟا ،76181 ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا راﺮﻗ (1)")
    ('', '.ﻖﻓﺮﻤﻟا ،76/181 ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا راﺮﻗ (1)')
    >>> restore_lifted_slashes("E/CN / /", ". .1520239 رﻈﻧا (2)")
    ('', '.E/CN.15/2023/9 رﻈﻧا (2)')
    >>> restore_lifted_slashes("A/ / /Add A/ /", ". 79310 .1و 79310 (6)")
    ('', '.A/79/310/Add.1و A/79/310 (6)')
    >>> restore_lifted_slashes("/", "2024 ربمسيد لوألا نوناك 11")
    ('', '2024 ربمسيد/لوألا نوناك 11')
    >>> restore_lifted_slashes("E/ / *", ". 20241")
    ('', '.E/2024/1 *')

    A date's month names always take theirs: one slash over a date and two numbers goes to
    the date; two pairs of numbers for one slash: left as they are.

    >>> restore_lifted_slashes("/", "2024 ربمسيد لوألا نوناك 11 خرؤملا 78 69")
    ('', '2024 ربمسيد/لوألا نوناك 11 خرؤملا 78 69')
    >>> restore_lifted_slashes("/", "خرؤملا 78 69 رارقلاو 77 121 رارقلا") is None
    True
    """
    tokens = lifted.split()
    free = [i for i, t in enumerate(tokens) if t == "/"]
    if not free:
        return None
    found = places(line)
    combo = assign_slashes(found, len(free))
    if combo is None:
        return None
    used: set[int] = set()
    out = line
    k = 0  # the next lone slash, by its index in ``free``
    edits: list[tuple[int, int, str]] = []
    for place, n in zip(found, combo, strict=True):
        if n == 0:
            continue
        text = place.options[n]
        first, last = free[k], free[k + n - 1]
        # The slashes of one place stand together on the lifted line: no other glyph between.
        if any(tokens[j] != "/" for j in range(first, last + 1)):
            return None
        used.update(range(first, last + 1))
        k += n
        start, end = place.start, place.end
        before = tokens[first - 1] if first > 0 and first - 1 not in used else ""
        prefix = _PREFIX_RE.match(before)
        if prefix is not None and text[:1].isdigit():
            bare = prefix.group(1)
            lead = before[: len(before) - len(bare)]
            if lead:
                tokens[first - 1] = lead
            else:
                used.add(first - 1)
            if start > 0 and out[start - 1] == "." and not bare.endswith("/"):
                # "E/CN" and ".15": the dot between belongs to the symbol.
                start -= 1
                text = "." + text
            if start >= 2 and out[start - 1] == " " and out[start - 2] in _PUNCT_BEFORE:
                start -= 1
            text = bare + text
        suffix = _SUFFIX_RE.match(tokens[last + 1]) if last + 1 < len(tokens) else None
        if suffix is not None and text[-1:].isdigit():
            tokens[last + 1] = tokens[last + 1][len(suffix.group(1)) :]
            if not tokens[last + 1]:
                used.add(last + 1)
            if out[end : end + 2] == " ." and out[end + 2 : end + 3].isdigit():
                end += 1
            text += suffix.group(1)
        edits.append((start, end, text))
    for start, end, text in sorted(edits, reverse=True):
        out = out[:start] + text + out[end:]
    if tokens[-1] == "*" and max(used) < len(tokens) - 1:
        # A star right of everything the line lifted stood at its right end, the start of
        # the visual line: the marker of the note of an asterisk ("* E/2024/1.").
        used.add(len(tokens) - 1)
        out = out.rstrip() + " *"
    rest = " ".join(t for i, t in enumerate(tokens) if i not in used)
    return rest, out


def _groups(lines: list[Line]) -> list[int]:
    """Indexes of the lifted lines (no Arabic, a lone slash) over a visual line."""
    found: list[int] = []
    for i in range(len(lines) - 1):
        text = lines[i].text
        if len(text) > MAX_LIFTED or "/" not in text or _ARABIC_RE.search(text):
            continue
        if not _FREE_SLASH_RE.search(text):
            continue
        below = lines[i + 1].text
        if regex.search(r"\p{Nd}", below) is None:
            continue
        # A footnote's line may have one or two words that vote neither way: only a line
        # that reads logical is left alone.
        rev, log = visual_votes(below)
        if rev >= log:
            found.append(i)
    return found


def restore_lifted_slash_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, where the lifted-punctuation step found pdfplumber's lifted lines
    (``facts['lifted_lines']``): :func:`restore_lifted_slashes` on each lifted line with a
    lone slash and the line below it; a lifted line left empty goes."""
    if not ctx.facts.get("lifted_lines"):
        return lines
    out = list(lines)
    drop: set[int] = set()
    for i in _groups(lines):
        above, below = out[i], out[i + 1]
        done = restore_lifted_slashes(above.text, below.text)
        if done is None:
            continue
        rest, fixed = done
        if _PAIR_END_RE.search(rest):
            # A footnote's marker brackets, left at the end of the lifted line: "( )" (the
            # step before leaves a Latin line, and a line whose words vote neither way).
            rest, fixed = restore_lifted(rest, fixed)
        put_back_pair(out, drop, i, "lifted_slashes", ctx, rest, fixed)
    return [line for i, line in enumerate(out) if i not in drop]
